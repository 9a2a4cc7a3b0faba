"""The entry list pages: a vault with thousands of entries opens with one page of rows, and
fetchMore (what the view calls as it scrolls) adds one page at a time."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from haven.core.journal import JournalDraft
from haven.ui.journal.list_model import PAGE_SIZE, HeadlineRole, headline
from haven.ui.main_window import HavenWindow
from tests.helpers import new_session
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]
ENTRIES = 3000


def test_model_pages(qtbot: QtBot, data_dir, make_window: MakeWindow) -> None:
    s = new_session(data_dir)
    s.journal.add_many(
        [
            JournalDraft(f"entry number {i}\nmore text", tags=(f"t{i % 7}",), mood=1 + i % 5)
            for i in range(ENTRIES)
        ]
    )
    s.lock()
    window = make_window()
    started = time.perf_counter()
    flows.unlock(qtbot, window)
    page = window.journal_page
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    opened_s = time.perf_counter() - started
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    assert model.rowCount() < ENTRIES
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    assert page.count_label.text() == f"{ENTRIES} entries"
    # newest first: add_many gives later drafts later (or equal) times
    first = model.entry(0)
    assert first is not None and model.data(model.index(0), HeadlineRole) == headline(first)
    assert opened_s < 10  # includes the (test-speed) KDF; a page is milliseconds

    # Scrolling to the bottom makes the view fetch more.
    page.list.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 2 * PAGE_SIZE)

    # A filter shows its own first page, in the worker.
    page.filters.mood.setCurrentIndex(3)  # mood 3
    page.filters.mood.activated.emit(3)
    qtbot.waitUntil(lambda: model.filter.mood == 3)
    assert model.rowCount() == PAGE_SIZE
    assert all(model.entry(r).mood == 3 for r in range(model.rowCount()))
    assert page.count_label.text() == f"{ENTRIES // 5} entries"


def test_headline_falls_back_to_first_line() -> None:
    from haven.core.journal import JournalEntry

    entry = JournalEntry(b"x" * 32, "", "\n\n# Dear diary\nsecond", None, (), 0, 0)
    assert headline(entry) == "Dear diary"
    assert headline(JournalEntry(b"x" * 32, "Title", "body", None, (), 0, 0)) == "Title"


@pytest.mark.slow
def test_a_hundred_thousand_entries_open_fast(
    qtbot: QtBot, data_dir, make_window: MakeWindow
) -> None:
    s = new_session(data_dir)
    for batch in range(10):
        s.journal.add_many(
            [JournalDraft(f"entry {batch}-{i}", mood=1 + i % 5) for i in range(10_000)]
        )
    s.lock()
    window = make_window()
    page = window.journal_page
    attach_times: list[float] = []
    original = page.attach

    def timed_attach() -> None:
        started = time.perf_counter()
        original()
        attach_times.append(time.perf_counter() - started)

    page.attach = timed_attach  # type: ignore[method-assign]
    flows.unlock(qtbot, window)
    assert page.model.rowCount() == PAGE_SIZE
    assert page.count_label.text() == "100000 entries"
    assert attach_times and attach_times[0] < 1.0  # unlock to first page: ~60 ms here
    started = time.perf_counter()
    page.model.fetchMore()
    assert time.perf_counter() - started < 0.5
    assert page.model.rowCount() == 2 * PAGE_SIZE


def test_a_filtered_count_stops_at_its_cap(
    qtbot: QtBot, data_dir, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from haven.ui.journal import journal_page

    monkeypatch.setattr(journal_page, "COUNT_CAP", 50)
    s = new_session(data_dir)
    s.journal.add_many([JournalDraft(f"entry {i}", mood=1 + i % 2) for i in range(300)])
    s.lock()
    window = make_window()
    flows.unlock(qtbot, window)
    page = window.journal_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert page.count_label.text() == "300 entries"  # the whole journal: counted exactly
    page.filters.mood.setCurrentIndex(1)  # mood 1: 150 entries, counted up to 50
    page.filters.mood.activated.emit(1)
    qtbot.waitUntil(lambda: page.model.filter.mood == 1)
    qtbot.waitUntil(lambda: page.count_label.text() == "50 or more entries")
    assert page.model.canFetchMore()  # the count is a floor: more rows are still there
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == 150
    assert len({page.model.entry(r).entry_id for r in range(150)}) == 150
