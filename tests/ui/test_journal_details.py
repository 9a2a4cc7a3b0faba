"""Details of the journal page: drafts are never lost, other threads' writes show up, the
prompt button and the tag filter work."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


def test_switching_entries_keeps_unsaved_edits(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "first")
    flows.write_entry(qtbot, window, "second")
    page = window.journal_page
    page.list.setCurrentIndex(page.model.index(1))  # "first"
    qtbot.keyClick(page.editor.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.editor.body, " with more")
    page.list.setCurrentIndex(page.model.index(0))  # switch without saving
    assert page.editor.body.toPlainText() == "second"
    bodies = {e.body for e in window.bridge.session.journal.list()}
    assert bodies == {"first with more", "second"}


def test_locking_keeps_the_draft(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = window.journal_page
    qtbot.keyClicks(page.editor.body, "typed but not saved")
    window.safety.set_idle_timeout_ms(100)  # auto-lock mid-sentence
    qtbot.waitUntil(lambda: window.current_page() is window.unlock_page, timeout=5000)
    assert page.editor.body.toPlainText() == ""
    flows.unlock(qtbot, window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.entry(0).body == "typed but not saved"


def test_writes_from_another_thread_refresh_the_list(qtbot: QtBot, make_window: MakeWindow) -> None:
    """EventLog listeners run in the writer's thread (sync will write from its own); the
    bridge re-emits them so the list refreshes in the UI thread."""
    window = make_window()
    flows.create_vault(qtbot, window)
    journal = window.bridge.session.journal
    writer = threading.Thread(target=lambda: journal.add("arrived from elsewhere", tags=("sync",)))
    writer.start()
    writer.join(timeout=30)
    page = window.journal_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.entry(0).body == "arrived from elsewhere"
    qtbot.waitUntil(lambda: page.filters.tag.findData("sync") > 0)


def test_write_about_the_prompt_of_the_day(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    card = window.journal_page.prompt
    assert card.isVisible() and card.text.text()
    qtbot.mouseClick(card.write_button, Qt.MouseButton.LeftButton)
    editor = window.journal_page.editor
    assert editor.entry_id is None
    assert editor.title.text() == card.text.text()[:200]
    assert editor.body.hasFocus()


def test_tag_and_mood_filters(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "tea with Sam", tags="friends", mood_index=4)
    flows.write_entry(qtbot, window, "deadline", tags="work", mood_index=2)
    flows.write_entry(qtbot, window, "lunch with Sam", tags="friends work", mood_index=3)
    page = window.journal_page
    tag = page.filters.tag
    qtbot.waitUntil(lambda: tag.findData("friends") > 0)
    tag.setFocus()
    tag.setCurrentIndex(tag.findData("friends"))
    tag.activated.emit(tag.currentIndex())
    qtbot.waitUntil(lambda: page.model.filter.tags == ("friends",))
    assert {page.model.entry(r).body for r in range(page.model.rowCount())} == {
        "tea with Sam",
        "lunch with Sam",
    }
    mood = page.filters.mood
    mood.setCurrentIndex(mood.findData(4))
    mood.activated.emit(mood.currentIndex())
    qtbot.waitUntil(lambda: page.model.filter.mood == 4)
    assert [page.model.entry(r).body for r in range(page.model.rowCount())] == ["tea with Sam"]
    assert page.count_label.text() == "1 entry"  # haven_en.qm: English plural forms


def test_sections_by_keyboard(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    body = window.journal_page.editor.body
    qtbot.keyClick(body, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.home.current_section() == "settings"
    qtbot.keyClick(window.settings_page.theme, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.home.current_section() == "journal"


def test_closing_the_window_keeps_the_draft(
    qtbot: QtBot, data_dir, make_window: MakeWindow
) -> None:
    from haven.core import session as core_session
    from tests.helpers import PASSPHRASE

    window = make_window()
    flows.create_vault(qtbot, window)
    qtbot.keyClicks(window.journal_page.editor.body, "closing soon")
    window.close()
    assert window.bridge.session is None
    s = core_session.unlock(data_dir, PASSPHRASE)
    try:
        assert [e.body for e in s.journal.list()] == ["closing soon"]
    finally:
        s.lock()
