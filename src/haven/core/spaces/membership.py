"""Who is in a space and as what: members and roles, removing and banning (with a key
rotation in the same transaction), a member's devices, handing over ownership, leaving, and
the persona this device shows in the space. The rules that apply these events in log order
are in `rules/membership.py`."""

from __future__ import annotations

from haven.core.eventlog import Draft
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces import finality, own_device_keys
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.keys import KeyRotation
from haven.core.spaces.model import Member, Role, Status
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store.spaces import groups as groups_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces import moderation as moderation_db


class Membership:
    def __init__(self, ctx: SpaceContext, keys: KeyRotation) -> None:
        self._ctx = ctx
        self._keys = keys

    def members(self, space_id: bytes, include_former: bool = False) -> list[Member]:
        with self._ctx.fresh(space_id) as conn:
            rows = membership_db.list_members(conn, space_id, None if include_former else "active")
            blocked = moderation_db.blocked(conn, space_id)
        return [
            Member(
                m.member_pk,
                m.display_name,
                m.pronouns,
                m.colour,
                Role(m.role),
                Status(m.status),
                m.member_pk in blocked,
            )
            for m in rows
        ]

    def set_role(self, space_id: bytes, member_pk: bytes, role: Role | str) -> None:
        new = ev.clean_role(role.value if isinstance(role, Role) else role)
        me = self._ctx.require(space_id, ev.ROLE, "only admins can change roles")
        with self._ctx.vault.read() as conn:
            target = membership_db.get_member(conn, space_id, member_pk)
        if not au.may_change_role(me, target, new):
            raise InvalidInput("that member's role cannot be changed (the owner's never is)")
        with self._ctx.vault.transaction() as conn:
            # Its cut: a demoted member's acts this device had not seen keep only the new
            # rank, whatever their clock (core/spaces/cutting_events.py).
            cut = ev.cut_content(finality.cut_for(conn, space_id, member_pk))
            self._ctx.append(
                space_id, ev.ROLE, {"member": member_pk, "role": new.value, "cut": cut}
            )

    def remove_member(
        self, space_id: bytes, member_pk: bytes, ban: bool = False, reason: str = ""
    ) -> int:
        """Remove (or ban) a member and rotate the epoch in the same transaction; returns
        the new epoch. The rotation is encrypted under the old epoch, so the removed member
        can see that it happened but not the new key. The removal names its cut: the end of
        each of the member's chains in this device's log; nothing else of theirs counts,
        whatever its clock (core/spaces/finality.py)."""
        reason = ev.clean_text(reason, ev.MAX_REASON, "a reason")
        me = self._ctx.require(space_id, ev.REMOVE, "only admins can remove members")
        with self._ctx.vault.read() as conn:
            target = membership_db.get_member(conn, space_id, member_pk)
        if not au.may_remove(me, target):
            raise InvalidInput("that member cannot be removed (not a member, you, or the owner)")
        with self._ctx.vault.transaction() as conn:
            remaining = membership_db.active_box_keys(
                conn, space_id
            ) - membership_db.member_box_keys(conn, space_id, member_pk)
            cut = ev.cut_content(finality.cut_for(conn, space_id, member_pk))
            drafts = [
                Draft(ev.REMOVE, {"member": member_pk, "ban": ban, "reason": reason, "cut": cut})
            ]
            epoch, rotate = self._keys.rotation(space_id, remaining)
            self._ctx.append_many(space_id, [*drafts, rotate])
        return epoch

    def devices(self, space_id: bytes, member_pk: bytes) -> list[tuple[bytes, bytes]]:
        """(device id, box public key) of each of a member's devices in this space."""
        with self._ctx.fresh(space_id) as conn:
            return membership_db.member_devices(conn, space_id, member_pk)

    def add_device(self, space_id: bytes, device_id: bytes, box_pk: bytes) -> None:
        """Announce another device of your own persona (e.g. a linked computer); an admin's
        device then shares the key in force with it if it can."""
        me = self._ctx.require(space_id, ev.DEVICES, "you are not an active member")
        current = dict(self.devices(space_id, me.member_pk))
        current[device_id] = ev.clean_pk(box_pk)
        devices = ev.clean_devices([[d, b] for d, b in sorted(current.items())])
        self._ctx.append(
            space_id, ev.DEVICES, {"member": me.member_pk, "devices": [list(d) for d in devices]}
        )

    def remove_device(self, space_id: bytes, member_pk: bytes, device_id: bytes) -> int:
        """Drop one device of a member (your own, or anyone's but the owner's if you are an
        admin) and rotate the epoch so that device reads nothing new. Returns the epoch."""
        with self._ctx.fresh(space_id) as conn:
            me, target = (
                self._ctx.me(conn, space_id),
                membership_db.get_member(conn, space_id, member_pk),
            )
        if not au.may_set_devices(me, target):
            raise InvalidInput(
                "you can remove only your own devices (admins: anyone's but the owner's)"
            )
        current = dict(self.devices(space_id, member_pk))
        if device_id not in current:
            raise NotFound("that member has no such device in this space")
        dropped = current.pop(device_id)
        if not current:
            raise InvalidInput("a member keeps at least one device; remove the member instead")
        can_rotate = au.may(me, ev.ROTATE)
        self._ctx.prepare_write(space_id)  # inside the revocation's cut (below)
        with self._ctx.vault.transaction() as conn:
            # The dropped chain's cut: its end here; nothing else of it counts after.
            cut = ev.cut_content(finality.drop_cut(conn, space_id, member_pk, device_id))
            devices = [[d, b] for d, b in sorted(current.items())]
            drafts = [Draft(ev.DEVICES, {"member": member_pk, "devices": devices, "cut": cut})]
            space = ids.get_space(conn, space_id)
            writer = self._ctx.identity.device_id_for(space.persona_id) if space else None
            if (
                space is not None
                and writer is not None
                and member_pk == space.persona_id
                and device_id != writer
                and own_device_keys.may_revoke(conn, space, writer, device_id)
            ):
                # One's own other device: revoke its key (and retire the persona key) too.
                # A device that drops itself writes no revocation: its own events after
                # one would be outside the cut and undo it; nor does a later device drop
                # the founding one (such a revocation revokes nothing, founding.py).
                revoke = own_device_keys.revocation(conn, space, device_id)
                drafts.append(Draft(ev.DEVICE_REVOKE, revoke))
            epoch = 0
            if can_rotate:
                epoch, rotate = self._keys.rotation(
                    space_id, membership_db.active_box_keys(conn, space_id) - {dropped}
                )
                drafts.append(rotate)
            self._ctx.append_many(space_id, drafts)
        return epoch

    def transfer_ownership(self, space_id: bytes, member_pk: bytes) -> None:
        me = self._ctx.require(space_id, ev.TRANSFER, "only the owner can hand over the space")
        with self._ctx.vault.read() as conn:
            if not au.is_active(membership_db.get_member(conn, space_id, member_pk)):
                raise InvalidInput("ownership goes to an active member")
        with self._ctx.vault.transaction() as conn:
            # Its cut: its own chains here; its other chains' acts beyond it rank as admin.
            cut = ev.cut_content(finality.cut_for(conn, space_id, me.member_pk))
            self._ctx.append(space_id, ev.TRANSFER, {"member": member_pk, "cut": cut})

    def leave(self, space_id: bytes, wipe: bool = False) -> None:
        """Write a leave event (an admin's device then rotates the key). With `wipe`, also
        forget the space here: its log, keys, settings and its own persona. Until a sync
        carries the leave event, the others do not know you left."""
        me = self._ctx.require(space_id, ev.LEAVE, "you are not an active member")
        with self._ctx.vault.transaction() as conn:
            # Its cut: the ends of its own chains here; nothing else of its counts after.
            cut = ev.cut_content(finality.cut_for(conn, space_id, me.member_pk))
            self._ctx.append(space_id, ev.LEAVE, {"cut": cut})
        if wipe:
            with self._ctx.vault.transaction() as conn:
                space = ids.get_space(conn, space_id)
                groups_db.wipe_space(conn, space_id, space.persona_id if space else None)

    def update_persona(
        self, space_id: bytes, display_name: str, pronouns: str = "", colour: str = ""
    ) -> None:
        """Change the name, pronouns or colour this space knows you by (only this space)."""
        profile = ev.clean_profile({"name": display_name, "pronouns": pronouns, "colour": colour})
        self._ctx.require(space_id, ev.PROFILE, "you are not an active member")
        with self._ctx.vault.transaction() as conn:
            space = ids.get_space(conn, space_id)
            assert space is not None
            ids.update_persona(conn, space.persona_id, profile.display_name, profile.pronouns)
            groups_db.set_colour(conn, space_id, profile.colour)
            self._ctx.append(space_id, ev.PROFILE, {"profile": ev.profile_content(profile)})
