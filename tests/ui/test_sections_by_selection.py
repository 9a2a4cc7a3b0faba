"""A screen reader switches the window's sections by selecting an item of the sidebar
(AT-SPI Selection), which moves the selection without the current row; the section follows
(make a11y walks the sections this way)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


def test_selecting_a_sidebar_item_shows_its_section(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    home = window.home
    assert home.current_section() == "journal"
    selection = home.sidebar.selectionModel()
    selection.select(
        home.sidebar.model().index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert home.current_section() == "settings"
    assert home.sections.currentWidget() is window.settings_page
