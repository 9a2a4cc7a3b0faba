"""async_run_round over an in-memory channel pair: both directions, timeouts, a peer that
vanishes mid-round (what arrived is kept), and which proven spaces are synced."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.space_secrets import PAIRING_SPACE_ID, SpaceSecret
from haven.errors import VaultLocked
from haven.sync import messages as m
from haven.sync.channel import ChannelClosed
from haven.sync.engine import SyncFailed, async_run_round, shared_space_ids
from haven.sync.reconcile import SyncReport
from tests.sync_helpers import journal_state, make_replicas, missing

_CLOSED = b""


class MemoryChannel:
    """One end of an in-memory channel; `close()` makes the other end's recv() raise."""

    def __init__(
        self, spaces: Sequence[bytes], inbox: asyncio.Queue[bytes], outbox: asyncio.Queue[bytes]
    ) -> None:
        self.shared_spaces = tuple(SpaceSecret(s, 0, bytes(32)) for s in spaces)
        self.inbox, self.outbox = inbox, outbox
        self.sent: list[bytes] = []

    async def send(self, payload: bytes) -> None:
        self.sent.append(payload)
        await self.outbox.put(payload)

    async def recv(self) -> bytes:
        payload = await self.inbox.get()
        if payload == _CLOSED:
            raise ChannelClosed("the peer closed the channel")
        return payload

    async def close(self) -> None:
        await self.outbox.put(_CLOSED)


def channel_pair(spaces: Sequence[bytes]) -> tuple[MemoryChannel, MemoryChannel]:
    ab: asyncio.Queue[bytes] = asyncio.Queue()
    ba: asyncio.Queue[bytes] = asyncio.Queue()
    return MemoryChannel(spaces, ba, ab), MemoryChannel(spaces, ab, ba)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[list[Session]]:
    sessions = make_replicas(tmp_path, 2)
    yield sessions
    for s in sessions:
        s.lock()


def test_a_round_runs_both_directions(pair: list[Session]) -> None:
    a, b = pair
    for i in range(600):  # more than one window of full batches
        a.journal.add(f"a {i}")
    b.journal.add("b")
    a_has, b_has = missing(a, b), missing(b, a)

    async def both() -> list[SyncReport]:
        x, y = channel_pair([a.journal.space_id])
        return list(await asyncio.gather(async_run_round(a.log, x), async_run_round(b.log, y)))

    rep_a, rep_b = asyncio.run(both())
    assert rep_a.complete and rep_b.complete
    assert (rep_a.sent, rep_a.received) == (a_has, b_has)
    assert missing(a, b) == missing(b, a) == 0
    assert journal_state(a) == journal_state(b)


def test_no_shared_space_finishes_at_once(pair: list[Session]) -> None:
    a, _ = pair

    async def alone() -> SyncReport:
        x, _ = channel_pair([])
        return await async_run_round(a.log, x)

    report = asyncio.run(alone())
    assert report.complete and report.spaces == ()


def test_silent_peer_times_out_with_an_abort(pair: list[Session]) -> None:
    a, _ = pair

    async def silent() -> MemoryChannel:
        x, _ = channel_pair([a.journal.space_id])
        with pytest.raises(SyncFailed, match="took longer") as info:
            await async_run_round(a.log, x, round_timeout=0.2)
        assert not info.value.report.complete
        return x

    x = asyncio.run(silent())
    assert isinstance(m.decode(x.sent[-1]), m.Abort)


def test_peer_vanishing_mid_round_keeps_what_arrived(pair: list[Session]) -> None:
    a, b = pair
    for i in range(10):
        a.journal.add(f"a {i}")
    space = b.journal.space_id
    tips, before = b.log.chain_tips(space), b.log.count()
    envelopes = a.log.envelopes_after(space, tips, 10)

    async def vanish() -> SyncFailed:
        mine, theirs = channel_pair([space])
        task = asyncio.ensure_future(async_run_round(b.log, mine))
        await theirs.send(m.encode(m.Tips(space, {})))
        await theirs.send(m.encode(m.Batch(space, 0, tuple(envelopes[:6]))))
        assert m.decode(await theirs.recv()) == m.Tips(space, tips)
        done = m.decode(await theirs.recv())  # b sends what it has that we lack: our tips are {}
        while isinstance(done, m.Batch):
            done = m.decode(await theirs.recv())
        assert isinstance(done, m.Done)
        assert m.decode(await theirs.recv()) == m.Ack(space, 0)
        await theirs.close()
        with pytest.raises(SyncFailed, match="closed") as info:
            await task
        return info.value

    failure = asyncio.run(vanish())
    assert failure.report.received == 6 and not failure.report.complete
    assert b.log.count() == before + 6


def test_each_proven_space_syncs_once_and_pairing_never() -> None:
    s1, s2 = b"\x01" * 16, b"\x02" * 16
    secrets = [
        SpaceSecret(s2, 1, bytes(32)),
        SpaceSecret(s1, 0, bytes(32)),
        SpaceSecret(s2, 0, bytes(32)),
        SpaceSecret(PAIRING_SPACE_ID, 0, bytes(32)),
    ]
    assert shared_space_ids(secrets) == [s1, s2]


def test_a_vault_locked_mid_round_is_reported_to_both_sides(pair: list[Session]) -> None:
    a, b = pair
    a.journal.add("a")
    space = a.journal.space_id
    b.lock()  # the person locked the app: b's side cannot read or store anything

    async def locked() -> list[bytes]:
        _, y = channel_pair([space])
        with pytest.raises(VaultLocked):
            await async_run_round(b.log, y)
        return y.sent

    sent = asyncio.run(locked())
    abort = m.decode(sent[-1])
    assert isinstance(abort, m.Abort) and "could not store" in abort.reason
