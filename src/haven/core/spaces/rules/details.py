"""The rules for a space's details, in log order: the genesis (only the owner named when the
space was made here or in the welcome, and only once) and later edits by admins."""

from __future__ import annotations

from typing import Any

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role
from haven.core.spaces.rules import Handler, keys
from haven.core.spaces.rules.keys import refresh_epoch
from haven.core.spaces.rules.membership import member_row
from haven.core.spaces.rules.moderation import modlog
from haven.store.spaces import details as details_db
from haven.store.spaces import groups as groups_db
from haven.store.spaces import keys as keys_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection


def _set_details(conn: Connection, g: GroupRow, c: dict[str, Any]) -> None:
    details_db.set_info(
        conn,
        g.space_id,
        ev.clean_text(c.get("name"), ev.MAX_SPACE_NAME, "a name", required=True),
        ev.clean_text(
            c.get("description", ""), ev.MAX_DESCRIPTION, "a description", multiline=True
        ),
        ev.clean_topics(c.get("topics") or ()),
        ev.clean_text(c.get("guidelines", ""), ev.MAX_GUIDELINES, "guidelines", multiline=True),
    )


def genesis(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    state = groups_db.get_state(conn, g.space_id)
    if state is None or state.genesis_id is not None or e.author != g.owner_pk:
        return False
    c = e.content
    if not keys.commit(conn, g, e, e.header.epoch):
        return False
    _set_details(conn, g, c)
    devices = ev.clean_devices(c.get("devices"))
    membership_db.put_member(conn, g.space_id, member_row(e, None, c.get("profile"), Role.OWNER))
    membership_db.put_devices(conn, g.space_id, e.author, devices)
    details_db.set_genesis(conn, g.space_id, e.id, e.header.epoch)
    keys_db.add_recipients(conn, g.space_id, e.header.epoch, [b for _, b in devices])
    refresh_epoch(conn, g.space_id)
    return True


def info(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    if not au.may(author, ev.INFO):
        return False
    c = e.content
    _set_details(conn, g, c)
    modlog(conn, e, "edit-info", None)
    return True


HANDLERS: dict[str, Handler] = {ev.GENESIS: genesis, ev.INFO: info}
