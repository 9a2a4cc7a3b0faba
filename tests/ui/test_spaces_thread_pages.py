"""A long thread in the app: the thread view holds the newest page of replies, and "Show
older replies" / "Show newer replies" read the page before or after the one shown (through
core's read_thread in a worker), keeping the reader's place across a refresh."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from haven.core.eventlog import Draft
from haven.core.spaces import events as ev
from haven.ui.main_window import HavenWindow
from haven.ui.spaces import space_view
from tests.ui import flows
from tests.ui.spaces_steps import LEFT, create_space, open_spaces, window_session, write_post

MakeWindow = Callable[..., HavenWindow]


def test_older_and_newer_replies_page_through_a_long_thread(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    qtbot.waitUntil(page.empty.isVisible)
    sid = create_space(qtbot, page)
    write_post(qtbot, page, "A long thread")
    session = window_session(window)
    root = page.view.feed.model.post(0)
    assert root is not None
    drafts = [
        Draft(ev.POST, ev.post_to_content(ev.post_content("", f"reply {i}", "", root.post_id)))
        for i in range(130)
    ]
    session.log.append_many(sid, drafts)
    page.view.reload()
    feed, thread = page.view.feed, page.view.feed.thread_view

    def bodies() -> list[str]:
        return [thread.model.post(r).body for r in range(1, thread.model.rowCount())]  # type: ignore[union-attr]

    qtbot.waitUntil(lambda: thread.model.rowCount() == 101)  # the first post + newest 100
    assert bodies() == [f"reply {i}" for i in range(30, 130)]
    assert "More than 100 replies" in feed.model.index(0).data(0x0B)  # AccessibleTextRole
    assert thread.older_button.isVisibleTo(thread) and not thread.newer_button.isVisibleTo(thread)
    assert thread.older_button.accessibleName() == "Show older replies"

    # From the keyboard: the older button comes just before the list, the newer just after.
    def next_tab_stop(widget: QWidget) -> QWidget:
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        return widget

    assert next_tab_stop(thread.older_button) is thread.posts
    assert next_tab_stop(thread.posts) is thread.newer_button

    qtbot.mouseClick(thread.older_button, LEFT)
    qtbot.waitUntil(lambda: thread.model.rowCount() == 31)
    assert bodies() == [f"reply {i}" for i in range(30)]
    current = thread.current_post()
    assert current is not None and current.body == "reply 29"  # next to where the reader was
    assert not thread.older_button.isVisibleTo(thread) and thread.newer_button.isVisibleTo(thread)

    # A change re-reads the space; the page the reader went to stays, read again.
    care = thread.reactions.buttons["sending-care"]
    qtbot.mouseClick(care, LEFT)
    qtbot.waitUntil(lambda: thread.reactions.count("sending-care") == 1)
    assert thread.model.rowCount() == 31 and thread.current_post().body == "reply 29"  # type: ignore[union-attr]

    qtbot.mouseClick(thread.newer_button, LEFT)
    qtbot.waitUntil(lambda: thread.model.rowCount() == 101)
    assert bodies() == [f"reply {i}" for i in range(30, 130)]
    assert thread.current_post().body == "reply 30"  # type: ignore[union-attr]
    assert thread.older_button.isVisibleTo(thread) and not thread.newer_button.isVisibleTo(thread)

    # A report about a reply in an older page: "Open the post" reads the page that holds
    # it, with that reply current, and a refresh keeps it there.
    reported = thread.model.post(1)
    assert reported is not None and reported.body == "reply 30"
    qtbot.mouseClick(thread.older_button, LEFT)
    qtbot.waitUntil(lambda: thread.model.rowCount() == 31)
    old_reply = thread.model.post(6)
    assert old_reply is not None and old_reply.body == "reply 5"
    session.spaces.report(sid, old_reply.post_id, "unkind")
    qtbot.mouseClick(thread.newer_button, LEFT)  # back to the feed's page
    qtbot.waitUntil(lambda: thread.model.rowCount() == 101)
    view = page.view
    view.reload()
    view.tabs.setCurrentWidget(view.moderation)
    qtbot.waitUntil(lambda: view.moderation.reports_model.rowCount() == 1)
    queued = flows.shown(view.moderation.report_texts()[0])
    assert "“reply 5”" in queued and "unkind" in queued  # what it says, though not in the feed
    view.moderation.reports.setCurrentIndex(view.moderation.reports_model.index(0, 0))
    qtbot.mouseClick(view.moderation.open_button, LEFT)
    qtbot.waitUntil(lambda: getattr(thread.current_post(), "body", "") == "reply 5")
    assert view.tabs.currentWidget() is feed and thread.posts.hasFocus()
    assert bodies() == [f"reply {i}" for i in range(6)]  # the page ends with it
    assert thread.newer_button.isVisibleTo(thread) and not thread.older_button.isVisibleTo(thread)
    qtbot.mouseClick(care, LEFT)  # a change: the page is read again, the reply stays current
    qtbot.waitUntil(lambda: thread.reactions.count("sending-care") == 1)
    assert bodies() == [f"reply {i}" for i in range(6)]
    assert thread.current_post().body == "reply 5"  # type: ignore[union-attr]

    # A reply the feed holds opens from the feed's page, even from an older page.
    qtbot.mouseClick(thread.newer_button, LEFT)
    qtbot.waitUntil(lambda: bodies()[0] == "reply 6")
    view.open_post(reported.post_id)
    qtbot.waitUntil(lambda: getattr(thread.current_post(), "body", "") == "reply 30")
    assert thread.model.rowCount() == 101


def test_a_reported_reply_in_a_thread_older_than_the_feed_opens(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feed holds the newest threads only: a report about a reply in an older thread
    opens that thread on its own (no row of the list is current), and the reader's next
    choice in the list shows that thread as usual."""
    monkeypatch.setattr(space_view, "FIRST_THREADS", 2)
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    qtbot.waitUntil(page.empty.isVisible)
    sid = create_space(qtbot, page)
    session = window_session(window)
    old = session.spaces.post(sid, "an old thread")
    reply = session.spaces.reply(sid, old, "an unkind reply")
    for n in range(3):
        session.spaces.post(sid, f"newer thread {n}")
    session.spaces.report(sid, reply, "unkind")
    view, feed, thread = page.view, page.view.feed, page.view.feed.thread_view
    view.reload()
    qtbot.waitUntil(lambda: feed.model.rowCount() == 2 and feed.older_button.isVisible())
    assert feed.model.row_of(old) < 0  # not among the threads loaded
    view.tabs.setCurrentWidget(view.moderation)
    qtbot.waitUntil(lambda: view.moderation.reports_model.rowCount() == 1)
    assert "“an unkind reply”" in flows.shown(view.moderation.report_texts()[0])
    view.moderation.reports.setCurrentIndex(view.moderation.reports_model.index(0, 0))
    qtbot.mouseClick(view.moderation.open_button, LEFT)
    qtbot.waitUntil(lambda: getattr(thread.current_post(), "body", "") == "an unkind reply")
    assert thread.root_id == old and not feed.list.currentIndex().isValid()
    assert [thread.model.post(r).body for r in range(2)] == ["an old thread", "an unkind reply"]  # type: ignore[union-attr]
    session.spaces.post(sid, "a post arriving meanwhile")  # a refresh keeps the thread
    view.reload()
    qtbot.waitUntil(
        lambda: feed.model.rowCount() == 2 and feed.model.post(0).body.startswith("a post")
    )  # type: ignore[union-attr]
    assert thread.root_id == old and thread.current_post().body == "an unkind reply"  # type: ignore[union-attr]
    # The reply is the newest of a thread the feed does not hold: a refresh reads its page
    # again, so a reaction that came meanwhile shows (the feed's copy is not there to).
    assert thread.reactions.count("sending-care") == 0
    session.spaces.react(sid, reply, "sending-care")
    view.reload()
    qtbot.waitUntil(lambda: thread.reactions.count("sending-care") == 1)
    assert thread.root_id == old and thread.current_post().body == "an unkind reply"  # type: ignore[union-attr]
    assert not thread.older_button.isVisibleTo(thread)  # the page starts at the first reply
    feed.list.setCurrentIndex(feed.model.index(1))  # the reader moves on
    assert getattr(thread.current_post(), "body", "") == "newer thread 2"
    view.reload()  # and a refresh now keeps the thread chosen in the list
    qtbot.waitUntil(lambda: view.snapshot is not None and len(view.snapshot.feed) == 2)
    assert getattr(thread.current_post(), "body", "") == "newer thread 2"
