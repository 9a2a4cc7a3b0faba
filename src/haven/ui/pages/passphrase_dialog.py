"""Changing the passphrase from Settings: the current one first (someone at an unlocked
computer must not be able to lock its owner out), the new one twice with the strength hint,
and a choice to move the vault to a new master key as well (`Session.change_passphrase`'s
`rekey`, crash-safe) for when a passphrase or a copy of the vault may have leaked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from haven.ui.pages.frame import busy_bar, error_line
from haven.ui.passphrase_fields import NewPassphraseFields, clear_on_typing


class ChangePassphraseDialog(QDialog):
    #: current passphrase, new passphrase, rekey
    submitted = Signal(str, str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setMinimumWidth(480)
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName(self.tr("Current passphrase"))
        self.fields = NewPassphraseFields(self)
        self.rekey = QCheckBox(self.tr("Also move my vault to a &new key"))
        self.rekey.setAccessibleName(self.tr("Also move the vault to a new key"))
        self.rekey.setAccessibleDescription(
            self.tr(
                "Re-encrypts everything, so an old copy of the vault's key or header no "
                "longer opens it. Takes longer; safe if interrupted."
            )
        )
        self.error = error_line()
        self.busy = busy_bar(self.tr("Changing the passphrase"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("C&hange"))
        ok.setAccessibleName(self.tr("Change the passphrase"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        form = QFormLayout()
        form.addRow(self.tr("C&urrent passphrase"), self.current)
        self.fields.add_rows(form)
        form.addRow("", self.rekey)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        # One "Show passphrase" box shows all three fields.
        self.fields.reveal.add_field(self.current)
        clear_on_typing(self.error, self.current, self.fields.passphrase, self.fields.confirm)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.current.setFocus()

    def _submit(self) -> None:
        if not self.current.text():
            self.show_error(self.tr("Type your current passphrase first."))
            self.current.setFocus()
            return
        problem = self.fields.problem()
        if problem is not None:
            self.show_error(problem)
            return
        self.set_busy(True)
        current, new = self.current.text(), self.fields.text()
        self.clear_secrets()
        self.submitted.emit(current, new, self.rekey.isChecked())

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.error.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.current, self.rekey, self.buttons):
            widget.setEnabled(not busy)
        self.fields.set_enabled(not busy)

    def clear_secrets(self) -> None:
        self.current.clear()
        self.fields.clear()
