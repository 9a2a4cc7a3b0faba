"""The rules for epoch keys, one event at a time, in log order: a rotation (admins, a new
epoch, with a commitment to its key), a share (an existing epoch's key for devices that
missed it), and installing a key sealed to this device — only from a valid rotation or
share, and only if it matches the epoch's commitment (`install_sealed_key`;
docs/PROTOCOL.md, "Epoch keys")."""

from __future__ import annotations

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.rules import Handler
from haven.core.spaces.rules.moderation import modlog
from haven.core.spaces.sealed import epoch_of, find_and_open, matches
from haven.crypto.sealing import BoxKeyPair
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store.spaces import groups as groups_db
from haven.store.spaces import keys as keys_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection


def refresh_epoch(conn: Connection, space_id: bytes) -> None:
    """Write with the epoch in force, once this device holds its key."""
    state = groups_db.get_state(conn, space_id)
    if state is not None and ids.get_epoch_key(conn, space_id, state.inforce_epoch):
        ids.set_current_epoch(conn, space_id, state.inforce_epoch)


def commit(conn: Connection, g: GroupRow, e: Event, epoch: int) -> bool:
    """Record the commitment `e` (a rotation or the genesis) makes to `epoch`'s key. False
    when it is malformed, names another epoch, or is missing where the space has already
    committed to a key (a space made before commitments may rotate without one until its
    first committed rotation)."""
    commitment = ev.clean_commitment(e.content.get("commit"))
    if commitment is None:
        return not keys_db.any_commitment(conn, g.space_id)
    if epoch_of(commitment) != epoch:
        return False
    keys_db.set_commitment(conn, g.space_id, epoch, commitment)
    return True


def rotate(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    """A new epoch: valid from an admin, for an epoch never used before in this space, with
    a commitment to its key that names that epoch. An invalid one still gives this device
    the key it sealed to it, when the key matches the rotation's own commitment
    (`install_committed_key`)."""
    epoch = ev.clean_epoch(e.content.get("epoch"))
    sealed = ev.clean_sealed(e.content.get("keys"))
    if not au.may(author, ev.ROTATE) or not sealed or keys_db.recipients(conn, g.space_id, epoch):
        install_committed_key(conn, g, e)
        return False
    if not commit(conn, g, e, epoch):
        install_committed_key(conn, g, e)
        return False
    keys_db.add_recipients(conn, g.space_id, epoch, [pk for pk, _ in sealed])
    keys_db.set_inforce_epoch(conn, g.space_id, epoch)
    install_sealed_key(conn, g, e, epoch, sealed)
    refresh_epoch(conn, g.space_id)
    modlog(conn, e, "rotate", None, str(len(sealed)))
    return True


def share(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    """An existing epoch's key for devices that missed it (a concurrent add and rotation).
    A share of an epoch whose rotation this device has not applied yet is invalid for now;
    it stays in the log, and the recompute that the rotation's arrival causes applies it
    again after the rotation (held, not installed)."""
    epoch = ev.clean_epoch(e.content.get("epoch"))
    sealed = ev.clean_sealed(e.content.get("keys"))
    if not au.may(author, ev.SHARE) or not keys_db.recipients(conn, g.space_id, epoch):
        commitment = keys_db.commitment(conn, g.space_id, epoch)
        if commitment is not None:
            _install_if_matching(conn, g, epoch, sealed, commitment)
        return False
    keys_db.add_recipients(conn, g.space_id, epoch, [pk for pk, _ in sealed])
    install_sealed_key(conn, g, e, epoch, sealed)
    refresh_epoch(conn, g.space_id)
    return True


def install_sealed_key(
    conn: Connection,
    g: GroupRow,
    e: Event,
    epoch: int,
    sealed: tuple[tuple[bytes, bytes], ...],
) -> None:
    """Install the key a valid rotation or share sealed to this device, if it opens and
    matches the epoch's commitment (when the epoch has one: spaces made before
    commitments) and no other key is held for the epoch. Otherwise install nothing and
    record a key conflict, which the space's warnings show: an admin's key sealed one key
    to this device and published another, or showed different keys to different people.
    Only this device can tell, so this never changes the event's validity."""
    box = BoxKeyPair(g.box_secret, g.box_public)
    if not any(recipient == box.public for recipient, _ in sealed):
        return
    key = find_and_open(box, sealed, g.space_id, epoch)
    commitment = keys_db.commitment(conn, g.space_id, epoch)
    held = ids.get_epoch_key(conn, g.space_id, epoch)
    if (
        key is None
        or (commitment is not None and not matches(g.space_id, epoch, key, commitment))
        or (held is not None and held != key)
    ):
        keys_db.add_conflict(conn, g.space_id, e.id, e.author, epoch)
        return
    ids.put_epoch_key(conn, g.space_id, epoch, key)


def install_committed_key(conn: Connection, g: GroupRow, e: Event) -> None:
    """The key an *invalid* rotation sealed to this device, installed if it matches the
    rotation's own commitment (which names the epoch: no other key can claim it).

    Whether a device can decrypt an event must depend only on the events it holds, never
    on the order they came in: a rotation valid for a moment (its author demoted by an
    event that arrived later) would otherwise leave its key on the devices that saw it
    valid and nowhere else, and the events written under it (a leave, or the next heal)
    readable on some replicas only — replicas that then disagree for good and heal against
    each other (docs/PROTOCOL.md, "Epoch keys"). Installing the key changes nothing else:
    only a valid rotation puts an epoch in force, and devices write only under the epoch in
    force; the events under this one count only if the rules say so.

    Only from an author who has held the moderator role or above at some point of the log
    (a rotation is valid for a moment only from someone who was an admin): otherwise any
    member, or anyone removed, could make every device install keys at will — and devices
    read a relay mailbox for every epoch key they hold."""
    if not membership_db.has_moderated(conn, g.space_id, e.author):
        return  # never trusted: its rotations give no key (each would be a mailbox to read)
    try:
        epoch = ev.clean_epoch(e.content.get("epoch"))
        sealed = ev.clean_sealed(e.content.get("keys"))
        commitment = ev.clean_commitment(e.content.get("commit"))
    except InvalidInput:
        return
    if commitment is not None and epoch_of(commitment) == epoch:
        _install_if_matching(conn, g, epoch, sealed, commitment)


def _install_if_matching(
    conn: Connection,
    g: GroupRow,
    epoch: int,
    sealed: tuple[tuple[bytes, bytes], ...],
    commitment: bytes,
) -> None:
    """Install the key sealed to this device if it is the key `commitment` was made for;
    silently nothing otherwise (an invalid event's author may be anyone)."""
    key = find_and_open(BoxKeyPair(g.box_secret, g.box_public), sealed, g.space_id, epoch)
    if key is not None and matches(g.space_id, epoch, key, commitment):
        ids.put_epoch_key(conn, g.space_id, epoch, key)


HANDLERS: dict[str, Handler] = {ev.ROTATE: rotate, ev.SHARE: share}
