"""Closing and removing fundraisers and campaigns, one event at a time, in log order
(docs/PROTOCOL.md §5.10), and who organises one. Here, not in core/spaces/fundraisers/,
because `rules/moderation.py` removes them with the `space.moderate` posts use (the
fundraiser rules import this module, never the other way).

Organisers (its creator while an active member, the space's active admins and owner) close
one: no pledge or "I did this" after that counts. A moderator's removal, when valid, marks
it removed (hidden) and erases its words, updates, pledges and received marks from the log
(core/redaction.erase, with spaces/redaction.erases deciding) as for a post: at once if the
owner's, else once settled (§1.7, "Settled before erased")."""

from __future__ import annotations

from haven.core.envelope import Event
from haven.core.redaction import erase
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role
from haven.core.spaces.redaction import CAUSE_ERASABLE, erases, erases_at_once, scrub_welcomes
from haven.store.spaces import cause_states as states
from haven.store.spaces import fundraisers as db
from haven.store.spaces import pending_erasures as pending_db
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
    spaces/redaction.erases). Called when `e` erases at once (the owner's removal) and, for
    any other moderator's, by the settled sweep once it still counts a grace period later
    (rules/moderation.py `erase_settled`). Returns its kind, or None when `e` names neither."""
    found = _target_cause(conn, g, e)
    if found is None:
        return None
    kind, cause_id, creator = found
    if erases(conn, g.space_id, creator, e) and not states.state(conn, cause_id).erased:
        scrub_welcomes(conn, g.space_id, erase(conn, cause_id, e, CAUSE_ERASABLE))
        states.erase(conn, g.space_id, cause_id)
    return kind


def remove(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> str | None:
    """A moderator's removal of a fundraiser or campaign, as of a post (docs/PROTOCOL.md
    §1.7, "Settled before erased"): the owner's erases it at once; if `e` is valid — its
    author a moderator or above at this point of the log, the cause not removed already —
    it is marked removed (hidden), and any other moderator's removal waits in
    `space_pending_erasures` to erase it once settled. Returns the kind removed, or None."""
    found = _target_cause(conn, g, e)
    if found is None:
        return None
    kind, cause_id, _ = found
    if erases_at_once(e, author):
        erase_cause(conn, g, e)
    if not au.may(author, ev.MODERATE) or states.state(conn, cause_id).removed:
        return None
    states.set_removed(conn, g.space_id, cause_id)
    if not states.state(conn, cause_id).erased:
        pending_db.hold(conn, g.space_id, e.id, cause_id)
    return kind
