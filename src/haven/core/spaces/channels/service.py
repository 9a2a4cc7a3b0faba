"""Channels: admins create, rename and archive them; members write short messages (quoting
another, mentioning members by key); each reader keeps a marker and a mute per channel on
this device. A message is a `space.post` whose parent is the channel, so deleting,
moderating, reacting and disappearing are the posts' own (core/spaces/posts.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from haven.core.spaces import authority as au
from haven.core.spaces import disappearing_timer as timer
from haven.core.spaces import events as ev
from haven.core.spaces.channels.model import ChannelInfo, ChannelMessage, ChannelPage, Mention
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.name_marks import fingerprint
from haven.core.spaces.posts import _Builder
from haven.core.spaces.rules import channels as rules
from haven.errors import InvalidInput, NotFound
from haven.store.spaces import channels as channels_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces import posts as posts_db
from haven.store.spaces import settings as settings_db
from haven.store.spaces.channels import ChannelRow
from haven.store.spaces.membership import MemberRow
from haven.store.spaces.posts import PostRow
from haven.store.vault import Connection

#: Messages a channel shows when it opens, and the most one page may hold.
PAGE = 100
MAX_PAGE = 1000
#: Unread messages are counted up to here (posts.UNREAD_COUNTED's reason).
UNREAD_COUNTED = 999
#: A short message: the feed is for long posts.
MAX_MESSAGE = 4_000
QUOTE_WORDS = 140
_AT_NAME = re.compile(r"(?<!\w)@(\w[\w.-]*)")


class Channels:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx

    # ----------------------------------------------------------------- admins

    def create(self, space_id: bytes, name: str, announce: bool = False) -> bytes:
        clean = rules.clean_name(name)
        self._ctx.require(space_id, ev.CHANNEL_CREATE, "only admins create channels")
        with self._ctx.fresh(space_id) as conn:
            if channels_db.by_name(conn, space_id, clean) is not None:
                raise InvalidInput(f"this space already has a channel #{clean}")
        content = {"name": clean, "kind": "announce" if announce else "chat"}
        return self._ctx.append(space_id, ev.CHANNEL_CREATE, content).id

    def rename(self, space_id: bytes, channel_id: bytes, name: str) -> None:
        clean = rules.clean_name(name)
        self._ctx.require(space_id, ev.CHANNEL_RENAME, "only admins rename channels")
        with self._ctx.fresh(space_id) as conn:
            self._channel(conn, space_id, channel_id)
            taken = channels_db.by_name(conn, space_id, clean)
            if taken is not None and taken.channel_id != channel_id:
                raise InvalidInput(f"this space already has a channel #{clean}")
        self._ctx.append(space_id, ev.CHANNEL_RENAME, {"name": clean}, target=channel_id)

    def archive(self, space_id: bytes, channel_id: bytes, archived: bool = True) -> None:
        self._ctx.require(space_id, ev.CHANNEL_ARCHIVE, "only admins archive channels")
        with self._ctx.fresh(space_id) as conn:
            self._channel(conn, space_id, channel_id)
        self._ctx.append(space_id, ev.CHANNEL_ARCHIVE, {"archived": archived}, target=channel_id)

    # ----------------------------------------------------------------- members

    def send(
        self,
        space_id: bytes,
        channel_id: bytes,
        body: str,
        *,
        quote: bytes | None = None,
        mentions: Sequence[bytes] = (),
        disappear: int | None = None,
    ) -> bytes:
        """Write a message; `@name` words that name exactly one member are mentions too
        (besides `mentions`, given by key). Returns the message's id."""
        text = ev.clean_text(body, MAX_MESSAGE, "a message", multiline=True, required=True)
        me = self._ctx.require(space_id, ev.POST, "only members can write in channels")
        with self._ctx.fresh(space_id) as conn:
            channel = self._channel(conn, space_id, channel_id)
            if channel.archived:
                raise InvalidInput(f"#{channel.name} is archived")
            if not rules.may_post(channel, me):
                raise InvalidInput(f"only admins post in the announcement channel #{channel.name}")
            members = membership_db.list_members(conn, space_id, "active")
            if quote is not None:
                quoted = posts_db.get_post(conn, quote)
                if quoted is None or quoted.parent_id != channel_id:
                    raise NotFound("no message with that id in this channel")
            seconds = timer.effective(settings_db.disappear_s(conn, space_id), disappear)
        named = list(dict.fromkeys([*mentions, *_named(text, members)]))
        known = {m.member_pk for m in members}
        if any(pk not in known for pk in named):
            raise InvalidInput("you can mention only members of this space")
        if len(named) > rules.MAX_MENTIONS:
            raise InvalidInput(f"a message mentions at most {rules.MAX_MENTIONS} members")
        content: dict[str, Any] = {"title": "", "body": text, "cw": "", "parent": channel_id}
        if quote is not None:
            content["quote"] = quote
        if named:
            content["mentions"] = named
        if seconds:
            content["disappear"] = seconds
        sent = self._ctx.append(space_id, ev.POST, content)
        with self._ctx.vault.transaction() as conn:  # what one wrote oneself is read
            channels_db.set_read(conn, space_id, channel_id, sent.lamport)
        return sent.id

    # ----------------------------------------------------------------- reading

    def list_channels(self, space_id: bytes, include_archived: bool = False) -> list[ChannelInfo]:
        with self._ctx.fresh(space_id) as conn:
            me = self._ctx.me(conn, space_id)
            state = channels_db.reader_state(conn, space_id)
            return [
                self._info(conn, c, me, state.get(c.channel_id, (0, False)))
                for c in channels_db.list_channels(conn, space_id)
                if include_archived or not c.archived
            ]

    def read(
        self,
        space_id: bytes,
        channel_id: bytes,
        *,
        before: bytes | None = None,
        limit: int = PAGE,
    ) -> ChannelPage:
        """The newest `limit` messages of a channel, or those just before the message
        `before`: a seek and a range of one index, whatever the channel's length."""
        if not 1 <= limit <= MAX_PAGE:
            raise InvalidInput(f"a channel page holds 1 to {MAX_PAGE} messages")
        with self._ctx.fresh(space_id) as conn:
            channel = self._channel(conn, space_id, channel_id)
            cursor = None
            if before is not None:
                cursor = posts_db.reply_key(conn, channel_id, before)
                if cursor is None:
                    raise NotFound("no message with that id in this channel")
            rows, older = posts_db.replies_page(conn, channel_id, limit, before=cursor)
            me = self._ctx.me(conn, space_id)
            state = channels_db.reader_state(conn, space_id).get(channel_id, (0, False))
            # The counts are the newest page's (the list's); a page further back needs none.
            info = self._info(conn, channel, me, state, counted=before is None)
            quoted_ids: dict[bytes, PostRow] = {}
            extras = channels_db.extras_for(conn, space_id, [(r.lamport, r.post_id) for r in rows])
            for quoted_id, _ in extras.values():
                if quoted_id is not None and (q := posts_db.get_post(conn, quoted_id)):
                    quoted_ids[quoted_id] = q
            build = _Builder(self._ctx, conn, space_id, posts_db.reactions_for(conn, rows), rows)
            members = {m.member_pk: m for m in membership_db.list_members(conn, space_id)}
            mine = me.member_pk if me is not None else b""
            messages = []
            for row in rows:
                post = build(row)
                quote_id, named = extras.get(row.post_id, (None, ()))
                quote: tuple[bytes, str, str] | None = None
                if quote_id is not None and post.state == "visible":
                    q = quoted_ids.get(quote_id)
                    words = q.body[:QUOTE_WORDS] if q is not None and q.state == "visible" else ""
                    author = members.get(q.author) if q is not None else None
                    quote = (quote_id, author.display_name if author else "?", words)
                shown = () if post.state != "visible" else named
                messages.append(
                    ChannelMessage(
                        post,
                        quote,
                        tuple(_mention(pk, members.get(pk)) for pk in shown),
                        mine in shown,
                    )
                )
        return ChannelPage(info, tuple(messages), older)

    def mark_read(self, space_id: bytes, channel_id: bytes) -> None:
        with self._ctx.vault.transaction() as conn:
            self._channel(conn, space_id, channel_id)
            channels_db.set_read(
                conn, space_id, channel_id, channels_db.newest_lamport(conn, channel_id)
            )

    def set_muted(self, space_id: bytes, channel_id: bytes, muted: bool) -> None:
        with self._ctx.vault.transaction() as conn:
            self._channel(conn, space_id, channel_id)
            channels_db.set_muted(conn, space_id, channel_id, muted)

    def resolve(self, space_id: bytes, text: str) -> bytes:
        """A channel by its name (with or without `#`) or its id's hex prefix."""
        with self._ctx.fresh(space_id) as conn:
            channels = channels_db.list_channels(conn, space_id)
        name = text.strip().removeprefix("#").casefold()
        for c in channels:
            if c.name == name:
                return c.channel_id
        found = [
            c.channel_id for c in channels if len(name) >= 4 and c.channel_id.hex().startswith(name)
        ]
        if len(found) != 1:
            raise NotFound(f"no channel {text!r} in this space")
        return found[0]

    # ----------------------------------------------------------------- helpers

    def _channel(self, conn: Connection, space_id: bytes, channel_id: bytes) -> ChannelRow:
        self._ctx.group(conn, space_id)
        channel = channels_db.get_channel(conn, channel_id)
        if channel is None or channel.space_id != space_id:
            raise NotFound("no channel with that id in this space")
        return channel

    def _info(
        self,
        conn: Connection,
        c: ChannelRow,
        me: MemberRow | None,
        state: tuple[int, bool],
        counted: bool = True,
    ) -> ChannelInfo:
        read, muted = state
        mine = me.member_pk if me is not None else b""
        unread = mentions = 0
        if counted:
            unread = channels_db.count_unread(
                conn, c.space_id, c.channel_id, mine, read, UNREAD_COUNTED
            )
            mentions = channels_db.count_mentions(
                conn, c.space_id, c.channel_id, mine, read, UNREAD_COUNTED
            )
        return ChannelInfo(
            c.channel_id,
            c.name,
            c.kind,
            c.archived,
            unread,
            mentions,
            muted,
            au.is_active(me) and rules.may_post(c, me),
        )


def _named(text: str, members: list[MemberRow]) -> list[bytes]:
    """Members named `@name` in the text, where exactly one active member has that name
    (ignoring case); a name two members share is left to an explicit mention by key."""
    out = []
    for word in _AT_NAME.findall(text):
        hits = [m.member_pk for m in members if m.display_name.casefold() == word.casefold()]
        if len(hits) == 1:
            out.append(hits[0])
    return out


def _mention(pk: bytes, member: MemberRow | None) -> Mention:
    active = au.is_active(member)
    return Mention(
        pk,
        member.display_name if member is not None else "?",
        fingerprint(pk).text,
        au.role_of(member) if active else None,
    )
