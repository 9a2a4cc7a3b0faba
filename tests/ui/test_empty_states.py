"""What the pages say when they have nothing to show: an empty journal invites the first
entry (no "0 entries"), a search that finds nothing says so and can be cleared, and the
Spaces page without a space welcomes with "create or join" instead of disabled controls."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from tests.ui import flows, spaces_steps
from tests.ui.a11y import unnamed

MakeWindow = Callable[..., HavenWindow]
LEFT = Qt.MouseButton.LeftButton


def test_an_empty_journal_invites_the_first_entry(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = window.journal_page
    assert page.list_stack.currentWidget() is page.empty
    assert page.empty.heading.text() == "Your journal is waiting"
    assert page.empty.isVisible() and not page.list.isVisible()
    assert page.count_label.text() == ""  # never "0 entries"
    assert unnamed(page.empty) == []
    page.filters.search.setFocus()
    qtbot.mouseClick(page.empty_button, LEFT)
    assert page.editor.body.hasFocus()
    flows.write_entry(qtbot, window, "First words.")
    assert page.list_stack.currentWidget() is page.list
    assert page.count_label.text() == "1 entry"


def test_a_search_with_no_results_says_so_and_clears(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "A walk by the canal.")
    page = window.journal_page
    qtbot.keyClicks(page.filters.search, "zebra")
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.empty, timeout=5000)
    assert page.empty.heading.text() == "Nothing found"
    assert page.empty_button.text() == "&Clear the search"
    qtbot.keyClicks(page.filters.search, "")  # the empty state keeps the search's text
    assert page.filters.search.text() == "zebra"
    qtbot.mouseClick(page.empty_button, LEFT)
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.list)
    assert page.filters.search.text() == ""
    assert page.model.rowCount() == 1
    assert page.filters.search.hasFocus()


def test_no_space_yet_is_a_welcome_with_create_and_join(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    window.home.show_section("spaces")
    page = window.spaces_page
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)
    assert page.empty.isVisible()
    assert not page.view.isVisible()  # none of the space's disabled controls show
    assert page.empty.isAncestorOf(page.new_button) and page.new_button.isVisible()
    assert page.empty.isAncestorOf(page.join_button) and page.join_button.isVisible()
    assert unnamed(page.empty) == []
    page.new_button.setFocus()
    spaces_steps.create_space(qtbot, page, "Tuesday circle")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.splitter)
    assert page.view.isVisible() and page.list.isVisible()
    assert not page.empty.isAncestorOf(page.new_button) and page.new_button.isVisible()
