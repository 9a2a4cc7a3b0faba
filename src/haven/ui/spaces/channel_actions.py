"""What the Channels tab asks of the space view: the channel list read in a worker after
each refresh, the chosen channel's pages (its marker moved once a page is shown), and the
writes (send, create, rename, archive, mute), each through the view's `act` so the space is
re-read afterwards."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from haven.core.spaces.channels import ChannelInfo, ChannelPage
from haven.core.spaces.service import SpaceService
from haven.ui.bridge import SessionBridge
from haven.ui.spaces import wording
from haven.ui.spaces.channel_tab import ChannelTab

Act = Callable[..., None]


class ChannelActions(QObject):
    #: The unread counts changed (a page was read): the space list may re-count.
    changed = Signal()

    def __init__(
        self,
        parent: QWidget,
        tab: ChannelTab,
        bridge: SessionBridge,
        spaces: Callable[[], SpaceService | None],
        space_id: Callable[[], bytes | None],
        is_admin: Callable[[], bool],
        act: Act,
        say: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self._tab, self._bridge = tab, bridge
        self._spaces, self._space_id, self._is_admin = spaces, space_id, is_admin
        self._act, self._say = act, say
        tab.channelChosen.connect(lambda c: self._read(c))
        tab.olderRequested.connect(lambda c, first: self._read(c, before=first))
        tab.sendRequested.connect(self._send)
        tab.muteRequested.connect(self._mute)
        tab.createRequested.connect(self._create)
        tab.renameRequested.connect(self._rename)
        tab.archiveRequested.connect(self._archive)

    def load(self) -> None:
        """The channel list (and the chosen channel's newest page), unless another space
        was chosen meanwhile."""
        spaces, space_id = self._spaces(), self._space_id()
        if spaces is None or space_id is None:
            return

        def done(channels: list[ChannelInfo]) -> None:
            if space_id == self._space_id():
                self._tab.show_channels(channels, self._is_admin())
                if self._tab.channel_id is not None:
                    self._read(self._tab.channel_id)

        self._bridge.run(lambda: spaces.channels.list_channels(space_id), done, self._failed)

    def _read(self, channel: bytes, before: bytes | None = None) -> None:
        spaces, space_id = self._spaces(), self._space_id()
        if spaces is None or space_id is None:
            return
        visible = self._tab.isVisible()

        def read() -> ChannelPage:
            page = spaces.channels.read(space_id, channel, before=before)
            if before is None and visible:
                spaces.channels.mark_read(space_id, channel)  # what is shown is read
            return page

        def done(page: ChannelPage) -> None:
            if space_id == self._space_id() and channel == self._tab.channel_id:
                self._tab.show_page(page, older=before is not None)
                if before is None and visible and page.channel.unread:
                    self.changed.emit()

        self._bridge.run(read, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._say(wording.failure_text(exc))

    def _send(self, channel: bytes, text: str, quote: bytes) -> None:
        self._act(
            lambda s, sid: s.channels.send(sid, channel, text, quote=quote or None),
            "",
            self._tab.sent,
        )

    def _mute(self, channel: bytes, muted: bool) -> None:
        self._act(
            lambda s, sid: s.channels.set_muted(sid, channel, muted),
            self.tr("Muted on this computer.") if muted else self.tr("Unmuted."),
        )

    def _create(self, name: str, announce: bool) -> None:
        self._act(
            lambda s, sid: s.channels.create(sid, name, announce=announce),
            self.tr("Channel created."),
            self._tab.new_name.clear,
        )

    def _rename(self, channel: bytes, name: str) -> None:
        self._act(
            lambda s, sid: s.channels.rename(sid, channel, name),
            self.tr("Channel renamed."),
            self._tab.new_name.clear,
        )

    def _archive(self, channel: bytes) -> None:
        self._act(lambda s, sid: s.channels.archive(sid, channel), self.tr("Channel archived."))
