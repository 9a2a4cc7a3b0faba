"""Settings: the vault's files — an encrypted backup (a new file only, never replacing
one), restoring a backup into a new folder, a plaintext export with its warning, and the
passphrase. The slow parts run on the bridge's workers (core `session.backup`,
`core.export`, `core.restore`)."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QVBoxLayout, QWidget

from haven.core import export
from haven.core.clock import now_ms
from haven.errors import InvalidInput, VaultExists
from haven.ui import messages
from haven.ui.bridge import SessionBridge
from haven.ui.pages.settings.section import Section, file_dialog


class VaultFilesSection(Section):
    #: "Change passphrase…" was pressed (the window opens its dialog).
    passphraseRequested = Signal()
    #: "Restore a backup…" was pressed (the window opens the restore dialog).
    restoreRequested = Signal()

    def __init__(self, bridge: SessionBridge | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Backup and passphrase"), parent)
        self.bridge = bridge
        self.dialog: QFileDialog | None = None
        self.backup_button = QPushButton(self.tr("&Back up my vault…"))
        self.backup_button.setAccessibleName(self.tr("Write an encrypted backup of the vault"))
        self.backup_button.setAccessibleDescription(
            self.tr("One encrypted file; it opens with the passphrase the vault has now.")
        )
        self.restore_button = QPushButton(self.tr("R&estore a backup…"))
        self.restore_button.setAccessibleName(self.tr("Restore a backup into a new folder"))
        self.export_button = QPushButton(self.tr("Export my &journal…"))
        self.export_button.setAccessibleName(self.tr("Export the journal as plain text"))
        self.passphrase_button = QPushButton(self.tr("Change &passphrase…"))
        self.passphrase_button.setAccessibleName(self.tr("Change the vault's passphrase"))
        column = QWidget()
        buttons = QVBoxLayout(column)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.backup_button,
            self.restore_button,
            self.export_button,
            self.passphrase_button,
        ):
            buttons.addWidget(button)
        self.form.addRow("", column)
        self.backup_button.clicked.connect(self.choose_backup_file)
        self.restore_button.clicked.connect(self.restoreRequested)
        self.export_button.clicked.connect(self.confirm_export)
        self.passphrase_button.clicked.connect(self.passphraseRequested)
        self.set_open(False)

    def set_open(self, is_open: bool) -> None:
        """Backup, export and the passphrase need the vault open; restore does not."""
        for button in (self.backup_button, self.export_button, self.passphrase_button):
            button.setEnabled(is_open)
        if not is_open and self.dialog is not None:
            self.dialog.reject()

    # ---------------------------------------------------------------- backup

    def choose_backup_file(self) -> None:
        day = datetime.date.today().isoformat()
        self.dialog = file_dialog(
            self,
            self.tr("Save an encrypted backup"),
            save=True,
            suggested=f"journal-backup-{day}.enc",
        )
        self.dialog.fileSelected.connect(self.write_backup)
        self.dialog.open()

    def write_backup(self, path: str) -> None:
        dest = Path(path)
        session = self.bridge.session if self.bridge is not None else None
        if session is None or self.bridge is None:
            return
        if dest.exists() or dest.is_symlink():
            self.say(
                self.tr(
                    "%1 already exists. A backup never replaces a file: choose a new name."
                ).replace("%1", str(dest))
            )
            return
        self.say(self.tr("Writing the backup…"))
        self.backup_button.setEnabled(False)

        def work() -> int:
            if dest.exists() or dest.is_symlink():  # appeared meanwhile: still never replace
                raise VaultExists()
            return session.backup.write(dest)

        def done(size: object) -> None:
            self.backup_button.setEnabled(True)
            self.say(
                self.tr(
                    "Encrypted backup written to %1 (%2). It opens with the passphrase your "
                    "vault has now; keep it somewhere other than this computer."
                )
                .replace("%1", str(dest))
                .replace("%2", QLocale().formattedDataSize(int(size)))  # type: ignore[call-overload]
            )

        self.bridge.run(work, done, self._failed(self.backup_button))

    # ---------------------------------------------------------------- export

    def confirm_export(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Export as plain text"))
        box.setText(
            self.tr(
                "An export is NOT encrypted: anyone who can open the files can read your "
                "journal. Keep them somewhere safe and delete them when you are done."
            )
        )
        box.setInformativeText(
            self.tr("For a copy only you can open, make an encrypted backup instead.")
        )
        markdown = box.addButton(self.tr("&Markdown files…"), QMessageBox.ButtonRole.AcceptRole)
        json = box.addButton(self.tr("One &JSON file…"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        self.export_box = box

        def chosen() -> None:
            clicked = box.clickedButton()
            if clicked in (markdown, json):
                self.choose_export_target(clicked is json)

        box.finished.connect(lambda _r: chosen())
        box.open()

    def choose_export_target(self, as_json: bool) -> None:
        day = datetime.date.today().isoformat()
        name = f"journal-{day}.json" if as_json else f"journal-{day}"
        self.dialog = file_dialog(self, self.tr("Export the journal to"), save=True, suggested=name)
        self.dialog.fileSelected.connect(lambda path: self.write_export(path, as_json))
        self.dialog.open()

    def write_export(self, path: str, as_json: bool) -> None:
        session = self.bridge.session if self.bridge is not None else None
        if session is None or self.bridge is None:
            return
        dest = Path(path)
        self.export_button.setEnabled(False)

        def work() -> int:
            entries = session.journal.list()
            if as_json:
                return export.export_json(entries, dest, now_ms())
            return export.export_markdown(entries, dest)

        def done(count: object) -> None:
            self.export_button.setEnabled(True)
            self.say(
                self.tr("Exported %Ln entries as plain text to %1.", "", int(count)).replace(  # type: ignore[call-overload]
                    "%1", str(dest)
                )
            )

        self.bridge.run(work, done, self._failed(self.export_button))

    def _failed(self, button: QPushButton):  # type: ignore[no-untyped-def]
        def failed(exc: BaseException) -> None:
            button.setEnabled(self.bridge is not None and self.bridge.session is not None)
            if isinstance(exc, (InvalidInput, VaultExists)):
                self.say(
                    self.tr(
                        "Nothing was written: choose a new name in a folder that exists (an "
                        "export goes into a new or empty folder)."
                    )
                )
            else:
                self.say(messages.error_text(exc))

        return failed
