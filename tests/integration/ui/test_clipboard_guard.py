"""Codes Haven copies leave the clipboard after a minute or on lock, whichever comes first,
and only when the clipboard still holds what Haven put there."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from haven.ui import clipboard_guard as guard_module
from haven.ui.main_window import HavenWindow
from tests.ui import flows
from tests.ui.devices_steps import open_link_dialog

MakeWindow = Callable[..., HavenWindow]


def clipboard_text() -> str:
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    return clipboard.text()


def copy_code(qtbot: QtBot, window: HavenWindow) -> str:
    dialog = open_link_dialog(qtbot, window)
    dialog.copy_button.click()
    code = dialog.code.text()
    assert code and clipboard_text() == code
    mime = QGuiApplication.clipboard().mimeData()
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    return code


def test_lock_clears_the_code_but_not_what_the_person_copied_since(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    copy_code(qtbot, window)
    window.lock()
    qtbot.waitUntil(lambda: window.bridge.session is None)
    assert clipboard_text() == ""

    flows.unlock(qtbot, window)
    copy_code(qtbot, window)
    QApplication.clipboard().setText("a recipe I copied myself")
    window.lock()
    qtbot.waitUntil(lambda: window.bridge.session is None)
    assert clipboard_text() == "a recipe I copied myself"


def test_quick_exit_clears_the_code(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    copy_code(qtbot, window)
    window.quick_exit()
    assert clipboard_text() == ""


def test_the_code_leaves_after_the_time_even_while_unlocked(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guard_module, "CLEAR_AFTER_MS", 300)
    window = make_window()
    flows.create_vault(qtbot, window)
    copy_code(qtbot, window)
    qtbot.waitUntil(lambda: clipboard_text() == "", timeout=10_000)
    assert window.bridge.session is not None  # no lock was needed
    assert guard_module.CLEAR_AFTER_MS == 300 and not guard_module.clipboard_guard().pending()


def test_the_default_is_one_minute() -> None:
    assert guard_module.CLEAR_AFTER_MS == 60_000
