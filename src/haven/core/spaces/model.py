"""What the spaces API hands to the CLI and the UI: small frozen records, never key material."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from haven.core.attachments.spec import AttachmentInfo


class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    MODERATOR = "moderator"
    MEMBER = "member"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Role.OWNER: 3, Role.ADMIN: 2, Role.MODERATOR: 1, Role.MEMBER: 0}


class Status(StrEnum):
    ACTIVE = "active"
    REMOVED = "removed"
    BANNED = "banned"
    LEFT = "left"


#: Supportive reactions: a fixed set, counted, never ranked.
REACTIONS: tuple[str, ...] = (
    "sending-care",
    "me-too",
    "proud-of-you",
    "not-alone",
    "thank-you",
)
REACTION_LABELS: dict[str, str] = {
    "sending-care": "sending care",
    "me-too": "me too",
    "proud-of-you": "proud of you",
    "not-alone": "you are not alone",
    "thank-you": "thank you",
}

#: Suggested topics; any short free text is allowed too.
TOPICS: tuple[str, ...] = (
    "coming out",
    "relationships",
    "parenting",
    "family",
    "identity",
    "health",
    "work",
    "faith",
    "fashion",
    "travel",
    "sport",
    "music",
    "art",
    "politics",
    "entertainment",
)

#: Persona colours offered to new personas (accessible on light and dark backgrounds).
COLOURS: tuple[str, ...] = (
    "#1f77b4",
    "#9467bd",
    "#2ca02c",
    "#d62728",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
)


@dataclass(frozen=True)
class Profile:
    display_name: str
    pronouns: str = ""
    colour: str = ""


@dataclass(frozen=True)
class SpaceSummary:
    space_id: bytes
    name: str
    topics: tuple[str, ...]
    unread: int
    my_role: Role | None
    member_count: int


@dataclass(frozen=True)
class SpaceInfo:
    space_id: bytes
    name: str
    description: str
    topics: tuple[str, ...]
    guidelines: str
    owner: bytes
    my_persona: bytes
    my_role: Role | None
    epoch: int
    member_count: int


@dataclass(frozen=True)
class Member:
    member_pk: bytes
    display_name: str
    pronouns: str
    colour: str
    role: Role
    status: Status
    blocked: bool = False


@dataclass(frozen=True)
class FeedPost:
    post_id: bytes
    author: bytes
    author_name: str
    author_colour: str
    title: str
    body: str
    cw: str
    created_ms: int
    edited_ms: int | None
    pinned: bool
    state: str  # visible | deleted | removed | expired
    removed_reason: str
    reactions: dict[str, int] = field(default_factory=dict)
    my_reactions: tuple[str, ...] = ()
    replies: tuple[FeedPost, ...] = ()
    hidden_reason: str = ""  # "muted" or "blocked" when the reader chose to hide it
    #: Older replies than `replies` exist (a feed page holds each thread's newest page).
    older_replies: bool = False
    attachments: tuple[AttachmentInfo, ...] = ()
    #: When this post disappears on this device (its clock, ms), if it has a timer.
    disappears_ms: int | None = None


@dataclass(frozen=True)
class ThreadPage:
    """One page of a thread: its first post and up to a page of replies in log order, and
    whether older (before the first reply shown) or newer (after the last) ones exist."""

    root: FeedPost
    replies: tuple[FeedPost, ...]
    older: bool
    newer: bool


class PageHolding(NamedTuple):
    """The page of a thread that holds a post (SpaceService.thread_page_holding)."""

    page: ThreadPage
    #: the reply the page ends before (None: the thread's newest page)
    later: bytes | None
    #: the post the page starts just after (a reply, or the first post): reading the
    #: replies after it reads this page again
    after: bytes


@dataclass(frozen=True)
class Report:
    report_id: bytes
    reporter: bytes
    reporter_name: str
    target_id: bytes
    reason: str
    created_ms: int


@dataclass(frozen=True)
class ModAction:
    event_id: bytes
    actor: bytes
    actor_name: str
    action: str
    subject: bytes | None
    detail: str
    created_ms: int


@dataclass(frozen=True)
class SpaceWarning:
    kind: str  # "fork": one device wrote two different events with the same number;
    # "key": a valid rotation or share sealed this device a key that fails its commitment;
    # "invites": invites void because an admin who held them left (no member: b"", "")
    member_pk: bytes
    member_name: str
    detail: str


@dataclass(frozen=True)
class JoinRequest:
    """What a would-be member sends an admin (through the invite flow): public keys only."""

    persona_pk: bytes
    box_pk: bytes
    device_id: bytes
    profile: Profile
