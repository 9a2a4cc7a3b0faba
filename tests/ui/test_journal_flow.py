"""Create a vault, write, search, edit and delete an entry, through the widgets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


def test_create_write_search_edit_delete(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    assert window.windowTitle() == "Haven"
    flows.create_vault(qtbot, window, name="Robin")
    assert window.bridge.session is not None
    assert "Robin" in window.home.persona.text()
    page = window.journal_page

    flows.write_entry(
        qtbot,
        window,
        "Told my sister today, it went well",
        title="Coming out",
        tags="family, brave",
        mood_index=4,
    )
    flows.write_entry(qtbot, window, "Rainy walk by the canal", tags="walks")
    session = window.bridge.session
    entries = session.journal.list()
    assert [e.body for e in entries] == [
        "Rainy walk by the canal",
        "Told my sister today, it went well",
    ]
    assert entries[1].mood == 4 and entries[1].tags == ("brave", "family")
    assert window.windowTitle() == "Haven"

    # Search, by keyboard: Ctrl+F, type; the list narrows once the debounce has run.
    qtbot.keyClick(page.editor.body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filters.search.hasFocus()
    qtbot.keyClicks(page.filters.search, "sist")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.entry(0).title == "Coming out"

    # Open it and edit it.
    page.list.setFocus()
    page.list.setCurrentIndex(page.model.index(0))
    assert page.editor.entry_id == entries[1].entry_id
    page.editor.body.selectAll()
    qtbot.keyClicks(page.editor.body, "Told my sister and my cousin")
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: session.journal.get(entries[1].entry_id).body == "Told my sister and my cousin"
    )
    qtbot.keyClicks(page.filters.search, " cous")
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 1 and page.model.entry(0).body.endswith("cousin")
    )

    # Delete it, answering the confirmation as a person would.
    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer_yes)
    qtbot.mouseClick(page.editor.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert session.journal.count() == 1
    page.filters.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_delete_can_be_cancelled(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "keep me")
    page = window.journal_page

    def answer_no() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer_no)
    qtbot.mouseClick(page.editor.delete_button, Qt.MouseButton.LeftButton)
    assert window.bridge.session.journal.count() == 1
    assert page.model.rowCount() == 1


def test_empty_entry_is_refused_with_a_reason(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = window.journal_page
    qtbot.keyClicks(page.editor.title, "only a title")
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert "needs some text" in page.editor.status.text()
    assert window.bridge.session.journal.count() == 0
    assert page.editor.title.text() == "only a title"  # nothing typed is lost
