"""The rules for epoch keys, one event at a time, in log order: a rotation (admins, a new
epoch), a share (an existing epoch's key for devices that missed it), and keeping any key
sealed to this device whatever the event's validity (`take_sealed_key`)."""

from __future__ import annotations

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.rules import Handler
from haven.core.spaces.rules.moderation import modlog
from haven.core.spaces.sealed import find_and_open
from haven.crypto.sealing import BoxKeyPair
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store.spaces import groups as groups_db
from haven.store.spaces import keys as keys_db
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection


def refresh_epoch(conn: Connection, space_id: bytes) -> None:
    """Write with the epoch in force, once this device holds its key."""
    state = groups_db.get_state(conn, space_id)
    if state is not None and ids.get_epoch_key(conn, space_id, state.inforce_epoch):
        ids.set_current_epoch(conn, space_id, state.inforce_epoch)


def rotate(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    """A new epoch: valid from an admin, for an epoch never used before in this space."""
    epoch = ev.clean_epoch(e.content.get("epoch"))
    sealed = ev.clean_sealed(e.content.get("keys"))
    if not au.may(author, ev.ROTATE) or not sealed or keys_db.recipients(conn, g.space_id, epoch):
        return False
    keys_db.add_recipients(conn, g.space_id, epoch, [pk for pk, _ in sealed])
    keys_db.set_inforce_epoch(conn, g.space_id, epoch)
    refresh_epoch(conn, g.space_id)
    modlog(conn, e, "rotate", None, str(len(sealed)))
    return True


def share(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    """An existing epoch's key for devices that missed it (a concurrent add and rotation)."""
    epoch = ev.clean_epoch(e.content.get("epoch"))
    sealed = ev.clean_sealed(e.content.get("keys"))
    if not au.may(author, ev.SHARE) or not keys_db.recipients(conn, g.space_id, epoch):
        return False
    keys_db.add_recipients(conn, g.space_id, epoch, [pk for pk, _ in sealed])
    refresh_epoch(conn, g.space_id)
    return True


def take_sealed_key(conn: Connection, g: GroupRow, e: Event) -> None:
    """Keep any epoch key sealed to this device, whatever the event's validity turns out to
    be, so that which events this device can *read* never depends on arrival order. Only a
    valid rotation makes an epoch the one this device *writes* with (`refresh_epoch`), and
    events under any epoch still face every rule (docs/PROTOCOL.md, "Epoch keys")."""
    if e.type not in (ev.ROTATE, ev.SHARE):
        return
    try:
        epoch = ev.clean_epoch(e.content.get("epoch"))
        sealed = ev.clean_sealed(e.content.get("keys"))
    except InvalidInput:
        return
    box = BoxKeyPair(g.box_secret, g.box_public)
    key = find_and_open(box, sealed, g.space_id, epoch)
    if key is not None:
        ids.put_epoch_key(conn, g.space_id, epoch, key)


HANDLERS: dict[str, Handler] = {ev.ROTATE: rotate, ev.SHARE: share}
