"""The window's dialogs about the vault as a whole: changing the passphrase, restoring a
backup into a new folder and opening it. Each runs its slow part on the bridge's worker and
is closed (its secrets cleared) when the vault locks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from haven.ui.bridge import SessionBridge
from haven.ui.pages.create_page import CreateVaultPage
from haven.ui.pages.passphrase_dialog import ChangePassphraseDialog, run_passphrase_dialog
from haven.ui.pages.restore_dialog import RestoreDialog, offer_to_open
from haven.ui.pages.settings_page import SettingsPage
from haven.ui.pages.unlock_page import UnlockPage
from haven.ui.settings import AppSettings


class Window(Protocol):
    """What these dialogs use of the main window."""

    bridge: SessionBridge
    settings: AppSettings
    settings_page: SettingsPage
    unlock_page: UnlockPage
    create_page: CreateVaultPage

    def lock(self) -> None: ...
    def show_start_page(self) -> None: ...


class VaultDialogs(QObject):
    def __init__(
        self, window: Window, parent: QWidget, open_folder: Callable[[Path], object]
    ) -> None:
        super().__init__(parent)
        self.window = window
        self._open_folder = open_folder
        self.parent_widget = parent
        self.passphrase_dialog: ChangePassphraseDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.restored_box: QMessageBox | None = None

    def on_locked(self) -> None:
        if self.passphrase_dialog is not None:
            self.passphrase_dialog.reject()
        if self.restore_dialog is not None:
            self.restore_dialog.set_busy(False)

    # ---------------------------------------------------------------- passphrase

    def open_passphrase_dialog(self) -> None:
        window, bridge = self.window, self.window.bridge
        session = bridge.session
        if session is None or self.passphrase_dialog is not None:
            return
        dialog = ChangePassphraseDialog(self.parent_widget)
        self.passphrase_dialog = dialog

        def done() -> None:
            window.settings_page.show_message(
                self.tr("Passphrase changed; your vault is now under a new key.")
                if dialog.rekey.isChecked()
                else self.tr("Passphrase changed.")
            )

        def forget() -> None:
            self.passphrase_dialog = None

        run_passphrase_dialog(dialog, bridge, session.change_passphrase_checked, done, forget)

    # ---------------------------------------------------------------- restore

    def open_restore_dialog(self) -> None:
        """Restore a backup into a new folder (from Settings or the unlock page), then offer
        to open it. On a first run (the create page: no vault here yet) the backup goes into
        this data folder itself, and the unlock page follows."""
        if self.restore_dialog is not None:
            self.restore_dialog.raise_()
            return
        self.window.unlock_page.clear_secrets()
        self.window.create_page.clear_secrets()
        bridge = self.window.bridge
        first_run = bridge.session is None and not bridge.vault_exists()
        dialog = RestoreDialog(
            bridge, self.parent_widget, bridge.data_dir.absolute() if first_run else None
        )
        self.restore_dialog = dialog

        def finished() -> None:
            self.restore_dialog = None
            dialog.deleteLater()

        dialog.restored.connect(self._offer_restored)
        dialog.finished.connect(lambda _r: finished())
        dialog.open()

    def _offer_restored(self, folder: object) -> None:
        if not isinstance(folder, Path):
            return
        window = self.window
        if folder.resolve() == window.bridge.data_dir.resolve():
            # Restored into this data folder (a first run): nothing else is open, so the
            # unlock page asks for the backup's passphrase at once.
            window.show_start_page()
            window.unlock_page.show_restored()
            return
        box = offer_to_open(self.parent_widget, folder)
        self.restored_box = box

        def answered() -> None:
            self.restored_box = None
            if box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole:
                self.open_folder(folder)
            box.deleteLater()

        box.finished.connect(lambda _r: answered())
        box.open()

    def open_folder(self, folder: Path) -> None:
        """Lock the open vault and have the window built again on `folder` (the folder is a
        process-wide claim, see haven.control), which Haven opens from now on (kept in
        QSettings; at the next start --data-dir and HAVEN_DATA_DIR still come first)."""
        window = self.window
        window.lock()
        window.settings.vault_folder = str(folder)
        window.settings.sync()
        self._open_folder(folder)
