"""`space.device.cert` and `space.device.revoke` in log order: they change nothing the
projection shows. What they do — which key each member device signs with, which devices
a member revoked — is decided when they are stored, by the gate's rule, which depends on
the member's own events only (core/spaces/device_keys.py). Here they count as a member's
own events: valid from an active member."""

from __future__ import annotations

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.rules import Handler
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection


def own_device_event(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    return au.is_active(author)


HANDLERS: dict[str, Handler] = {
    ev.DEVICE_CERT: own_device_event,
    ev.DEVICE_REVOKE: own_device_event,
}
