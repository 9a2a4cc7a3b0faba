"""Typing a passphrase in the app (issue 17): a "Show passphrase" box (keyboard, named,
hidden again on every lock), Enter submits from either field of a new passphrase, and an
error goes as soon as the person types again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from tests.helpers import PASSPHRASE
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]
HIDDEN = QLineEdit.EchoMode.Password
SHOWN = QLineEdit.EchoMode.Normal


def test_enter_in_the_first_field_creates_the_vault(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    page = window.create_page
    flows.type_text(qtbot, page.name, "Robin")
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)  # the repeat is still empty
    assert page.error.text()  # "do not match"
    assert window.current_page() is page
    qtbot.keyClicks(page.confirm, "x")
    assert page.error.text() == ""  # gone as soon as one types
    qtbot.keyClick(page.confirm, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.confirm, PASSPHRASE)
    page.passphrase.setFocus()
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() is window.home, timeout=20_000)


def test_show_passphrase_from_the_keyboard_on_both_fields(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    page = window.create_page
    reveal = page.new_passphrase.reveal
    assert reveal.accessibleName() and reveal.text()
    assert page.passphrase.echoMode() is HIDDEN and page.confirm.echoMode() is HIDDEN
    # Tab from the repeat field reaches the box; Space ticks it.
    page.confirm.setFocus()
    qtbot.keyClick(page.confirm, Qt.Key.Key_Tab)
    assert reveal.hasFocus() or window.focusWidget() is reveal
    qtbot.keyClick(reveal, Qt.Key.Key_Space)
    assert page.passphrase.echoMode() is SHOWN and page.confirm.echoMode() is SHOWN
    page.clear_secrets()
    assert not reveal.isChecked() and page.passphrase.echoMode() is HIDDEN


def test_unlock_error_clears_as_you_type_and_lock_hides_the_passphrase(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    window.lock()
    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, "not the passphrase")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=20_000)
    qtbot.keyClicks(page.passphrase, "a")
    assert page.error.text() == ""
    page.reveal.setFocus()
    qtbot.keyClick(page.reveal, Qt.Key.Key_Space)
    assert page.passphrase.echoMode() is SHOWN and page.reveal.accessibleName()
    page.passphrase.clear()
    flows.unlock(qtbot, window)
    window.lock()
    assert page.passphrase.echoMode() is HIDDEN and not page.reveal.isChecked()


def test_the_change_dialog_shows_all_three_and_clears_its_error(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    window.open_passphrase_dialog()
    dialog = window.passphrase_dialog
    assert dialog is not None
    dialog.fields.reveal.setChecked(True)
    fields = (dialog.current, dialog.fields.passphrase, dialog.fields.confirm)
    assert all(f.echoMode() is SHOWN for f in fields)
    dialog._submit()  # nothing typed
    assert dialog.error.text()
    qtbot.keyClicks(dialog.current, "p")
    assert dialog.error.text() == ""
    dialog.reject()
