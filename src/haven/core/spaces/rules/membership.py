"""The membership rules, one event at a time, in log order: adding members, roles,
removing and banning, leaving (with the owner's succession), profiles, devices and handing
over ownership. Each returns whether the event was valid; an invalid one changes nothing
(docs/PROTOCOL.md, "Group spaces")."""

from __future__ import annotations

from typing import Any

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role, Status
from haven.core.spaces.rules import Handler, gatherings
from haven.core.spaces.rules.moderation import modlog
from haven.store.spaces import keys as keys_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection


def member_row(
    event: Event, author: MemberRow | None, profile: Any, role: Role, lamport: int | None = None
) -> MemberRow:
    p = ev.clean_profile(profile)
    return MemberRow(
        event.author if author is None else author.member_pk,
        role.value,
        Status.ACTIVE.value,
        p.display_name,
        p.pronouns,
        p.colour,
        event.lamport if lamport is None else lamport,
    )


def add(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    c = e.content
    pk = ev.clean_pk(c.get("member"))
    target = membership_db.get_member(conn, g.space_id, pk)
    if not au.may_add(author, target):
        return False
    devices = ev.clean_devices(c.get("devices"))
    key_epoch = ev.clean_epoch(c.get("key_epoch")) if c.get("key_epoch") else 0
    p = ev.clean_profile(c.get("profile"))
    membership_db.put_member(
        conn,
        g.space_id,
        MemberRow(
            pk,
            Role.MEMBER.value,
            Status.ACTIVE.value,
            p.display_name,
            p.pronouns,
            p.colour,
            e.lamport,
        ),
    )
    membership_db.put_devices(conn, g.space_id, pk, devices)
    keys_db.add_recipients(conn, g.space_id, key_epoch, [b for _, b in devices])
    modlog(conn, e, "add", pk, p.display_name)
    if target is not None:  # added again: their answers to events may hold places again
        gatherings.member_changed(conn, g, pk)
    return True


def role(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    pk, new = ev.clean_pk(e.content.get("member")), ev.clean_role(e.content.get("role"))
    ev.clean_cut(e.content.get("cut"))  # a malformed cut makes the role change invalid
    target = membership_db.get_member(conn, g.space_id, pk)
    if target is None or not au.may_change_role(author, target, new):
        return False
    membership_db.put_member(conn, g.space_id, MemberRow(pk, new.value, *_rest(target)))
    modlog(conn, e, "role", pk, new.value)
    return True


def _rest(m: MemberRow) -> tuple[str, str, str, str, int]:
    return m.status, m.display_name, m.pronouns, m.colour, m.since_lamport


def remove(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    pk = ev.clean_pk(e.content.get("member"))
    ban = e.content.get("ban") is True
    ev.clean_cut(e.content.get("cut"))  # a malformed cut makes the removal invalid
    reason = ev.clean_text(e.content.get("reason", ""), ev.MAX_REASON, "a reason")
    target = membership_db.get_member(conn, g.space_id, pk)
    if target is None or not au.may_remove(author, target):
        return False
    status = Status.BANNED if ban else Status.REMOVED
    membership_db.put_member(
        conn, g.space_id, MemberRow(pk, Role.MEMBER.value, status.value, *_rest(target)[1:])
    )
    modlog(conn, e, "ban" if ban else "remove", pk, reason)
    gatherings.member_changed(conn, g, pk)  # their places at events go to those waiting
    return True


def leave(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    ev.clean_cut(e.content.get("cut"))  # a malformed cut makes the leave invalid
    if author is None or not au.may(author, ev.LEAVE):
        return False
    # Its rank as stored: a demotion's cap (core/spaces/finality.py) limits acts, not
    # succession.
    held = membership_db.get_member(conn, g.space_id, author.member_pk) or author
    if held.role == Role.OWNER.value:
        heir = au.successor(conn, g.space_id, author.member_pk)
        if heir is not None:
            membership_db.put_member(
                conn, g.space_id, MemberRow(heir.member_pk, Role.OWNER.value, *_rest(heir))
            )
            modlog(conn, e, "owner", heir.member_pk, "succession")
    membership_db.put_member(
        conn,
        g.space_id,
        MemberRow(author.member_pk, Role.MEMBER.value, Status.LEFT.value, *_rest(author)[1:]),
    )
    gatherings.member_changed(conn, g, author.member_pk)
    return True


def profile(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    if author is None or not au.may(author, ev.PROFILE):
        return False
    p = ev.clean_profile(e.content.get("profile"))
    held = membership_db.get_member(conn, g.space_id, author.member_pk) or author
    membership_db.put_member(
        conn,
        g.space_id,
        MemberRow(
            author.member_pk,
            held.role,  # as stored, never a demotion's cap (core/spaces/cutting_events.py)
            author.status,
            p.display_name,
            p.pronouns,
            p.colour,
            author.since_lamport,
        ),
    )
    return True


def devices(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    """Replace a member's device list; a device dropped from it stops receiving keys (the
    service rotates in the same transaction, and admins' devices heal if it did not)."""
    pk = ev.clean_pk(e.content.get("member"))
    devices = ev.clean_devices(e.content.get("devices"))
    ev.clean_cut(e.content.get("cut"), empty_chains=True)  # the dropped chains' cut
    target = membership_db.get_member(conn, g.space_id, pk)
    if not au.may_set_devices(author, target):
        return False
    others = author is not None and author.member_pk != pk
    if others and not set(devices) <= set(membership_db.member_devices(conn, g.space_id, pk)):
        return False  # only its person announces a device or key; an admin only drops one
    membership_db.delete_devices(conn, g.space_id, pk)
    membership_db.put_devices(conn, g.space_id, pk, devices)
    if author is not None and author.member_pk != pk:
        modlog(conn, e, "devices", pk, str(len(devices)))
    return True


def transfer(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    pk = ev.clean_pk(e.content.get("member"))
    ev.clean_cut(e.content.get("cut"))  # a malformed cut makes the handover invalid
    target = membership_db.get_member(conn, g.space_id, pk)
    if (
        author is None
        or target is None
        or not au.may(author, ev.TRANSFER)
        or not au.is_active(target)
        or pk == author.member_pk
    ):
        return False
    membership_db.put_member(conn, g.space_id, MemberRow(pk, Role.OWNER.value, *_rest(target)))
    membership_db.put_member(
        conn, g.space_id, MemberRow(author.member_pk, Role.ADMIN.value, *_rest(author))
    )
    modlog(conn, e, "owner", pk, "transfer")
    return True


HANDLERS: dict[str, Handler] = {
    ev.ADD: add,
    ev.ROLE: role,
    ev.REMOVE: remove,
    ev.LEAVE: leave,
    ev.PROFILE: profile,
    ev.DEVICES: devices,
    ev.TRANSFER: transfer,
}
