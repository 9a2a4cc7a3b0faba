"""A space with disappearing posts, in the app: the notice says how long posts last and
what that cannot prevent; each post says when it disappears; once its time is up (the
timer moved forward here) the core's sweep (the sync supervisor's; the view never runs one)
erases it, and the view, asking the core once a minute, says it disappeared."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from haven.ui.spaces.space_media import CHECK_EVERY_POLLS
from tests.ui.a11y import unnamed
from tests.ui.spaces_steps import app_with_own_space, window_session, write_post

MakeWindow = Callable[..., HavenWindow]


def test_a_disappearing_space_says_so_and_posts_go(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, page, space_id = app_with_own_space(qtbot, make_window)
    session = window_session(window)
    session.spaces.disappearing.set_timer(space_id, 86400)
    page.view.reload()
    notice = page.view.disappear_notice
    qtbot.waitUntil(notice.isVisible)
    assert "1 day" in notice.text() and "screenshot" in notice.text()
    write_post(qtbot, page, "Gone tomorrow")
    thread = page.view.feed.thread_view
    qtbot.waitUntil(lambda: "disappears" in thread.heading.text())
    assert "disappears" in page.view.feed.model.index(0).data(0x0B)  # AccessibleTextRole
    assert unnamed(window) == []

    qtbot.waitUntil(lambda: not window.bridge._tasks and not page._timer.isActive())
    (shown,) = page.view.snapshot.feed
    assert shown.disappears_ms is not None
    with session.vault.transaction() as conn:  # this device's day is up
        conn.execute("UPDATE space_post_timers SET deadline_ms = 0")
    # The sync supervisor's sweep erases it; the view only asks the core, by the core's
    # clock, whether a post on screen is past its time, and shows the space again.
    assert session.spaces.disappearing.sweep() == 1
    disappearing = session.spaces.disappearing
    monkeypatch.setattr(disappearing._ctx, "clock", lambda: shown.disappears_ms + 1)
    swept: list[int] = []
    monkeypatch.setattr(disappearing, "sweep", lambda: swept.append(1) or 0)
    for _ in range(CHECK_EVERY_POLLS):
        page.view.media.tick()
    qtbot.waitUntil(lambda: "Disappeared" in str(page.view.feed.model.index(0).data()))
    assert "Gone tomorrow" not in thread.body.toPlainText()
    assert swept == []  # the view never sweeps


def test_an_admin_sets_the_timer_and_limit_in_the_app(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window, page, space_id = app_with_own_space(qtbot, make_window)
    view = page.view
    view.tabs.setCurrentWidget(view.me)
    box = view.me.media
    qtbot.waitUntil(box.save.isVisible)  # the owner is an admin
    box.timer.setCurrentIndex(box.timer.findData(7 * 86400))
    box.limit.setCurrentIndex(box.limit.findData(5 * 1024 * 1024))
    box.save.click()
    session = window_session(window)
    qtbot.waitUntil(lambda: session.spaces.disappearing.timer(space_id) == 7 * 86400)
    assert session.spaces.attachments.limit(space_id) == 5 * 1024 * 1024
    qtbot.waitUntil(view.disappear_notice.isVisible)
    assert "1 week" in view.disappear_notice.text()
    assert unnamed(window) == []
