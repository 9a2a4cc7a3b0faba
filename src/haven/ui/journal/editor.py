"""Write or change one entry: title, Markdown body (as plain text), mood 1–5, tags."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.journal import MAX_TITLE_CHARS, JournalEntry
from haven.ui import messages
from haven.ui.appearance import mark_heading
from haven.ui.user_text import PlainTextEdit


@dataclass(frozen=True)
class EditorContent:
    entry_id: bytes | None  # None: a new entry
    title: str
    body: str
    mood: int | None
    tags: tuple[str, ...]


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags are separated by commas or spaces; a leading # is optional."""
    return tuple(t for t in text.replace(",", " ").split() if t.strip("#"))


class EntryEditor(QWidget):
    saveRequested = Signal(object)  # EditorContent
    deleteRequested = Signal(bytes)
    #: Share to a space… (a copy, after a dialog: journal/share_dialog.py)
    shareRequested = Signal(bytes)
    newRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_id: bytes | None = None
        self._baseline = EditorContent(None, "", "", None, ())
        self.heading = QLabel()
        mark_heading(self.heading, 3)  # follows the text size
        self.title = QLineEdit()
        self.title.setMaxLength(MAX_TITLE_CHARS)
        self.title.setPlaceholderText(self.tr("Title (optional)"))
        self.title.setAccessibleName(self.tr("Entry title"))
        self.body = PlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(self.tr("Write here. Markdown is welcome."))
        self.body.setAccessibleName(self.tr("Entry text"))
        self.body.setAccessibleDescription(self.tr("Plain text; Markdown formatting is kept"))
        self.mood = QComboBox()
        self.mood.setAccessibleName(self.tr("Mood"))
        self.mood.addItem(self.tr("No mood"), None)
        for value in range(1, 6):
            self.mood.addItem(messages.mood_text(value), value)  # the language's digits
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("e.g. family, coming-out"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setAccessibleDescription(self.tr("Separate tags with commas or spaces"))
        self.status = QLabel()
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save entry"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete entry"))
        self.share_button = QPushButton(self.tr("Share to a space…"))
        self.share_button.setAccessibleName(self.tr("Share a copy of this entry to a space"))
        self.new_button = QPushButton(self.tr("&New entry"))
        self.new_button.setAccessibleName(self.tr("New entry"))
        self.new_button.setToolTip(self.tr("New entry (Ctrl+N)"))

        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Mood"), self.mood)
        form.addRow(self.tr("Ta&gs"), self.tags)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.share_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.setTabOrder(self.title, self.mood)
        self.setTabOrder(self.mood, self.tags)
        self.setTabOrder(self.tags, self.body)
        self.setTabOrder(self.body, self.save_button)
        self.setTabOrder(self.save_button, self.share_button)
        self.setTabOrder(self.share_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.new_button)
        self.save_button.clicked.connect(self.request_save)
        self.delete_button.clicked.connect(self._request_delete)
        self.share_button.clicked.connect(self._request_share)
        self.new_button.clicked.connect(self.newRequested)
        self.clear()

    def clear(self) -> None:
        """An empty editor for a new entry (also used on lock to drop what was shown)."""
        self.entry_id = None
        self.heading.setText(self.tr("New entry"))
        # setText(""), not clear(): QLineEdit.clear() keeps the old text in its undo
        # history, which would outlive a lock (test_memory_after_lock.py).
        self.title.setText("")
        self.body.clear()  # QPlainTextEdit.clear() drops its undo history too
        self.mood.setCurrentIndex(0)
        self.tags.setText("")
        self.status.clear()
        self.delete_button.setEnabled(False)
        self.share_button.setEnabled(False)
        self._baseline = self.content()

    def show_entry(self, entry: JournalEntry) -> None:
        self.entry_id = entry.entry_id
        self.heading.setText(self.tr("Edit entry"))
        self.title.setText(entry.title)
        self.body.setPlainText(entry.body)
        index = self.mood.findData(entry.mood) if entry.mood is not None else 0
        self.mood.setCurrentIndex(max(0, index))
        self.tags.setText(", ".join(entry.tags))
        self.status.clear()
        self.delete_button.setEnabled(True)
        self.share_button.setEnabled(True)
        self._baseline = self.content()

    def is_dirty(self) -> bool:
        """Changed since it was last shown or saved (tags compared as typed)."""
        return self.content() != self._baseline

    def can_save(self) -> bool:
        return bool(self.body.toPlainText().strip())

    def content(self) -> EditorContent:
        mood = self.mood.currentData()
        return EditorContent(
            self.entry_id,
            self.title.text(),
            self.body.toPlainText(),
            int(mood) if mood is not None else None,
            parse_tags(self.tags.text()),
        )

    def request_save(self) -> None:
        content = self.content()
        if not content.body.strip():
            self.show_status(self.tr("Write something first: an entry needs some text."))
            self.body.setFocus()
            return
        self.saveRequested.emit(content)

    def _request_delete(self) -> None:
        if self.entry_id is not None:
            self.deleteRequested.emit(self.entry_id)

    def _request_share(self) -> None:
        if self.entry_id is not None:
            self.shareRequested.emit(self.entry_id)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
