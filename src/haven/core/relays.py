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
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from haven.core.clock import now_ms
from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store import relay_tables as rt
from haven.store.spaces_tables import GroupRow, MemberRow
from haven.store.vault import Connection

if TYPE_CHECKING:
    from haven.core.eventlog import EventLog
    from haven.core.session import Session

JOURNAL_RELAYS = "journal.relays"
SPACE_RELAYS = ev.RELAYS
MAX_RELAYS = 8
MAX_URL_CHARS = 200
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
TRANSPORTS = frozenset({"lan", "direct", "relay"})


def check_relay_url(text: object) -> str:
    """A relay URL in one canonical spelling: wss://HOST[:PORT]/PATH, or ws:// to this
    computer only (plain WebSocket would show every blob and mailbox id to the network)."""
    if not isinstance(text, str) or not text.strip() or len(text.strip()) > MAX_URL_CHARS:
        raise InvalidInput(
            f"a relay address is a ws:// or wss:// URL of at most {MAX_URL_CHARS} characters"
        )
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        raise InvalidInput("that relay address is not a valid URL") from None
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in ("ws", "wss") or not host or parts.username or parts.password:
        raise InvalidInput("a relay address looks like wss://relay.example.org/")
    if parts.query or parts.fragment or any(c.isspace() for c in text.strip()):
        raise InvalidInput("a relay address has no query, fragment or spaces")
    if scheme == "ws" and host not in LOCAL_HOSTS:
        raise InvalidInput(
            "plain ws:// is only allowed to 127.0.0.1 or localhost; use wss:// for any other relay"
        )
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}{f':{port}' if port is not None else ''}{parts.path or '/'}"


def parse_relays(content: dict[str, Any]) -> list[str] | None:
    """The list an event carries, or None if it is malformed (then it changes nothing)."""
    urls = content.get("relays")
    if not isinstance(urls, list) or len(urls) > MAX_RELAYS:
        return None
    try:
        checked = [check_relay_url(u) for u in urls]
    except InvalidInput:
        return None
    return list(dict.fromkeys(checked))


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


def apply_space_relays(
    conn: Connection, group: GroupRow, event: Event, author: MemberRow | None
) -> bool:
    """The spaces projector's rule for `space.relays`, applied in log order: admins only."""
    if not au.may(author, SPACE_RELAYS):
        return False
    urls = parse_relays(event.content)
    if urls is None:
        return False
    rt.put_relay_list(conn, group.space_id, urls, event.lamport, event.id)
    return True


def clear_space_relays(conn: Connection, space_id: bytes) -> None:
    """Called when the spaces projector recomputes a group from its ordered log."""
    rt.clear_relay_list(conn, space_id)


# ----------------------------------------------------------------- lists


def _space(session: Session, space_id: bytes) -> ids.SpaceRow:
    with session.vault.read() as conn:
        space = ids.get_space(conn, space_id)
    if space is None:
        raise NotFound("unknown space")
    return space


def relays(session: Session, space_id: bytes) -> list[str]:
    if space_id != session.journal.space_id:
        with contextlib.suppress(NotFound):  # a space with no history yet has no list
            session.spaces.space_info(space_id)  # recomputes the projection if stale
    with session.vault.read() as conn:
        found = rt.get_relay_list(conn, space_id)
    return found[0] if found else []


def set_relays(session: Session, space_id: bytes, urls: list[str]) -> list[str]:
    """Write a new relay list for the space (an event, so it reaches the other members)."""
    checked = list(dict.fromkeys(check_relay_url(u) for u in urls))
    if len(checked) > MAX_RELAYS:
        raise InvalidInput(f"a space uses at most {MAX_RELAYS} relays")
    space = _space(session, space_id)
    if space.kind == "journal":
        session.log.append(space_id, JOURNAL_RELAYS, {"relays": checked})
    else:
        role = session.spaces.space_info(space_id).my_role
        if role is None or role.rank < Role.ADMIN.rank:
            raise InvalidInput("only admins can change a space's relays")
        session.log.append(space_id, SPACE_RELAYS, {"relays": checked})
    return relays(session, space_id)


def add_relay(session: Session, space_id: bytes, url: str) -> list[str]:
    current = relays(session, space_id)
    url = check_relay_url(url)
    return current if url in current else set_relays(session, space_id, [*current, url])


def remove_relay(session: Session, space_id: bytes, url: str) -> list[str]:
    current = relays(session, space_id)
    url = check_relay_url(url)
    if url not in current:
        raise NotFound("this space does not use that relay")
    return set_relays(session, space_id, [u for u in current if u != url])


def spaces_using(session: Session, relay: str | None = None) -> list[bytes]:
    """Spaces with at least one relay, journal first. With `relay` (chosen by the person,
    `haven sync --relay`): spaces that list it, and spaces with no list yet — a device just
    linked or a member just joined learns the list through its first sync."""
    with session.vault.read() as conn:
        rows = ids.list_spaces(conn)
    out = []
    for row in sorted(rows, key=lambda r: (r.kind != "journal", r.created_ms, r.space_id)):
        listed = relays(session, row.space_id)
        if (relay is None and listed) or (relay is not None and (relay in listed or not listed)):
            out.append(row.space_id)
    return out


# ----------------------------------------------------------------- outbox and cursors


@dataclass(frozen=True)
class Pending:
    seq: int
    epoch: int
    envelope: bytes


def own_chain(session: Session, space_id: bytes) -> tuple[bytes, bytes]:
    """(author, device) this device writes under in the space."""
    persona = _space(session, space_id).persona_id
    return persona, session.identity.device_id_for(persona)


def pending(session: Session, relay: str, space_id: bytes, limit: int = 256) -> list[Pending]:
    author, device = own_chain(session, space_id)
    with session.vault.read() as conn:
        acked = rt.get_acked(conn, relay, space_id)
        return [
            Pending(e.seq, e.epoch, e.envelope)
            for e in lt.chain_after(conn, space_id, author, device, acked, limit)
        ]


def mark_acked(session: Session, relay: str, space_id: bytes, seq: int) -> None:
    with session.vault.transaction() as conn:
        rt.set_acked(conn, relay, space_id, seq)


def waiting(session: Session, space_id: bytes, relay: str | None = None) -> int:
    """Own events not yet acknowledged by `relay` (or by every relay of the space)."""
    targets = [relay] if relay else relays(session, space_id)
    if not targets:
        return 0
    author, device = own_chain(session, space_id)
    with session.vault.read() as conn:
        tip, _ = lt.chain_tip(conn, space_id, author, device)
        return max(max(0, tip - rt.get_acked(conn, r, space_id)) for r in targets)


def cursor(session: Session, relay: str, mailbox: bytes) -> int:
    with session.vault.read() as conn:
        return rt.get_cursor(conn, relay, mailbox)


# ----------------------------------------------------------------- status


@dataclass(frozen=True)
class SyncStatus:
    """What the UI shows for a space. No keys, no content."""

    transport: str | None  # "lan", "direct" or "relay"; None if never synced
    last_sync_ms: int | None
    waiting: int  # own events no relay of the space has acknowledged yet
    held: int  # events received early, waiting for a gap in someone's chain to fill


def record_sync(
    session: Session, space_ids: list[bytes], transport: str, at_ms: int | None = None
) -> None:
    if transport not in TRANSPORTS:
        raise ValueError(transport)
    when = now_ms() if at_ms is None else at_ms
    with session.vault.transaction() as conn:
        for space_id in space_ids:
            rt.record_sync(conn, space_id, transport, when)


def sync_status(session: Session, space_id: bytes) -> SyncStatus:
    _space(session, space_id)
    with session.vault.read() as conn:
        last = rt.last_sync(conn, space_id)
        held = lt.count_held(conn, space_id)
    return SyncStatus(
        last[0] if last else None, last[1] if last else None, waiting(session, space_id), held
    )
