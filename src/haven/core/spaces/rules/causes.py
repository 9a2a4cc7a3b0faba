"""Closing and removing fundraisers and campaigns, one event at a time, in log order
(docs/PROTOCOL.md §5.10), and who organises one. Here, not in core/spaces/fundraisers/,
because `rules/moderation.py` removes them with the `space.moderate` posts use (the
fundraiser rules import this module, never the other way).

Organisers (its creator while an active member, the space's active admins and owner) close
one: no pledge or "I did this" after that counts. A moderator's removal erases its words,
updates, pledges and received marks from the log (core/redaction.erase, with
spaces/redaction.erases deciding, as for a post) and, when valid, marks it removed."""

from __future__ import annotations

from haven.core.envelope import Event
from haven.core.redaction import erase
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role
from haven.core.spaces.redaction import CAUSE_ERASABLE, erases, scrub_welcomes
from haven.store.spaces import cause_states as states
from haven.store.spaces import fundraisers as db
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection


def is_organiser(author: MemberRow | None, creator: bytes) -> bool:
    role = au.role_of(author)
    return (
        role is not None
        and author is not None
        and (author.member_pk == creator or role.rank >= Role.ADMIN.rank)
    )


def target_fundraiser(conn: Connection, g: GroupRow, e: Event) -> db.FundraiserRow | None:
    target = ev.target_of(e.content)
    row = db.get_fundraiser(conn, target) if target else None
    return row if row is not None and row.space_id == g.space_id else None


def target_campaign(conn: Connection, g: GroupRow, e: Event) -> db.CampaignRow | None:
    target = ev.target_of(e.content)
    row = db.get_campaign(conn, target) if target else None
    return row if row is not None and row.space_id == g.space_id else None


def ended(conn: Connection, cause_id: bytes) -> bool:
    state = states.state(conn, cause_id)
    return state.closed or state.erased


def close(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    """An organiser ends a fundraiser or campaign: no pledge or "I did this" after it counts
    (updates, received marks and tallies still do, to finish the count)."""
    found = _target_cause(conn, g, e)
    kind = "fundraiser" if e.type == ev.FUNDRAISER_CLOSE else "campaign"
    if found is None or found[0] != kind or not is_organiser(author, found[2]):
        return False
    if states.state(conn, found[1]).closed:
        return False  # closed already
    states.set_closed(conn, g.space_id, found[1])
    return True


def _target_cause(conn: Connection, g: GroupRow, e: Event) -> tuple[str, bytes, bytes] | None:
    """(kind, id, creator) of the fundraiser or campaign a moderation names, if any."""
    f = target_fundraiser(conn, g, e)
    if f is not None:
        return "fundraiser", f.fundraiser_id, f.creator
    c = target_campaign(conn, g, e)
    return ("campaign", c.campaign_id, c.creator) if c is not None else None


def erase_cause(conn: Connection, g: GroupRow, e: Event) -> str | None:
    """Erase the fundraiser or campaign a `space.moderate` names, with its updates, pledges
    and received marks, from the log and this projection, if `e` may (the rule posts use:
    spaces/redaction.erases, a little less than what makes `e` valid, so that a removal
    racing its author's demotion erases on every replica alike). Returns its kind, or None
    when `e` names neither."""
    found = _target_cause(conn, g, e)
    if found is None:
        return None
    kind, cause_id, creator = found
    if erases(conn, g.space_id, creator, e) and not states.state(conn, cause_id).erased:
        scrub_welcomes(conn, g.space_id, erase(conn, cause_id, e, CAUSE_ERASABLE))
        states.erase(conn, g.space_id, cause_id)
    return kind


def remove(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> str | None:
    """A moderator's removal of a fundraiser or campaign: erase it (as far as `e` may), and
    if `e` is valid — its author a moderator or above at this point of the log, the cause
    not removed already — mark it removed. Returns the kind removed, or None (invalid)."""
    kind = erase_cause(conn, g, e)
    if kind is None or not au.may(author, ev.MODERATE):
        return None
    cause_id = ev.target_of(e.content)
    assert cause_id is not None  # erase_cause found what it names
    if states.state(conn, cause_id).removed:
        return None
    states.set_removed(conn, g.space_id, cause_id)
    return kind
