"""Settings chosen with the keyboard take effect at once and are kept in QSettings."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from haven.ui import appearance
from haven.ui.main_window import HavenWindow
from haven.ui.settings import AppSettings, Theme
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


@pytest.fixture(autouse=True)
def restore_look() -> Iterator[None]:
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    appearance.apply_theme(app, Theme.SYSTEM)
    appearance.apply_font_scale(app, 100)


def _choose(qtbot: QtBot, combo, index: int) -> None:
    combo.setFocus()
    while combo.currentIndex() < index:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_theme_and_text_size(
    qtbot: QtBot, make_window: MakeWindow, app_settings: AppSettings
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    window.home.show_section("settings")
    page = window.settings_page
    base_size = QApplication.font().pointSizeF()
    _choose(qtbot, page.theme, page.theme.findData(Theme.HIGH_CONTRAST.value))
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).name() == "#000000")
    assert (
        window.journal_page.editor.body.palette().color(QPalette.ColorRole.Base).name() == "#000000"
    )
    assert app_settings.theme is Theme.HIGH_CONTRAST
    _choose(qtbot, page.font_scale, page.font_scale.findData(150))
    assert app_settings.font_scale == 150
    assert QApplication.font().pointSizeF() == pytest.approx(base_size * 1.5)


def test_settings_survive_a_restart(
    qtbot: QtBot, make_window: MakeWindow, app_settings: AppSettings
) -> None:
    app_settings.theme = Theme.DARK
    app_settings.discreet = True
    app_settings.autolock_minutes = 3
    window = make_window()
    assert window.windowTitle() == "Notes"
    assert window.unlock_page.heading.text() == "Locked"  # no app name in discreet mode
    assert window.settings_page.theme.currentData() == Theme.DARK.value
    assert window.settings_page.autolock.value() == 3
    assert window.safety._idle_ms == 3 * 60_000


def test_bad_stored_values_fall_back_to_defaults(app_settings: AppSettings) -> None:
    q = app_settings._q
    q.setValue("theme", "neon")
    q.setValue("autolock_minutes", "soon")
    q.setValue("font_scale", 9999)
    assert app_settings.theme is Theme.SYSTEM
    assert app_settings.autolock_minutes == 5
    assert app_settings.font_scale == 100
