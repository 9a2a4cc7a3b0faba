"""The rules for fundraisers and campaigns, one event at a time, in log order
(docs/PROTOCOL.md, "Fundraisers and campaigns").

Organisers of a fundraiser or campaign are its creator (while an active member) and the
space's active admins and owner, at the event's point of the log. Any active member starts
one, pledges, and says "I did this" once; only organisers post updates, mark pledges
received and publish tallies. Each pledge's amount is sealed to the organisers' devices;
a device that holds one of those keys opens it here, while projecting, like a report.

No number a peer sends is taken as it is: the "I did this" count is the number of distinct
members' valid events; a member's pledge is their newest valid one; a tally counts only if
an organiser signed it, every pledge it covers is a current pledge, and its numbers are
possible (content.parse_tally). An organiser's device also sums the amounts it opened and
marks a tally that differs (`tally_mismatch`), so one organiser cannot misstate the total
to members unnoticed by the others."""

from __future__ import annotations

from collections.abc import Iterable

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.fundraisers import content as fc
from haven.core.spaces.model import Role
from haven.core.spaces.rules import Handler
from haven.core.spaces.rules.causes import (
    close,
    is_organiser,
)
from haven.core.spaces.rules.causes import ended as _ended
from haven.core.spaces.rules.causes import target_campaign as _target_campaign
from haven.core.spaces.rules.causes import target_fundraiser as _target_fundraiser
from haven.core.spaces.sealed import open_detail
from haven.crypto.sealing import BoxKeyPair
from haven.store.spaces import cause_states as states
from haven.store.spaces import fundraisers as db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection

ORGANISER_ROLES = (Role.OWNER.value, Role.ADMIN.value)


def organiser_keys(conn: Connection, space_id: bytes, creator: bytes) -> set[bytes]:
    """The X25519 keys of the organisers' devices now: what a pledge is sealed to."""
    keys = membership_db.active_box_keys(conn, space_id, ORGANISER_ROLES)
    if au.is_active(membership_db.get_member(conn, space_id, creator)):
        keys |= membership_db.member_box_keys(conn, space_id, creator)
    return keys


def _open_mine(g: GroupRow, e: Event, domain: bytes) -> list[object] | None:
    """This device's sealed part of a pledge or received mark: [fundraiser id, value]."""
    box = BoxKeyPair(g.box_secret, g.box_public)
    for recipient, blob in ev.clean_sealed(e.content.get("sealed")):
        if recipient == box.public:
            return open_detail(box, blob, domain, g.space_id, 2)
    return None


# ----------------------------------------------------------------- fundraisers


def fundraiser(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    # One that arrives redacted keeps its place (a moderator's removal, later in the order,
    # erased it: core/redaction.justify checked that), with no words.
    parsed = ERASED_FUNDRAISER if e.redacted else fc.parse_fundraiser(e.content)
    if parsed is None or not au.may(author, ev.FUNDRAISER):
        return False
    db.insert_fundraiser(
        conn,
        db.FundraiserRow(
            e.id,
            g.space_id,
            e.lamport,
            e.author,
            parsed.title,
            parsed.purpose,
            parsed.give,
            parsed.goal,
            parsed.currency,
            parsed.deadline,
            e.created_ms,
            None,
            0,
            0,
            0,
            None,
            None,
        ),
    )
    if e.redacted:
        states.erase(conn, g.space_id, e.id)
    return True


def fundraiser_update(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    row = _target_fundraiser(conn, g, e)
    if row is None or not is_organiser(author, row.creator):
        return False
    text = fc.clean_update(e.content.get("text"))
    db.add_update(
        conn, g.space_id, row.fundraiser_id, e.id, e.lamport, e.author, text, e.created_ms
    )
    return True


def pledge(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    row = _target_fundraiser(conn, g, e)
    if row is None or not au.may(author, ev.PLEDGE) or not e.content.get("sealed"):
        return False
    if _ended(conn, row.fundraiser_id):
        return False  # closed or removed: no more pledges
    opened = _open_mine(g, e, fc.PLEDGE_DOMAIN)  # raises InvalidInput when malformed
    amount = None
    if opened is not None and opened[0] == row.fundraiser_id:
        amount = fc.amount_of(opened[1])
    db.put_pledge(conn, g.space_id, row.fundraiser_id, e.author, e.id, e.lamport, amount)
    return True


def received(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    row = _target_fundraiser(conn, g, e)
    if row is None or not is_organiser(author, row.creator):
        return False
    opened = _open_mine(g, e, fc.RECEIVED_DOMAIN)
    if opened is not None and opened[0] == row.fundraiser_id and isinstance(opened[1], bytes):
        db.mark_received(conn, g.space_id, row.fundraiser_id, opened[1])
    return True


def sums(pledges: Iterable[db.PledgeRow]) -> tuple[int, int, int]:
    """A tally's figures from the pledges it covers: the total, the sum received, and how
    many pledged more than 0 (a tally is written and checked with the same sums)."""
    total = got = supporters = 0
    for p in pledges:
        total += p.amount or 0
        got += (p.amount or 0) if p.received else 0
        supporters += bool(p.amount)
    return total, got, supporters


def tally(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    row = _target_fundraiser(conn, g, e)
    parsed = fc.parse_tally(e.content)
    if row is None or parsed is None or not is_organiser(author, row.creator):
        return False
    current = {p.event_id: p for p in db.pledges(conn, row.fundraiser_id)}
    if not set(parsed.covers) <= current.keys():
        return False  # it counts a pledge that is not (or no longer) anyone's pledge
    covered = [current[c] for c in parsed.covers]
    mismatch = None
    if all(p.amount is not None for p in covered):  # this device opened every one
        mismatch = int(sums(covered) != (parsed.total, parsed.received, parsed.supporters))
    db.set_tally(
        conn,
        row.fundraiser_id,
        e.id,
        e.author,
        parsed.total,
        parsed.received,
        parsed.supporters,
        mismatch,
    )
    db.mark_counted(conn, row.fundraiser_id, set(parsed.covers))
    return True


# ----------------------------------------------------------------- campaigns


def campaign(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    parsed = ERASED_CAMPAIGN if e.redacted else fc.parse_campaign(e.content)
    if parsed is None or not au.may(author, ev.CAMPAIGN):
        return False
    db.insert_campaign(
        conn,
        db.CampaignRow(
            e.id,
            g.space_id,
            e.lamport,
            e.author,
            parsed.title,
            parsed.kind,
            parsed.action,
            parsed.place,
            parsed.date,
            e.created_ms,
        ),
    )
    if e.redacted:
        states.erase(conn, g.space_id, e.id)
    return True


def campaign_done(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    row = _target_campaign(conn, g, e)
    if row is None or not au.may(author, ev.CAMPAIGN_DONE) or _ended(conn, row.campaign_id):
        return False
    return db.add_done(conn, g.space_id, row.campaign_id, e.author, e.id)  # once per member


def campaign_update(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    row = _target_campaign(conn, g, e)
    if row is None or not is_organiser(author, row.creator):
        return False
    text = fc.clean_update(e.content.get("text"))
    db.add_update(conn, g.space_id, row.campaign_id, e.id, e.lamport, e.author, text, e.created_ms)
    return True


# ----------------------------------------------------------------- erased ones

#: What a fundraiser or campaign that arrived redacted is projected as: no words at all.
ERASED_FUNDRAISER = fc.FundraiserContent("", "", "", 0, "", "")
ERASED_CAMPAIGN = fc.CampaignContent("", "other", "", "", "")


HANDLERS: dict[str, Handler] = {
    ev.FUNDRAISER: fundraiser,
    ev.FUNDRAISER_UPDATE: fundraiser_update,
    ev.PLEDGE: pledge,
    ev.RECEIVED: received,
    ev.TALLY: tally,
    ev.CAMPAIGN: campaign,
    ev.CAMPAIGN_DONE: campaign_done,
    ev.CAMPAIGN_UPDATE: campaign_update,
    ev.FUNDRAISER_CLOSE: close,
    ev.CAMPAIGN_CLOSE: close,
}
