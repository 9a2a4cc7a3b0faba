"""Epoch keys: rotating to a new key (admins), sharing the key in force with member devices
that missed it, and healing a space whose key reached a device outside the membership.
What carries a key (sealed to one device) is in `sealed.py`; the rules that accept a
rotation or a share in log order are in `rules/keys.py`."""

from __future__ import annotations

from haven.core.eventlog import Draft
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces import sealed
from haven.core.spaces.context import SpaceContext
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import groups as groups_db
from haven.store.spaces import keys as keys_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces import moderation as moderation_db
from haven.store.vault import Connection


class KeyRotation:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx
        self._healing = False
        #: space -> outside device -> its member's (status, since) when this device last
        #: rotated because of it: the same cause never triggers a second rotation.
        self._rotated_for: dict[bytes, dict[bytes, tuple[str, int] | None]] = {}

    def rotation(self, space_id: bytes, recipients: set[bytes]) -> tuple[int, Draft]:
        epoch, key, commitment = sealed.new_epoch(space_id)
        sealed_keys = sealed.seal_epoch_key_to_all(recipients, space_id, epoch, key)
        return epoch, Draft(ev.ROTATE, {"epoch": epoch, "keys": sealed_keys, "commit": commitment})

    def rotate(self, space_id: bytes) -> int:
        """A new epoch key for every active member device (admins only)."""
        self._ctx.require(space_id, ev.ROTATE, "only admins can rotate the space key")
        with self._ctx.vault.transaction() as conn:
            epoch, draft = self.rotation(space_id, membership_db.active_box_keys(conn, space_id))
            self._ctx.append_many(space_id, [draft])
        return epoch

    def heal(self, space_id: bytes) -> str:
        """If this device is an admin's: rotate when a device outside the membership holds
        the key in force (someone left, or two removals raced), or share the key with member
        devices that missed it (an add raced a rotation). Returns what it did.

        Two admins' devices whose views of the membership differ (until their logs agree)
        must not fight: one sharing the key with a member the other saw leave, the other
        rotating it away, every round. So healing is bounded (docs/PROTOCOL.md, "Key
        healing"): a device shares the key in force only with a device the rotation that
        put it in force could not have meant to leave out (`_may_share`), and rotates at
        most once for the same outside device in the same membership state."""
        with self._ctx.fresh(space_id) as conn:
            me, state = self._ctx.me(conn, space_id), groups_db.get_state(conn, space_id)
            if state is None or me is None or not au.may(me, ev.ROTATE):
                return ""
            key = ids.get_epoch_key(conn, space_id, state.inforce_epoch)
            got = keys_db.recipients(conn, space_id, state.inforce_epoch)
            active = membership_db.active_box_keys(conn, space_id)
            if key is None:
                return ""
            outside = self._new_causes(space_id, _causes(conn, space_id, got - active))
            missing = {b for b in active - got if _may_share(conn, space_id, me.member_pk, b)}
        if outside:
            self.rotate(space_id)
            self._rotated_for.setdefault(space_id, {}).update(outside)
            return "rotated"
        if missing:
            self._share(space_id, state.inforce_epoch, key, missing)
            return "shared"
        return ""

    def _new_causes(
        self, space_id: bytes, causes: dict[bytes, tuple[str, int] | None]
    ) -> dict[bytes, tuple[str, int] | None]:
        """The outside devices this device has not yet rotated away in the same state of
        their member (a re-add and a second leave are a new cause)."""
        done = self._rotated_for.get(space_id, {})
        return {b: c for b, c in causes.items() if b not in done or done[b] != c}

    def _share(self, space_id: bytes, epoch: int, key: bytes, missing: set[bytes]) -> None:
        """Seal the key in force to devices that missed it. Each share event is encrypted
        under an older epoch those devices hold (they cannot read the current one yet), the
        way a rotation is; whoever else holds that epoch learns only that a share happened."""
        by_epoch: dict[int, list[bytes]] = {}
        with self._ctx.vault.transaction() as conn:
            space = ids.get_space(conn, space_id)
            assert space is not None
            for box_pk in sorted(missing):
                held = [
                    e
                    for e in keys_db.epochs_held(conn, space_id, box_pk)
                    if ids.get_epoch_key(conn, space_id, e) is not None
                ]
                if held:
                    by_epoch.setdefault(held[0], []).append(box_pk)
            for old, boxes in sorted(by_epoch.items()):
                ids.set_current_epoch(conn, space_id, old)
                sealed_keys = sealed.seal_epoch_key_to_all(boxes, space_id, epoch, key)
                self._ctx.append(space_id, ev.SHARE, {"epoch": epoch, "keys": sealed_keys})
            ids.set_current_epoch(conn, space_id, space.current_epoch)

    def heal_quietly(self, space_id: bytes) -> None:
        if self._healing:
            return
        self._healing = True
        try:
            with self._ctx.vault.read() as conn:
                if groups_db.get_group(conn, space_id) is None:
                    return
            self.heal(space_id)
        finally:
            self._healing = False


def _causes(
    conn: Connection, space_id: bytes, outside: set[bytes]
) -> dict[bytes, tuple[str, int] | None]:
    """Each outside device with its member's (status, since) — None for a device no member
    lists any more (a dropped device)."""
    causes: dict[bytes, tuple[str, int] | None] = dict.fromkeys(outside)
    if outside:
        for m in membership_db.list_members(conn, space_id):
            for box in membership_db.member_box_keys(conn, space_id, m.member_pk) & outside:
                causes[box] = (m.status, m.since_lamport)
    return causes


def _may_share(conn: Connection, space_id: bytes, me: bytes, box: bytes) -> bool:
    """Whether this device may share the key in force with member device `box`, which
    lacks it. Always when this persona wrote the rotation that put it in force, or the
    device never held any key of the space (a new member or newly linked device). Otherwise
    only when the rotation could not have known of the device's member: its add is not
    ordered before the rotation (a rotation's clock exceeds that of everything its author
    had seen). A device the rotation's author knew and left out was left out on purpose in
    the author's view — a leave or removal this device may not have (or cannot yet read):
    sharing would undo it, and the author's device would rotate again."""
    rotation = _inforce_rotation(conn, space_id)
    if rotation is None or rotation[0] == me:
        return True
    if not keys_db.epochs_held(conn, space_id, box):
        return True
    since = [
        m.since_lamport
        for m in membership_db.list_members(conn, space_id)
        if box in membership_db.member_box_keys(conn, space_id, m.member_pk)
    ]
    return bool(since) and min(since) >= rotation[1]


def _inforce_rotation(conn: Connection, space_id: bytes) -> tuple[bytes, int] | None:
    """(author, Lamport clock) of the last valid rotation in log order — the one that put
    the epoch in force; None while the genesis epoch is in force."""
    for event_id, _, action, _, _, _ in reversed(moderation_db.list_modlog(conn, space_id)):
        if action == "rotate":
            stored = lt.get_event(conn, event_id)
            return None if stored is None else (stored.author, stored.lamport)
    return None
