"""Attack 6: a device shows two members two different events with the same number. Both then
hold the same count for that chain, so tips of counts alone matched and nothing was ever
exchanged. Tips now carry each chain's tip id: at the next sync — direct TCP, or a round the
LAN path starts for a peer it found — both sides exchange the two events, each records one
fork, and the warning shows in `haven space info` (and in the app: tests/ui, "a forked chain
shows a warning", reads the same record)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.sync.discovery import Peer
from haven.sync.engine import SyncEngine, async_sync_once
from haven.sync.lan import LanSync
from haven.sync.reconcile import SyncReport
from tests.hostile import Hostile
from tests.integration.cli_support import haven, ok
from tests.space_helpers import join, make_session, sync
from tests.sync_helpers import tcp_sync

WAIT_S = 60.0


@pytest.fixture
def forked(tmp_path: Path) -> Iterator[tuple[Session, Session, bytes, bytes]]:
    """Ari and Bea each hold a different event number n from Cai's one device."""
    ari, bea, cai = (make_session(tmp_path, n) for n in ("ari", "bea", "cai"))
    space = ari.spaces.create_space("Circle", display_name="Ari")
    join(ari, bea, space, "Bea")
    join(ari, cai, space, "Cai")
    sync(space, ari, bea, cai)
    hostile = Hostile.of(cai, space)
    to_ari, to_bea = hostile.equivocate(ev.POST, {"body": "for Ari"}, {"body": "for Bea"})
    assert len(ari.log.ingest([to_ari]).accepted) == 1
    assert len(bea.log.ingest([to_bea]).accepted) == 1
    assert ari.log.chain_tips(space) == bea.log.chain_tips(space)  # same counts
    cai.lock()
    yield ari, bea, space, hostile.author
    for s in (ari, bea):
        if s.is_open:
            s.lock()


def _assert_both_record_one_fork(ari: Session, bea: Session, space: bytes, cai: bytes) -> None:
    for s in (ari, bea):
        assert [a for a, _, _ in s.log.equivocations(space)] == [cai]
        (warning,) = s.spaces.warnings(space)
        assert warning.kind == "fork" and warning.member_name == "Cai"


def test_a_fork_is_found_over_direct_sync_and_recorded_once(
    forked: tuple[Session, Session, bytes, bytes],
) -> None:
    ari, bea, space, cai = forked
    engine = SyncEngine(ari)
    engine.start()
    try:
        port = engine.serve("127.0.0.1", 0)
        report = asyncio.run(asyncio.wait_for(async_sync_once(bea, "127.0.0.1", port), WAIT_S))
        assert report.complete and report.equivocations == 1
        _assert_both_record_one_fork(ari, bea, space, cai)
        # Bounded: the same fork seen again records nothing more.
        again = asyncio.run(asyncio.wait_for(async_sync_once(bea, "127.0.0.1", port), WAIT_S))
        assert again.complete and again.equivocations == 0
        _assert_both_record_one_fork(ari, bea, space, cai)
    finally:
        engine.stop()
    data_dir = bea.data_dir
    bea.lock()
    info = json.loads(ok(haven(data_dir, "space", "info", space.hex(), "--json")))
    assert [w["kind"] for w in info["warnings"]] == ["fork"]
    text = haven(data_dir, "space", "info", space.hex())
    assert "haven: warning: Cai: two different events" in text.stderr


def test_a_fork_is_found_by_a_lan_round(forked: tuple[Session, Session, bytes, bytes]) -> None:
    ari, bea, space, cai = forked
    server, client = SyncEngine(ari), SyncEngine(bea)
    server.start()
    client.start()
    reports: list[SyncReport] = []
    try:
        port = server.serve("127.0.0.1", 0)
        lan = LanSync(
            bea,
            client,
            0,
            addresses=["127.0.0.1"],
            announce=False,
            on_report=lambda _peer, report: reports.append(report),
        )
        rounds: list[Future[SyncReport]] = []

        def start_round(host: str, port: int) -> Future[SyncReport]:
            rounds.append(client.sync_with(host, port))
            return rounds[-1]

        lan._sync = start_round
        lan._found(Peer("127.0.0.1", port, space))  # what discovery calls for a peer it saw
        assert rounds and rounds[0].result(WAIT_S).equivocations == 1
        _assert_both_record_one_fork(ari, bea, space, cai)
    finally:
        client.stop()
        server.stop()


def test_the_side_with_the_longer_branch_learns_of_the_fork_too(tmp_path: Path) -> None:
    """Cai's branches differ in length: Ari holds n, n+1, n+2 of one, Bea only n of the
    other. Bea's head (n) is below Ari's, so only Bea could see the fork at the first
    round; at the next, Bea sends her event n as a reminder of the fork she recorded, and
    Ari records it too."""
    ari, bea, cai = (make_session(tmp_path, n) for n in ("ari", "bea", "cai"))
    space = ari.spaces.create_space("Circle", display_name="Ari")
    join(ari, bea, space, "Bea")
    join(ari, cai, space, "Cai")
    sync(space, ari, bea, cai)
    hostile = Hostile.of(cai, space)
    to_ari, to_bea = hostile.equivocate(ev.POST, {"body": "for Ari"}, {"body": "for Bea"})
    longer = [to_ari, hostile.event(ev.POST, {"body": "more"}), hostile.event(ev.POST, {})]
    assert len(ari.log.ingest(longer).accepted) == 3
    assert len(bea.log.ingest([to_bea]).accepted) == 1
    first = tcp_sync(ari, bea)  # Bea connects to Ari over TCP on 127.0.0.1
    assert first.equivocations == 1  # Bea's side: Ari sent its event n
    assert [a for a, _, _ in bea.log.equivocations(space)] == [hostile.author]
    tcp_sync(ari, bea)
    _assert_both_record_one_fork(ari, bea, space, hostile.author)
    # Bounded: further rounds record nothing more and send the reminder alone.
    assert tcp_sync(ari, bea).equivocations == 0
    assert len(ari.log.equivocations(space)) == 1
    for s in (ari, bea, cai):
        s.lock()
