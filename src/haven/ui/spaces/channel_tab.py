"""The Channels tab: the space's channels (unread and mention counts, muted, announcements),
the chosen channel's timeline (the feed's own model and delegate, oldest at the top), the
chosen message's quote and mentions, a composer, and the admins' tools (create, rename,
archive). Peer text is plain text; a mention shows the member's current name with the app's
fingerprint and role, never the name typed in the message. The tab only emits requests;
channel_actions.py runs them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces.channels import ChannelInfo, ChannelMessage, ChannelPage
from haven.core.spaces.channels.service import MAX_MESSAGE
from haven.core.spaces.rules.channels import MAX_NAME
from haven.ui import peer_text
from haven.ui.spaces.channel_wording import channel_row, mention_line, quote_line
from haven.ui.spaces.models import FeedModel
from haven.ui.spaces.post_delegate import PostDelegate
from haven.ui.user_text import PlainTextEdit

_ID = Qt.ItemDataRole.UserRole
#: Messages the timeline holds at most: scrolling further back lets the newest go (choosing
#: the channel again shows the newest page), so each page costs the same however far back.
SHOWN_MAX = 500


class ChannelTab(QWidget):
    channelChosen = Signal(bytes)
    #: channel id, text, quoted message id (b"" for none)
    sendRequested = Signal(bytes, str, bytes)
    olderRequested = Signal(bytes, bytes)  # channel, first message shown
    muteRequested = Signal(bytes, bool)
    createRequested = Signal(str, bool)  # name, announcement
    renameRequested = Signal(bytes, str)
    archiveRequested = Signal(bytes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel_id: bytes | None = None
        self._page: ChannelPage | None = None
        self._quote: bytes | None = None
        self.channels = QListWidget()
        self.channels.setAccessibleName(self.tr("Channels"))
        self.channels.setAccessibleDescription(self.tr("Choose a channel to read it"))
        self.channels.currentItemChanged.connect(self._chosen)
        self.channels.setWordWrap(True)
        self.channels.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.mute = QCheckBox(self.tr("M&ute this channel on this computer"))
        self.mute.setAccessibleName(self.tr("Mute this channel"))
        self.mute.toggled.connect(self._mute_toggled)
        self.new_name = QLineEdit()
        self.new_name.setMaxLength(MAX_NAME + 1)
        self.new_name.setPlaceholderText(self.tr("Channel name, e.g. general"))
        self.new_name.setAccessibleName(self.tr("Channel name"))
        self.announce = QCheckBox(self.tr("Announcements: only admins post"))
        self.announce.setAccessibleName(self.tr("Announcement channel"))
        self.create_button = QPushButton(self.tr("Ne&w channel"))
        self.create_button.setAccessibleName(self.tr("Create the channel"))
        self.create_button.clicked.connect(self._create)
        self.rename_button = QPushButton(self.tr("&Rename"))
        self.rename_button.setAccessibleName(self.tr("Rename the chosen channel"))
        self.rename_button.clicked.connect(self._rename)
        self.archive_button = QPushButton(self.tr("Archi&ve"))
        self.archive_button.setAccessibleName(self.tr("Archive the chosen channel"))
        self.archive_button.clicked.connect(self._archive)
        self.admin_box = QWidget()
        admin = QVBoxLayout(self.admin_box)
        admin.setContentsMargins(0, 0, 0, 0)
        admin.addWidget(self.new_name)
        admin.addWidget(self.announce)
        buttons = QHBoxLayout()
        for b in (self.create_button, self.rename_button, self.archive_button):
            buttons.addWidget(b)
        admin.addLayout(buttons)

        self.model = FeedModel(self)
        self.timeline = QListView()
        self.timeline.setModel(self.model)
        self.timeline.setItemDelegate(PostDelegate(self.timeline))
        self.timeline.setUniformItemSizes(True)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setAccessibleName(self.tr("Messages"))
        self.timeline.setAccessibleDescription(
            self.tr("Oldest at the top; Q quotes the chosen message in your answer")
        )
        # Through a lambda, as the other views do: the indexes are not kept past the call.
        self.timeline.selectionModel().currentChanged.connect(lambda *_: self._message_chosen())
        self.older_button = QPushButton(self.tr("Show &older messages"))
        self.older_button.setAccessibleName(self.tr("Show older messages"))
        self.older_button.clicked.connect(self._older)
        self.detail = peer_text.plain_label()
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("The chosen message's quote and mentions"))
        self.quoting = peer_text.plain_label()
        self.quoting.setWordWrap(True)
        self.quote_button = QPushButton(self.tr("&Quote"))
        self.quote_button.setAccessibleName(self.tr("Answer the chosen message by quoting it"))
        self.quote_button.clicked.connect(self._quote_chosen)
        QShortcut(QKeySequence("Q"), self.timeline, self._quote_chosen)
        self.body = PlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setMaximumHeight(90)
        self.body.setPlaceholderText(self.tr("Write a message; @name mentions a member"))
        self.body.setAccessibleName(self.tr("Message text"))
        self.body.setAccessibleDescription(self.tr("Ctrl+Enter sends"))
        self.send_button = QPushButton(self.tr("S&end"))
        self.send_button.setAccessibleName(self.tr("Send the message"))
        self.send_button.clicked.connect(self._send)
        QShortcut(QKeySequence("Ctrl+Return"), self.body, self._send)
        self.no_post = QLabel()
        self.no_post.setWordWrap(True)
        self.empty = QLabel(self.tr("No channels yet. Admins create them."))
        self.empty.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.channels, 1)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.mute)
        left_layout.addWidget(self.admin_box)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.older_button)
        right_layout.addWidget(self.timeline, 1)
        right_layout.addWidget(self.detail)
        right_layout.addWidget(self.quoting)
        right_layout.addWidget(self.body)
        row = QHBoxLayout()
        row.addWidget(self.no_post, 1)
        row.addWidget(self.quote_button)
        row.addWidget(self.send_button)
        right_layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.show_channels([], admin=False)
        self.show_page(None)

    # ----------------------------------------------------------------- showing

    def show_channels(self, channels: Sequence[ChannelInfo], admin: bool) -> None:
        """The channel list; the chosen channel stays chosen while it is listed."""
        keep = self.channel_id
        self.channels.blockSignals(True)
        self.channels.clear()
        for c in channels:
            item = QListWidgetItem(channel_row(c))
            item.setData(_ID, c.channel_id)
            self.channels.addItem(item)
            if c.channel_id == keep:
                self.channels.setCurrentItem(item)
        self.channels.blockSignals(False)
        self.empty.setVisible(not channels)
        self.admin_box.setVisible(admin)
        if keep is not None and all(c.channel_id != keep for c in channels):
            self.channel_id = None
            self.show_page(None)

    def show_page(self, page: ChannelPage | None, older: bool = False) -> None:
        """A channel's newest page, or (`older`) the page before what is shown, put above."""
        have = self._page.messages if older and self._page is not None else ()
        if page is not None:
            page = ChannelPage(page.channel, (*page.messages, *have)[:SHOWN_MAX], page.older)
        self._page = page
        messages = page.messages if page is not None else ()
        self.model.set_posts([m.post for m in messages])
        chosen = page is not None
        info = page.channel if page is not None else None
        self.older_button.setVisible(bool(page and page.older))
        may = bool(info and info.may_post)
        for w in (self.body, self.send_button, self.quote_button):
            w.setEnabled(may)
        self.mute.setEnabled(chosen)
        self.rename_button.setEnabled(chosen)
        self.archive_button.setEnabled(chosen)
        self.mute.blockSignals(True)
        self.mute.setChecked(bool(info and info.muted))
        self.mute.blockSignals(False)
        if info is None:
            self.no_post.setText(self.tr("Choose a channel."))
        elif info.archived:
            self.no_post.setText(self.tr("This channel is archived: nobody posts here."))
        elif not info.may_post:
            self.no_post.setText(self.tr("Announcements: only admins post here."))
        else:
            self.no_post.setText("")
        if messages and not older:
            self.timeline.scrollToBottom()
        self.detail.setText("")
        self._set_quote(None)

    def message(self, row: int) -> ChannelMessage | None:
        if self._page is None or not 0 <= row < len(self._page.messages):
            return None
        return self._page.messages[row]

    def clear(self) -> None:
        self.channel_id = None
        self.show_channels([], admin=False)
        self.show_page(None)
        self.body.clear()
        self.new_name.clear()

    # ----------------------------------------------------------------- requests

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        channel = bytes(item.data(_ID))
        if channel != self.channel_id:
            self.channel_id = channel
            self.channelChosen.emit(channel)

    def _message_chosen(self) -> None:
        m = self.message(self.timeline.currentIndex().row())
        if m is None:
            self.detail.setText("")
            return
        lines = [quote_line(m.quote)] if m.quote is not None else []
        lines += [mention_line(x) for x in m.mentions]
        self.detail.setText("\n".join(lines))

    def _quote_chosen(self) -> None:
        m = self.message(self.timeline.currentIndex().row())
        if m is not None and m.post.state == "visible" and self.send_button.isEnabled():
            self._set_quote(m)
            self.body.setFocus()

    def _set_quote(self, m: ChannelMessage | None) -> None:
        self._quote = m.post.post_id if m is not None else None
        self.quoting.setVisible(m is not None)
        if m is not None:
            self.quoting.setText(quote_line((m.post.post_id, m.post.author_name, m.post.body)))

    def _send(self) -> None:
        text = self.body.toPlainText().strip()
        if self.channel_id is None or not text or not self.send_button.isEnabled():
            return
        if len(text) > MAX_MESSAGE:
            self.no_post.setText(self.tr("A message has at most %1 characters.").replace(
                "%1", str(MAX_MESSAGE)))  # fmt: skip
            return
        self.sendRequested.emit(self.channel_id, text, self._quote or b"")

    def sent(self) -> None:
        self.body.clear()
        self._set_quote(None)

    def _older(self) -> None:
        if self.channel_id is not None and self._page is not None and self._page.messages:
            self.olderRequested.emit(self.channel_id, self._page.messages[0].post.post_id)

    def _mute_toggled(self, on: bool) -> None:
        if self.channel_id is not None:
            self.muteRequested.emit(self.channel_id, on)

    def _create(self) -> None:
        name = self.new_name.text().strip()
        if name:
            self.createRequested.emit(name, self.announce.isChecked())

    def _rename(self) -> None:
        name = self.new_name.text().strip()
        if name and self.channel_id is not None:
            self.renameRequested.emit(self.channel_id, name)

    def _archive(self) -> None:
        if self.channel_id is not None:
            self.archiveRequested.emit(self.channel_id)
