"""Pages hear typed changes (core/changes.py through the bridge's `changed` signal) and
refresh only what they show: a post in a space does not re-read the journal, a journal entry
does not re-read the space on screen, a post in another space refreshes the list only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from haven.core.changes import JournalChanged, PostsChanged
from haven.ui.main_window import HavenWindow
from tests.ui import flows, spaces_steps

MakeWindow = Callable[..., HavenWindow]
WAIT_MS = 15_000


def test_pages_refresh_only_for_changes_about_what_they_show(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = spaces_steps.open_spaces(qtbot, window)
    shown = spaces_steps.create_space(qtbot, page, "Circle")
    session = spaces_steps.window_session(window)
    other = session.spaces.create_space("Elsewhere")
    qtbot.waitUntil(
        lambda: page.view.space_id == shown and page.view.snapshot is not None, timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)  # both listed
    quiet = lambda: not window.bridge._tasks and not page._timer.isActive()  # noqa: E731
    qtbot.waitUntil(quiet, timeout=WAIT_MS)  # every read the opening started is done

    heard: list[object] = []
    window.bridge.changed.connect(heard.append)
    journal_reads: list[int] = []
    view_reads: list[int] = []
    list_reads: list[int] = []
    monkeypatch.setattr(window.journal_page, "refresh", lambda: journal_reads.append(1))
    monkeypatch.setattr(page.view, "reload", lambda: view_reads.append(1))
    real_list = page.refresh_list
    monkeypatch.setattr(page, "refresh_list", lambda: (list_reads.append(1), real_list()))

    # A post in the space shown: the view and the list, never the journal.
    window.bridge.run(lambda: session.spaces.post(shown, "hello"), lambda _r: None)
    qtbot.waitUntil(lambda: bool(view_reads and list_reads) and quiet(), timeout=WAIT_MS)
    assert (view_reads, list_reads) == ([1], [1])
    assert journal_reads == []
    assert any(isinstance(c, PostsChanged) and c.space_id == shown for c in heard[-1])  # type: ignore[attr-defined]

    # A post in another space: the list (unread counts), not the view.
    window.bridge.run(lambda: session.spaces.post(other, "elsewhere"), lambda _r: None)
    qtbot.waitUntil(lambda: len(list_reads) == 2 and quiet(), timeout=WAIT_MS)
    assert view_reads == [1] and journal_reads == []

    # A journal entry: the journal page only; the spaces page schedules nothing.
    window.bridge.run(lambda: session.journal.add("just me"), lambda _r: None)
    qtbot.waitUntil(lambda: journal_reads == [1], timeout=WAIT_MS)
    assert [type(c) for c in heard[-1]] == [JournalChanged]  # type: ignore[attr-defined]
    assert not page._timer.isActive() and not page._pending
    assert view_reads == [1] and list_reads == [1, 1]
