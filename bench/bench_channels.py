"""A channel of 100,000 messages (issue 15): opening it (the channel list with its unread and
mention counts, then the newest page of 100 messages, `channels.read`, shown in the app's
Channels tab, offscreen: its model filled, the events processed and painted with `grab()`,
the whole tab when it opens, the timeline's viewport for a page) and scrolling back through
it a page at a time
(`channels.read(before=…)`, 100 messages each, put above what the tab shows: the frame a
scroll back costs). Targets: the channel opens in ≤ 200 ms; no page of the scroll over 50 ms.

The reader's marker is left at the start, so each opening counts the unread messages the
most it ever does (the writer's own 100,000 stepped over in the count's index). Messages
are written through the event log's batch path (`append_many`), as bench_scale writes posts,
so the projection stores them as it does messages that arrive.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from bench.bench_spaces import WORDS, _session
from bench.stats import median, percentile, table, verdict
from haven.core.eventlog import Draft
from haven.core.spaces import events as ev

TITLE = "A channel of 100,000 messages (issue 15)"
OPEN_BUDGET_MS = 200.0
FRAME_BUDGET_MS = 50.0
PAGE = 100


def _drafts(n: int, rng: random.Random, channel: bytes) -> list[Draft]:
    return [
        Draft(
            ev.POST,
            {
                "title": "",
                "body": " ".join(rng.choices(WORDS, k=rng.randint(3, 25))),
                "cw": "",
                "parent": channel,
            },
        )
        for _ in range(n)
    ]


def run(quick: bool) -> str:
    messages, opens, frames = (5_000, 5, 20) if quick else (100_000, 30, 200)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from haven.ui.spaces.channel_tab import ChannelTab

    app = QApplication.instance() or QApplication([])
    tab = ChannelTab()
    tab.resize(1000, 700)
    load_before = os.getloadavg()
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as tmp:
        owner = _session(Path(tmp) / "vault", "Ari")
        try:
            sid = owner.spaces.create_space("Circle", display_name="Ari")
            chat = owner.spaces.channels
            for name in ("coming-out", "art", "news"):
                chat.create(sid, name, announce=name == "news")
            general = chat.create(sid, "general")
            t0 = time.perf_counter()
            for start in range(0, messages, 1000):
                owner.log.append_many(sid, _drafts(min(1000, messages - start), rng, general))
            write_s = time.perf_counter() - t0
            chat.read(sid, general)  # the first read brings the space up to date
            opening: list[float] = []
            for _ in range(opens):
                t0 = time.perf_counter()
                tab.show_channels(chat.list_channels(sid), admin=True)
                page = chat.read(sid, general, limit=PAGE)
                tab.channel_id = general
                tab.show_page(page)
                app.processEvents()
                tab.grab()  # the frame: laid out and painted, offscreen
                opening.append(time.perf_counter() - t0)
            assert len(page.messages) == PAGE and page.older
            scroll: list[float] = []
            first = page.messages[0].post.post_id
            for _ in range(frames):
                t0 = time.perf_counter()
                page = chat.read(sid, general, before=first, limit=PAGE)
                tab.show_page(page, older=True)
                app.processEvents()
                tab.timeline.viewport().grab()  # what a scroll repaints
                scroll.append(time.perf_counter() - t0)
                first = page.messages[0].post.post_id
        finally:
            owner.lock()
    load_after = os.getloadavg()
    rows = [
        ["**the channel opens** (list + newest page, shown)", median(opening) * 1000,
         percentile(opening, 95) * 1000, max(opening) * 1000],
        ["a page scrolled back (100 messages, shown)", median(scroll) * 1000,
         percentile(scroll, 95) * 1000, max(scroll) * 1000],
    ]  # fmt: skip
    return (
        f"## {TITLE}\n\n"
        f"{messages:,} messages in one channel of a space with four channels (written in "
        f"{write_s:.0f} s through the event log's batch path); {opens} openings (the channel "
        f"list with unread and mention counts, then `channels.read`, the newest {PAGE}), then "
        f"{frames} pages scrolled back from the newest (`read(before=…)`, {PAGE} each, "
        f"{frames * PAGE:,} messages), each read shown in the Channels tab (`ChannelTab`: "
        "its list filled, the events processed and painted with `grab()`, offscreen: the "
        "whole tab when it opens, the timeline's viewport for a page) within the timing; "
        "the reader's marker at the "
        "start, so each opening counts the most it can. The machine was shared with other "
        "work: load average "
        f"{load_before[0]:.1f} before and {load_after[0]:.1f} after (2 cores).\n\n"
        + table(["Step", "median ms", "p95 ms", "max ms"], rows)
        + f"\nTargets: opens ≤ {OPEN_BUDGET_MS:g} ms (median) "
        f"{verdict(median(opening) * 1000 <= OPEN_BUDGET_MS)}; no scrolled page over "
        f"{FRAME_BUDGET_MS:g} ms (max) {verdict(max(scroll) * 1000 <= FRAME_BUDGET_MS)}.\n"
    )
