"""The Upcoming view across spaces (issue 16): 10,000 events in 20 spaces of one vault, from a
year ago to two years ahead, one in ten repeating weekly (ten times); then the view's query
(`gatherings.upcoming(50)`: the next 50 occurrences the person can see, from the occurrence
index) and the page's fill (`UpcomingPage.show_occurrences` on the offscreen platform), timed
alone and together, interleaved. Target: the view opens in ≤ 100 ms.

Events are written through the event log's batch path (`append_many`), as bench_scale writes
posts, so the projection builds the occurrence index as it does for events that arrive.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from bench.bench_spaces import _session
from bench.stats import median, percentile, table, verdict
from haven.core.eventlog import Draft
from haven.core.spaces import events as ev
from haven.core.spaces.gatherings.details import check

TITLE = "Upcoming events across spaces (issue 16)"
BUDGET_MS = 100.0
SHOWN = 50
DAY = 86_400


def _drafts(n: int, rng: random.Random, now: int) -> list[Draft]:
    out = []
    for i in range(n):
        start = now + rng.randint(-365 * DAY, 730 * DAY)
        repeat = rng.random() < 0.1
        details = check(
            {
                "ref": os.urandom(16),
                "kind": rng.choice(("in_person", "online", "hybrid")),
                "title": f"Meetup {i}: peer support evening",
                "description": "Tea, talk and a quiet corner. " * 4,
                "start": start,
                "end": start + rng.choice((3600, 7200, 10800)),
                "tz": rng.choice(("Europe/London", "Asia/Beirut", "America/Chicago")),
                "repeat": "weekly" if repeat else "",
                "repeat_count": 10 if repeat else 0,
            }
        )
        out.append(Draft(ev.GATHERING, details.to_content()))
    return out


def run(quick: bool) -> str:
    events, spaces, repeats = (500, 5, 5) if quick else (10_000, 20, 40)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from haven.ui.bridge import SessionBridge
    from haven.ui.spaces.upcoming_page import UpcomingPage

    app = QApplication.instance() or QApplication([])
    load_before = os.getloadavg()
    rng = random.Random(16)
    with tempfile.TemporaryDirectory() as tmp:
        owner = _session(Path(tmp) / "vault", "Ari")
        try:
            now = int(time.time())
            t0 = time.perf_counter()
            for s in range(spaces):
                sid = owner.spaces.create_space(f"Circle {s}", display_name="Ari")
                per_space = events // spaces
                for start in range(0, per_space, 500):
                    size = min(500, per_space - start)
                    owner.log.append_many(sid, _drafts(size, rng, now))
            write_s = time.perf_counter() - t0
            page = UpcomingPage(SessionBridge(Path(tmp) / "unused"))
            owner.spaces.gatherings.upcoming(SHOWN)  # the first read brings spaces up to date
            query: list[float] = []
            fill: list[float] = []
            both: list[float] = []
            shown = 0
            for _ in range(repeats):
                t0 = time.perf_counter()
                found = owner.spaces.gatherings.upcoming(SHOWN)
                t1 = time.perf_counter()
                page.show_occurrences(found)
                app.processEvents()
                t2 = time.perf_counter()
                query.append(t1 - t0)
                fill.append(t2 - t1)
                both.append(t2 - t0)
                shown = page.list.count()
            assert shown == SHOWN, shown
        finally:
            owner.lock()
    load_after = os.getloadavg()
    rows = [
        ["the query: the next 50 occurrences", median(query) * 1000, percentile(query, 95) * 1000],
        ["the page's list filled", median(fill) * 1000, percentile(fill, 95) * 1000],
        ["**the view opens (both)**", median(both) * 1000, percentile(both, 95) * 1000],
    ]
    return (
        f"## {TITLE}\n\n"
        f"{events:,} events in {spaces} spaces of one vault (written in {write_s:.0f} s through "
        "the event log's batch path), from a year ago to two years ahead, one in ten "
        f"repeating weekly ten times; {repeats} openings of the Upcoming view, the query "
        f"(`gatherings.upcoming({SHOWN})`, read from the occurrence index of schema 21) and "
        "the page's fill (`UpcomingPage.show_occurrences`, offscreen) timed in each. The "
        "machine was shared with other work: load average "
        f"{load_before[0]:.1f} before and {load_after[0]:.1f} after (2 cores).\n\n"
        + table(["Step", "median ms", "p95 ms"], rows)
        + f"\nTarget ≤ {BUDGET_MS:g} ms (median of the view opening): "
        f"{verdict(median(both) * 1000 <= BUDGET_MS)}.\n"
    )
