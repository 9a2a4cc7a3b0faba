"""Restoring a backup from the window (Settings, or the unlock page): a backup file, a new or
empty folder for it (a restore never merges into or replaces a vault), and the backup's
passphrase. The checks and the KDF run on the bridge's worker (core/restore.py); the dialog
only words the outcome."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.core import restore
from haven.crypto.wipe import wipe_immutable
from haven.errors import InvalidInput, VaultDamaged, VaultExists
from haven.ui import messages
from haven.ui.bridge import SessionBridge
from haven.ui.pages.frame import busy_bar, error_line
from haven.ui.pages.settings.section import file_dialog
from haven.ui.passphrase_fields import RevealBox, clear_on_typing


def suggested_folder(data_dir: Path) -> Path:
    """A new folder beside the current data folder: "<name> (restored)", then "(restored 2)"…"""
    parent, name = data_dir.absolute().parent, data_dir.name or "Haven"
    for n in range(1, 100):
        suffix = " (restored)" if n == 1 else f" (restored {n})"
        candidate = parent / f"{name}{suffix}"
        if not candidate.exists():
            return candidate
    return parent / f"{name} (restored)"


class RestoreDialog(QDialog):
    #: The vault was restored into this folder.
    restored = Signal(object)

    def __init__(
        self, bridge: SessionBridge, parent: QWidget | None = None, folder: Path | None = None
    ) -> None:
        """`folder`: where to restore, if not a new folder beside the data folder (on a
        first run, the empty data folder itself)."""
        super().__init__(parent)
        self.bridge = bridge
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(520)
        self.chooser: QFileDialog | None = None
        intro = QLabel(
            self.tr(
                "A backup is restored into a new or empty folder, so nothing you have now "
                "is replaced. It opens with the passphrase it had when it was made."
            )
        )
        intro.setWordWrap(True)
        self.source = QLineEdit()
        self.source.setAccessibleName(self.tr("Backup file"))
        self.source_button = QPushButton(self.tr("C&hoose…"))
        self.source_button.setAccessibleName(self.tr("Choose the backup file"))
        self.folder = QLineEdit(str(folder or suggested_folder(bridge.data_dir)))
        self.folder.setAccessibleName(self.tr("New folder for the restored vault"))
        self.folder_button = QPushButton(self.tr("Ch&oose…"))
        self.folder_button.setAccessibleName(self.tr("Choose the folder"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase of the backup"))
        self.reveal = RevealBox(self, [self.passphrase])
        self.error = error_line()
        self.busy = busy_bar(self.tr("Restoring the backup"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Restore"))
        self.ok.setAccessibleName(self.tr("Restore the backup"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))

        form = QFormLayout()
        self._row(form, self.tr("&Backup file"), self.source, self.source_button)
        self._row(form, self.tr("&Into the folder"), self.folder, self.folder_button)
        caption = QLabel(self.tr("&Passphrase"))
        caption.setBuddy(self.passphrase)
        form.addRow(caption, self.passphrase)
        form.addRow("", self.reveal)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        clear_on_typing(self.error, self.source, self.folder, self.passphrase)
        self.source_button.clicked.connect(self._choose_source)
        self.folder_button.clicked.connect(self._choose_folder)
        self.passphrase.returnPressed.connect(self._submit)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _r: self.clear_secrets())
        self.source.setFocus()

    @staticmethod
    def _row(form: QFormLayout, label: str, field: QLineEdit, button: QPushButton) -> None:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(field, 1)
        line.addWidget(button)
        caption = QLabel(label)
        caption.setBuddy(field)
        form.addRow(caption, row)

    def _choose_source(self) -> None:
        self.chooser = file_dialog(self, self.tr("Choose the backup file"), save=False)
        self.chooser.fileSelected.connect(self.source.setText)
        self.chooser.open()

    def _choose_folder(self) -> None:
        self.chooser = file_dialog(
            self, self.tr("Choose an empty folder"), save=False, folders=True
        )
        self.chooser.fileSelected.connect(self.folder.setText)
        self.chooser.open()

    def _submit(self) -> None:
        if not self.ok.isEnabled():
            return
        source, folder = self.source.text().strip(), self.folder.text().strip()
        if not source:
            self.show_error(self.tr("Choose the backup file first."))
            return
        if not folder:
            self.show_error(self.tr("Choose a new or empty folder for the restored vault."))
            return
        if not self.passphrase.text():
            self.show_error(self.tr("Type the backup's passphrase."))
            return
        src, dest, passphrase = Path(source), Path(folder), self.passphrase.text()
        self.passphrase.clear()
        self.set_busy(True)

        def work() -> Path:
            try:
                restore.check_restore_target(dest)
                restore.inspect_backup(src)  # a damaged file is named before the slow KDF
                restore.restore_backup(src, dest, passphrase)
            finally:
                wipe_immutable(passphrase)  # the str the field gave; nobody reads it again
            return dest

        self.bridge.run(work, self._done, self._failed)

    def _done(self, folder: object) -> None:
        self.set_busy(False)
        self.restored.emit(folder)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, VaultExists):
            text = self.tr("That folder already holds a vault: choose a new or empty folder.")
        elif isinstance(exc, VaultDamaged):
            text = self.tr(
                "This file is not a Haven backup, or it is damaged. Nothing was restored."
            )
        elif isinstance(exc, InvalidInput):
            text = self.tr(
                "Nothing was restored: check that the backup file exists and that the folder "
                "is new or empty."
            )
        else:
            text = messages.error_text(exc)
        self.show_error(text)

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.error.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (
            self.source,
            self.source_button,
            self.folder,
            self.folder_button,
            self.passphrase,
            self.reveal,
            self.ok,
        ):
            widget.setEnabled(not busy)

    def clear_secrets(self) -> None:
        self.passphrase.clear()
        self.reveal.reset()


def offer_to_open(parent: QWidget, folder: Path) -> QMessageBox:
    """After a restore: open the restored vault now (the current one locks first), or later.
    The caller connects to the box's `accepted`."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(QCoreApplication.translate("RestoreDialog", "Backup restored"))
    box.setText(
        QCoreApplication.translate("RestoreDialog", "Your backup was restored into %1.").replace(
            "%1", str(folder)
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "RestoreDialog",
            "Open it now? The vault open now is locked first, and Haven opens the restored "
            "one from then on. Both stay on this computer.",
        )
    )
    yes = box.addButton(
        QCoreApplication.translate("RestoreDialog", "&Open it now"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("RestoreDialog", "&Later"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(yes)
    return box
