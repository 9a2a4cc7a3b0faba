"""Quick exit: a chord that is not the system's on macOS; hides within 100 ms and locks
within 1 s of the key, as measured here. Discreet mode: dialogs and message boxes get the
neutral title too, and the windows a neutral icon."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from haven.ui.safety import SafetyWatcher, quick_exit_keys_text
from haven.ui.settings import AppSettings
from tests.ui import flows
from tests.ui.spaces_steps import open_spaces

MakeWindow = Callable[..., HavenWindow]
CTRL, META, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.MetaModifier,
    Qt.KeyboardModifier.ShiftModifier,
)


@pytest.mark.parametrize(
    ("platform", "fires", "ignored"),
    [("linux", CTRL, META), ("win32", CTRL, META), ("darwin", META, CTRL)],
)
def test_the_quick_exit_chord_per_platform(
    qtbot: QtBot, platform: str, fires: Qt.KeyboardModifier, ignored: Qt.KeyboardModifier
) -> None:
    """On macOS Qt calls ⌘ "Control": ⌘⇧Q is the system's Log Out, so the chord there is
    the physical Control key (Qt's Meta) with Shift and Q."""
    field = QLineEdit()
    qtbot.addWidget(field)
    watcher = SafetyWatcher(platform=platform)
    field.installEventFilter(watcher)
    fired: list[bool] = []
    watcher.quickExit.connect(lambda: fired.append(True))
    qtbot.keyClick(field, Qt.Key.Key_Q, ignored | SHIFT)
    assert fired == []
    qtbot.keyClick(field, Qt.Key.Key_Q, fires | SHIFT)
    assert fired == [True]
    assert ("Meta" in quick_exit_keys_text(platform)) == (platform == "darwin")


class HideClock(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.hidden_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and self.hidden_at is None:
            self.hidden_at = time.perf_counter()
        return False


def test_quick_exit_hides_in_100_ms_and_locks_in_1_s(qtbot: QtBot, make_window: MakeWindow) -> None:
    """Measured from the key press to the window's Hide event and to the bridge's `locked`
    signal (the database closed), with a dialog open and a draft being typed."""
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "nobody should see this")
    session = window.bridge.session
    assert session is not None
    flows.type_text(qtbot, window.journal_page.editor.body, " and a draft")
    page = open_spaces(qtbot, window)
    page.new_button.click()
    assert page.create_dialog is not None and page.create_dialog.isVisible()
    clock = HideClock()
    window.installEventFilter(clock)
    locked_at: list[float] = []
    window.bridge.locked.connect(lambda: locked_at.append(time.perf_counter()))
    start = time.perf_counter()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Q, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(locked_at), timeout=5_000)
    assert clock.hidden_at is not None
    hide_ms = (clock.hidden_at - start) * 1000
    lock_ms = (locked_at[0] - start) * 1000
    assert hide_ms <= 100, f"hidden after {hide_ms:.0f} ms"
    assert lock_ms <= 1000, f"locked after {lock_ms:.0f} ms"
    assert not session.is_open and not window.isVisible()
    assert not page.create_dialog or not page.create_dialog.isVisible()


def test_discreet_mode_covers_dialogs_and_the_icon(
    qtbot: QtBot, make_window: MakeWindow, app_settings: AppSettings
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal_icon = app.windowIcon().cacheKey()
    app_settings.discreet = True
    window = make_window()
    flows.create_vault(qtbot, window)
    assert window.windowTitle() == "Notes"
    assert app.windowIcon().cacheKey() != normal_icon
    # The taskbar name too, at once (X11's WM_CLASS itself: test_discreet_x11.py).
    assert (app.applicationName(), QGuiApplication.desktopFileName()) == ("Notes", "notes")
    page = open_spaces(qtbot, window)
    page.new_button.click()
    dialog = page.create_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Notes"  # not "New space"
    dialog.setWindowTitle("Join a space")  # a later change is caught too
    assert dialog.windowTitle() == "Notes"
    dialog.reject()

    window.settings_page.discreet.setChecked(False)  # off again: titles say what they are
    assert window.windowTitle() == "Haven"
    assert (app.applicationName(), QGuiApplication.desktopFileName()) == ("Haven", "haven")
    assert window.isVisible()  # hidden and shown again, so the desktop reads the new name
    assert app.windowIcon().cacheKey() == normal_icon
    page.new_button.click()
    second = page.create_dialog
    assert second is not None
    qtbot.waitExposed(second)
    assert second.windowTitle() == "New space"
    second.reject()
