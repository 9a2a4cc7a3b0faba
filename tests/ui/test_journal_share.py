"""Share to a space… from the journal, as a person would: the dialog shows the space, the
name the copy is posted under and the words, which can be edited; nothing is posted until
"Post this copy"; only the edited words go, and the entry stays as it was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from tests.ui import flows
from tests.ui.a11y import unnamed
from tests.ui.spaces_steps import window_session

MakeWindow = Callable[..., HavenWindow]


def test_share_an_entry_after_seeing_and_editing_the_copy(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window_session(window)
    space = session.spaces.create_space("Circle", display_name="Robin R")
    flows.write_entry(qtbot, window, "I told my sister today. She hugged me.", title="Sister")
    page = window.journal_page
    page.list.setCurrentIndex(page.model.index(0))
    qtbot.waitUntil(lambda: page.editor.entry_id is not None)
    entry = page.editor.entry_id
    assert page.editor.share_button.isEnabled()
    qtbot.mouseClick(page.editor.share_button, Qt.MouseButton.LeftButton)
    dialog = page.share_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "Robin R" in dialog.posted_as.text()
    assert dialog.title_edit.text() == "Sister"
    assert dialog.body.toPlainText() == "I told my sister today. She hugged me."
    assert unnamed(dialog) == []
    assert session.spaces.read_feed(space) == []  # nothing yet
    dialog.body.setPlainText("I told my sister.")
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (post,) = session.spaces.read_feed(space)
    assert (post.title, post.body, post.author_name) == ("Sister", "I told my sister.", "Robin R")
    assert entry is not None
    assert session.journal.get(entry).body == "I told my sister today. She hugged me."


def test_cancel_shares_nothing(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window_session(window)
    space = session.spaces.create_space("Circle")
    flows.write_entry(qtbot, window, "Private thoughts")
    page = window.journal_page
    page.list.setCurrentIndex(page.model.index(0))
    qtbot.waitUntil(lambda: page.editor.entry_id is not None)
    qtbot.mouseClick(page.editor.share_button, Qt.MouseButton.LeftButton)
    dialog = page.share_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert session.spaces.read_feed(space) == []
    # A lock closes an open share dialog, which shows the entry's words: nothing posted.
    qtbot.mouseClick(page.editor.share_button, Qt.MouseButton.LeftButton)
    dialog = page.share_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    window.lock()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.share_dialog is None
