"""`space.settings` in log order: an admin sets the attachment size limit (`attach_limit`,
bytes) and/or the disappearing timer (`disappear`, seconds from an hour to four weeks, or 0
for off). Each setting present must be valid, or the event changes nothing; a setting left
out keeps its value."""

from __future__ import annotations

from haven.core.attachments import spec
from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import disappearing_timer as timer
from haven.core.spaces import events as ev
from haven.core.spaces.rules import Handler
from haven.store.spaces import settings as settings_db
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection


def settings(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    limit = e.content.get("attach_limit")
    disappear = e.content.get("disappear")
    if not au.may(author, ev.SETTINGS) or (limit is None and disappear is None):
        return False
    if limit is not None and not (type(limit) is int and spec.MIN_LIMIT <= limit <= spec.MAX_LIMIT):
        return False
    if disappear is not None and not (disappear == 0 or timer.valid(disappear)):
        return False
    if isinstance(limit, int):
        settings_db.set_attach_limit(conn, g.space_id, limit)
    if isinstance(disappear, int):
        settings_db.set_disappear_s(conn, g.space_id, disappear)
    return True


HANDLERS: dict[str, Handler] = {ev.SETTINGS: settings}
