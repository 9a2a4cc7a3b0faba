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
from haven.store.spaces import groups as groups_db
from haven.store.spaces import keys as keys_db
from haven.store.spaces import membership as membership_db


class KeyRotation:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx
        self._healing = False

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
        devices that missed it (an add raced a rotation). Returns what it did."""
        with self._ctx.fresh(space_id) as conn:
            me, state = self._ctx.me(conn, space_id), groups_db.get_state(conn, space_id)
            if state is None or not au.may(me, ev.ROTATE):
                return ""
            key = ids.get_epoch_key(conn, space_id, state.inforce_epoch)
            got = keys_db.recipients(conn, space_id, state.inforce_epoch)
            active = membership_db.active_box_keys(conn, space_id)
        if key is None:
            return ""
        if got - active:
            self.rotate(space_id)
            return "rotated"
        if active - got:
            self._share(space_id, state.inforce_epoch, key, active - got)
            return "shared"
        return ""

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
