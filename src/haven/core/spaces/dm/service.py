"""`session.spaces.dms`: direct conversations between two members of a space
(docs/PROTOCOL.md §5.12).

A conversation is a group space with exactly two members, under the personas both already
use in the space they share (so nothing links it to their other spaces), with keys of its
own. The opener makes it (genesis, adding the partner with the devices the shared space
lists for them, making them an admin too) and tells the partner in one `space.dm.offer` in
the shared space, sealed to the partner's devices. The partner's device takes the offer after
a commit brings it (`take_offers`, beside key healing) and syncs the new space like any
other, over the shared space's relays. Posts, attachments and the disappearing timer are
the spaces' own; `block` closes the conversation for both sides."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from haven.core.attachments.spec import PreparedFile
from haven.core.envelope import SPACE_ID_BYTES
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces import finality, sealed
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.details import details_content
from haven.core.spaces.dm import rules
from haven.core.spaces.dm.offer import Offer, open_offer, seal_offer
from haven.core.spaces.model import FeedPost
from haven.core.spaces.posts import Posts
from haven.crypto.sealing import BoxKeyPair
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import dms as dms_db
from haven.store.spaces import groups as groups_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces import moderation as moderation_db
from haven.store.spaces.dms import DmRow
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection

#: The name a conversation's genesis carries (the app shows the partner's name instead).
DM_NAME = "Direct conversation"


@dataclass(frozen=True)
class DmSummary:
    dm_id: bytes
    parent_id: bytes
    parent_name: str
    partner_pk: bytes
    partner_name: str
    unread: int
    #: "open", "blocked" (by either side), "waiting" (its history has not arrived yet)
    state: str
    #: whether the partner is still an active member of the space both shared
    partner_in_space: bool


class DirectMessages:
    def __init__(self, ctx: SpaceContext, posts: Posts) -> None:
        self._ctx = ctx
        self._posts = posts
        self._taking = False

    # ----------------------------------------------------------------- the opener

    def open(self, parent_id: bytes, partner_pk: bytes) -> bytes:
        """The conversation with `partner_pk` started from `parent_id`: the open one if it
        exists, else a new one and its offer. Both must be active members there."""
        self._ctx.require(parent_id, ev.DM_OFFER, "only members can send direct messages")
        with self._ctx.fresh(parent_id) as conn:
            if dms_db.get_dm(conn, parent_id) is not None:
                raise InvalidInput("a direct conversation cannot start another")
            me = self._ctx.me(conn, parent_id)
            partner = membership_db.get_member(conn, parent_id, partner_pk)
            assert me is not None
            if partner_pk == me.member_pk:
                raise InvalidInput("that is you")
            if not au.is_active(partner) or partner is None:
                raise InvalidInput("that person is not a member of this space")
            for dm in dms_db.dms_with(conn, parent_id, me.member_pk, partner_pk):
                if not rules.blocked(conn, dm):
                    return dm.space_id
            devices = membership_db.member_devices(conn, parent_id, partner_pk)
            mine = membership_db.member_devices(conn, parent_id, me.member_pk)
            parent = self._ctx.group(conn, parent_id)
        if not devices:
            raise InvalidInput("that member has no device to send to")
        return self._create(parent, me, partner, devices, mine)

    def _create(
        self,
        parent: GroupRow,
        me: MemberRow,
        partner: MemberRow,
        devices: list[tuple[bytes, bytes]],
        mine: list[tuple[bytes, bytes]],
    ) -> bytes:
        """`mine`: this persona's devices the shared space lists. The genesis lists them
        all (later rotations are sealed to them) and the offer is sealed to the others too,
        so the opener's other devices hold the conversation as the partner's do."""
        dm_id, now = os.urandom(SPACE_ID_BYTES), self._ctx.clock()
        epoch, key, commitment = sealed.new_epoch(dm_id)
        device = self._ctx.identity.device_id_for(me.member_pk)
        others = [(d, b) for d, b in mine if d != device and b != parent.box_public]
        listed = [[device, parent.box_public], *([d, b] for d, b in others)]
        with self._ctx.vault.transaction() as conn:
            ids.insert_space(conn, ids.SpaceRow(dm_id, "group", me.member_pk, "", epoch, now))
            ids.put_epoch_key(conn, dm_id, epoch, key)
            groups_db.insert_group(
                conn,
                GroupRow(
                    dm_id, me.member_pk, parent.box_secret, parent.box_public, me.colour, 0, "", now
                ),
            )
            genesis = self._ctx.append(
                dm_id,
                ev.GENESIS,
                details_content(DM_NAME, "", (), "")
                | {
                    "profile": _profile(me),
                    "devices": listed,
                    "commit": commitment,
                },
            )
            dms_db.insert_dm(
                conn,
                DmRow(dm_id, parent.space_id, me.member_pk, partner.member_pk, genesis.id, now),
            )
            self._ctx.append(
                dm_id,
                ev.ADD,
                {
                    "member": partner.member_pk,
                    "profile": _profile(partner),
                    "devices": [[d, b] for d, b in devices],
                    "key_epoch": epoch,
                },
            )
            self._ctx.append(dm_id, ev.ROLE, {"member": partner.member_pk, "role": "admin"})
            offer = Offer(dm_id, genesis.id, me.member_pk, partner.member_pk, epoch, key)
            recipients = [b for _, b in devices] + [b for _, b in others]
            boxes = seal_offer(recipients, parent.space_id, offer)
            self._ctx.append(parent.space_id, ev.DM_OFFER, {"boxes": boxes})
        return dm_id

    # ----------------------------------------------------------------- the partner

    def take_offers(self, parent_id: bytes) -> list[bytes]:
        """Try this device's key on the offers in `parent_id` it has not looked at; join
        each conversation offered to this persona by its author. Returns the new ones."""
        with self._ctx.vault.read() as conn:
            pending = dms_db.unhandled_offers(conn, parent_id)
        taken = []
        for event_id, author in pending:
            with self._ctx.vault.transaction() as conn:
                dms_db.mark_handled(conn, parent_id, event_id)
                try:
                    found = self._opened(conn, parent_id, event_id, author)
                except (InvalidInput, NotFound):  # no key for its epoch, or shaped wrongly
                    found = None
                if found is not None:
                    self._join(conn, parent_id, *found)
                    taken.append(found[0].dm_id)
        return taken

    def take_offers_quietly(self, space_id: bytes) -> None:
        """After a commit touched a space (the service's hook): take new offers there."""
        if self._taking:
            return
        self._taking = True
        try:
            with self._ctx.vault.read() as conn:
                if groups_db.get_group(conn, space_id) is None:
                    return
            self.take_offers(space_id)
        finally:
            self._taking = False

    def _opened(
        self, conn: Connection, parent_id: bytes, event_id: bytes, author: bytes
    ) -> tuple[Offer, GroupRow] | None:
        """The offer in `event_id` if it is for this persona, from its author, who is still
        a member this persona has not blocked — or one this persona made on another of its
        devices; None otherwise."""
        stored, group = lt.get_event(conn, event_id), groups_db.get_group(conn, parent_id)
        me = self._ctx.me(conn, parent_id)
        if stored is None or group is None or not au.is_active(me) or me is None:
            return None
        event = self._ctx.log.open_stored(conn, stored)
        boxes = rules.offer_boxes(event.content)
        offer = None
        if boxes is not None and event.author == author:
            box = BoxKeyPair(group.box_secret, group.box_public)
            offer = open_offer(box, boxes, parent_id)
        if (
            offer is None
            or offer.opener != author  # sealed by someone else than the event's author
            or ids.get_space(conn, offer.dm_id) is not None
        ):
            return None
        if author == me.member_pk:  # this person's own, from another of its devices
            return (offer, group) if offer.partner != me.member_pk else None
        if (
            offer.partner != me.member_pk  # a box lifted from an offer to someone else
            or not au.is_active(membership_db.get_member(conn, parent_id, author))
            or author in moderation_db.blocked(conn, parent_id)
            or any(
                rules.blocked(conn, d)
                for d in dms_db.dms_with(conn, parent_id, me.member_pk, author)
            )
        ):
            return None
        return offer, group

    def _join(self, conn: Connection, parent_id: bytes, offer: Offer, parent: GroupRow) -> None:
        now, me = self._ctx.clock(), ids.get_space(conn, parent_id)
        assert me is not None  # (the offer opened with this device's key there)
        ids.insert_space(
            conn, ids.SpaceRow(offer.dm_id, "group", me.persona_id, "", offer.epoch, now)
        )
        ids.put_epoch_key(conn, offer.dm_id, offer.epoch, offer.key)
        groups_db.insert_group(
            conn,
            GroupRow(
                offer.dm_id,
                offer.opener,
                parent.box_secret,
                parent.box_public,
                parent.colour,
                0,
                "",
                now,
            ),
        )
        dms_db.insert_dm(
            conn,
            DmRow(offer.dm_id, parent_id, offer.opener, offer.partner, offer.genesis_id, now),
        )

    # ----------------------------------------------------------------- both sides

    def list_dms(self) -> list[DmSummary]:
        with self._ctx.vault.read() as conn:
            rows = dms_db.list_dms(conn)
        return [self._summary(row) for row in rows]

    def _summary(self, row: DmRow) -> DmSummary:
        self._ctx.refresh(row.space_id)
        self._ctx.refresh(row.parent_id)
        with self._ctx.vault.read() as conn:
            space = ids.get_space(conn, row.space_id)
            assert space is not None
            me = space.persona_id
            other = row.other(me)
            in_dm = membership_db.get_member(conn, row.space_id, other)
            in_parent = membership_db.get_member(conn, row.parent_id, other)
            parent_state = groups_db.get_state(conn, row.parent_id)
            state = groups_db.get_state(conn, row.space_id)
            waiting = state is None or state.genesis_id is None
            closed = rules.blocked(conn, row)
        name = next(
            (m.display_name for m in (in_dm, in_parent) if m is not None and m.display_name), "?"
        )
        return DmSummary(
            row.space_id,
            row.parent_id,
            parent_state.name if parent_state else "",
            other,
            name,
            0 if waiting else self._posts.unread(row.space_id),
            "waiting" if waiting else "blocked" if closed else "open",
            au.is_active(in_parent),
        )

    def summary(self, dm_id: bytes) -> DmSummary:
        with self._ctx.vault.read() as conn:
            row = dms_db.get_dm(conn, dm_id)
        if row is None:
            raise NotFound("no direct conversation with that id")
        return self._summary(row)

    def resolve(self, text: str) -> bytes:
        """A conversation's id (hex prefix, 4 digits or more) or its partner's exact name."""
        items = self.list_dms()
        named = [d.dm_id for d in items if d.partner_name == text.strip()]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise InvalidInput("more than one conversation is with that name; give its id")
        prefix = text.strip().lower()
        if len(prefix) < 4 or any(c not in "0123456789abcdef" for c in prefix):
            raise NotFound("no direct conversation with that name or id")
        found = [d.dm_id for d in items if d.dm_id.hex().startswith(prefix)]
        if len(found) != 1:
            raise NotFound(
                "no direct conversation with that id" if not found else "that id is ambiguous"
            )
        return found[0]

    def send(
        self,
        dm_id: bytes,
        text: str,
        files: Sequence[PreparedFile] = (),
        disappear: int | None = None,
        cw: str = "",
    ) -> bytes:
        """A message (a post of the two-person space: attachments, a content warning and a
        disappearing time as in any space)."""
        self._require_open(dm_id)
        return self._posts.post(dm_id, text, "", cw, files, disappear)

    def read(self, dm_id: bytes, limit: int | None = None) -> list[FeedPost]:
        self.summary(dm_id)  # NotFound for a space that is no conversation
        return self._posts.read_feed(dm_id, limit=limit)

    def block(self, dm_id: bytes) -> None:
        """Close the conversation for both sides: the other's later messages, and this
        persona's, count for nothing on every replica."""
        self._require_open(dm_id)
        me = self._ctx.require(dm_id, ev.DM_BLOCK, "you cannot block in this conversation")
        with self._ctx.vault.transaction() as conn:
            dm = dms_db.get_dm(conn, dm_id)
            if dm is None:
                raise NotFound("no such conversation")
            other = dm.other(me.member_pk)
            # Its cut, as a removal's: the other's chains as this device holds them; what
            # they write outside it counts for nothing, whatever its clock.
            cut = ev.cut_content(finality.cut_for(conn, dm_id, other))
            self._ctx.append(dm_id, ev.DM_BLOCK, {"member": other, "cut": cut})

    def _require_open(self, dm_id: bytes) -> None:
        state = self.summary(dm_id).state
        if state == "blocked":
            raise InvalidInput("this conversation is blocked: no more messages can be sent")
        if state == "waiting":
            raise InvalidInput("this conversation has not arrived yet: sync first")


def _profile(m: MemberRow) -> dict[str, str]:
    return {"name": m.display_name, "pronouns": m.pronouns, "colour": m.colour}


__all__ = ["DM_NAME", "DirectMessages", "DmSummary"]
