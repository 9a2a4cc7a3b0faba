"""Settings → Backup and passphrase, driven from the window as a person would: a backup
written to a real file through the file dialog (never replacing one), restored into a new
folder from the unlock page and opened; a plaintext export after its warning."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from haven.ui.pages.restore_dialog import RestoreDialog
from haven.ui.settings import AppSettings
from tests.helpers import PASSPHRASE, new_session
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


def choose_file(qtbot: QtBot, dialog: QFileDialog | None, path: Path) -> None:
    """Type a path into the file dialog the page opened, and accept it."""
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.selectFile(str(path))
    dialog.accept()


def backup_from_settings(qtbot: QtBot, window: HavenWindow, dest: Path) -> None:
    window.home.show_section("settings")
    files = window.settings_page.files
    assert files.backup_button.isEnabled()
    qtbot.mouseClick(files.backup_button, Qt.MouseButton.LeftButton)
    choose_file(qtbot, files.dialog, dest)


def click_button(qtbot: QtBot, box: QMessageBox, text: str) -> None:
    qtbot.waitUntil(box.isVisible)
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_backup_then_restore_from_the_unlock_page(
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    data_dir: Path,
    app_settings: AppSettings,
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "the morning by the river")
    dest = tmp_path / "my backup.enc"
    backup_from_settings(qtbot, window, dest)
    files = window.settings_page.files
    qtbot.waitUntil(lambda: "written to" in files.status.text(), timeout=20_000)
    written = dest.read_bytes()
    assert written.startswith(b"HAVEN-BACKUP 1\n")
    assert b"the morning by the river" not in written  # ciphertext only

    # A second backup to the same name is refused: the file is left exactly as it was.
    backup_from_settings(qtbot, window, dest)
    qtbot.waitUntil(lambda: "already exists" in files.status.text())
    assert dest.read_bytes() == written

    # Locked: restore from the unlock page into a new folder, then open it.
    window.lock()
    assert window.current_page() is window.unlock_page
    qtbot.mouseClick(window.unlock_page.restore_button, Qt.MouseButton.LeftButton)
    dialog = window.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitExposed(dialog)
    target = tmp_path / "restored vault"
    assert Path(dialog.folder.text()).parent == data_dir.absolute().parent  # a new folder
    qtbot.mouseClick(dialog.source_button, Qt.MouseButton.LeftButton)
    choose_file(qtbot, dialog.chooser, dest)
    assert dialog.source.text() == str(dest)
    dialog.folder.setText(str(target))

    flows.type_text(qtbot, dialog.passphrase, "not the passphrase at all")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=20_000)
    assert "passphrase is not right" in dialog.error.text()
    assert not target.exists()  # nothing left behind

    flows.type_text(qtbot, dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialogs.restored_box is not None, timeout=20_000)
    box = window.dialogs.restored_box
    assert box is not None
    with qtbot.waitSignal(window.openFolderRequested) as opening:
        click_button(qtbot, box, "Open it now")
    assert opening.args == [target]
    assert app_settings.vault_folder == str(target)  # opened from now on
    # What run_app does on that signal: a new window on the restored folder.
    window.close()
    restored = make_window(target)
    assert restored.current_page() is restored.unlock_page
    flows.unlock(qtbot, restored)
    qtbot.waitUntil(lambda: restored.journal_page.model.rowCount() == 1)
    entry = restored.journal_page.model.entry(0)
    assert entry is not None and entry.body == "the morning by the river"


def test_a_first_run_restores_a_backup_from_the_create_page(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, data_dir: Path
) -> None:
    """A person with a backup on a new computer: from the first-run page, into this data
    folder, then unlocked with the backup's passphrase."""
    old = new_session(tmp_path / "old computer")
    old.journal.add("written on the old computer")
    dest = tmp_path / "backup.enc"
    old.backup.write(dest)
    old.lock()

    window = make_window()
    assert window.current_page() is window.create_page
    qtbot.mouseClick(window.create_page.restore_button, Qt.MouseButton.LeftButton)
    dialog = window.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitExposed(dialog)
    assert dialog.folder.text() == str(data_dir.absolute())  # this folder: it is empty
    dialog.source.setText(str(dest))
    flows.type_text(qtbot, dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() is window.unlock_page, timeout=20_000)
    assert window.dialogs.restored_box is None  # nothing else to open: no question asked
    assert "backup was restored" in window.unlock_page.prompt.text()
    flows.unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page.model.rowCount() == 1)
    entry = window.journal_page.model.entry(0)
    assert entry is not None and entry.body == "written on the old computer"
    window.lock()  # the note was for that one unlock
    assert "backup was restored" not in window.unlock_page.prompt.text()


def test_restore_refuses_a_damaged_file_and_a_folder_in_use(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, data_dir: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    window.home.show_section("settings")
    qtbot.mouseClick(window.settings_page.files.restore_button, Qt.MouseButton.LeftButton)
    dialog = window.restore_dialog
    assert dialog is not None
    junk = tmp_path / "holiday.jpg"
    junk.write_bytes(b"\xff\xd8\xff" + b"x" * 500)
    dialog.source.setText(str(junk))
    dialog.folder.setText(str(tmp_path / "new"))
    flows.type_text(qtbot, dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not a Haven backup" in dialog.error.text(), timeout=20_000)
    assert not (tmp_path / "new").exists()
    # The folder of the open vault is never a target.
    dialog.folder.setText(str(data_dir))
    flows.type_text(qtbot, dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already holds a vault" in dialog.error.text(), timeout=20_000)
    assert dialog.passphrase.text() == ""  # the passphrase is never kept in the field


def test_export_warns_then_writes_plaintext(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "a day worth keeping")
    window.home.show_section("settings")
    files = window.settings_page.files
    qtbot.mouseClick(files.export_button, Qt.MouseButton.LeftButton)
    box = files.export_box
    assert "NOT encrypted" in box.text()
    click_button(qtbot, box, "Cancel")
    assert files.dialog is None  # cancelled: no file dialog, nothing written

    qtbot.mouseClick(files.export_button, Qt.MouseButton.LeftButton)
    click_button(qtbot, files.export_box, "One JSON file…")
    dest = tmp_path / "journal.json"
    choose_file(qtbot, files.dialog, dest)
    qtbot.waitUntil(lambda: "Exported 1 entry" in files.status.text(), timeout=20_000)
    entries = json.loads(dest.read_text("utf-8"))["entries"]
    assert [e["body"] for e in entries] == ["a day worth keeping"]
    QApplication.processEvents()
