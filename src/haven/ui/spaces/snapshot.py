"""Everything the space view shows about one space, read in one worker task: its details,
feed page, members, the moderators' queue, the reader's mute words, join requests (admins)
and warnings. A plain record, no Qt: the view and its actions both read it."""

from __future__ import annotations

from dataclasses import dataclass, field

from haven.core.session import Session
from haven.core.spaces.fundraisers import Campaign, Fundraiser, Pledge
from haven.core.spaces.invites import RequestInfo
from haven.core.spaces.model import (
    FeedPost,
    Member,
    ModAction,
    Report,
    Role,
    SpaceInfo,
    SpaceWarning,
)


@dataclass(frozen=True)
class Snapshot:
    info: SpaceInfo
    feed: list[FeedPost]
    more: bool
    members: list[Member]
    reports: list[Report]
    modlog: list[ModAction]
    mute_words: list[str]
    requests: list[RequestInfo]
    warnings: tuple[SpaceWarning, ...] = ()
    #: The space's disappearing timer (seconds; 0: posts stay) and attachment limit.
    disappear_s: int = 0
    attach_limit: int = 0
    #: Reported posts the feed's pages do not hold (an older reply), for the queue's text.
    reported: dict[bytes, FeedPost] = field(default_factory=dict)
    #: Fundraisers and campaigns; who pledged what, for the fundraisers the reader organises.
    fundraisers: tuple[Fundraiser, ...] = ()
    campaigns: tuple[Campaign, ...] = ()
    pledges: tuple[tuple[bytes, tuple[Pledge, ...]], ...] = ()


def read_snapshot(session: Session, space_id: bytes, limit: int) -> Snapshot:
    """Runs in a worker: everything the view shows about one space."""
    spaces = session.spaces
    info = spaces.space_info(space_id)
    # Muted and blocked posts too: the feed shows how many mute words hide (and shows them
    # on request) instead of letting them vanish without a trace.
    feed = spaces.read_feed(space_id, include_hidden=True, limit=limit)
    pinned = [p for p in feed if p.pinned]
    rest = [p for p in feed if not p.pinned]
    moderator = info.my_role is not None and info.my_role.rank >= Role.MODERATOR.rank
    admin = info.my_role is not None and info.my_role.rank >= Role.ADMIN.rank
    reports = spaces.reports(space_id) if moderator else []
    held = {p.post_id for root in feed for p in (root, *root.replies)}
    unheld = [r.target_id for r in reports if r.target_id not in held]
    fundraisers = tuple(spaces.fundraisers.listing(space_id))
    pledges = tuple(
        (f.fundraiser_id, tuple(spaces.fundraisers.pledges(space_id, f.fundraiser_id)))
        for f in fundraisers
        if f.you_organise
    )
    return Snapshot(
        info,
        pinned + rest[::-1],
        len(rest) >= limit,
        spaces.members(space_id),
        reports,
        spaces.moderation_log(space_id) if moderator else [],
        spaces.mute_words(space_id),
        session.invites.requests(space_id) if admin else [],
        tuple(spaces.warnings(space_id)),
        spaces.disappearing.timer(space_id),
        spaces.attachments.limit(space_id),
        spaces.posts_by_id(space_id, unheld) if unheld else {},
        fundraisers,
        tuple(spaces.campaigns.listing(space_id)),
        pledges,
    )
