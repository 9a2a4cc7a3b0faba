"""Ending a fundraiser or campaign (docs/PROTOCOL.md §5.10): its organisers close it (no more
pledges or "I did this"); a moderator removes it with a reason, which erases its words,
updates and pledges from every replica's log through the redaction posts use
(`rules.remove`, core/spaces/redaction.py). Shared by `Fundraisers` and `Campaigns`."""

from __future__ import annotations

from haven.core.spaces import events as ev
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.fundraisers.rules import is_organiser
from haven.errors import InvalidInput, NotFound
from haven.store.spaces import cause_states as states
from haven.store.spaces import fundraisers as db
from haven.store.vault import Connection

#: The close event of each kind, and what a person calls it.
CLOSE = {"fundraiser": ev.FUNDRAISER_CLOSE, "campaign": ev.CAMPAIGN_CLOSE}


def _creator(conn: Connection, space_id: bytes, cause_id: bytes, kind: str) -> bytes:
    row = (
        db.get_fundraiser(conn, cause_id)
        if kind == "fundraiser"
        else db.get_campaign(conn, cause_id)
    )
    if row is None or row.space_id != space_id or states.state(conn, cause_id).gone:
        raise NotFound(f"no {kind} with that id in this space")
    return row.creator


def close(ctx: SpaceContext, space_id: bytes, cause_id: bytes, kind: str) -> None:
    """Close a fundraiser or campaign (its creator, an admin or the owner)."""
    with ctx.fresh(space_id) as conn:
        ctx.group(conn, space_id)
        creator = _creator(conn, space_id, cause_id, kind)
        me = ctx.me(conn, space_id)
        closed = states.state(conn, cause_id).closed
    if not is_organiser(me, creator):
        raise InvalidInput(f"only the {kind}'s organisers (its creator and the admins) close it")
    if closed:
        raise InvalidInput(f"this {kind} is closed already")
    ctx.append(space_id, CLOSE[kind], {}, target=cause_id)


def remove(ctx: SpaceContext, space_id: bytes, cause_id: bytes, kind: str, reason: str) -> None:
    """A moderator removes a fundraiser or campaign, with a reason for the moderation log:
    a `space.moderate` naming it, as for a post."""
    reason = ev.clean_text(reason, ev.MAX_REASON, "a reason", required=True)
    ctx.require(space_id, ev.MODERATE, f"only moderators can remove a {kind}")
    with ctx.fresh(space_id) as conn:
        _creator(conn, space_id, cause_id, kind)
    ctx.append(space_id, ev.MODERATE, {"reason": reason}, target=cause_id)


def require_open(conn: Connection, cause_id: bytes, kind: str) -> None:
    """Refuse, on this device, what a closed fundraiser or campaign no longer takes."""
    if states.state(conn, cause_id).closed:
        raise InvalidInput(f"this {kind} is closed")
