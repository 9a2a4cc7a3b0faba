"""The spaces API the CLI and the UI call: creating and joining spaces, members and roles,
epoch keys, and (through TalkMixin) posts and moderation. Every method runs in the caller's
thread; the UI calls them from a worker."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from typing import Any

from haven.core.clock import Clock, now_ms
from haven.core.envelope import SPACE_ID_BYTES
from haven.core.eventlog import Draft, EventLog
from haven.core.identity import Identity
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces import keys
from haven.core.spaces.authority import SpaceAuthorizer
from haven.core.spaces.joining import JoinMixin
from haven.core.spaces.model import (
    Member,
    Profile,
    Role,
    SpaceInfo,
    SpaceSummary,
    SpaceWarning,
    Status,
)
from haven.core.spaces.personas import checked_profile, new_box, new_persona, reuse_persona
from haven.core.spaces.talk import TalkMixin
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store import spaces_tables as st
from haven.store.spaces_tables import GroupRow
from haven.store.vault import Vault

log = logging.getLogger(__name__)


class SpaceService(JoinMixin, TalkMixin):
    def __init__(
        self, vault: Vault, log_: EventLog, identity: Identity, clock: Clock = now_ms
    ) -> None:
        super().__init__(vault, log_, identity, clock, on_changed=self._heal_quietly)
        self._healing = False
        log_.register_projector(self.projector)
        log_.register_authorizer("group", SpaceAuthorizer())

    # ----------------------------------------------------------------- spaces

    def create_space(
        self,
        name: str,
        description: str = "",
        topics: Iterable[str] = (),
        guidelines: str = "",
        *,
        display_name: str | None = None,
        pronouns: str | None = None,
        colour: str = "",
        persona_id: bytes | None = None,
    ) -> bytes:
        """A new space with this device's persona as owner. By default the persona is new
        (fresh keys); `persona_id` reuses one, which links the spaces that share it."""
        content: dict[str, Any] = {
            "name": ev.clean_text(name, ev.MAX_SPACE_NAME, "a space name", required=True),
            "description": ev.clean_text(
                description, ev.MAX_DESCRIPTION, "a description", multiline=True
            ),
            "topics": list(ev.clean_topics(topics)),
            "guidelines": ev.clean_text(
                guidelines, ev.MAX_GUIDELINES, "guidelines", multiline=True
            ),
        }
        primary = self._identity.primary()
        profile = checked_profile(
            display_name or primary.display_name,
            primary.pronouns if pronouns is None else pronouns,
            colour,
        )
        space_id, (epoch, key), box, now = (
            os.urandom(SPACE_ID_BYTES),
            keys.new_epoch(),
            new_box(),
            self._clock(),
        )
        with self._vault.transaction() as conn:
            pk = reuse_persona(conn, persona_id) if persona_id else new_persona(conn, profile, now)
            device = self._identity.device_id_for(pk)
            ids.insert_space(conn, ids.SpaceRow(space_id, "group", pk, content["name"], epoch, now))
            ids.put_epoch_key(conn, space_id, epoch, key)
            st.insert_group(
                conn, GroupRow(space_id, pk, box.secret, box.public, profile.colour, 0, "", now)
            )
            content |= {"profile": ev.profile_content(profile), "devices": [[device, box.public]]}
            self._append(space_id, ev.GENESIS, content)
        return space_id

    def list_spaces(self) -> list[SpaceSummary]:
        with self._vault.read() as conn:
            space_ids = st.group_ids(conn)
        out = []
        for space_id in space_ids:
            info = self.space_info(space_id)
            out.append(
                SpaceSummary(
                    space_id,
                    info.name,
                    info.topics,
                    self.unread(space_id),
                    info.my_role,
                    info.member_count,
                )
            )
        return out

    def space_info(self, space_id: bytes) -> SpaceInfo:
        with self._fresh(space_id) as conn:
            group = self._group(conn, space_id)
            state, space = st.get_state(conn, space_id), ids.get_space(conn, space_id)
            if state is None or space is None:
                raise NotFound("this space has no history yet")
            active = st.list_members(conn, space_id, Status.ACTIVE.value)
            owner = next(
                (m.member_pk for m in active if m.role == Role.OWNER.value), group.owner_pk
            )
            return SpaceInfo(
                space_id,
                state.name,
                state.description,
                tuple(t for t in state.topics.split("\n") if t),
                state.guidelines,
                owner,
                space.persona_id,
                au.role_of(self._me(conn, space_id)),
                space.current_epoch,
                len(active),
            )

    def warnings(self, space_id: bytes) -> list[SpaceWarning]:
        """Forks: one device signed two different events with the same number. Either a
        bug, a restored backup, or someone holding that member's key is lying to some of
        the group."""
        forks = self._log.equivocations(space_id)
        with self._fresh(space_id) as conn:
            names = {m.member_pk: m.display_name for m in st.list_members(conn, space_id)}
        return [
            SpaceWarning(
                "fork",
                author,
                names.get(author, "?"),
                f"two different events numbered {seq} from one device",
            )
            for author, _device, seq in forks
        ]

    # ----------------------------------------------------------------- members

    def members(self, space_id: bytes, include_former: bool = False) -> list[Member]:
        with self._fresh(space_id) as conn:
            rows = st.list_members(conn, space_id, None if include_former else "active")
            blocked = st.blocked(conn, space_id)
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
        me = self._require(space_id, ev.ROLE, "only admins can change roles")
        with self._vault.read() as conn:
            target = st.get_member(conn, space_id, member_pk)
        if not au.may_change_role(me, target, new):
            raise InvalidInput("that member's role cannot be changed (the owner's never is)")
        self._append(space_id, ev.ROLE, {"member": member_pk, "role": new.value})

    def remove_member(
        self, space_id: bytes, member_pk: bytes, ban: bool = False, reason: str = ""
    ) -> int:
        """Remove (or ban) a member and rotate the epoch in the same transaction; returns
        the new epoch. The rotation is encrypted under the old epoch, so the removed member
        can see that it happened but not the new key."""
        reason = ev.clean_text(reason, ev.MAX_REASON, "a reason")
        me = self._require(space_id, ev.REMOVE, "only admins can remove members")
        with self._vault.read() as conn:
            target = st.get_member(conn, space_id, member_pk)
        if not au.may_remove(me, target):
            raise InvalidInput("that member cannot be removed (not a member, you, or the owner)")
        with self._vault.transaction() as conn:
            remaining = st.active_box_keys(conn, space_id) - st.member_box_keys(
                conn, space_id, member_pk
            )
            drafts = [Draft(ev.REMOVE, {"member": member_pk, "ban": ban, "reason": reason})]
            epoch, rotate = self._rotation(space_id, remaining)
            self._append_many(space_id, [*drafts, rotate])
        return epoch

    def _rotation(self, space_id: bytes, recipients: set[bytes]) -> tuple[int, Draft]:
        epoch, key = keys.new_epoch()
        sealed = keys.seal_epoch_key_to_all(recipients, space_id, epoch, key)
        return epoch, Draft(ev.ROTATE, {"epoch": epoch, "keys": sealed})

    def rotate(self, space_id: bytes) -> int:
        """A new epoch key for every active member device (admins only)."""
        self._require(space_id, ev.ROTATE, "only admins can rotate the space key")
        with self._vault.transaction() as conn:
            epoch, draft = self._rotation(space_id, st.active_box_keys(conn, space_id))
            self._append_many(space_id, [draft])
        return epoch

    def devices(self, space_id: bytes, member_pk: bytes) -> list[tuple[bytes, bytes]]:
        """(device id, box public key) of each of a member's devices in this space."""
        with self._fresh(space_id) as conn:
            return st.member_devices(conn, space_id, member_pk)

    def add_device(self, space_id: bytes, device_id: bytes, box_pk: bytes) -> None:
        """Announce another device of your own persona (e.g. a linked computer); an admin's
        device then shares the key in force with it if it can."""
        me = self._require(space_id, ev.DEVICES, "you are not an active member")
        current = dict(self.devices(space_id, me.member_pk))
        current[device_id] = ev.clean_pk(box_pk)
        devices = ev.clean_devices([[d, b] for d, b in sorted(current.items())])
        self._append(
            space_id, ev.DEVICES, {"member": me.member_pk, "devices": [list(d) for d in devices]}
        )

    def remove_device(self, space_id: bytes, member_pk: bytes, device_id: bytes) -> int:
        """Drop one device of a member (your own, or anyone's but the owner's if you are an
        admin) and rotate the epoch so that device reads nothing new. Returns the epoch."""
        with self._fresh(space_id) as conn:
            me, target = self._me(conn, space_id), st.get_member(conn, space_id, member_pk)
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
        with self._vault.transaction() as conn:
            drafts = [
                Draft(
                    ev.DEVICES,
                    {"member": member_pk, "devices": [[d, b] for d, b in sorted(current.items())]},
                )
            ]
            epoch = 0
            if can_rotate:
                epoch, rotate = self._rotation(
                    space_id, st.active_box_keys(conn, space_id) - {dropped}
                )
                drafts.append(rotate)
            self._append_many(space_id, drafts)
        return epoch

    def transfer_ownership(self, space_id: bytes, member_pk: bytes) -> None:
        self._require(space_id, ev.TRANSFER, "only the owner can hand over the space")
        with self._vault.read() as conn:
            if not au.is_active(st.get_member(conn, space_id, member_pk)):
                raise InvalidInput("ownership goes to an active member")
        self._append(space_id, ev.TRANSFER, {"member": member_pk})

    def leave(self, space_id: bytes, wipe: bool = False) -> None:
        """Write a leave event (an admin's device then rotates the key). With `wipe`, also
        forget the space here: its log, keys, settings and its own persona. Until a sync
        carries the leave event, the others do not know you left."""
        self._require(space_id, ev.LEAVE, "you are not an active member")
        self._append(space_id, ev.LEAVE, {})
        if wipe:
            with self._vault.transaction() as conn:
                space = ids.get_space(conn, space_id)
                st.wipe_space(conn, space_id, space.persona_id if space else None)

    def update_persona(
        self, space_id: bytes, display_name: str, pronouns: str = "", colour: str = ""
    ) -> None:
        """Change the name, pronouns or colour this space knows you by (only this space)."""
        profile = ev.clean_profile({"name": display_name, "pronouns": pronouns, "colour": colour})
        self._require(space_id, ev.PROFILE, "you are not an active member")
        with self._vault.transaction() as conn:
            space = ids.get_space(conn, space_id)
            assert space is not None
            ids.update_persona(conn, space.persona_id, profile.display_name, profile.pronouns)
            st.set_colour(conn, space_id, profile.colour)
            self._append(space_id, ev.PROFILE, {"profile": ev.profile_content(profile)})

    def update_info(
        self,
        space_id: bytes,
        name: str,
        description: str = "",
        topics: Iterable[str] = (),
        guidelines: str = "",
    ) -> None:
        content = {
            "name": ev.clean_text(name, ev.MAX_SPACE_NAME, "a space name", required=True),
            "description": ev.clean_text(
                description, ev.MAX_DESCRIPTION, "a description", multiline=True
            ),
            "topics": list(ev.clean_topics(topics)),
            "guidelines": ev.clean_text(
                guidelines, ev.MAX_GUIDELINES, "guidelines", multiline=True
            ),
        }
        self._require(space_id, ev.INFO, "only admins can edit the space's details")
        self._append(space_id, ev.INFO, content)

    # ----------------------------------------------------------------- keeping keys safe

    def heal(self, space_id: bytes) -> str:
        """If this device is an admin's: rotate when a device outside the membership holds
        the key in force (someone left, or two removals raced), or share the key with member
        devices that missed it (an add raced a rotation). Returns what it did."""
        with self._fresh(space_id) as conn:
            me, state = self._me(conn, space_id), st.get_state(conn, space_id)
            if state is None or not au.may(me, ev.ROTATE):
                return ""
            key = ids.get_epoch_key(conn, space_id, state.inforce_epoch)
            got = st.recipients(conn, space_id, state.inforce_epoch)
            active = st.active_box_keys(conn, space_id)
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
        with self._vault.transaction() as conn:
            space = ids.get_space(conn, space_id)
            assert space is not None
            for box_pk in sorted(missing):
                held = [
                    e
                    for e in st.epochs_held(conn, space_id, box_pk)
                    if ids.get_epoch_key(conn, space_id, e) is not None
                ]
                if held:
                    by_epoch.setdefault(held[0], []).append(box_pk)
            for old, boxes in sorted(by_epoch.items()):
                ids.set_current_epoch(conn, space_id, old)
                sealed = keys.seal_epoch_key_to_all(boxes, space_id, epoch, key)
                self._append(space_id, ev.SHARE, {"epoch": epoch, "keys": sealed})
            ids.set_current_epoch(conn, space_id, space.current_epoch)

    def _heal_quietly(self, space_id: bytes) -> None:
        if self._healing:
            return
        self._healing = True
        try:
            with self._vault.read() as conn:
                if st.get_group(conn, space_id) is None:
                    return
            self.heal(space_id)
        finally:
            self._healing = False


__all__ = ["Member", "Profile", "SpaceService"]
