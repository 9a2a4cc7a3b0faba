"""The first-run page refuses weak, mismatched or nameless input with a reason, and keeps
what was typed (except nothing is ever created)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.core import session as core_session
from haven.ui.main_window import HavenWindow
from tests.helpers import PASSPHRASE

MakeWindow = Callable[..., HavenWindow]


def _fill(qtbot: QtBot, window: HavenWindow, name: str, first: str, second: str) -> None:
    page = window.create_page
    qtbot.keyClicks(page.name, name)
    qtbot.keyClicks(page.passphrase, first)
    qtbot.keyClicks(page.confirm, second)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)


def test_live_strength_hint(qtbot: QtBot, make_window: MakeWindow) -> None:
    page = make_window().create_page
    assert "at least 10" in page.strength.text()
    qtbot.keyClicks(page.passphrase, "abc")
    assert "too short" in page.strength.text()
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, "password123")
    assert "too easy to guess" in page.strength.text()
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    assert "strong" in page.strength.text() and "—" not in page.strength.text()


def test_weak_passphrase_is_refused(qtbot: QtBot, data_dir, make_window: MakeWindow) -> None:
    window = make_window()
    _fill(qtbot, window, "Robin", "password123", "password123")
    assert "too easy to guess" in window.create_page.error.text()
    assert window.current_page() is window.create_page
    assert not core_session.exists(data_dir)


def test_mismatch_is_refused(qtbot: QtBot, data_dir, make_window: MakeWindow) -> None:
    window = make_window()
    _fill(qtbot, window, "Robin", PASSPHRASE, PASSPHRASE + "x")
    assert "do not match" in window.create_page.error.text()
    assert window.create_page.name.text() == "Robin"
    assert not core_session.exists(data_dir)


def test_name_is_required(qtbot: QtBot, data_dir, make_window: MakeWindow) -> None:
    window = make_window()
    _fill(qtbot, window, "   ", PASSPHRASE, PASSPHRASE)
    assert "display name" in window.create_page.error.text()
    assert not core_session.exists(data_dir)


def test_busy_indicator_while_the_kdf_runs(qtbot: QtBot, data_dir, make_window: MakeWindow) -> None:
    window = make_window()
    page = window.create_page
    seen: list[bool] = []
    window.bridge.busyChanged.connect(seen.append)
    _fill(qtbot, window, "Robin", PASSPHRASE, PASSPHRASE)
    qtbot.waitUntil(lambda: window.current_page() is window.home, timeout=20_000)
    assert seen == [True, False]
    assert page.busy.isHidden()
    assert page.passphrase.text() == "" and page.confirm.text() == ""
    assert core_session.exists(data_dir)
