"""The rules for channels, one event at a time, in log order (docs/PROTOCOL.md §5.10).

Admins create, rename and archive channels (`space.channel.*`; authority.NEEDS). A message
in a channel is a `space.post` whose `parent` is the channel's create event, so deletion,
moderation, reactions and disappearing timers apply to it as to any post; `rules/posts.post`
hands it here to decide whether its author may write there at that point of the log: an
active member, in a channel not archived, and — in an announcement channel — an admin or
the owner. Never from a peer's claim: from the roles this replica's log gives."""

from __future__ import annotations

from typing import Any

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role
from haven.core.spaces.rules import Handler
from haven.errors import InvalidInput
from haven.store.spaces import channels as channels_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces import posts as posts_db
from haven.store.spaces.channels import ChannelRow
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection

KINDS = ("chat", "announce")
MAX_NAME = 32
#: Members one message names at most (a flood of mentions is noise, not a conversation).
MAX_MENTIONS = 20


def clean_name(value: object) -> str:
    """A channel's name: letters (any script), digits, `-` and `_`, without the `#`, in
    lower case: no spaces, no invisible or direction-changing characters to look alike."""
    if not isinstance(value, str):
        raise InvalidInput("a channel name must be text")
    name = value.strip().removeprefix("#").casefold()
    if not 1 <= len(name) <= MAX_NAME:
        raise InvalidInput(f"a channel name has 1 to {MAX_NAME} characters")
    if not all(c.isalnum() or c in "-_" for c in name):
        raise InvalidInput("a channel name holds only letters, digits, '-' and '_'")
    return name


def clean_mentions(value: object) -> tuple[bytes, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_MENTIONS:
        raise InvalidInput(f"a message mentions at most {MAX_MENTIONS} members")
    out: list[bytes] = []
    for pk in value:
        if not (isinstance(pk, bytes) and len(pk) == ev.KEY_BYTES):
            raise InvalidInput("malformed mention")
        if pk not in out:
            out.append(pk)
    return tuple(out)


def clean_quote(value: object) -> bytes | None:
    if value is None:
        return None
    if not (isinstance(value, bytes) and len(value) == 32):
        raise InvalidInput("malformed quote")
    return value


def create(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    name = clean_name(e.content.get("name"))  # InvalidInput: invalid
    kind = e.content.get("kind", "chat")
    if kind not in KINDS or not au.may(author, ev.CHANNEL_CREATE):
        return False
    if channels_db.by_name(conn, g.space_id, name) is not None:
        return False  # names are unique in a space, archived channels' too
    channels_db.insert_channel(
        conn, ChannelRow(e.id, g.space_id, e.lamport, name, str(kind), False)
    )
    return True


def _target(conn: Connection, g: GroupRow, e: Event) -> ChannelRow | None:
    target = ev.target_of(e.content)
    channel = channels_db.get_channel(conn, target) if target else None
    return channel if channel is not None and channel.space_id == g.space_id else None


def rename(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    channel, name = _target(conn, g, e), clean_name(e.content.get("name"))
    if channel is None or not au.may(author, ev.CHANNEL_RENAME):
        return False
    taken = channels_db.by_name(conn, g.space_id, name)
    if taken is not None and taken.channel_id != channel.channel_id:
        return False
    channels_db.rename(conn, channel.channel_id, name)
    return True


def archive(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    channel = _target(conn, g, e)
    if channel is None or not au.may(author, ev.CHANNEL_ARCHIVE):
        return False
    channels_db.set_archived(conn, channel.channel_id, e.content.get("archived") is not False)
    return True


def may_post(channel: ChannelRow, author: MemberRow | None) -> bool:
    """Whether `author` may write a message in `channel` at this point of the log."""
    if channel.archived or not au.may(author, ev.POST):
        return False
    if channel.kind == "announce":
        role = au.role_of(author)
        return role is not None and role.rank >= Role.ADMIN.rank
    return True


def message_extras(
    conn: Connection, g: GroupRow, channel: ChannelRow, content: dict[str, Any]
) -> tuple[bytes | None, tuple[bytes, ...]]:
    """The quote (a message of the same channel, else none) and the mentions (members of
    the space, others left out) a valid message keeps; InvalidInput if malformed."""
    quote = clean_quote(content.get("quote"))
    if quote is not None:
        quoted = posts_db.get_post(conn, quote)
        if quoted is None or quoted.parent_id != channel.channel_id:
            quote = None
    mentions = tuple(
        pk
        for pk in clean_mentions(content.get("mentions"))
        if membership_db.get_member(conn, g.space_id, pk) is not None
    )
    return quote, mentions


def record_message(
    conn: Connection, g: GroupRow, e: Event, channel: ChannelRow, extras: Any
) -> None:
    quote, mentions = extras
    channels_db.mark_message(
        conn, g.space_id, e.lamport, e.id, channel.channel_id, quote, () if e.redacted else mentions
    )


HANDLERS: dict[str, Handler] = {
    ev.CHANNEL_CREATE: create,
    ev.CHANNEL_RENAME: rename,
    ev.CHANNEL_ARCHIVE: archive,
}
