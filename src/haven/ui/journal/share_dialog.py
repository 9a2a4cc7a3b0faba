"""Share to a space…: a copy of a journal entry, posted only from this dialog's button.

It shows exactly what would be posted — which space and where in it (the feed, or one of the
channels this reader may post in: no archived ones, announcement channels only for admins;
in a channel the title becomes the message's first line), under which name (each space has its
own persona), the title and text, editable — and says what does not go (the date, mood and
tags) and that everyone in the space can read it while the entry stays private. Nothing is
posted until the person presses "Post this copy" (core/journal_share.py).

Reading the spaces, the preview (the entry decrypted, the space's members and timer) and the
post itself (signed and sealed) run in the bridge's worker, never in the UI thread: the
dialog stays responsive — Cancel and a lock work while they run — and an answer that comes
back after the dialog closed, the vault locked or another space was chosen is dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.journal_share import JournalSharing, SharePreview
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.ui import appearance, messages, peer_text
from haven.ui.bridge import SessionBridge
from haven.ui.spaces.disappear_notice import duration_text
from haven.ui.user_text import PlainTextEdit


class ShareDialog(QDialog):
    #: the new post's id, once posted
    shared = Signal(bytes)

    def __init__(
        self,
        bridge: SessionBridge,
        session: Session,
        entry_id: bytes,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share to a space"))
        # Every read and the post run in the bridge's worker (the entry is decrypted, the
        # space's members and timer read, the post signed and sealed): the window stays
        # responsive. A result is used only while this session is open and only if it
        # answers the latest question asked (the ticket), so a late preview never shows
        # one space's name under another.
        self._bridge = bridge
        self._session = session
        self._sharing = JournalSharing(session.journal, session.spaces)
        self._entry_id = entry_id
        self._ticket = 0
        self._posting = False
        self._have_text = False
        #: a read or the post is under way (its answer not yet shown)
        self.pending = False
        self.space = QComboBox()
        self.space.setAccessibleName(self.tr("Space to share to"))
        self.space.setEnabled(False)
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("Where in the space: the feed or a channel"))
        self.channel.setEnabled(False)
        self.posted_as = peer_text.plain_label()
        self.posted_as.setWordWrap(True)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(ev.MAX_TITLE)
        self.title_edit.setAccessibleName(self.tr("Title of the copy"))
        self.body = PlainTextEdit()
        self.body.setAccessibleName(self.tr("Text of the copy"))
        self.note = QLabel(
            self.tr(
                "Only this title and text are posted — not the entry's date, mood or tags, "
                "and nothing links the post to your journal. Everyone in the space can read "
                "and keep it; your entry stays private."
            )
        )
        self.note.setWordWrap(True)
        appearance.mark_muted(self.note)
        self.channel_note = QLabel(
            self.tr("In a channel the title becomes the first line of the message.")
        )
        self.channel_note.setWordWrap(True)
        self.channel_note.setVisible(False)
        appearance.mark_muted(self.channel_note)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.post_button = QPushButton(self.tr("&Post this copy"))
        self.post_button.setAccessibleName(self.tr("Post this copy in the space"))
        self.post_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel: share nothing")
        )
        buttons.addButton(self.post_button, QDialogButtonBox.ButtonRole.AcceptRole)
        form = QFormLayout()
        form.addRow(self.tr("&Space"), self.space)
        form.addRow(self.tr("C&hannel"), self.channel)
        form.addRow(self.tr("Posted as"), self.posted_as)
        form.addRow(self.tr("&Title"), self.title_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.channel_note)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.post_button.clicked.connect(self.post)
        self.space.currentIndexChanged.connect(lambda _i: self._load())
        self.channel.currentIndexChanged.connect(
            lambda _i: self.channel_note.setVisible(self.channel.currentData() is not None)
        )
        self.status.setText(self.tr("Reading your spaces…"))
        self._run(session.spaces.list_spaces, self._show_spaces)

    # ---------------------------------------------------------------- worker plumbing

    def _current(self) -> bool:
        """Whether a result may still be shown: the dialog is open on the same session."""
        return self.isVisible() and self._bridge.session is self._session

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._ticket += 1
        ticket = self._ticket
        self.pending = True

        def finished(result: object) -> None:
            if ticket == self._ticket and self._current():
                self.pending = False
                done(result)

        def failed(exc: BaseException) -> None:
            if ticket == self._ticket and self._current():
                self.pending = False
                self.space.setEnabled(self.space.count() > 0)
                self.channel.setEnabled(self.channel.count() > 0)
                self.status.setText(messages.error_text(exc))
                # After a failed post the words are still there to try again; after a failed
                # read there is nothing confirmed to post.
                self.post_button.setEnabled(self._posting)
                self._posting = False

        self._bridge.run(work, finished, failed)

    # ---------------------------------------------------------------- reading

    def _show_spaces(self, spaces: object) -> None:
        self.space.blockSignals(True)
        for s in spaces if isinstance(spaces, list) else []:
            if s.my_role is not None:
                self.space.addItem(peer_text.space_name(s.name), s.space_id)
        self.space.blockSignals(False)
        self.space.setEnabled(self.space.count() > 0)
        self._load()

    def _load(self) -> None:
        space_id = self.space.currentData()
        self.post_button.setEnabled(False)
        self.channel.clear()  # the last space's channels are no choice here
        self.channel.setEnabled(False)
        if space_id is None:
            self._ticket += 1  # a read still under way is of no use now
            self.pending = False
            self.status.setText(self.tr("You are not a member of any space yet."))
            return
        self.status.setText(self.tr("Reading the space…"))
        sharing, entry_id = self._sharing, self._entry_id
        self._run(lambda: sharing.preview(entry_id, space_id), self._show_preview)

    def _show_preview(self, preview: SharePreview) -> None:
        posted_as = self.tr("%1 (your name in this space)").replace(
            "%1", peer_text.name(preview.posted_as)
        )
        if preview.disappear_s:
            posted_as += " — " + self.tr("posts here disappear after %1").replace(
                "%1", duration_text(preview.disappear_s)
            )
        peer_text.set_plain(self.posted_as, posted_as)
        self.channel.addItem(self.tr("The feed"), None)
        for c in preview.channels:
            self.channel.addItem(
                "#" + peer_text.isolate(peer_text.one_line(c.name, 40)), c.channel_id
            )
        self.channel.setEnabled(True)
        if not self._have_text:  # the words once; what the person edits is kept after
            self._have_text = True
            self.title_edit.setText(preview.title)
            self.body.setPlainText(preview.body)
        self.status.clear()
        self.post_button.setEnabled(True)

    # ---------------------------------------------------------------- posting

    def post(self) -> None:
        space_id = self.space.currentData()
        channel_id = self.channel.currentData()
        body = self.body.toPlainText()
        if self._posting or not self.post_button.isEnabled():
            return
        if space_id is None or not body.strip():
            self.status.setText(self.tr("Write something to share first."))
            return
        self._posting = True
        self.post_button.setEnabled(False)
        self.space.setEnabled(False)  # the space the copy goes to stays the one shown
        self.channel.setEnabled(False)
        self.status.setText(self.tr("Posting…"))
        sharing, title = self._sharing, self.title_edit.text().strip()
        self._run(
            lambda: sharing.share(space_id, title, body, confirmed=True, channel_id=channel_id),
            self._posted,
        )

    def _posted(self, post_id: object) -> None:
        self._posting = False
        if isinstance(post_id, bytes):
            self.shared.emit(post_id)
        self.accept()
