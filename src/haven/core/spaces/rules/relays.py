"""The rule for `space.relays`, applied in log order by the spaces projector: only admins
set a space's relay list; the whole list each time (checked as in haven.core.relay_urls)."""

from __future__ import annotations

from haven.core.envelope import Event
from haven.core.relay_urls import parse_relays
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.rules import Handler
from haven.store import relay_tables as rt
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection


def apply_space_relays(
    conn: Connection, group: GroupRow, event: Event, author: MemberRow | None
) -> bool:
    """The spaces projector's rule for `space.relays`, applied in log order: admins only."""
    if not au.may(author, ev.RELAYS):
        return False
    urls = parse_relays(event.content)
    if urls is None:
        return False
    rt.put_relay_list(conn, group.space_id, urls, event.lamport, event.id)
    return True


def clear_space_relays(conn: Connection, space_id: bytes) -> None:
    """Called when the spaces projector recomputes a group from its ordered log."""
    rt.clear_relay_list(conn, space_id)


HANDLERS: dict[str, Handler] = {ev.RELAYS: apply_space_relays}
