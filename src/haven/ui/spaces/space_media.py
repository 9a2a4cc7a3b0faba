"""The space view's attachments and disappearing posts, wired to the session: preparing a
file to attach (in a worker), the attachments service for the post being read, and, every
minute while a space is shown, asking the core whether a post on screen is past its time (the
sweep that erases such posts is the core's, run by the sync supervisor: the view never runs
it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from haven.core.attachments.spec import PreparedFile
from haven.core.spaces.attachments import Attachments
from haven.core.spaces.model import FeedPost
from haven.core.spaces.service import SpaceService
from haven.ui.bridge import SessionBridge
from haven.ui.spaces.attachment_strip import AttachmentSource

#: The view polls every 2 s; disappeared posts are looked for every 30 polls (a minute).
CHECK_EVERY_POLLS = 30


class SpaceMedia:
    def __init__(
        self,
        bridge: SessionBridge,
        spaces: Callable[[], SpaceService | None],
        space_id: Callable[[], bytes | None],
        reload: Callable[[bytes], None],
        shown: Callable[[], Sequence[FeedPost]] = tuple,
    ) -> None:
        self._bridge, self._spaces, self._space_id, self._reload = bridge, spaces, space_id, reload
        self._shown = shown
        self._ticks = 0
        self._failed: Callable[[BaseException], None] = lambda _e: None

    def on_failure(self, failed: Callable[[BaseException], None]) -> None:
        self._failed = failed

    def prepare_file(self, path: Path) -> Callable[[], PreparedFile] | None:
        """The work that prepares a file to attach here (a picture loses its metadata)."""
        spaces, space_id = self._spaces(), self._space_id()
        if spaces is None or space_id is None:
            return None
        return lambda: spaces.attachments.prepare(space_id, path)

    def attachments(self) -> Attachments | None:
        spaces = self._spaces()
        return spaces.attachments if spaces is not None else None

    def source(self) -> AttachmentSource:
        return AttachmentSource(self._bridge.run, self.attachments)

    def save_settings(self, limit: int, seconds: int) -> None:
        """An admin's new attachment limit and timer: written only if they changed."""
        spaces, space_id = self._spaces(), self._space_id()
        if spaces is None or space_id is None:
            return

        def work() -> None:
            if spaces.attachments.limit(space_id) != limit:
                spaces.attachments.set_limit(space_id, limit)
            if spaces.disappearing.timer(space_id) != seconds:
                spaces.disappearing.set_timer(space_id, seconds)

        self._bridge.run(work, lambda _r: self._reload(space_id), self._failed)

    def tick(self) -> None:
        """Once a minute: show the space again if a post on screen is past its time, by
        the core's clock. Reads already show such a post as disappeared whether or not the
        sweep erased it yet (core/spaces/disappearing.py); erasing it is the core's sweep,
        run after every post stored, at unlock and once a minute by the sync supervisor."""
        self._ticks = (self._ticks + 1) % CHECK_EVERY_POLLS
        spaces, space_id = self._spaces(), self._space_id()
        if self._ticks or spaces is None or space_id is None:
            return
        shown = [q for p in self._shown() for q in (p, *p.replies) if q.state == "visible"]
        if spaces.disappearing.past_time(p.disappears_ms for p in shown):
            self._reload(space_id)
