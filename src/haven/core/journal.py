"""The private journal: entries are events in the journal space (a space whose only member
is your own persona, on each of your devices), projected into tables for listing and search.

Concurrent edits from two devices resolve by last writer wins on (Lamport clock, event id),
the same on every device; a delete wins over every edit (docs/PROTOCOL.md, "Journal").
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from haven.core.envelope import Event
from haven.core.eventlog import Draft, EventLog
from haven.core.redaction import erase
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store import journal_tables as jt
from haven.store import log_table as lt
from haven.store.identity_tables import SpaceRow
from haven.store.journal_tables import COUNT_CAP, EntryFilter, EntryRow
from haven.store.vault import Connection, Vault

JournalEntry = EntryRow
__all__ = ["COUNT_CAP", "EntryFilter", "JournalDraft", "JournalEntry", "JournalService"]

CREATE = "journal.entry.create"
EDIT = "journal.entry.edit"
DELETE = "journal.entry.delete"

MAX_BODY_CHARS = 200_000
MAX_TITLE_CHARS = 200
MAX_TAGS = 32
MAX_TAG_CHARS = 40
_UNSET: Any = object()


@dataclass(frozen=True)
class JournalDraft:
    body: str
    title: str = ""
    mood: int | None = None
    tags: tuple[str, ...] = ()


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for raw in tags:
        tag = raw.strip().lstrip("#").strip().casefold()
        tag = "-".join(tag.split())
        if not tag:
            continue
        if len(tag) > MAX_TAG_CHARS:
            raise InvalidInput(f"a tag has at most {MAX_TAG_CHARS} characters")
        if tag not in out:
            out.append(tag)
    if len(out) > MAX_TAGS:
        raise InvalidInput(f"an entry has at most {MAX_TAGS} tags")
    return tuple(sorted(out))


def validate(draft: JournalDraft) -> JournalDraft:
    body = draft.body.strip("\n")
    if not body.strip():
        raise InvalidInput("an entry needs some text")
    if len(body) > MAX_BODY_CHARS:
        raise InvalidInput(f"an entry has at most {MAX_BODY_CHARS} characters")
    title = " ".join(draft.title.split())
    if len(title) > MAX_TITLE_CHARS:
        raise InvalidInput(f"a title has at most {MAX_TITLE_CHARS} characters")
    if draft.mood is not None and not (type(draft.mood) is int and 1 <= draft.mood <= 5):
        raise InvalidInput("mood is a whole number from 1 to 5")
    return JournalDraft(body, title, draft.mood, normalise_tags(draft.tags))


def _content(draft: JournalDraft) -> dict[str, Any]:
    return {"title": draft.title, "body": draft.body, "mood": draft.mood, "tags": list(draft.tags)}


def is_journal_space(conn: Connection, space_id: bytes) -> bool:
    space = ids.get_space(conn, space_id)
    return space is not None and space.kind == "journal"


def _draft_from(content: dict[str, Any]) -> JournalDraft | None:
    """Read an event's content defensively: a malformed one (from a buggy or hostile peer
    with our key) projects to nothing rather than breaking the projection."""
    try:
        draft = JournalDraft(
            body=str(content["body"]),
            title=str(content.get("title") or ""),
            mood=content.get("mood"),
            tags=tuple(str(t) for t in content.get("tags") or ()),
        )
        return validate(draft)
    except (KeyError, TypeError, ValueError, InvalidInput):
        return None


#: The events that carry an entry's words, which its deletion erases.
ERASABLE = frozenset({CREATE, EDIT})


class JournalRedaction:
    """Only the journal's persona deletes, so a deletion by it may erase any of its entries
    (on every linked device: they share the persona)."""

    erasable = ERASABLE

    def may_erase(self, conn: Connection, space: SpaceRow, target: Event, redaction: Event) -> bool:
        return redaction.type == DELETE and redaction.author == target.author == space.persona_id


class JournalProjector:
    type_prefix = "journal."

    def apply(self, conn: Connection, event: Event, log: EventLog) -> None:
        if event.type == CREATE:
            self._create(conn, event, log)
        elif event.type == EDIT:
            self._edit(conn, event)
        elif event.type == DELETE:
            target = event.content.get("target")
            if isinstance(target, bytes):
                jt.delete_entry(conn, target)
                # The entry's words leave the log too: its create and edits keep only their
                # place in this device's chain (docs/PROTOCOL.md, "Redaction").
                erase(conn, target, event, ERASABLE)

    def clear(self, conn: Connection, space_id: bytes) -> None:
        if is_journal_space(conn, space_id):  # rebuilding a group space leaves the journal be
            jt.clear(conn)

    def _create(self, conn: Connection, event: Event, log: EventLog) -> None:
        draft = _draft_from(event.content)
        if draft is None:
            return
        # The log holds each event once, so the entry cannot exist yet; it may have been
        # deleted already (a delete that arrived first), which insert_entry checks.
        if not jt.insert_entry(
            conn,
            EntryRow(
                event.id,
                draft.title,
                draft.body,
                draft.mood,
                draft.tags,
                event.created_ms,
                event.created_ms,
            ),
        ):
            return
        # Edits or a delete from another device may have arrived before the entry itself.
        for stored in lt.events_targeting(conn, event.id):
            if stored.type in (EDIT, DELETE) and stored.author == event.author:
                self.apply(conn, log.open_stored(conn, stored), log)

    def _edit(self, conn: Connection, event: Event) -> None:
        target = event.content.get("target")
        if not isinstance(target, bytes):
            return
        current = jt.get_entry(conn, target)
        if current is None:
            return  # not here yet (applied when it arrives) or deleted
        if (event.lamport, event.id) <= (current.edit_lamport, current.edit_id):
            return
        draft = _draft_from(event.content)
        if draft is None:
            return
        jt.update_entry(
            conn,
            EntryRow(
                target,
                draft.title,
                draft.body,
                draft.mood,
                draft.tags,
                current.created_ms,
                event.created_ms,
                event.lamport,
                event.id,
            ),
        )


class JournalService:
    """What the CLI and the UI call. Every method runs in the caller's thread; the UI calls
    the slow ones from a worker."""

    def __init__(self, vault: Vault, log: EventLog, space_id: bytes) -> None:
        self._vault = vault
        self._log = log
        self.space_id = space_id

    def add(
        self, body: str, title: str = "", mood: int | None = None, tags: Iterable[str] = ()
    ) -> bytes:
        return self.add_many([JournalDraft(body, title, mood, tuple(tags))])[0]

    def add_many(self, drafts: Sequence[JournalDraft]) -> list[bytes]:
        checked = [validate(d) for d in drafts]
        events = self._log.append_many(self.space_id, (Draft(CREATE, _content(d)) for d in checked))
        return [e.id for e in events]

    def edit(
        self,
        entry_id: bytes,
        *,
        body: str | None = None,
        title: str | None = None,
        mood: int | None = _UNSET,
        tags: Iterable[str] | None = None,
    ) -> None:
        """Change some fields of an entry; the others keep their current values."""
        current = self.get(entry_id)
        draft = validate(
            JournalDraft(
                body=current.body if body is None else body,
                title=current.title if title is None else title,
                mood=current.mood if mood is _UNSET else mood,
                tags=current.tags if tags is None else tuple(tags),
            )
        )
        self._log.append(self.space_id, EDIT, _content(draft), target=entry_id)

    def delete(self, entry_id: bytes) -> None:
        self.get(entry_id)
        self._log.append(self.space_id, DELETE, {}, target=entry_id)

    def get(self, entry_id: bytes) -> JournalEntry:
        with self._vault.read() as conn:
            entry = jt.get_entry(conn, entry_id)
        if entry is None:
            raise NotFound("no journal entry with that id")
        return entry

    def resolve_id(self, text: str) -> bytes:
        """Accept a full hex id or an unambiguous prefix of at least 6 hex digits."""
        text = text.strip().lower()
        try:
            bytes.fromhex(text if len(text) % 2 == 0 else text + "0")
        except ValueError:
            raise InvalidInput("an entry id is written in hexadecimal") from None
        if len(text) == 64:
            return self.get(bytes.fromhex(text)).entry_id
        if len(text) < 6:
            raise InvalidInput("give at least 6 characters of the entry id")
        with self._vault.read() as conn:
            found = jt.find_entry_ids(conn, text)
        if not found:
            raise NotFound("no journal entry with that id")
        if len(found) > 1:
            raise InvalidInput("that id prefix matches more than one entry; give more of it")
        return found[0]

    def list(
        self,
        flt: EntryFilter | None = None,
        limit: int = -1,
        offset: int = 0,
        after: bytes | None = None,
    ) -> list[JournalEntry]:
        """Newest first. A page that follows another gives the id of the last entry it
        showed as `after` (read from there in the index) and its row count as `offset`
        (used only if that entry was deleted meanwhile)."""
        with self._vault.read() as conn:
            return jt.query_entries(conn, flt or EntryFilter(), limit, offset, after)

    def count(self, flt: EntryFilter | None = None, cap: int | None = None) -> int:
        """How many entries `flt` finds; with `cap`, counting stops there (COUNT_CAP is
        what a screen needs: the count of a common word is otherwise as slow as reading
        every entry that has it)."""
        with self._vault.read() as conn:
            return jt.count_entries(conn, flt or EntryFilter(), -1 if cap is None else cap)

    def search(
        self, text: str, flt: EntryFilter | None = None, limit: int = 100
    ) -> builtins.list[JournalEntry]:
        base = flt or EntryFilter()
        query = EntryFilter(base.tags, base.mood, base.since_ms, base.until_ms, text)
        if not jt.fts_query(text):
            return []
        return self.list(query, limit)

    def tags(self) -> builtins.list[tuple[str, int]]:
        with self._vault.read() as conn:
            return jt.all_tags(conn)

    def rebuild(self) -> int:
        return self._log.rebuild_projections(self.space_id)
