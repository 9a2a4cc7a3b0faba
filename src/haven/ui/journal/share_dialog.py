"""Share to a space…: a copy of a journal entry, posted only from this dialog's button.

It shows exactly what would be posted — which space, under which name (each space has its
own persona), the title and text, editable — and says what does not go (the date, mood and
tags) and that everyone in the space can read it while the entry stays private. Nothing is
posted until the person presses "Post this copy" (core/journal_share.py)."""

from __future__ import annotations

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

from haven.core.journal_share import JournalSharing
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.errors import HavenError
from haven.ui import appearance, messages, peer_text
from haven.ui.spaces.disappear_notice import duration_text
from haven.ui.user_text import PlainTextEdit


class ShareDialog(QDialog):
    #: the new post's id, once posted
    shared = Signal(bytes)

    def __init__(self, session: Session, entry_id: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share to a space"))
        self._sharing = JournalSharing(session.journal, session.spaces)
        self._entry_id = entry_id
        self.space = QComboBox()
        self.space.setAccessibleName(self.tr("Space to share to"))
        for s in session.spaces.list_spaces():
            if s.my_role is not None:
                self.space.addItem(peer_text.space_name(s.name), s.space_id)
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
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.post_button = QPushButton(self.tr("&Post this copy"))
        self.post_button.setAccessibleName(self.tr("Post this copy in the space"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel: share nothing")
        )
        buttons.addButton(self.post_button, QDialogButtonBox.ButtonRole.AcceptRole)
        form = QFormLayout()
        form.addRow(self.tr("&Space"), self.space)
        form.addRow(self.tr("Posted as"), self.posted_as)
        form.addRow(self.tr("&Title"), self.title_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.post_button.clicked.connect(self.post)
        self.space.currentIndexChanged.connect(lambda _i: self._load(keep_text=True))
        self._load(keep_text=False)

    def _load(self, keep_text: bool) -> None:
        space_id = self.space.currentData()
        self.post_button.setEnabled(space_id is not None)
        if space_id is None:
            self.status.setText(self.tr("You are not a member of any space yet."))
            return
        try:
            preview = self._sharing.preview(self._entry_id, space_id)
        except HavenError as exc:
            self.status.setText(messages.error_text(exc))
            self.post_button.setEnabled(False)
            return
        posted_as = self.tr("%1 (your name in this space)").replace(
            "%1", peer_text.name(preview.posted_as)
        )
        if preview.disappear_s:
            posted_as += " — " + self.tr("posts here disappear after %1").replace(
                "%1", duration_text(preview.disappear_s)
            )
        peer_text.set_plain(self.posted_as, posted_as)
        if not keep_text:
            self.title_edit.setText(preview.title)
            self.body.setPlainText(preview.body)

    def post(self) -> None:
        space_id = self.space.currentData()
        body = self.body.toPlainText()
        if space_id is None or not body.strip():
            self.status.setText(self.tr("Write something to share first."))
            return
        try:
            post_id = self._sharing.share(
                space_id, self.title_edit.text().strip(), body, confirmed=True
            )
        except HavenError as exc:
            self.status.setText(messages.error_text(exc))
            return
        self.shared.emit(post_id)
        self.accept()
