"""Joining a space without a network of its own: the joiner's request, the admin's add
event and welcome, and the joiner accepting it. The invite flow (`invites/`, carried by
haven.sync.invites) brings the request and the welcome (docs/PROTOCOL.md, "Joining")."""

from __future__ import annotations

from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces import sealed
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.model import JoinRequest
from haven.core.spaces.personas import checked_profile, new_box, new_persona
from haven.crypto.sealing import BoxKeyPair
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store.spaces import groups as groups_db
from haven.store.spaces import joining as joining_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.groups import GroupRow

#: Most events a welcome carries; a longer history arrives by sync.
WELCOME_MAX_EVENTS = 20_000
#: How many more times a welcome's log is offered to the vault when the last pass took
#: something in but left something out (see Joining._ingest_history).
WELCOME_RETRIES = 3


class Joining:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx

    def prepare_join(self, display_name: str, pronouns: str = "", colour: str = "") -> JoinRequest:
        """Joiner side: a fresh persona and device key for a space not yet known. The
        request holds public keys only; the secrets stay here until a welcome arrives."""
        profile = checked_profile(display_name, pronouns, colour)
        box = new_box()
        with self._ctx.vault.transaction() as conn:
            pk = new_persona(conn, profile, self._ctx.clock())
            device = self._ctx.identity.device_id_for(pk)
            joining_db.insert_pending(
                conn, pk, box.secret, box.public, profile.colour, self._ctx.clock()
            )
        return JoinRequest(pk, box.public, device, profile)

    def make_add_member(
        self,
        space_id: bytes,
        persona_pk: bytes,
        box_pk: bytes,
        name: str,
        pronouns: str = "",
        colour: str = "",
        device_id: bytes | None = None,
    ) -> bytes:
        """Admin side: add the member (an event) and return the welcome for them: every
        epoch key this device holds, sealed to their device key, plus the log so far."""
        profile = ev.clean_profile({"name": name, "pronouns": pronouns, "colour": colour})
        pk, box_pk = ev.clean_pk(persona_pk), ev.clean_pk(box_pk)
        device = device_id if device_id is not None else bytes(16)
        ev.clean_devices([[device, box_pk]])
        me = self._ctx.require(space_id, ev.ADD, "only admins can add members")
        with self._ctx.vault.transaction() as conn:
            if not au.may_add(me, membership_db.get_member(conn, space_id, pk)):
                raise InvalidInput("that persona is already a member, or is banned")
            space = ids.get_space(conn, space_id)
            group = self._ctx.group(conn, space_id)
            assert space is not None
            current = space.current_epoch
            add = self._ctx.append(
                space_id,
                ev.ADD,
                {
                    "member": pk,
                    "profile": ev.profile_content(profile),
                    "devices": [[device, box_pk]],
                    "key_epoch": current,
                },
            )
            sealed_keys = sealed.seal_welcome_keys(
                box_pk, space_id, add.id, current, ids.epoch_keys(conn, space_id)
            )
        envelopes = self._ctx.log.envelopes_after(space_id, {}, WELCOME_MAX_EVENTS)
        return sealed.Welcome(
            space_id, group.owner_pk, add.id, sealed_keys, tuple(envelopes)
        ).encode()

    def accept_welcome(self, welcome: bytes) -> bytes:
        """Joiner side: open the welcome with a pending request's device key, store the
        keys and the log, and check that the log really makes this persona a member."""
        untrusted = sealed.Welcome.decode(welcome)
        with self._ctx.vault.read() as conn:
            if ids.get_space(conn, untrusted.space_id) is not None:
                raise InvalidInput("you are already in this space")
            boxes = joining_db.pending_box_keys(conn)
        opened, box = None, None
        for secret, public in boxes:
            try:
                box = BoxKeyPair(secret, public)
                opened = sealed.open_welcome_keys(box, untrusted)
                break
            except InvalidInput:
                continue
        if opened is None or box is None:
            raise InvalidInput("this welcome does not answer any join request made here")
        with self._ctx.vault.transaction() as conn:
            pending = joining_db.get_pending_by_box(conn, box.public)
            assert pending is not None
            persona_pk, _, colour = pending
            ids.insert_space(
                conn,
                ids.SpaceRow(
                    untrusted.space_id,
                    "group",
                    persona_pk,
                    "",
                    opened.current_epoch,
                    self._ctx.clock(),
                ),
            )
            for epoch, key in opened.keys.items():
                ids.put_epoch_key(conn, untrusted.space_id, epoch, key)
            groups_db.insert_group(
                conn,
                GroupRow(
                    untrusted.space_id,
                    untrusted.owner_pk,
                    box.secret,
                    box.public,
                    colour,
                    0,
                    "",
                    self._ctx.clock(),
                ),
            )
            joining_db.delete_pending(conn, persona_pk)
        self._ingest_history(untrusted.envelopes)
        with self._ctx.fresh(untrusted.space_id) as conn:
            me = membership_db.get_member(conn, untrusted.space_id, persona_pk)
        if not au.is_active(me):
            with self._ctx.vault.transaction() as conn:
                groups_db.wipe_space(conn, untrusted.space_id, None)
                joining_db.insert_pending(
                    conn, persona_pk, box.secret, box.public, colour, self._ctx.clock()
                )
            raise InvalidInput("the welcome's history does not show you being added")
        # No certificate yet: this device certifies its key just before its first event of
        # its own (SpaceContext.prepare_write), after a sync has usually brought what the
        # members wrote since the add. Written here, its clock would sit below that, and it
        # would reach every member as a late event: a full recompute each (PROTOCOL §5.11).
        return untrusted.space_id

    def _ingest_history(self, envelopes: tuple[bytes, ...]) -> None:
        """The welcome's log, in chain order. What could not be taken yet (a redacted post
        whose remover's role was not applied yet, or its chain's later events) is offered
        again while that brings something in, as a sync round would next time."""
        result = self._ctx.log.ingest(envelopes)
        for _ in range(WELCOME_RETRIES):
            if not (result.rejected_count or result.held) or not result.accepted:
                return
            result = self._ctx.log.ingest(envelopes)
