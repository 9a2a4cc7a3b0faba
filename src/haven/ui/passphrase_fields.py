"""Choosing a new passphrase: the field, the same typed again, and a live strength hint, as
first run (pages/create_page.py) and linking this computer (devices/link_page.py) both ask."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from haven.core.passphrase import Weakness, check
from haven.ui import messages


class RevealBox(QCheckBox):
    """ "Show passphrase": shows what was typed in `fields` while checked (for a person who
    cannot check a long passphrase blind); `reset` hides it again, as every lock does."""

    def __init__(self, parent: QWidget, fields: list[QLineEdit]) -> None:
        super().__init__(parent)
        self.setText(self.tr("&Show passphrase"))
        self.setAccessibleName(self.tr("Show the passphrase"))
        self.setAccessibleDescription(
            self.tr("Shows what you typed; make sure nobody can see your screen")
        )
        self._fields = fields
        self.toggled.connect(self._apply)

    def add_field(self, field: QLineEdit) -> None:
        self._fields.append(field)
        self._apply(self.isChecked())

    def _apply(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in self._fields:
            field.setEchoMode(mode)

    def reset(self) -> None:
        self.setChecked(False)
        self._apply(False)


def clear_on_typing(error: QLabel, *fields: QLineEdit) -> None:
    """A stale error goes as soon as the person types again in any of `fields`."""
    for field in fields:
        field.textEdited.connect(error.clear)


class NewPassphraseFields(QObject):
    """Not a widget of its own: its rows go into the page's form (`add_rows`), so their
    labels line up with the page's other fields. `related` gives the words a passphrase
    must not lean on (the display name being typed on the same page)."""

    def __init__(self, parent: QWidget, related: Callable[[], list[str]] = list) -> None:
        super().__init__(parent)
        self._related = related
        self.passphrase = QLineEdit(parent)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setAccessibleDescription(
            self.tr("At least 10 characters; a few uncommon words work well")
        )
        self.confirm = QLineEdit(parent)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Passphrase again"))
        self.reveal = RevealBox(parent, [self.passphrase, self.confirm])
        self.strength = QLabel(parent)
        self.strength.setObjectName("strengthHint")
        self.strength.setWordWrap(True)
        self.passphrase.textChanged.connect(self.update_strength)
        self.update_strength()

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("Pass&phrase"), self.passphrase)
        form.addRow(self.tr("Passphrase &again"), self.confirm)
        form.addRow("", self.reveal)
        form.addRow("", self.strength)

    def text(self) -> str:
        return self.passphrase.text()

    def update_strength(self) -> None:
        text = self.passphrase.text()
        if not text:
            self.strength.setText(self.tr("Choose a passphrase of at least 10 characters."))
            return
        result = check(text, self._related())
        hint = messages.strength_text(result.score)
        if result.weakness is not None:
            hint += " — " + messages.weakness_text(result.weakness)
        self.strength.setText(hint)

    def problem(self) -> str | None:
        """Why this passphrase cannot be used (and the focus moves to the field to fix),
        or None when it can."""
        result = check(self.passphrase.text(), self._related())
        if result.weakness is not None:
            self.passphrase.setFocus()
            return messages.weakness_text(result.weakness)
        if self.passphrase.text() != self.confirm.text():
            self.confirm.setFocus()
            return messages.weakness_text(Weakness.MISMATCH)
        return None

    def set_enabled(self, enabled: bool) -> None:
        self.passphrase.setEnabled(enabled)
        self.confirm.setEnabled(enabled)
        self.reveal.setEnabled(enabled)

    def clear(self) -> None:
        self.passphrase.clear()
        self.confirm.clear()
        self.reveal.reset()
