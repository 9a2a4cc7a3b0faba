"""The entry list pages: a vault with thousands of entries opens with one page of rows, and
fetchMore (what the view calls as it scrolls) adds one page at a time."""

from __future__ import annotations

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
    flows.unlock(qtbot, window)
    page = window.journal_page
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    assert model.rowCount() < ENTRIES
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    assert page.count_label.text() == f"{ENTRIES:,} entries"
    # newest first: add_many gives later drafts later (or equal) times
    first = model.entry(0)
    assert first is not None and model.data(model.index(0), HeadlineRole) == headline(first)

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
def test_a_large_journal_opens_one_page_at_a_time(
    qtbot: QtBot, data_dir, make_window: MakeWindow
) -> None:
    """The journal view loads one page on unlock and one more, by keyset (after the last
    row's id), on scrolling: never the whole journal. How long that takes at 1k…1M entries
    is measured by `make bench` (bench_scale: journal view open), not here."""
    s = new_session(data_dir)
    s.journal.add_many([JournalDraft(f"entry {i}", mood=1 + i % 5) for i in range(10_000)])
    s.lock()
    window = make_window()
    page = window.journal_page
    calls: list[tuple[int, int, bytes | None, int]] = []
    attach_source = page.model.set_source

    def recording_source(fetch):  # type: ignore[no-untyped-def]
        def recorded(flt, limit, offset, after):  # type: ignore[no-untyped-def]
            rows = fetch(flt, limit, offset, after)
            calls.append((limit, offset, after, len(rows)))
            return rows

        attach_source(None if fetch is None else recorded)

    page.model.set_source = recording_source  # type: ignore[method-assign]
    flows.unlock(qtbot, window)
    assert page.model.rowCount() == PAGE_SIZE
    assert page.count_label.text() == "10,000 entries"
    assert calls == [(PAGE_SIZE, 0, None, PAGE_SIZE)]
    last = page.model.entry(PAGE_SIZE - 1)
    assert last is not None
    page.model.fetchMore()
    assert calls[1] == (PAGE_SIZE, PAGE_SIZE, last.entry_id, PAGE_SIZE)
    assert page.model.rowCount() == 2 * PAGE_SIZE
    assert len(calls) == 2


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
