"""Settings → "Duress passphrase": set, replace or remove a second passphrase that opens a
decoy journal instead of the vault (haven.core.duress), with the optional wipe of the real
vault's key as a separate, explained and confirmed choice. Every change asks for the
vault's own passphrase first. Slow work (Argon2id, building the decoy) runs in the bridge's
workers; the page itself never says whether the open vault is a decoy (it cannot know)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.ui.bridge import SessionBridge
from haven.ui.pages.passphrase_dialog import PassphraseDialog, run_passphrase_dialog


class DuressDialog(PassphraseDialog):
    """The vault's passphrase, then (unless removing) the duress passphrase twice and the
    wipe choice, which needs a second box ticked to take effect."""

    # `submitted`: current passphrase, duress passphrase ("" when removing), wipe on use.

    def __init__(self, removing: bool, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            title=(
                self.tr("Remove the duress passphrase")
                if removing
                else self.tr("Duress passphrase")
            ),
            current_label=self.tr("Your &passphrase"),
            current_name=self.tr("Your vault's passphrase"),
            ok_text=self.tr("&Remove") if removing else self.tr("&Set"),
            ok_name=(
                self.tr("Remove the duress passphrase")
                if removing
                else self.tr("Set the duress passphrase")
            ),
            busy_name=self.tr("Saving the duress passphrase"),
            min_width=520,
        )
        self.removing = removing
        self.wipe = QCheckBox(self.tr("Using it also &destroys this vault"))
        self.wipe.setAccessibleName(self.tr("Using the duress passphrase destroys this vault"))
        self.wipe_explained = QLabel(
            self.tr(
                "If ticked, unlocking with the duress passphrase also overwrites this vault's "
                "key, without a sign. After that nobody — you included — can ever open this "
                "vault again with any passphrase; only a backup brings it back."
            )
        )
        self.wipe_explained.setWordWrap(True)
        self.understood = QCheckBox(self.tr("I &understand this cannot be undone"))
        self.understood.setAccessibleName(self.tr("I understand the vault cannot be recovered"))
        self.understood.setEnabled(False)
        self.wipe.toggled.connect(self._wipe_toggled)
        above: list[QWidget] = []
        if removing:
            gone = QLabel(self.tr("The decoy journal and everything written in it are deleted."))
            gone.setWordWrap(True)
            above.append(gone)
        else:
            self.fields.add_rows(self.form)
            self.form.addRow("", self.wipe)
            self.form.addRow("", self.wipe_explained)
            self.form.addRow("", self.understood)
        self.finish(*above)

    def _wipe_toggled(self, on: bool) -> None:
        self.understood.setEnabled(on)
        if not on:
            self.understood.setChecked(False)

    def _submit(self) -> None:
        if not self.current_given(self.tr("Type your vault's passphrase first.")):
            return
        if not self.removing:
            if not self.new_passphrase_ok():
                return
            if self.wipe.isChecked() and not self.understood.isChecked():
                self.show_error(self.tr("Tick the second box to confirm, or untick the first."))
                self.understood.setFocus()
                return
        self.set_busy(True)
        current = self.current.text()
        duress = "" if self.removing else self.fields.text()
        wipe = self.wipe.isChecked() and self.understood.isChecked()
        self.clear_secrets()
        self.submitted.emit(current, duress, wipe)

    def busy_widgets(self) -> tuple[QWidget, ...]:
        return (self.wipe,)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.understood.setEnabled(not busy and self.wipe.isChecked())


class DuressSettings(QWidget):
    """The section on the settings page: what a duress passphrase does, whether this vault
    has one, and buttons to set or remove it (enabled while the vault is open)."""

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.dialog: DuressDialog | None = None
        heading = QLabel(self.tr("Duress passphrase"))
        heading.setAccessibleName(self.tr("Duress passphrase"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        explained = QLabel(
            self.tr(
                "If someone forces you to unlock Haven, you can type a second passphrase "
                "instead of yours. It opens a separate decoy journal — write a few entries "
                "in it yourself, so it looks lived in — with no spaces and no linked "
                "devices. Your real vault stays closed. From outside, Haven's files look the "
                "same whether or not you set one, but someone who knows Haven well and "
                "examines the files closely may still suspect it."
            )
        )
        explained.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.set_button = QPushButton(self.tr("Set &duress passphrase…"))
        self.set_button.setAccessibleName(self.tr("Set a duress passphrase"))
        self.remove_button = QPushButton(self.tr("Remove duress passphrase…"))
        self.remove_button.setAccessibleName(self.tr("Remove the duress passphrase"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(explained)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.set_button.clicked.connect(lambda: self.open_dialog(removing=False))
        self.remove_button.clicked.connect(lambda: self.open_dialog(removing=True))
        bridge.unlocked.connect(self.refresh)
        bridge.locked.connect(self._on_locked)
        self.refresh()

    def refresh(self) -> None:
        session = self.bridge.session
        is_set = session is not None and session.duress.is_set()
        self.set_button.setEnabled(session is not None)
        self.remove_button.setEnabled(is_set)
        if session is None:
            self.status.setText(self.tr("Unlock Haven to change this."))
        elif not is_set:
            self.status.setText(self.tr("No duress passphrase is set."))
        elif session.duress.wipes_vault():
            self.status.setText(
                self.tr("A duress passphrase is set. Using it also destroys this vault.")
            )
        else:
            self.status.setText(self.tr("A duress passphrase is set."))

    def _on_locked(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.message.setText("")
        self.refresh()

    def open_dialog(self, removing: bool) -> None:
        session = self.bridge.session
        if session is None or self.dialog is not None:
            return
        dialog = DuressDialog(removing, self)
        self.dialog = dialog

        def work(current: str, duress: str, wipe: bool) -> None:
            if removing:
                session.duress.remove_checked(current)
            else:
                session.duress.set_checked(current, duress, wipe)

        def done() -> None:
            self.message.setText(
                self.tr("Duress passphrase removed.")
                if removing
                else self.tr(
                    "Duress passphrase set. Lock Haven and unlock with it to write in "
                    "the decoy journal."
                )
            )
            self.refresh()

        def forget() -> None:
            self.dialog = None

        run_passphrase_dialog(dialog, self.bridge, work, done, forget)
