"""Group spaces: membership, roles, epoch keys, posts and moderation, as events in the log.

See docs/PROTOCOL.md ("Group spaces") for the rules and docs/THREAT_MODEL.md for what they
protect against."""

from haven.core.spaces.model import (
    COLOURS,
    REACTIONS,
    TOPICS,
    FeedPost,
    JoinRequest,
    Member,
    ModAction,
    Profile,
    Report,
    Role,
    SpaceInfo,
    SpaceSummary,
    SpaceWarning,
    Status,
    ThreadPage,
)
from haven.core.spaces.service import SpaceService

__all__ = [
    "COLOURS",
    "REACTIONS",
    "TOPICS",
    "FeedPost",
    "JoinRequest",
    "Member",
    "ModAction",
    "Profile",
    "Report",
    "Role",
    "SpaceInfo",
    "SpaceService",
    "SpaceSummary",
    "SpaceWarning",
    "Status",
    "ThreadPage",
]
