"""Which relays each space uses, what is waiting for them, and when each space last synced.

A space's relay list is itself an event, so every member (or every linked device, for the
journal) learns it through sync: `space.relays` (admins only, checked in log order by the
spaces projector) and `journal.relays` (the persona's own devices; the newest by
(Lamport clock, event id) wins). Content: {"relays": [url, ...]}, the whole list each time.

The outbox is not a second copy of anything: the log is immutable and this device's own
events in a space form one gap-free chain, so "acknowledged by relay R up to seq n" is all
that must survive a restart; every later event of the chain is waiting for R.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from haven.core.clock import now_ms
from haven.core.envelope import Event
from haven.core.eventlog import EventLog, IngestResult
from haven.core.identity import Identity
from haven.core.relay_urls import MAX_RELAYS, check_relay_url, parse_relays
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role
from haven.core.spaces.service import SpaceService
from haven.crypto.subkeys import derive_subkey
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store import relay_tables as rt
from haven.store.spaces import dms as dms_db
from haven.store.vault import Connection, Vault

JOURNAL_RELAYS = "journal.relays"
#: crypto_kdf context of the key relay erase tokens come from (`RelayService.erase_key`).
ERASE_KEY_CONTEXT = b"hvrlyera"
SPACE_RELAYS = ev.RELAYS
TRANSPORTS = frozenset({"lan", "direct", "relay"})


class JournalRelaysProjector:
    """Projects `journal.relays`: the newest list by (Lamport clock, event id) wins."""

    type_prefix = JOURNAL_RELAYS

    def apply(self, conn: Connection, event: Event, log: EventLog) -> None:
        urls = parse_relays(event.content) if event.type == JOURNAL_RELAYS else None
        if urls is None:
            return
        current = rt.get_relay_list(conn, event.space_id)
        if current is None or (event.lamport, event.id) > (current[1], current[2]):
            rt.put_relay_list(conn, event.space_id, urls, event.lamport, event.id)

    def clear(self, conn: Connection, space_id: bytes) -> None:
        space = ids.get_space(conn, space_id)
        if space is not None and space.kind == "journal":
            rt.clear_relay_list(conn, space_id)


@dataclass(frozen=True)
class Pending:
    seq: int
    epoch: int
    envelope: bytes
    event_id: bytes


@dataclass(frozen=True)
class Erasable:
    """One of this person's redacted events whose blob a relay should erase, its place in
    the erase queue, and its redacted form."""

    seq: int
    event_id: bytes
    epoch: int
    envelope: bytes


@dataclass(frozen=True)
class SyncStatus:
    """What the UI shows for a space. No keys, no content."""

    transport: str | None  # "lan", "direct" or "relay"; None if never synced
    last_sync_ms: int | None
    waiting: int  # own events no relay of the space has acknowledged yet
    held: int  # events received early, waiting for a gap in someone's chain to fill


class RelayService:
    """`session.relays`: relay lists (as events), the outbox of own events per relay, the
    relay cursors, and each space's sync status."""

    def __init__(
        self,
        vault: Vault,
        log: EventLog,
        identity: Identity,
        spaces: SpaceService,
        journal_space: bytes,
    ) -> None:
        self._vault = vault
        self._log = log
        self._identity = identity
        self._spaces = spaces
        self._journal_space = journal_space

    # ----------------------------------------------------------------- lists

    def _space(self, space_id: bytes) -> ids.SpaceRow:
        with self._vault.read() as conn:
            space = ids.get_space(conn, space_id)
        if space is None:
            raise NotFound("unknown space")
        return space

    def urls(self, space_id: bytes) -> list[str]:
        if space_id != self._journal_space:
            with contextlib.suppress(NotFound):  # a space with no history yet has no list
                self._spaces.space_info(space_id)  # recomputes the projection if stale
        with self._vault.read() as conn:
            dm = dms_db.get_dm(conn, space_id)  # a direct conversation: its space's relays
            if dm is not None:
                return self.urls(dm.parent_id)
            found = rt.get_relay_list(conn, space_id)
        return found[0] if found else []

    def set_relays(self, space_id: bytes, urls: list[str]) -> list[str]:
        """Write a new relay list for the space (an event, so it reaches the other members)."""
        checked = list(dict.fromkeys(check_relay_url(u) for u in urls))
        if len(checked) > MAX_RELAYS:
            raise InvalidInput(f"a space uses at most {MAX_RELAYS} relays")
        space = self._space(space_id)
        with self._vault.read() as conn:
            if dms_db.get_dm(conn, space_id) is not None:
                raise InvalidInput("a direct conversation uses the relays of its space")
        if space.kind == "journal":
            self._log.append(space_id, JOURNAL_RELAYS, {"relays": checked})
        else:
            role = self._spaces.space_info(space_id).my_role
            if role is None or role.rank < Role.ADMIN.rank:
                raise InvalidInput("only admins can change a space's relays")
            self._spaces.device_keys.ensure_certified(space_id)  # its first event, maybe
            self._log.append(space_id, SPACE_RELAYS, {"relays": checked})
        return self.urls(space_id)

    def add_relay(self, space_id: bytes, url: str) -> list[str]:
        current = self.urls(space_id)
        url = check_relay_url(url)
        return current if url in current else self.set_relays(space_id, [*current, url])

    def remove_relay(self, space_id: bytes, url: str) -> list[str]:
        current = self.urls(space_id)
        url = check_relay_url(url)
        if url not in current:
            raise NotFound("this space does not use that relay")
        return self.set_relays(space_id, [u for u in current if u != url])

    def spaces_using(self, relay: str | None = None) -> list[bytes]:
        """Spaces with at least one relay, journal first. With `relay` (chosen by the person,
        `haven sync --relay`): spaces that list it, and spaces with no list yet — a device just
        linked or a member just joined learns the list through its first sync."""
        with self._vault.read() as conn:
            rows = ids.list_spaces(conn)
        out = []
        for row in sorted(rows, key=lambda r: (r.kind != "journal", r.created_ms, r.space_id)):
            listed = self.urls(row.space_id)
            if (relay is None and listed) or (
                relay is not None and (relay in listed or not listed)
            ):
                out.append(row.space_id)
        return out

    # ----------------------------------------------------------------- outbox and cursors

    def own_chain(self, space_id: bytes) -> tuple[bytes, bytes]:
        """(author, device) this device writes under in the space."""
        persona = self._space(space_id).persona_id
        return persona, self._identity.device_id_for(persona)

    def pending(
        self, relay: str, space_id: bytes, limit: int = 256, after: int = 0
    ) -> list[Pending]:
        """Own events `relay` has not acknowledged, in order; past `after` (those already
        in flight) if it is further."""
        author, device = self.own_chain(space_id)
        with self._vault.read() as conn:
            acked = max(rt.get_acked(conn, relay, space_id), after)
            return [
                Pending(e.seq, e.epoch, e.envelope, e.id)
                for e in lt.chain_after(conn, space_id, author, device, acked, limit)
            ]

    def mark_acked(self, relay: str, space_id: bytes, seq: int) -> None:
        with self._vault.transaction() as conn:
            rt.set_acked(conn, relay, space_id, seq)

    def unerased(self, relay: str, space_id: bytes, limit: int = 256) -> list[Erasable]:
        """This person's redacted events of the space (a post they deleted, or one a
        moderator removed) that `relay` has not yet been asked to erase, oldest first."""
        with self._vault.read() as conn:
            return [Erasable(*row) for row in rt.unerased(conn, relay, space_id, limit)]

    def mark_erased(self, relay: str, space_id: bytes, done_seq: int) -> None:
        """`relay` was asked about every entry up to `done_seq` (Erasable.seq)."""
        with self._vault.transaction() as conn:
            rt.mark_erased(conn, relay, space_id, done_seq)

    def erase_key(self, space_id: bytes) -> bytes:
        """The key this person's erase tokens for the space's relay blobs come from: a
        crypto_kdf subkey of the signing seed of the persona it writes under there. Only the
        author (and the author's linked devices, which hold the same persona) can make an
        event's token, so no other member can erase or overwrite its blob on a relay."""
        seed = self._identity.signing_keys(self._space(space_id).persona_id).seed
        return derive_subkey(seed, ERASE_KEY_CONTEXT)

    def waiting(self, space_id: bytes, relay: str | None = None) -> int:
        """Own events not yet acknowledged by `relay` (or by every relay of the space)."""
        targets = [relay] if relay else self.urls(space_id)
        if not targets:
            return 0
        author, device = self.own_chain(space_id)
        with self._vault.read() as conn:
            tip, _ = lt.chain_tip(conn, space_id, author, device)
            return max(max(0, tip - rt.get_acked(conn, r, space_id)) for r in targets)

    def cursor(self, relay: str, mailbox: bytes) -> int:
        with self._vault.read() as conn:
            return rt.get_cursor(conn, relay, mailbox)

    def ingest_page(
        self,
        relay: str,
        mailbox: bytes,
        envelopes: list[bytes],
        cursor: int,
        *,
        settle_later: bool = False,
    ) -> IngestResult:
        """Ingest one page fetched from a relay's mailbox; the cursor moves in the same
        transaction, so a crash either keeps both or neither (and the page is fetched
        again). With `settle_later`, recomputes wait for `settle` (EventLog.ingest_opened)."""
        with self._vault.transaction() as conn:
            opened = self._log.open_envelopes(envelopes)
            result = self._log.ingest_opened([opened], settle_later=settle_later)[0]
            rt.set_cursor(conn, relay, mailbox, cursor)
        return result

    def skip_own(self, relay: str, mailbox: bytes, cursor: int) -> None:
        """Move the mailbox's cursor over blobs the relay acknowledged as this device's own
        appends (their events are in the log already), so a round does not fetch them back."""
        with self._vault.transaction() as conn:
            rt.set_cursor(conn, relay, mailbox, cursor)

    def settle(self) -> None:
        """Recompute what pages ingested with `settle_later` left stale."""
        self._log.settle()

    def epoch_keys(self, space_id: bytes) -> dict[int, bytes]:
        """Every epoch key of the space this vault holds: a relay mailbox and the key its
        blobs are sealed with derive from each."""
        with self._vault.read() as conn:
            return ids.epoch_keys(conn, space_id)

    def held(self, space_id: bytes) -> int:
        """Events received early, waiting for a gap in someone's chain to fill."""
        with self._vault.read() as conn:
            return lt.count_held(conn, space_id)

    # ----------------------------------------------------------------- status

    def record_sync(self, space_ids: list[bytes], transport: str, at_ms: int | None = None) -> None:
        if transport not in TRANSPORTS:
            raise ValueError(transport)
        when = now_ms() if at_ms is None else at_ms
        with self._vault.transaction() as conn:
            for space_id in space_ids:
                rt.record_sync(conn, space_id, transport, when)

    def sync_status(self, space_id: bytes) -> SyncStatus:
        self._space(space_id)
        with self._vault.read() as conn:
            last = rt.last_sync(conn, space_id)
            held = lt.count_held(conn, space_id)
        return SyncStatus(
            last[0] if last else None, last[1] if last else None, self.waiting(space_id), held
        )
