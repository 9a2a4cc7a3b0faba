"""Small dialogs for spaces: create a space, and give a reason (removing a post or a member,
reporting a post). Each field is named for screen readers and reachable by Tab."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces import events as ev
from haven.ui import peer_text
from haven.ui.dates import number_text
from haven.ui.user_text import PlainTextEdit


@dataclass(frozen=True)
class NewSpace:
    name: str
    description: str
    topics: tuple[str, ...]
    guidelines: str


def parse_topics(text: str) -> tuple[str, ...]:
    """Topics are separated by commas."""
    return tuple(t.strip() for t in text.split(",") if t.strip())


def _buttons(dialog: QDialog, ok_text: str, ok_name: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_name)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("Spaces", "Cancel"))
    cancel.setAccessibleName(QCoreApplication.translate("Spaces", "Cancel"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class CreateSpaceDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New space"))
        self.setMinimumWidth(460)
        self.name = QLineEdit()
        self.name.setMaxLength(ev.MAX_SPACE_NAME)
        self.name.setAccessibleName(self.tr("Space name"))
        self.description = QLineEdit()
        self.description.setMaxLength(ev.MAX_DESCRIPTION)
        self.description.setAccessibleName(self.tr("Space description"))
        self.topics = QLineEdit()
        self.topics.setAccessibleName(self.tr("Topics, separated by commas"))
        # An example in the UI's language (TOPICS are the English suggestions).
        self.topics.setPlaceholderText(self.tr("e.g. coming out, relationships, parenting"))
        self.guidelines = PlainTextEdit()
        self.guidelines.setTabChangesFocus(True)
        self.guidelines.setAccessibleName(self.tr("Guidelines new members accept"))
        self.guidelines.setPlaceholderText(self.tr("Be kind. What is said here stays here."))
        self.error = QLabel()
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("&Topics"), self.topics)
        form.addRow(self.tr("&Guidelines"), self.guidelines)
        self.buttons = _buttons(self, self.tr("&Create"), self.tr("Create the space"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("You will be its owner, under a name used only in this space."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.name.setFocus()

    def accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("Give the space a name."))
            self.name.setFocus()
            return
        topics = parse_topics(self.topics.text())
        if len(topics) > ev.MAX_TOPICS or any(len(t) > ev.MAX_TOPIC_CHARS for t in topics):
            self.error.setText(
                self.tr("Up to %1 topics, each up to %2 characters.")
                .replace("%1", number_text(ev.MAX_TOPICS))
                .replace("%2", number_text(ev.MAX_TOPIC_CHARS))
            )
            self.topics.setFocus()
            return
        super().accept()

    def value(self) -> NewSpace:
        return NewSpace(
            self.name.text().strip(),
            self.description.text().strip(),
            parse_topics(self.topics.text()),
            self.guidelines.toPlainText().strip()[: ev.MAX_GUIDELINES],
        )


class ReasonDialog(QDialog):
    """Ask why (a moderator's reason is shown to members in the post's place)."""

    def __init__(
        self,
        title: str,
        prompt: str,
        ok_text: str,
        ok_name: str,
        required: bool = True,
        ban_option: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._required = required
        label = peer_text.plain_label(prompt)  # may name a member
        label.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(ev.MAX_REASON)
        self.reason.setAccessibleName(self.tr("Reason"))
        label.setBuddy(self.reason)
        self.ban = QCheckBox(self.tr("Also &ban: they cannot be added again"))
        self.ban.setAccessibleName(self.tr("Ban the member"))
        self.ban.setVisible(ban_option)
        self.error = QLabel()
        self.buttons = _buttons(self, ok_text, ok_name)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.ban)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def accept(self) -> None:
        if self._required and not self.reason.text().strip():
            self.error.setText(self.tr("Give a reason."))
            self.reason.setFocus()
            return
        super().accept()

    def value(self) -> str:
        return self.reason.text().strip()
