"""The membership rules, one event at a time, in log order: genesis, details, members,
roles, devices, ownership and epoch keys. Each returns whether the event was valid; an
invalid one changes nothing (docs/PROTOCOL.md, "Group spaces")."""

from __future__ import annotations

from typing import Any

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces import keys
from haven.core.spaces.model import Role, Status
from haven.crypto.sealing import BoxKeyPair
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store import spaces_tables as st
from haven.store.spaces_tables import GroupRow, MemberRow
from haven.store.vault import Connection


def _member(
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


def _refresh_epoch(conn: Connection, space_id: bytes) -> None:
    """Write with the epoch in force, once this device holds its key."""
    state = st.get_state(conn, space_id)
    if state is not None and ids.get_epoch_key(conn, space_id, state.inforce_epoch):
        ids.set_current_epoch(conn, space_id, state.inforce_epoch)


def modlog(
    conn: Connection, event: Event, action: str, subject: bytes | None, detail: str = ""
) -> None:
    st.insert_modlog(
        conn,
        event.id,
        event.space_id,
        event.lamport,
        event.author,
        action,
        subject,
        detail,
        event.created_ms,
    )


def genesis(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    state = st.get_state(conn, g.space_id)
    if state is None or state.genesis_id is not None or e.author != g.owner_pk:
        return False
    c = e.content
    st.set_info(
        conn,
        g.space_id,
        ev.clean_text(c.get("name"), ev.MAX_SPACE_NAME, "a name", required=True),
        ev.clean_text(
            c.get("description", ""), ev.MAX_DESCRIPTION, "a description", multiline=True
        ),
        ev.clean_topics(c.get("topics") or ()),
        ev.clean_text(c.get("guidelines", ""), ev.MAX_GUIDELINES, "guidelines", multiline=True),
    )
    devices = ev.clean_devices(c.get("devices"))
    st.put_member(conn, g.space_id, _member(e, None, c.get("profile"), Role.OWNER))
    st.put_devices(conn, g.space_id, e.author, devices)
    st.set_genesis(conn, g.space_id, e.id, e.header.epoch)
    st.add_recipients(conn, g.space_id, e.header.epoch, [b for _, b in devices])
    _refresh_epoch(conn, g.space_id)
    return True


def info(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    if not au.may(author, ev.INFO):
        return False
    c = e.content
    st.set_info(
        conn,
        g.space_id,
        ev.clean_text(c.get("name"), ev.MAX_SPACE_NAME, "a name", required=True),
        ev.clean_text(
            c.get("description", ""), ev.MAX_DESCRIPTION, "a description", multiline=True
        ),
        ev.clean_topics(c.get("topics") or ()),
        ev.clean_text(c.get("guidelines", ""), ev.MAX_GUIDELINES, "guidelines", multiline=True),
    )
    modlog(conn, e, "edit-info", None)
    return True


def add(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    c = e.content
    pk = ev.clean_pk(c.get("member"))
    target = st.get_member(conn, g.space_id, pk)
    if not au.may_add(author, target):
        return False
    devices = ev.clean_devices(c.get("devices"))
    key_epoch = ev.clean_epoch(c.get("key_epoch")) if c.get("key_epoch") else 0
    p = ev.clean_profile(c.get("profile"))
    st.put_member(
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
    st.put_devices(conn, g.space_id, pk, devices)
    st.add_recipients(conn, g.space_id, key_epoch, [b for _, b in devices])
    modlog(conn, e, "add", pk, p.display_name)
    return True


def role(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    pk, new = ev.clean_pk(e.content.get("member")), ev.clean_role(e.content.get("role"))
    target = st.get_member(conn, g.space_id, pk)
    if target is None or not au.may_change_role(author, target, new):
        return False
    st.put_member(conn, g.space_id, MemberRow(pk, new.value, *_rest(target)))
    modlog(conn, e, "role", pk, new.value)
    return True


def _rest(m: MemberRow) -> tuple[str, str, str, str, int]:
    return m.status, m.display_name, m.pronouns, m.colour, m.since_lamport


def remove(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    pk = ev.clean_pk(e.content.get("member"))
    ban = e.content.get("ban") is True
    reason = ev.clean_text(e.content.get("reason", ""), ev.MAX_REASON, "a reason")
    target = st.get_member(conn, g.space_id, pk)
    if target is None or not au.may_remove(author, target):
        return False
    status = Status.BANNED if ban else Status.REMOVED
    st.put_member(
        conn, g.space_id, MemberRow(pk, Role.MEMBER.value, status.value, *_rest(target)[1:])
    )
    modlog(conn, e, "ban" if ban else "remove", pk, reason)
    return True


def leave(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    if author is None or not au.may(author, ev.LEAVE):
        return False
    if author.role == Role.OWNER.value:
        heir = au.successor(conn, g.space_id, author.member_pk)
        if heir is not None:
            st.put_member(
                conn, g.space_id, MemberRow(heir.member_pk, Role.OWNER.value, *_rest(heir))
            )
            modlog(conn, e, "owner", heir.member_pk, "succession")
    st.put_member(
        conn,
        g.space_id,
        MemberRow(author.member_pk, Role.MEMBER.value, Status.LEFT.value, *_rest(author)[1:]),
    )
    return True


def profile(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    if author is None or not au.may(author, ev.PROFILE):
        return False
    p = ev.clean_profile(e.content.get("profile"))
    st.put_member(
        conn,
        g.space_id,
        MemberRow(
            author.member_pk,
            author.role,
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
    target = st.get_member(conn, g.space_id, pk)
    if not au.may_set_devices(author, target):
        return False
    st.delete_devices(conn, g.space_id, pk)
    st.put_devices(conn, g.space_id, pk, devices)
    if author is not None and author.member_pk != pk:
        modlog(conn, e, "devices", pk, str(len(devices)))
    return True


def transfer(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    pk = ev.clean_pk(e.content.get("member"))
    target = st.get_member(conn, g.space_id, pk)
    if (
        author is None
        or target is None
        or not au.may(author, ev.TRANSFER)
        or not au.is_active(target)
        or pk == author.member_pk
    ):
        return False
    st.put_member(conn, g.space_id, MemberRow(pk, Role.OWNER.value, *_rest(target)))
    st.put_member(conn, g.space_id, MemberRow(author.member_pk, Role.ADMIN.value, *_rest(author)))
    modlog(conn, e, "owner", pk, "transfer")
    return True


def rotate(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    """A new epoch: valid from an admin, for an epoch never used before in this space."""
    epoch = ev.clean_epoch(e.content.get("epoch"))
    sealed = ev.clean_sealed(e.content.get("keys"))
    if not au.may(author, ev.ROTATE) or not sealed or st.recipients(conn, g.space_id, epoch):
        return False
    st.add_recipients(conn, g.space_id, epoch, [pk for pk, _ in sealed])
    st.set_inforce_epoch(conn, g.space_id, epoch)
    _refresh_epoch(conn, g.space_id)
    modlog(conn, e, "rotate", None, str(len(sealed)))
    return True


def share(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    """An existing epoch's key for devices that missed it (a concurrent add and rotation)."""
    epoch = ev.clean_epoch(e.content.get("epoch"))
    sealed = ev.clean_sealed(e.content.get("keys"))
    if not au.may(author, ev.SHARE) or not st.recipients(conn, g.space_id, epoch):
        return False
    st.add_recipients(conn, g.space_id, epoch, [pk for pk, _ in sealed])
    _refresh_epoch(conn, g.space_id)
    return True


def take_sealed_key(conn: Connection, g: GroupRow, e: Event) -> None:
    """Keep any epoch key sealed to this device, whatever the event's validity turns out to
    be, so that which events this device can *read* never depends on arrival order. Only a
    valid rotation makes an epoch the one this device *writes* with (`_refresh_epoch`), and
    events under any epoch still face every rule (docs/PROTOCOL.md, "Epoch keys")."""
    if e.type not in (ev.ROTATE, ev.SHARE):
        return
    try:
        epoch = ev.clean_epoch(e.content.get("epoch"))
        sealed = ev.clean_sealed(e.content.get("keys"))
    except InvalidInput:
        return
    box = BoxKeyPair(g.box_secret, g.box_public)
    key = keys.find_and_open(box, sealed, g.space_id, epoch)
    if key is not None:
        ids.put_epoch_key(conn, g.space_id, epoch, key)
