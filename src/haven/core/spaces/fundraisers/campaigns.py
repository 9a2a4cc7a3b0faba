"""`session.spaces.campaigns`: an action for the space to take (a petition to sign, a letter
to send, a day to show up), "I did this" once per member, and organisers' updates
(docs/PROTOCOL.md, "Fundraisers and campaigns"). The count is the number of distinct
members' valid `space.campaign.done` events, never a number a peer sent."""

from __future__ import annotations

from haven.core.spaces import events as ev
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.fundraisers import content as fc
from haven.core.spaces.fundraisers import ending
from haven.core.spaces.fundraisers.model import Campaign
from haven.core.spaces.fundraisers.rules import is_organiser
from haven.core.spaces.fundraisers.service import names_of, updates_of
from haven.core.spaces.lookup import parse_hex_prefix, pick_one
from haven.errors import InvalidInput, NotFound
from haven.store.spaces import cause_states as states
from haven.store.spaces import fundraisers as db
from haven.store.vault import Connection


class Campaigns:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx

    def create(
        self, space_id: bytes, title: str, kind: str, action: str, place: str = "", date: str = ""
    ) -> bytes:
        checked = fc.clean_campaign(title, kind, action, place, date)
        self._ctx.require(space_id, ev.CAMPAIGN, "only members can start a campaign")
        return self._ctx.append(space_id, ev.CAMPAIGN, checked.to_content()).id

    def done(self, space_id: bytes, campaign_id: bytes) -> None:
        """Say "I did this" (once: a second time is refused here and void everywhere)."""
        me = self._ctx.require(space_id, ev.CAMPAIGN_DONE, "only members can take part")
        with self._ctx.fresh(space_id) as conn:
            self._campaign(conn, space_id, campaign_id)
            ending.require_open(conn, campaign_id, "campaign")
            if db.has_done(conn, campaign_id, me.member_pk):
                raise InvalidInput("you already said you did this")
        self._ctx.append(space_id, ev.CAMPAIGN_DONE, {}, target=campaign_id)

    def close(self, space_id: bytes, campaign_id: bytes) -> None:
        """Close it (its organisers): no more "I did this"; updates go on."""
        ending.close(self._ctx, space_id, campaign_id, "campaign")

    def remove(self, space_id: bytes, campaign_id: bytes, reason: str) -> None:
        """Remove it (moderators): hidden at once; its words and updates are erased on each
        device a day after it has the removal, at once for the owner's (PROTOCOL §1.7)."""
        ending.remove(self._ctx, space_id, campaign_id, "campaign", reason)

    def update(self, space_id: bytes, campaign_id: bytes, text: str) -> bytes:
        text = fc.clean_update(text)
        with self._ctx.fresh(space_id) as conn:
            row = self._campaign(conn, space_id, campaign_id)
            me = self._ctx.me(conn, space_id)
        if not is_organiser(me, row.creator):
            raise InvalidInput(
                "only the campaign's organisers (its creator and the admins) post updates"
            )
        return self._ctx.append(space_id, ev.CAMPAIGN_UPDATE, {"text": text}, campaign_id).id

    def listing(self, space_id: bytes) -> list[Campaign]:
        with self._ctx.fresh(space_id) as conn:
            self._ctx.group(conn, space_id)
            me = self._ctx.me(conn, space_id)
            names = names_of(conn, space_id)
            done = db.done_in(conn, space_id, me.member_pk if me else None)
            listed = db.list_campaigns(conn, space_id)
            shown = states.states_of(conn, [c.campaign_id for c in listed])
            return [
                Campaign(
                    c.campaign_id,
                    c.title,
                    c.kind,
                    c.action,
                    c.place,
                    c.date,
                    c.creator,
                    names.get(c.creator, "?"),
                    done.get(c.campaign_id, (0, False))[0],
                    done.get(c.campaign_id, (0, False))[1],
                    is_organiser(me, c.creator),
                    updates_of(conn, c.campaign_id, names),
                    shown.get(c.campaign_id, states.OPEN).closed,
                )
                for c in listed
                if not shown.get(c.campaign_id, states.OPEN).erased
                and not shown.get(c.campaign_id, states.OPEN).removed
            ]

    def resolve(self, space_id: bytes, text: str) -> bytes:
        with self._ctx.fresh(space_id) as conn:
            named = [
                c.campaign_id for c in db.list_campaigns(conn, space_id) if c.title == text.strip()
            ]
            if len(named) == 1:
                return named[0]
            prefix = parse_hex_prefix(text, "campaign")
            return pick_one(
                db.find_cause_ids(conn, space_id, "space_campaigns", prefix), "campaign"
            )

    def _campaign(self, conn: Connection, space_id: bytes, campaign_id: bytes) -> db.CampaignRow:
        row = db.get_campaign(conn, campaign_id)
        if row is None or row.space_id != space_id or states.state(conn, campaign_id).gone:
            raise NotFound("no campaign with that id in this space")
        return row
