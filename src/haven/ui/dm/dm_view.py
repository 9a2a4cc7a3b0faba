"""One direct conversation: who it is with and what its space's admins do not see, the
messages oldest first (plain text; a message behind a content warning shows only the warning
until it is opened with Enter or a double-click), the spaces' composer (text, attachments,
content warning; Ctrl+Enter sends) and Block, which closes the conversation for both sides
after a confirmation. Everything is read and written in the bridge's worker."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.attachments.spec import PreparedFile
from haven.core.spaces.dm.service import DmSummary
from haven.core.spaces.model import FeedPost
from haven.ui import appearance, peer_text
from haven.ui.bridge import SessionBridge
from haven.ui.dates import moment_text
from haven.ui.spaces import wording
from haven.ui.spaces.attachment_wording import accessible_label
from haven.ui.spaces.composer import Composer

PostRole = Qt.ItemDataRole.UserRole + 1
OpenRole = Qt.ItemDataRole.UserRole + 2


class DmView(QWidget):
    # something was sent or blocked: the list's counts and states change
    changed = Signal()

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.dm_id: bytes | None = None
        self.summary: DmSummary | None = None
        self._ticket = 0
        self.title = peer_text.plain_label()
        appearance.mark_heading(self.title, 2)
        self.notice = peer_text.plain_label()
        self.notice.setWordWrap(True)
        self.messages = QListWidget()
        self.messages.setWordWrap(True)
        self.messages.setSpacing(6)
        self.messages.setAccessibleName(self.tr("Messages, oldest first"))
        self.messages.setAccessibleDescription(
            self.tr("Enter opens a message behind a content warning")
        )
        self.composer = Composer(reply=True)
        self.composer.send_button.setText(self.tr("&Send"))
        self.composer.send_button.setAccessibleName(self.tr("Send the message"))
        self.composer.body.setPlaceholderText(self.tr("Write a message…"))
        self.composer.body.setAccessibleName(self.tr("Message text"))
        self.composer.cw.setPlaceholderText(self.tr("What the message is about"))
        self.composer.attachments.set_preparer(self.bridge.run, self._prepare)
        self.block_button = QPushButton(self.tr("&Block…"))
        self.block_button.setAccessibleName(
            self.tr("Block this person: the conversation closes for both of you")
        )
        self.status = peer_text.plain_label()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.block_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self.composer)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.composer.submitted.connect(self._send)
        self.block_button.clicked.connect(self._ask_block)
        self.messages.itemActivated.connect(self._toggle_open)
        self.show_conversation(None, [])

    # ---------------------------------------------------------------- reading

    def load(self, dm_id: bytes | None) -> None:
        if dm_id != self.dm_id:
            self.composer.clear()
        self.dm_id = dm_id
        session = self.bridge.session
        if dm_id is None or session is None:
            self.show_conversation(None, [])
            return
        dms, spaces = session.spaces.dms, session.spaces
        self._ticket += 1
        ticket = self._ticket
        # Only what the person can see is read: a conversation loaded while the Messages
        # section is hidden keeps its unread count (the sidebar's badge).
        seen = self.isVisible()

        def work() -> tuple[DmSummary, list[FeedPost]]:
            summary, messages = dms.summary(dm_id), dms.read(dm_id)
            if seen and summary.state != "waiting":
                spaces.mark_read(dm_id)
            return summary, messages

        def done(result: tuple[DmSummary, list[FeedPost]]) -> None:
            if ticket == self._ticket and self.dm_id == dm_id:
                self.show_conversation(*result)
            if seen and result[0].unread:  # marked read: the list and the badge follow
                self.changed.emit()

        self.bridge.run(work, done, self._failed)

    def show_conversation(self, summary: DmSummary | None, posts: Sequence[FeedPost]) -> None:
        self.summary = summary
        opened = {
            bytes(item.data(PostRole).post_id)
            for item in self._items()
            if item.data(OpenRole) and isinstance(item.data(PostRole), FeedPost)
        }
        self.messages.clear()
        for post in posts:
            item = QListWidgetItem()
            item.setData(PostRole, post)
            item.setData(OpenRole, post.post_id in opened)
            self._render(item)
            self.messages.addItem(item)
        if posts:
            self.messages.scrollToBottom()
        has = summary is not None
        for widget in (self.title, self.notice, self.messages, self.composer, self.block_button):
            widget.setVisible(has)
        if summary is None:
            self.status.clear()
            return
        name = peer_text.name(summary.partner_name)
        peer_text.set_plain(self.title, self.tr("Conversation with %1").replace("%1", name))
        peer_text.set_plain(
            self.notice,
            self.tr(
                "Only you and %1 can read this. The admins of %2 see nothing of it, "
                "not even that it is with %1."
            )
            .replace("%1", name)
            .replace("%2", peer_text.space_name(summary.parent_name)),
        )
        writable = summary.state == "open"
        self.composer.setEnabled(writable)
        self.block_button.setEnabled(writable)
        states = {
            "open": "",
            "blocked": self.tr("This conversation is blocked: nobody can write in it any more."),
            "waiting": self.tr("This conversation arrives with the next sync."),
        }
        text = states[summary.state]
        if not summary.partner_in_space and summary.state == "open":
            text = (
                self.tr("%1 is no longer a member of %2. You can still block them.")
                .replace("%1", name)
                .replace("%2", peer_text.space_name(summary.parent_name))
            )
        peer_text.set_plain(self.status, text)

    def _items(self) -> list[QListWidgetItem]:
        return [self.messages.item(i) for i in range(self.messages.count())]

    def _render(self, item: QListWidgetItem) -> None:
        post = item.data(PostRole)
        assert isinstance(post, FeedPost)
        head = (
            self.tr("%1, %2")
            .replace("%1", peer_text.name(post.author_name))
            .replace("%2", moment_text(post.created_ms))
        )
        if post.state != "visible":
            body = self.tr("(deleted)")
        elif post.cw and not item.data(OpenRole):
            body = self.tr("Content warning: %1. Press Enter to show the message.").replace(
                "%1", peer_text.line(post.cw)
            )
        else:
            # each line in its own direction inside the list's (an English line in the
            # Arabic UI keeps its question mark at its end)
            lines = [peer_text.isolate(ln) for ln in peer_text.block(post.body).split("\n")]
            lines += [accessible_label(a) for a in post.attachments]
            body = "\n".join(lines)
        item.setText(f"{head}\n{body}")

    def _toggle_open(self, item: QListWidgetItem) -> None:
        post = item.data(PostRole)
        if isinstance(post, FeedPost) and post.cw:
            item.setData(OpenRole, not item.data(OpenRole))
            self._render(item)

    # ---------------------------------------------------------------- writing

    def _prepare(self, path: Path) -> Callable[[], PreparedFile] | None:
        session, dm_id = self.bridge.session, self.dm_id
        if session is None or dm_id is None:
            return None
        attachments = session.spaces.attachments
        return lambda: attachments.prepare(dm_id, path)

    def _send(self, _title: str, body: str, cw: str) -> None:
        session, dm_id = self.bridge.session, self.dm_id
        if session is None or dm_id is None:
            return
        dms = session.spaces.dms
        files: list[PreparedFile] = self.composer.attachments.files()

        def work() -> None:
            dms.send(dm_id, body, files, cw=cw)

        def done(_result: object) -> None:
            self.composer.send_button.setEnabled(True)
            self.composer.clear()
            self.load(dm_id)
            self.changed.emit()

        self.composer.send_button.setEnabled(False)
        self.bridge.run(work, done, self._failed)

    def _ask_block(self) -> None:
        if self.summary is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Block"))
        box.setText(
            self.tr(
                "Block %1? Neither of you can write in this conversation any more, and they "
                "cannot start a new one with you from this space. This cannot be undone."
            ).replace("%1", peer_text.name(self.summary.partner_name))
        )
        peer_text.plain(box)
        yes = box.addButton(self.tr("Block"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is yes:
            self.block()

    def block(self) -> None:
        session, dm_id = self.bridge.session, self.dm_id
        if session is None or dm_id is None:
            return
        dms = session.spaces.dms

        def done(_result: object) -> None:
            self.load(dm_id)
            self.changed.emit()

        self.bridge.run(lambda: dms.block(dm_id), done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.composer.send_button.setEnabled(True)
        peer_text.set_plain(self.status, wording.failure_text(exc))
