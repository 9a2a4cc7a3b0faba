"""The duress passphrase in the app: set from Settings (the vault's passphrase first, the
wipe a confirmed choice), then the unlock page opens whichever vault the typed passphrase
opens — the decoy for the duress passphrase, the real one for the real, neither for a wrong
one, with the same message — and nothing on screen tells them apart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from haven.ui.pages.settings.duress import DuressDialog
from tests.helpers import PASSPHRASE
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]
DURESS = "quiet meadow ferry window 77"
WRONG = "not either of them at all 123"


def open_duress_dialog(qtbot: QtBot, window: HavenWindow, removing: bool = False) -> DuressDialog:
    window.home.show_section("settings")
    section = window.duress_settings
    button = section.remove_button if removing else section.set_button
    assert button.isEnabled()
    button.click()
    dialog = section.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def set_duress(qtbot: QtBot, window: HavenWindow, wipe: bool = False) -> None:
    dialog = open_duress_dialog(qtbot, window)
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    qtbot.keyClicks(dialog.fields.passphrase, DURESS)
    qtbot.keyClicks(dialog.fields.confirm, DURESS)
    if wipe:
        dialog.wipe.setChecked(True)
        dialog.buttons.accepted.emit()  # the second box is not ticked: refused
        assert "second box" in dialog.error.text()
        dialog.understood.setChecked(True)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.duress_settings.dialog is None, timeout=30_000)
    assert "set" in window.duress_settings.message.text()


def entries(window: HavenWindow) -> list[str]:
    session = window.bridge.session
    assert session is not None
    return [session.journal.get(e.entry_id).body for e in session.journal.list()]


def try_unlock(qtbot: QtBot, window: HavenWindow, passphrase: str) -> str:
    """Type at the unlock page; returns the error shown ("" when it opened)."""
    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.current_page() is window.home or page.error.text() != "", timeout=20_000
    )
    return page.error.text()


def lock(qtbot: QtBot, window: HavenWindow) -> None:
    window.lock()
    qtbot.waitUntil(lambda: window.current_page() is window.unlock_page)


def test_each_passphrase_opens_its_vault_from_the_unlock_page(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "the real, private entry")
    assert "No duress passphrase" in window.duress_settings.status.text()
    set_duress(qtbot, window)
    assert window.duress_settings.status.text() == "A duress passphrase is set."
    title_real = window.windowTitle()
    lock(qtbot, window)

    assert try_unlock(qtbot, window, DURESS) == ""
    assert entries(window) == []  # the decoy never shows a real entry
    assert window.journal_page.model.rowCount() == 0
    assert window.windowTitle() == title_real  # nothing on screen says "decoy"
    assert "No duress passphrase" in window.duress_settings.status.text()
    window.home.show_section("journal")
    window.activateWindow()  # the settings dialog had the focus before the lock
    qtbot.waitUntil(window.isActiveWindow)
    flows.write_entry(qtbot, window, "groceries and a walk")
    lock(qtbot, window)

    wrong = try_unlock(qtbot, window, WRONG)
    assert wrong != "" and window.bridge.session is None
    window.unlock_page.passphrase.clear()
    window.unlock_page.error.clear()
    assert try_unlock(qtbot, window, PASSPHRASE) == ""
    assert entries(window) == ["the real, private entry"]
    lock(qtbot, window)
    # The same message for a wrong passphrase whether or not a decoy exists.
    window.duress_settings.refresh()
    window.unlock_page.passphrase.clear()
    window.unlock_page.error.clear()
    assert try_unlock(qtbot, window, "still not it, not at all 99") == wrong


def test_the_wipe_from_the_app(qtbot: QtBot, make_window: MakeWindow, data_dir: Path) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "the real, private entry")
    set_duress(qtbot, window, wipe=True)
    assert "destroys this vault" in window.duress_settings.status.text()
    lock(qtbot, window)
    assert try_unlock(qtbot, window, DURESS) == ""
    assert entries(window) == []
    lock(qtbot, window)
    assert try_unlock(qtbot, window, PASSPHRASE) != ""  # the real vault is gone
    assert window.bridge.session is None


def test_remove_from_the_app(qtbot: QtBot, make_window: MakeWindow, data_dir: Path) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    set_duress(qtbot, window)
    dialog = open_duress_dialog(qtbot, window, removing=True)
    qtbot.keyClicks(dialog.current, WRONG)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "not right" in dialog.error.text(), timeout=20_000)
    assert window.duress_settings.remove_button.isEnabled()  # nothing changed
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.duress_settings.dialog is None, timeout=30_000)
    assert "No duress passphrase" in window.duress_settings.status.text()
    lock(qtbot, window)
    assert try_unlock(qtbot, window, DURESS) != ""
