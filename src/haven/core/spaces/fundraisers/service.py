"""`session.spaces.fundraisers`: starting a fundraiser, pledging privately, organisers'
updates, received marks and tallies, and reading them (docs/PROTOCOL.md, "Fundraisers and
campaigns"; docs/THREAT_MODEL.md says who learns what). The rules are in `rules.py`.

Haven moves no money: "where to give" is text the organiser writes, shown as plain text."""

from __future__ import annotations

import datetime

from haven.core.spaces import events as ev
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.fundraisers import content as fc
from haven.core.spaces.fundraisers import ending, money
from haven.core.spaces.fundraisers.model import CauseUpdate, Fundraiser, Pledge
from haven.core.spaces.fundraisers.rules import is_organiser, organiser_keys, sums
from haven.core.spaces.lookup import parse_hex_prefix, pick_one
from haven.core.spaces.sealed import seal_detail
from haven.errors import InvalidInput, NotFound
from haven.store.spaces import cause_states as states
from haven.store.spaces import fundraisers as db
from haven.store.spaces import membership as membership_db
from haven.store.vault import Connection


def names_of(conn: Connection, space_id: bytes) -> dict[bytes, str]:
    return {m.member_pk: m.display_name for m in membership_db.list_members(conn, space_id)}


def updates_of(
    conn: Connection, cause_id: bytes, names: dict[bytes, str]
) -> tuple[CauseUpdate, ...]:
    return tuple(
        CauseUpdate(eid, who, names.get(who, "?"), text, ms)
        for eid, who, text, ms in db.updates(conn, cause_id)
    )


def today(clock_ms: int) -> str:
    """This device's local calendar day (deadlines are days, checked by this device)."""
    return datetime.datetime.fromtimestamp(clock_ms / 1000).date().isoformat()


class Fundraisers:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx
        self._tallying = False

    # ----------------------------------------------------------------- writing

    def create(
        self,
        space_id: bytes,
        title: str,
        purpose: str,
        give: str,
        goal: int,
        currency: str,
        deadline: str = "",
    ) -> bytes:
        checked = fc.clean_fundraiser(title, purpose, give, goal, currency, deadline)
        self._ctx.require(space_id, ev.FUNDRAISER, "only members can start a fundraiser")
        return self._ctx.append(space_id, ev.FUNDRAISER, checked.to_content()).id

    def pledge(self, space_id: bytes, fundraiser_id: bytes, amount: int) -> None:
        """Pledge (or change your pledge to) `amount`; 0 withdraws it. The amount is sealed
        to the organisers' devices and your own, in 8 fixed bytes."""
        if not money.valid_amount(amount, zero=True):
            raise InvalidInput(f"a pledge is from 0 to {money.MAX_AMOUNT} minor units")
        me = self._ctx.require(space_id, ev.PLEDGE, "only members can pledge")
        with self._ctx.fresh(space_id) as conn:
            row = self._fundraiser(conn, space_id, fundraiser_id)
            ending.require_open(conn, fundraiser_id, "fundraiser")
            if amount and row.deadline and today(self._ctx.clock()) > row.deadline:
                raise InvalidInput(f"this fundraiser's deadline ({row.deadline}) has passed")
            recipients = organiser_keys(conn, space_id, row.creator)
            recipients |= membership_db.member_box_keys(conn, space_id, me.member_pk)
        sealed = [
            [
                pk,
                seal_detail(
                    pk, fc.PLEDGE_DOMAIN, space_id, [fundraiser_id, fc.amount_bytes(amount)]
                ),
            ]
            for pk in sorted(recipients)
        ]
        self._ctx.append(space_id, ev.PLEDGE, {"sealed": sealed}, target=fundraiser_id)

    def close(self, space_id: bytes, fundraiser_id: bytes) -> None:
        """Close it (its organisers): no more pledges; updates and the count go on."""
        ending.close(self._ctx, space_id, fundraiser_id, "fundraiser")

    def remove(self, space_id: bytes, fundraiser_id: bytes, reason: str) -> None:
        """Remove it (moderators): hidden at once; its words, updates and pledges are erased on
        each device a day after it has the removal, at once for the owner's (PROTOCOL §1.7)."""
        ending.remove(self._ctx, space_id, fundraiser_id, "fundraiser", reason)

    def withdraw(self, space_id: bytes, fundraiser_id: bytes) -> None:
        """A withdrawal is a pledge of 0: to members it looks like any change of pledge."""
        self.pledge(space_id, fundraiser_id, 0)

    def update(self, space_id: bytes, fundraiser_id: bytes, text: str) -> bytes:
        text = fc.clean_update(text)
        self._require_organiser(space_id, fundraiser_id)
        return self._ctx.append(space_id, ev.FUNDRAISER_UPDATE, {"text": text}, fundraiser_id).id

    def mark_received(self, space_id: bytes, fundraiser_id: bytes, member_pk: bytes) -> None:
        """Mark a member's current pledge received; the mark is sealed to the organisers."""
        row = self._require_organiser(space_id, fundraiser_id)
        with self._ctx.fresh(space_id) as conn:
            current = {p.member_pk: p for p in db.pledges(conn, fundraiser_id)}
            recipients = organiser_keys(conn, space_id, row.creator)
        p = current.get(member_pk)
        if p is None or p.amount == 0:
            raise NotFound("that member has no pledge to this fundraiser")
        sealed = [
            [pk, seal_detail(pk, fc.RECEIVED_DOMAIN, space_id, [fundraiser_id, p.event_id])]
            for pk in sorted(recipients)
        ]
        self._ctx.append(space_id, ev.RECEIVED, {"sealed": sealed}, target=fundraiser_id)

    def publish_tally(self, space_id: bytes, fundraiser_id: bytes) -> None:
        """Publish the total of the current pledges this organiser's device could open. A
        pledge it cannot read (sealed to others only, malformed, or made before this device
        organised) is left out and stays "not yet counted": one member's unreadable pledge
        must not stop the total."""
        self._require_organiser(space_id, fundraiser_id)
        with self._ctx.fresh(space_id) as conn:
            current = [p for p in db.pledges(conn, fundraiser_id) if p.amount is not None]
        total, got, supporters = sums(current)
        content = {
            "total": total,
            "received": got,
            "supporters": supporters,
            "covers": [p.event_id for p in current],
        }
        self._ctx.append(space_id, ev.TALLY, content, target=fundraiser_id)

    def tally_quietly(self, space_id: bytes) -> None:
        """After a commit touched the space: on an organiser's device, publish a tally for
        each fundraiser with a pledge it can read that no tally covers yet (the space's heal,
        like keys.heal_quietly). Unreadable pledges never make a fundraiser due, so they
        cannot set organisers' devices tallying after every commit. A tally that differs
        from this device's sum is flagged, not answered automatically: a member who sealed
        different amounts to different organisers would otherwise set their devices
        answering each other."""
        if self._tallying:
            return
        self._tallying = True
        try:
            with self._ctx.vault.read() as conn:
                me = self._ctx.me(conn, space_id)
                due = []
                for fundraiser_id in db.uncounted_fundraisers(conn, space_id):
                    row = db.get_fundraiser(conn, fundraiser_id)
                    if row is not None and is_organiser(me, row.creator):
                        due.append(fundraiser_id)
            for fundraiser_id in due:
                self.publish_tally(space_id, fundraiser_id)
        finally:
            self._tallying = False

    # ----------------------------------------------------------------- reading

    def listing(self, space_id: bytes) -> list[Fundraiser]:
        """The space's fundraisers, newest first."""
        with self._ctx.fresh(space_id) as conn:
            self._ctx.group(conn, space_id)
            me = self._ctx.me(conn, space_id)
            names = names_of(conn, space_id)
            figures = db.pledge_figures(conn, space_id, me.member_pk if me else None)
            listed = db.list_fundraisers(conn, space_id)
            shown = states.states_of(conn, [f.fundraiser_id for f in listed])
            out = []
            for f in listed:
                state = shown.get(f.fundraiser_id, states.OPEN)
                if state.erased or state.removed:
                    continue
                fig = figures.get(f.fundraiser_id, db.PledgeFigures(0, 0, None))
                organise = is_organiser(me, f.creator)
                out.append(
                    Fundraiser(
                        f.fundraiser_id,
                        f.title,
                        f.purpose,
                        f.give,
                        f.goal,
                        f.currency,
                        f.deadline,
                        f.creator,
                        names.get(f.creator, "?"),
                        f.tally_total,
                        f.tally_received,
                        f.tally_supporters,
                        f.tally_id is not None,
                        fig.pledges,
                        fig.uncounted,
                        bool(f.tally_mismatch)
                        if organise and f.tally_mismatch is not None
                        else None,
                        organise,
                        fig.mine,
                        updates_of(conn, f.fundraiser_id, names),
                        state.closed,
                    )
                )
        return out

    def pledges(self, space_id: bytes, fundraiser_id: bytes) -> list[Pledge]:
        """Who pledged what: organisers only (everyone else is refused)."""
        self._require_organiser(
            space_id, fundraiser_id, "only the fundraiser's organisers see who pledged"
        )
        with self._ctx.fresh(space_id) as conn:
            names = names_of(conn, space_id)
            return [
                Pledge(
                    p.member_pk, names.get(p.member_pk, "?"), p.amount, p.received, bool(p.counted)
                )
                for p in db.pledges(conn, fundraiser_id)
            ]

    def currency(self, space_id: bytes, fundraiser_id: bytes) -> str:
        """The fundraiser's currency code (to read or print an amount in it)."""
        with self._ctx.fresh(space_id) as conn:
            return self._fundraiser(conn, space_id, fundraiser_id).currency

    def resolve(self, space_id: bytes, text: str) -> bytes:
        """A fundraiser from a hex prefix of its id (at least 4 digits) or its exact title."""
        with self._ctx.fresh(space_id) as conn:
            rows = db.list_fundraisers(conn, space_id)
            named = [f.fundraiser_id for f in rows if f.title == text.strip()]
            if len(named) == 1:
                return named[0]
            prefix = parse_hex_prefix(text, "fundraiser")
            return pick_one(
                db.find_cause_ids(conn, space_id, "space_fundraisers", prefix), "fundraiser"
            )

    # ----------------------------------------------------------------- helpers

    def _fundraiser(
        self, conn: Connection, space_id: bytes, fundraiser_id: bytes
    ) -> db.FundraiserRow:
        row = db.get_fundraiser(conn, fundraiser_id)
        if row is None or row.space_id != space_id or states.state(conn, fundraiser_id).gone:
            raise NotFound("no fundraiser with that id in this space")
        return row

    def _require_organiser(
        self,
        space_id: bytes,
        fundraiser_id: bytes,
        message: str = "only the fundraiser's organisers (its creator and the admins) can do that",
    ) -> db.FundraiserRow:
        with self._ctx.fresh(space_id) as conn:
            self._ctx.group(conn, space_id)
            row = self._fundraiser(conn, space_id, fundraiser_id)
            me = self._ctx.me(conn, space_id)
        if not is_organiser(me, row.creator):
            raise InvalidInput(message)
        return row
