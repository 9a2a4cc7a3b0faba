"""Dialogs that ask for the vault's own passphrase first, then perhaps a new one twice
(`PassphraseDialog`, shared by changing the passphrase here and by the duress passphrase in
ui/pages/settings/duress.py): one "Show passphrase" box for every field, an error line that clears
as you type, a busy bar while the slow part runs, and every secret cleared once sent.

Changing the passphrase from Settings: the current one first (someone at an unlocked
computer must not be able to lock its owner out), the new one twice with the strength hint,
and a choice to move the vault to a new master key as well (`Session.change_passphrase`'s
`rekey`, crash-safe) for when a passphrase or a copy of the vault may have leaked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from haven.crypto.wipe import wipe_immutable
from haven.ui import messages
from haven.ui.bridge import SessionBridge
from haven.ui.pages.frame import busy_bar, error_line
from haven.ui.passphrase_fields import NewPassphraseFields, clear_on_typing


class PassphraseDialog(QDialog):
    """The frame: `current` (the vault's passphrase), `fields` (a new one, twice; the
    subclass adds their rows to `form` if it asks for one), `error`, `busy` and OK/Cancel.
    Subclasses pass their own translated words, add rows, then call `finish`."""

    #: the vault's passphrase, the new one ("" when none is asked), the subclass's choice
    submitted = Signal(str, str, bool)

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        current_label: str,
        current_name: str,
        ok_text: str,
        ok_name: str,
        busy_name: str,
        min_width: int = 480,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(min_width)
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName(current_name)
        self.fields = NewPassphraseFields(self)
        self.error = error_line()
        self.busy = busy_bar(busy_name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        ok.setAccessibleName(ok_name)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("PassphraseDialog", "Cancel"))
        cancel.setAccessibleName(QCoreApplication.translate("PassphraseDialog", "Cancel"))
        self.form = QFormLayout()
        self.form.addRow(current_label, self.current)

    def finish(self, *above: QWidget) -> None:
        """Lay out (`above` the form, then the form, error, busy bar and buttons) and wire."""
        layout = QVBoxLayout(self)
        for widget in above:
            layout.addWidget(widget)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.fields.reveal.add_field(self.current)  # one "Show passphrase" box for all
        clear_on_typing(self.error, self.current, self.fields.passphrase, self.fields.confirm)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.current.setFocus()

    def _submit(self) -> None:
        raise NotImplementedError

    def current_given(self, missing: str) -> bool:
        """Whether the vault's passphrase was typed; if not, say `missing` and go there."""
        if self.current.text():
            return True
        self.show_error(missing)
        self.current.setFocus()
        return False

    def new_passphrase_ok(self) -> bool:
        problem = self.fields.problem()
        if problem is not None:
            self.show_error(problem)
        return problem is None

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.error.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.current, self.buttons, *self.busy_widgets()):
            widget.setEnabled(not busy)
        self.fields.set_enabled(not busy)

    def busy_widgets(self) -> tuple[QWidget, ...]:
        """A subclass's own controls, disabled while the slow part runs."""
        return ()

    def clear_secrets(self) -> None:
        self.current.clear()
        self.fields.clear()


class ChangePassphraseDialog(PassphraseDialog):
    """`submitted`: current passphrase, new passphrase, rekey."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            title=self.tr("Change passphrase"),
            current_label=self.tr("C&urrent passphrase"),
            current_name=self.tr("Current passphrase"),
            ok_text=self.tr("C&hange"),
            ok_name=self.tr("Change the passphrase"),
            busy_name=self.tr("Changing the passphrase"),
        )
        self.rekey = QCheckBox(self.tr("Also move my vault to a &new key"))
        self.rekey.setAccessibleName(self.tr("Also move the vault to a new key"))
        self.rekey.setAccessibleDescription(
            self.tr(
                "Re-encrypts everything, so an old copy of the vault's key or header no "
                "longer opens it. Takes longer; safe if interrupted."
            )
        )
        self.fields.add_rows(self.form)
        self.form.addRow("", self.rekey)
        self.finish()

    def busy_widgets(self) -> tuple[QWidget, ...]:
        return (self.rekey,)

    def _submit(self) -> None:
        if not self.current_given(self.tr("Type your current passphrase first.")):
            return
        if not self.new_passphrase_ok():
            return
        self.set_busy(True)
        current, new = self.current.text(), self.fields.text()
        self.clear_secrets()
        self.submitted.emit(current, new, self.rekey.isChecked())


PassphraseWork = Callable[[str, str, bool], None]


def run_passphrase_dialog(
    dialog: PassphraseDialog,
    bridge: SessionBridge,
    work: PassphraseWork,
    done: Callable[[], None],
    forget: Callable[[], None],
) -> None:
    """Open `dialog`. When it is submitted, run `work(current, new, choice)` on the bridge's
    worker (the slow KDF) and wipe the passphrase strings after it; on success close the
    dialog and call `done()`, on failure say why in the dialog. When it closes, however it
    closes, clear its fields and call `forget()`."""

    def submitted(current: str, new: str, choice: bool) -> None:
        def run() -> None:
            try:
                work(current, new, choice)
            finally:
                wipe_immutable(current)  # the strs the fields gave; nobody reads them again
                wipe_immutable(new)

        def succeeded(_result: object) -> None:
            dialog.accept()
            done()

        bridge.run(run, succeeded, lambda exc: dialog.show_error(messages.error_text(exc)))

    def finished() -> None:
        dialog.clear_secrets()
        forget()
        dialog.deleteLater()

    dialog.submitted.connect(submitted)
    dialog.finished.connect(lambda _r: finished())
    dialog.open()
