"""The app's background relay syncer with a real relay process on 127.0.0.1: live delivery
between two linked devices, and recovery with backoff when the relay goes away and comes
back on the same address."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from haven.sync.relay_background import RelaySyncer, next_backoff
from haven.sync.relay_sync import RelayReport
from tests.helpers import new_session, replica_of
from tests.integration.relay_sync_support import Relay

WAIT_S = 20.0


def wait_until(check: Callable[[], bool], timeout: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not check():
        assert time.monotonic() < deadline, "condition not reached in time"
        pause.wait(0.05)


def bodies(s: object) -> set[str]:
    return {e.body for e in s.journal.list()}  # type: ignore[attr-defined]


def test_background_syncer_delivers_live_and_recovers_after_the_relay_returns(
    tmp_path: Path,
) -> None:
    relay = Relay(tmp_path / "relay")
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    space = a.journal.space_id
    for s in (a, b):
        s.relays.set_relays(space, [relay.url])
    reports: list[RelayReport] = []
    syncers = [
        RelaySyncer(s, on_report=reports.append, min_backoff=0.1, max_backoff=0.5) for s in (a, b)
    ]
    try:
        for syncer in syncers:
            syncer.start()
        a.journal.add("written while both are online")
        wait_until(lambda: "written while both are online" in bodies(b))
        b.journal.add("and an answer")
        wait_until(lambda: "and an answer" in bodies(a))

        relay.stop()
        wait_until(lambda: any(r.error for r in reports))
        a.journal.add("written while the relay is down")
        assert a.relays.sync_status(space).waiting >= 1
        relay.start()  # same port: the syncers' backoff finds it again
        wait_until(lambda: "written while the relay is down" in bodies(b))
        wait_until(lambda: a.relays.sync_status(space).waiting == 0)
        assert b.relays.sync_status(space).transport == "relay"
    finally:
        for syncer in syncers:
            syncer.stop()
        assert not any(syncer.running for syncer in syncers)
        relay.stop()
        a.lock()
        b.lock()


def test_backoff_doubles_with_jitter_up_to_the_cap() -> None:
    import itertools
    import random

    rng = random.Random(7)
    waits = [1.0]
    for _ in range(12):
        waits.append(next_backoff(waits[-1], rng, maximum=60.0))
    assert all(
        0.8 * min(60.0, 2 * w) <= n <= 1.2 * min(60.0, 2 * w) for w, n in itertools.pairwise(waits)
    )
    assert max(waits) <= 72.0 and waits[-1] >= 48.0


def test_a_journal_entry_deleted_while_live_is_erased_from_the_relay_at_once(
    tmp_path: Path,
) -> None:
    """The live phase asks the relay to erase as soon as the deletion is written (no new
    round), and a journal deletion is erased like a post's."""
    import asyncio

    from haven.core.envelope import open_event
    from haven.relay.client import RelayClient
    from haven.sync.relay_sync import open_blob
    from tests.canary_scan import epoch_keys
    from tests.relay.test_relay_erase import files_holding

    relay = Relay(tmp_path / "relay")
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    space = a.journal.space_id
    for s in (a, b):
        s.relays.set_relays(space, [relay.url])
    syncers = [RelaySyncer(s, min_backoff=0.1, max_backoff=0.5) for s in (a, b)]
    keys = epoch_keys(a, space)

    def served() -> dict[bytes, tuple[bytes, bool]]:
        async def fetch() -> list[tuple[bytes, bytes]]:
            out = []
            for key in keys.values():
                async with await RelayClient.connect(relay.url, key) as client:
                    out += [(key, blob) for _, blob in await client.fetch_all(0)]
            return out

        events = {}
        for key, blob in asyncio.run(fetch()):
            envelope = open_blob(key, blob)
            assert envelope is not None
            event = open_event(envelope, key, verify=False)
            events[event.id] = (blob, event.redacted)
        return events

    try:
        for syncer in syncers:
            syncer.start()
        entry = a.journal.add("the clinic appointment is on Tuesday")
        wait_until(lambda: "the clinic appointment is on Tuesday" in bodies(b))
        original = served()[entry][0]
        a.journal.delete(entry)
        wait_until(lambda: served()[entry][1])  # the relay now serves the redacted copy
        wait_until(lambda: files_holding(relay.tmp, original) == [])
        wait_until(lambda: "the clinic appointment is on Tuesday" not in bodies(b))
    finally:
        for syncer in syncers:
            syncer.stop()
        relay.stop()
        a.lock()
        b.lock()
