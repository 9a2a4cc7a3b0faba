"""The Qt-free sync supervisor (haven/sync/supervisor.py), with real sockets on 127.0.0.1:
one loop thread for every transport, served and started rounds told as events and recorded
with their transport, and a clean stop. The app (tests/integration/ui/test_background_sync.py) and
`haven serve` (tests/integration/test_sync_cli.py) run this same object."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.errors import SyncError
from haven.sync.engine import SyncEngine
from haven.sync.supervisor import (
    RoundFinished,
    RoundStarted,
    SupervisorEvent,
    SupervisorOptions,
    SyncSupervisor,
)
from tests.helpers import new_session, replica_of

HOST = "127.0.0.1"
WAIT_S = 30.0


def wait_until(done: Callable[[], bool], timeout_s: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not done():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def loop_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name in ("haven-sync", "haven-relay-sync")]


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    yield a, b
    a.lock()
    b.lock()


def test_one_loop_thread_serves_records_and_stops(pair: tuple[Session, Session]) -> None:
    a, b = pair
    before = loop_threads()
    events: list[SupervisorEvent] = []
    supervisor = SyncSupervisor(a, SupervisorOptions(host=HOST, lan=False), events.append)
    port = supervisor.start()
    try:
        # The engine and the relay syncer share the supervisor's one loop thread.
        assert sorted(loop_threads()) == sorted([*before, "haven-sync"])
        b.journal.add("from the laptop")
        peer = SyncEngine(b)
        peer.start()
        try:
            peer.sync_with(HOST, port).result(WAIT_S)
        finally:
            peer.stop()
        wait_until(lambda: any(isinstance(e, RoundFinished) for e in events))
        served = next(e for e in events if isinstance(e, RoundFinished))
        assert served.transport == "direct" and served.recorded
        assert [e.body for e in a.journal.list()] == ["from the laptop"]
        assert a.relays.sync_status(a.journal.space_id).transport == "direct"
    finally:
        supervisor.stop()
    assert loop_threads() == before
    with pytest.raises(OSError):
        socket.create_connection((HOST, port), timeout=1).close()


def test_a_round_discovery_asked_for_is_told_and_recorded_as_lan(
    pair: tuple[Session, Session],
) -> None:
    a, b = pair
    peer = SyncEngine(b)
    peer.start()
    peer_port = peer.serve(HOST, 0)
    a.journal.add("written here")
    events: list[SupervisorEvent] = []
    supervisor = SyncSupervisor(a, SupervisorOptions(host=HOST, lan=False), events.append)
    supervisor.start()
    try:
        report = supervisor.sync_with(HOST, peer_port, "lan").result(WAIT_S)
        assert report.complete
        wait_until(lambda: any(isinstance(e, RoundFinished) for e in events))
        assert isinstance(events[0], RoundStarted) and events[0].transport == "lan"
        finished = next(e for e in events if isinstance(e, RoundFinished))
        assert finished.transport == "lan" and finished.recorded
        assert a.relays.sync_status(a.journal.space_id).transport == "lan"
        assert [e.body for e in b.journal.list()] == ["written here"]
    finally:
        supervisor.stop()
        peer.stop()


def test_a_runner_that_records_nothing_leaves_the_status_alone(
    pair: tuple[Session, Session],
) -> None:
    """`haven serve` runs the supervisor with record=False, as it always did."""
    a, b = pair
    peer = SyncEngine(b)
    peer.start()
    peer_port = peer.serve(HOST, 0)
    events: list[SupervisorEvent] = []
    options = SupervisorOptions(host=HOST, lan=False, relays=False, record=False)
    supervisor = SyncSupervisor(a, options, events.append)
    supervisor.start()
    try:
        supervisor.sync_with(HOST, peer_port).result(WAIT_S)
        wait_until(lambda: any(isinstance(e, RoundFinished) for e in events))
        assert not next(e for e in events if isinstance(e, RoundFinished)).recorded
        assert a.relays.sync_status(a.journal.space_id).transport is None
    finally:
        supervisor.stop()
        peer.stop()


def test_a_taken_port_raises_and_leaves_no_thread(pair: tuple[Session, Session]) -> None:
    a, _ = pair
    before = loop_threads()
    with socket.socket() as taken:
        taken.bind((HOST, 0))
        taken.listen()
        options = SupervisorOptions(host=HOST, port=taken.getsockname()[1], lan=False)
        supervisor = SyncSupervisor(a, options)
        with pytest.raises(SyncError, match="cannot listen"):
            supervisor.start()
    assert loop_threads() == before
    supervisor.stop()  # twice is fine


def test_serve_options_also_refresh_discovery_at_utc_midnight(
    pair: tuple[Session, Session],
) -> None:
    """`haven serve`'s supervisor arms the same midnight refresh as the app's."""
    a, _ = pair
    options = SupervisorOptions(host=HOST, lan=False, relays=False, record=False)
    supervisor = SyncSupervisor(a, options)
    supervisor.start()
    try:
        wait_until(lambda: supervisor.midnight is not None)
        timer = supervisor.midnight
        assert timer is not None and not timer.cancelled()
        refreshed = threading.Event()
        supervisor._queue_refresh = refreshed.set  # type: ignore[method-assign]
        supervisor._runner.call_soon(timer._run)  # midnight comes
        assert refreshed.wait(WAIT_S)
        wait_until(lambda: supervisor.midnight is not timer)  # and it is armed again
    finally:
        supervisor.stop()
