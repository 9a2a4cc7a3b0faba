"""Sharing a journal entry into a space: a copy, posted only after the person has seen
exactly what will be posted, where, and under which name (issue 15).

The post is a new `space.post` written by the space's own persona: its title and text are
what the person confirmed (the entry's, possibly edited); nothing else of the entry goes —
not its id, date, mood or tags — so nothing in the space links the post to the journal, and
the entry itself is unchanged and stays private. Nothing is ever shared without the explicit
confirmation `share` asks for (the CLI's question or --yes, the app's dialog).

The copy goes to the space's feed, or to one of its channels (core/spaces/channels): the
preview lists the channels this reader may post in — open ones, announcement channels only
for admins — and a channel message has no title or content warning, so the title becomes
the message's first line (`channel_text`) and a warning is refused."""

from __future__ import annotations

from dataclasses import dataclass

from haven.core.journal import JournalService
from haven.core.spaces.channels.model import ChannelInfo
from haven.core.spaces.service import SpaceService
from haven.errors import InvalidInput


@dataclass(frozen=True)
class SharePreview:
    """What would be posted: where, under which name, and the words."""

    space_id: bytes
    space_name: str
    posted_as: str
    title: str
    body: str
    disappear_s: int
    #: the channels the copy may go to instead of the feed: open, and this reader may post
    channels: tuple[ChannelInfo, ...] = ()


def channel_text(title: str, body: str) -> str:
    """A channel message's words for a copy: the title, if any, as its first line."""
    return f"{title}\n\n{body}" if title.strip() else body


class JournalSharing:
    def __init__(self, journal: JournalService, spaces: SpaceService) -> None:
        self._journal = journal
        self._spaces = spaces

    def preview(self, entry_id: bytes, space_id: bytes) -> SharePreview:
        entry = self._journal.get(entry_id)
        info = self._spaces.space_info(space_id)
        if info.my_role is None:
            raise InvalidInput("you are not a member of this space any more")
        me = next(
            (m for m in self._spaces.members(space_id) if m.member_pk == info.my_persona), None
        )
        return SharePreview(
            space_id,
            info.name,
            me.display_name if me is not None else "",
            entry.title,
            entry.body,
            self._spaces.disappearing.timer(space_id),
            tuple(c for c in self._spaces.channels.list_channels(space_id) if c.may_post),
        )

    def share(
        self,
        space_id: bytes,
        title: str,
        body: str,
        cw: str = "",
        *,
        confirmed: bool,
        channel_id: bytes | None = None,
    ) -> bytes:
        """Post the confirmed copy in the feed, or in `channel_id` (the channels core
        refuses an archived channel, and an announcement channel to a non-admin); refuses
        without `confirmed` (never automatic)."""
        if not confirmed:
            raise InvalidInput("nothing is shared from the journal without a confirmation")
        if channel_id is None:
            return self._spaces.post(space_id, body, title, cw)
        if cw.strip():
            raise InvalidInput("a channel message has no content warning: share it to the feed")
        return self._spaces.channels.send(space_id, channel_id, channel_text(title, body))
