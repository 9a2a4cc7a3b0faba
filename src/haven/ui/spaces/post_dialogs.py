"""Dialogs for a member's own actions: edit a post (the composer's fields, warning included),
confirm deleting a post or leaving a space (optionally wiping it from this computer), and
choose who takes over a space. Every field is named for screen readers and reachable by Tab."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces.model import FeedPost, Member
from haven.ui import peer_text
from haven.ui.spaces import wording
from haven.ui.spaces.composer import Composer
from haven.ui.spaces.dialogs import _buttons


class EditPostDialog(QDialog):
    """The composer, filled with the post as it is now; "Save" checks it as posting does."""

    def __init__(self, post: FeedPost, reply: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit your reply") if reply else self.tr("Edit your post"))
        self.setMinimumWidth(480)
        self.composer = Composer(reply=reply)
        self.composer.title.setText(post.title)
        self.composer.body.setPlainText(post.body)
        self.composer.cw_toggle.setChecked(bool(post.cw))
        self.composer.cw.setText(post.cw)
        # The dialog's own buttons save; the composer's send button is not needed here.
        self.composer.send_button.setVisible(False)
        self.composer.body.setMaximumHeight(16_777_215)
        self.buttons = _buttons(self, self.tr("&Save"), self.tr("Save the changes"))
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.composer.submit)
        self.composer.submitted.connect(self._submitted)
        hint = QLabel(
            self.tr("Everyone in the space sees that the post was edited, and the new text.")
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.composer, 1)
        layout.addWidget(self.buttons)
        self._value: tuple[str, str, str] = (post.title, post.body, post.cw)
        self.composer.body.setFocus()

    def _submitted(self, title: str, body: str, cw: str) -> None:
        self._value = (title, body, cw)
        self.accept()

    def value(self) -> tuple[str, str, str]:
        """title, body, content warning ("" for none), as checked by the composer."""
        return self._value


class ConfirmDialog(QDialog):
    """A question with an OK button that names the action, and an optional extra choice."""

    def option_checked(self) -> bool:
        return self.option is not None and self.option.isChecked()

    def __init__(
        self,
        title: str,
        text: str,
        ok_text: str,
        ok_name: str,
        option_text: str = "",
        option_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.text = peer_text.plain_label(text)  # callers put names and titles in it
        self.text.setWordWrap(True)
        self.option: QCheckBox | None = None
        self.buttons = _buttons(self, ok_text, ok_name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        if option_text:
            self.option = QCheckBox(option_text)
            self.option.setAccessibleName(option_name or option_text)
            layout.addWidget(self.option)
        layout.addWidget(self.buttons)
        # Safer default: Enter must not confirm by accident; Cancel has the focus.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus()


class HandOverDialog(QDialog):
    """Choose the active member who becomes the space's owner (you become an admin)."""

    def __init__(self, candidates: Sequence[Member], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand over ownership"))
        self.setMinimumWidth(420)
        text = QLabel(
            self.tr(
                "The new owner can do everything you can now, including removing you. "
                "You stay in the space as an admin."
            )
        )
        text.setWordWrap(True)
        self.member = QComboBox()
        self.member.setAccessibleName(self.tr("New owner"))
        for m in candidates:
            label = peer_text.name(m.display_name)
            if m.pronouns:
                label += f" ({peer_text.name(m.pronouns)})"
            self.member.addItem(f"{label} · {wording.role_label(m.role)}", m.member_pk)
        self.error = QLabel()
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("New &owner"), self.member)
        self.buttons = _buttons(self, self.tr("&Hand over"), self.tr("Hand over ownership"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(candidates))
        if not candidates:
            self.error.setText(self.tr("There is no other active member to hand over to."))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.member.setFocus()

    def value(self) -> bytes | None:
        data = self.member.currentData()
        return bytes(data) if data is not None else None
