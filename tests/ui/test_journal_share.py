"""Share to a space… from the journal, as a person would: the dialog shows the space, the
name the copy is posted under and the words, which can be edited; nothing is posted until
"Post this copy"; only the edited words go, and the entry stays as it was."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from haven.core.journal_share import JournalSharing, SharePreview
from haven.ui.journal.share_dialog import ShareDialog
from haven.ui.main_window import HavenWindow
from tests.helpers import new_session
from tests.space_helpers import join
from tests.ui import flows
from tests.ui.a11y import unnamed
from tests.ui.spaces_steps import carry, window_session
from tests.ui.test_keyboard_help import clashes

MakeWindow = Callable[..., HavenWindow]


def _open_share(qtbot: QtBot, window: HavenWindow) -> ShareDialog:
    """Select the newest entry and open its share dialog (its reads may still be under way)."""
    page = window.journal_page
    page.list.setCurrentIndex(page.model.index(0))
    qtbot.waitUntil(lambda: page.editor.entry_id is not None)
    qtbot.mouseClick(page.editor.share_button, Qt.MouseButton.LeftButton)
    dialog = page.share_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


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
    qtbot.waitUntil(dialog.post_button.isEnabled)  # read in the worker
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
    dialog = _open_share(qtbot, window)
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


def test_the_dialog_reads_and_posts_off_the_ui_thread_and_stays_responsive(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview and the post run in the bridge's worker: while a preview is held up, the
    dialog answers Escape at once; its late answer is dropped; a lock during a read too."""
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window_session(window)
    space = session.spaces.create_space("Circle", display_name="Robin R")
    flows.write_entry(qtbot, window, "Words", title="T")
    page = window.journal_page
    page.list.setCurrentIndex(page.model.index(0))
    qtbot.waitUntil(lambda: page.editor.entry_id is not None)
    threads: list[str] = []
    gate = threading.Event()
    preview, share = JournalSharing.preview, JournalSharing.share

    def held_preview(self: JournalSharing, entry_id: bytes, space_id: bytes) -> SharePreview:
        threads.append(threading.current_thread().name)
        gate.wait(10)
        return preview(self, entry_id, space_id)

    def recorded_share(self: JournalSharing, *args: object, **kw: object) -> bytes:
        threads.append(threading.current_thread().name)
        return share(self, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(JournalSharing, "preview", held_preview)
    monkeypatch.setattr(JournalSharing, "share", recorded_share)
    try:
        qtbot.mouseClick(page.editor.share_button, Qt.MouseButton.LeftButton)
        dialog = page.share_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: len(threads) == 1)  # the preview is under way, held
        assert dialog.pending and not dialog.post_button.isEnabled()
        assert dialog.body.toPlainText() == ""  # nothing shown yet
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the UI thread is free to answer
        qtbot.waitUntil(lambda: not dialog.isVisible())
        gate.set()
        window.bridge.wait_for_workers()
        QApplication.processEvents()  # the late answer is delivered: and dropped
        assert dialog.body.toPlainText() == "" and not dialog.post_button.isEnabled()

        # Once more; a lock while the read is held closes the dialog, the answer is dropped.
        gate.clear()
        qtbot.mouseClick(page.editor.share_button, Qt.MouseButton.LeftButton)
        dialog = page.share_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: len(threads) == 2)
        window.lock()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        gate.set()
        window.bridge.wait_for_workers()
        QApplication.processEvents()
        assert dialog.body.toPlainText() == "" and dialog.posted_as.text() == ""
    finally:
        gate.set()
    assert threading.main_thread().name not in threads
    flows.unlock(qtbot, window)
    session = window_session(window)
    # And the post: in the worker too, then the dialog closes.
    page.list.setCurrentIndex(page.model.index(0))
    qtbot.waitUntil(lambda: page.editor.entry_id is not None)
    qtbot.mouseClick(page.editor.share_button, Qt.MouseButton.LeftButton)
    dialog = page.share_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.post_button.isEnabled())
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(threads) == 4 and threading.main_thread().name not in threads
    (post,) = session.spaces.read_feed(space)
    assert post.body == "Words"


def test_share_into_a_channel_from_the_keyboard(qtbot: QtBot, make_window: MakeWindow) -> None:
    """The channel is chosen and the copy posted with keys only: it lands in the channel as
    one message (title first), not in the feed; the entry stays as it was, unlinked."""
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window_session(window)
    space = session.spaces.create_space("Circle", display_name="Robin R")
    art = session.spaces.channels.create(space, "art")
    gone = session.spaces.channels.create(space, "old")
    session.spaces.channels.archive(space, gone)
    news = session.spaces.channels.create(space, "news", announce=True)
    flows.write_entry(qtbot, window, "I drew my first self-portrait.", title="Drawing")
    entry = window.journal_page.editor.entry_id
    assert entry is not None
    before = session.journal.get(entry)
    dialog = _open_share(qtbot, window)
    qtbot.waitUntil(dialog.post_button.isEnabled)  # the preview and channels read in the worker
    assert unnamed(dialog) == [] and clashes(dialog) == []
    offered = [dialog.channel.itemData(i) for i in range(dialog.channel.count())]
    assert offered[0] is None and dialog.channel.itemText(0) == "The feed"
    assert set(offered[1:]) == {art, news}  # the admin may announce; archived is left out
    assert not dialog.channel_note.isVisibleTo(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # C&hannel
    qtbot.waitUntil(dialog.channel.hasFocus)
    while dialog.channel.currentData() != art:
        qtbot.keyClick(dialog.channel, Qt.Key.Key_Down)
    assert dialog.channel_note.isVisibleTo(dialog)  # the title becomes the first line
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &Post this copy
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert session.spaces.read_feed(space) == []  # not the feed
    (message,) = session.spaces.channels.read(space, art).messages
    assert message.post.body == "Drawing\n\nI drew my first self-portrait."
    assert message.post.author_name == "Robin R"
    after = session.journal.get(entry)
    assert (after.title, after.body, after.tags) == (before.title, before.body, before.tags)


def test_a_member_is_not_offered_an_announcement_channel(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, arabic: bool
) -> None:
    """Right to left, in Arabic: a plain member sees the feed and the chat channel (its
    Arabic name isolated), not the announcement channel only admins post in."""
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window_session(window)
    ari = new_session(tmp_path / "ari", "Ari")
    try:
        space = ari.spaces.create_space("Circle", display_name="Ari")
        chat = ari.spaces.channels.create(space, "عام")
        ari.spaces.channels.create(space, "news", announce=True)
        join(ari, session, space, "Robin")
        carry(ari, session, space)
        flows.write_entry(qtbot, window, "Words")
        dialog = _open_share(qtbot, window)
        qtbot.waitUntil(dialog.post_button.isEnabled)
        offered = [dialog.channel.itemData(i) for i in range(dialog.channel.count())]
        assert offered == [None, chat]
        assert dialog.channel.itemText(1) == "#\u2068عام\u2069"
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert unnamed(dialog) == []
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        ari.lock()
