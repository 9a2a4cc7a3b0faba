"""Sharing a journal entry into a space: a copy, posted only after the person has seen
exactly what will be posted, where, and under which name (issue 15).

The post is a new `space.post` written by the space's own persona: its title and text are
what the person confirmed (the entry's, possibly edited); nothing else of the entry goes —
not its id, date, mood or tags — so nothing in the space links the post to the journal, and
the entry itself is unchanged and stays private. Nothing is ever shared without the explicit
confirmation `share` asks for (the CLI's question or --yes, the app's dialog)."""

from __future__ import annotations

from dataclasses import dataclass

from haven.core.journal import JournalService
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
        )

    def share(
        self, space_id: bytes, title: str, body: str, cw: str = "", *, confirmed: bool
    ) -> bytes:
        """Post the confirmed copy; refuses without `confirmed` (never automatic)."""
        if not confirmed:
            raise InvalidInput("nothing is shared from the journal without a confirmation")
        return self._spaces.post(space_id, body, title, cw)
