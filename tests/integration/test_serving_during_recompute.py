"""A late event in a large space makes its owner recompute the whole space, holding the
vault for seconds (13 s at 100,000 posts). A member can send one at will: every peer that
connects meanwhile must still be served — its handshake and its round — not time out.

The recompute is made slow by a hook the test releases (not by its size, nor a timer): the
owner's recompute waits on an event while it holds the vault; the member whose late post
caused it finishes its round, and a second member syncs with the owner over real TCP on
127.0.0.1, in that time."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from haven.core.eventlog import EventLog
from haven.core.spaces.projector import SpaceProjector
from haven.store.vault import Connection
from haven.sync.engine import async_sync_once
from haven.sync.reconcile import SyncReport
from haven.sync.supervisor import (
    RoundFinished,
    SupervisorEvent,
    SupervisorOptions,
    SyncSupervisor,
)
from tests.space_helpers import three_members

#: Bounds on the test's own waits, so a broken fix fails instead of hanging; never reached
#: when the fix holds.
STUCK_S = 120.0


def test_a_peer_syncs_while_the_owner_recomputes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ari, bea, cai, space = three_members(tmp_path)
    late = bea.spaces.post(space, "written offline, sorted before Ari's newer posts")
    news = [ari.spaces.post(space, f"news {i}") for i in range(3)]

    started, release = threading.Event(), threading.Event()
    recompute: Callable[[SpaceProjector, Connection, bytes, EventLog], int]
    recompute = SpaceProjector.recompute

    def held_recompute(self: SpaceProjector, conn: Connection, sid: bytes, log: EventLog) -> int:
        if log is ari.log and not started.is_set():
            started.set()  # inside the transaction: the vault is Ari's recompute's now
            release.wait(STUCK_S)
        return recompute(self, conn, sid, log)

    monkeypatch.setattr(SpaceProjector, "recompute", held_recompute)

    # Ari serves as the app and `haven serve` do: the supervisor, which records each round.
    options = SupervisorOptions(host="127.0.0.1", lan=False, relays=False, invites=False)
    finished: list[RoundFinished] = []
    all_told = threading.Event()

    def told(event: SupervisorEvent) -> None:
        if isinstance(event, RoundFinished):
            finished.append(event)
            if len(finished) == 3:  # Bea's round and Cai's two
                all_told.set()

    ari_sync = SyncSupervisor(ari, options, told)
    bea_round: dict[str, SyncReport | BaseException] = {}

    def bea_syncs() -> None:
        try:
            bea_round["report"] = asyncio.run(async_sync_once(bea, "127.0.0.1", port))
        except BaseException as exc:  # read in the main thread
            bea_round["report"] = exc

    bea_thread = threading.Thread(target=bea_syncs)
    try:
        port = ari_sync.start()
        bea_thread.start()
        # Bea's post reaches Ari sorted before Ari's news: at the round's end Ari
        # recomputes the space, and the hook keeps it there.
        assert started.wait(STUCK_S), "Ari never recomputed"
        assert ari.vault._mutex.acquire(blocking=False) is False  # the recompute holds it
        # Bea's own round ends without waiting for it: Ari sent its last acknowledgements
        # before settling.
        bea_thread.join(STUCK_S)
        assert not bea_thread.is_alive() and not release.is_set()
        bea_report = bea_round["report"]
        assert isinstance(bea_report, SyncReport) and bea_report.complete
        # Cai connects now: the handshake and the whole round, served from what is
        # committed while the recompute still holds the vault.
        report = asyncio.run(async_sync_once(cai, "127.0.0.1", port))
        assert report.complete and report.error == ""
        assert report.received == len(news) + 1  # Ari's news and Bea's late post
        # Recording Cai's round waits for the vault, off the loop: Cai is served again.
        again = asyncio.run(async_sync_once(cai, "127.0.0.1", port))
        assert again.complete and again.received == 0
        assert not release.is_set()  # all of it while the recompute was in progress
        release.set()
        assert all_told.wait(STUCK_S)  # each round recorded once the vault was free
    finally:
        release.set()
        if bea_thread.is_alive():
            bea_thread.join(STUCK_S)
        ari_sync.stop()
    assert len(finished) == 3 and all(e.recorded for e in finished)
    # Once it ends, the recompute counted Bea's late post for Ari, as a read shows.
    feed = {p.post_id for p in ari.spaces.read_feed(space)}
    assert {late, *news} <= feed
    for s in (ari, bea, cai):
        s.lock()
