"""What the channels API returns: small frozen values, no keys beyond public member keys."""

from __future__ import annotations

from dataclasses import dataclass

from haven.core.spaces.model import FeedPost, Role


@dataclass(frozen=True)
class ChannelInfo:
    channel_id: bytes
    name: str
    kind: str  # chat | announce
    archived: bool
    #: Messages by others after this reader's marker (counted up to UNREAD_COUNTED; 0 on a
    #: page read further back, which does not count them).
    unread: int
    #: Of those, the ones that mention this reader (by key, never by name).
    mentions_me: int
    muted: bool  # this reader's choice, kept on this device only
    #: Whether this reader may post there now (an announcement channel: admins only).
    may_post: bool


@dataclass(frozen=True)
class Mention:
    """A member a message names, by key: shown with their current name and the app's own
    marks (fingerprint, role), so a name typed in the text cannot pass for someone else."""

    member_pk: bytes
    name: str
    fingerprint: str
    role: Role | None  # None: no longer a member


@dataclass(frozen=True)
class ChannelMessage:
    post: FeedPost
    #: The message it answers by quoting: (its id, its author's name, its first words), or
    #: None; an erased or removed quote is given with empty words.
    quote: tuple[bytes, str, str] | None
    mentions: tuple[Mention, ...]
    mentions_me: bool


@dataclass(frozen=True)
class ChannelPage:
    channel: ChannelInfo
    messages: tuple[ChannelMessage, ...]  # oldest first
    older: bool  # messages before the first one exist
