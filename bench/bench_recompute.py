"""Issue 10's recompute bound: what a sync round of late events costs the receiver.

An event that sorts before what a space already applied (a member who wrote while offline,
a backdated post, a removal whose cut leaves out events applied before it) makes the
space's projection be recomputed from its whole log. The peer chooses the round's batches:
sent one per batch, each such event used to cost a full recompute (k events: k × the log).
A round's ingests now leave the recompute to the round's end. Measured in the same run,
on the same log: a round that recomputes after every batch (the old behaviour, forced
through a wrapper) against the round as it runs now."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.stats import median, table
from haven.core import session
from haven.core.eventlog import Draft, EventLog, IngestResult, OpenedBatch
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.sync.reconcile import Reconciler

TITLE = "Recomputes a sync round costs (issue 10)"
PASSPHRASE = "benchmark passphrase with several words 7"
RUNS = 3


def _session(folder: Path, name: str) -> Session:
    os.environ.update(HAVEN_INSECURE_TEST_KDF="1", HAVEN_TEST_SUITE="1")
    try:
        return session.create(folder, PASSPHRASE, name, check_strength=False)
    finally:
        del os.environ["HAVEN_INSECURE_TEST_KDF"], os.environ["HAVEN_TEST_SUITE"]


class EveryCommit:
    """The log as the round saw it before the bound: every commit recomputes at once."""

    def __init__(self, inner: EventLog) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def ingest_opened(
        self, batches: Sequence[OpenedBatch], *, settle_later: bool = False
    ) -> list[IngestResult]:
        return self.inner.ingest_opened(batches)


def _setup(root: Path, posts: int, late: int) -> tuple[Session, Session, bytes]:
    """Ari's space holds `posts` posts; Bea wrote `late` posts offline, before she saw
    them (so each sorts before them), and has since caught up with Ari."""
    ari, bea = _session(root / "ari", "Ari"), _session(root / "bea", "Bea")
    space = ari.spaces.create_space("Circle", display_name="Ari")
    request = bea.spaces.prepare_join("Bea")
    welcome = ari.spaces.make_add_member(
        space, request.persona_pk, request.box_pk, "Bea", device_id=request.device_id
    )
    bea.spaces.accept_welcome(welcome)
    for _ in range(late):
        bea.spaces.post(space, "written offline on the train")
    for start in range(0, posts, 1000):
        drafts = [
            Draft(ev.POST, ev.post_to_content(ev.post_content("", f"post {i}", "")))
            for i in range(start, min(posts, start + 1000))
        ]
        ari.log.append_many(space, drafts)
    # Bea then catches up (outside the measured round): only her posts are new to Ari.
    bea.log.ingest(ari.log.envelopes_after(space, bea.log.chain_tips(space), 10**7))
    return ari, bea, space


def _round(ari: Session, bea: Session, space: bytes, old: bool) -> tuple[float, int]:
    calls: list[int] = []
    real = ari.spaces.projector.recompute

    def counting(*args: object, **kwargs: object) -> int:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    ari.spaces.projector.recompute = counting  # type: ignore[method-assign]
    receiver = EveryCommit(ari.log) if old else ari.log
    a = Reconciler(bea.log, [space], max_batch_events=1, window=1)
    b = Reconciler(receiver, [space], max_batch_events=1, window=1)  # type: ignore[arg-type]
    t0 = time.perf_counter()
    queues = {"ab": list(a.start()), "ba": list(b.start())}
    while queues["ab"] or queues["ba"]:
        for direction, receiver_machine, back in (("ab", b, "ba"), ("ba", a, "ab")):
            if queues[direction]:
                queues[back] += receiver_machine.receive(queues[direction].pop(0))
        if a.finished and b.finished:
            break
    ari.spaces.read_feed(space, limit=50)  # what the app does next: the feed is fresh
    return time.perf_counter() - t0, len(calls)


def run(quick: bool) -> str:
    posts, late = (1_000, 10) if quick else (10_000, 30)
    measured: dict[bool, list[tuple[float, int]]] = {True: [], False: []}
    for _ in range(RUNS):
        for old in (True, False):
            with tempfile.TemporaryDirectory(prefix="haven-bench-") as tmp:
                ari, bea, space = _setup(Path(tmp), posts, late)
                measured[old].append(_round(ari, bea, space, old))
                ari.lock()
                bea.lock()
    before = median([s for s, _ in measured[True]])
    after = median([s for s, _ in measured[False]])
    rows = [
        [
            "recompute after every batch (before)",
            before,
            median([n for _, n in measured[True]]),
            1.0,
        ],
        [
            "recompute once, at the round's end (now)",
            after,
            median([n for _, n in measured[False]]),
            after / before,
        ],
    ]
    return (
        f"## {TITLE}\n\n"
        f"A space of {posts:,} posts receives {late} posts its member wrote offline (each "
        "sorts before what the space applied), one per batch — the sender chooses the "
        f"batches. Medians of {RUNS} runs each, measured alternately in the same run; "
        "the round ends with a feed read, as the app's would.\n\n"
        + table(["round", "seconds (median)", "recomputes", "ratio to before"], rows)
    )
