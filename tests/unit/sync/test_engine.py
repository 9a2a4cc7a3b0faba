"""async_run_round over an in-memory channel pair: both directions, timeouts, a peer that
vanishes mid-round (what arrived is kept), and which proven spaces are synced."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from haven.core.eventlog import IngestResult, KeyRing, OpenedBatch
from haven.core.session import Session
from haven.core.space_secrets import PAIRING_SPACE_ID, SpaceSecret
from haven.errors import VaultLocked
from haven.sync import messages as m
from haven.sync.channel import ChannelClosed
from haven.sync.engine import READ_AHEAD, SyncFailed, async_run_round, shared_space_ids
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
        their_tips = m.decode(await theirs.recv())
        assert isinstance(their_tips, m.Tips) and their_tips.tips == tips
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


class GatedLog:
    """A SyncLog over a real event log whose commits wait for `gate`, and which records how
    many batches each transaction took."""

    def __init__(self, session: Session) -> None:
        self.inner = session.log
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.transactions: list[int] = []
        self.first = 0  # batches in the first transaction

    def chain_heads(self, space_id: bytes) -> dict[tuple[bytes, bytes], tuple[int, bytes]]:
        return self.inner.chain_heads(space_id)

    def fork_evidence(
        self, space_id: bytes, remote: dict[tuple[bytes, bytes], tuple[int, bytes]]
    ) -> list[bytes]:
        return self.inner.fork_evidence(space_id, remote)

    def envelopes_after(
        self, space_id: bytes, remote_tips: dict[tuple[bytes, bytes], int], limit: int
    ) -> list[bytes]:
        return self.inner.envelopes_after(space_id, remote_tips, limit)

    def key_ring(self) -> KeyRing:
        return self.inner.key_ring()

    def open_envelopes(
        self,
        untrusted_envelopes: Sequence[bytes],
        keys: KeyRing | None = None,
        *,
        parallel: bool = True,
    ) -> OpenedBatch:
        return self.inner.open_envelopes(untrusted_envelopes, keys, parallel=parallel)

    def expect_incoming(self, events: int) -> None:
        self.inner.expect_incoming(events)

    def settle(self) -> None:
        self.inner.settle()

    def ingest_opened(
        self, batches: Sequence[OpenedBatch], *, settle_later: bool = False
    ) -> list[IngestResult]:
        if not self.entered.is_set():
            self.first = len(batches)
        self.entered.set()
        assert self.gate.wait(10), "the test never opened the gate"
        self.transactions.append(len(batches))
        return self.inner.ingest_opened(batches, settle_later=settle_later)


class CountingChannel(MemoryChannel):
    """Counts messages taken, and calls to recv: once the reader asks for message n + 1,
    it has prepared and queued message n."""

    received = 0
    calls = 0

    async def recv(self) -> bytes:
        self.calls += 1
        payload = await super().recv()
        self.received += 1
        return payload


async def _until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def _feeding(a: Session, b: Session, batches: int) -> list[bytes]:
    """`batches` batch messages of every event of a's that b lacks, numbered from 0, two
    events each (the last one takes the rest)."""
    space = a.journal.space_id
    for i in range(batches * 2):
        a.journal.add(f"entry {i}")
    envelopes = a.log.envelopes_after(space, b.log.chain_tips(space), 10**6)
    cuts = [2 * n for n in range(batches)] + [len(envelopes)]  # the last takes what is left
    return [
        m.encode(m.Batch(space, n, tuple(envelopes[cuts[n] : cuts[n + 1]]))) for n in range(batches)
    ]


def test_batches_waiting_together_commit_in_one_transaction(pair: list[Session]) -> None:
    a, b = pair
    space = b.journal.space_id
    feed = _feeding(a, b, 4)
    missing_before = missing(a, b)
    gated = GatedLog(b)

    async def run() -> tuple[SyncReport, list[m.Message]]:
        x, theirs = channel_pair([space])
        mine = CountingChannel([space], x.inbox, x.outbox)
        task = asyncio.ensure_future(async_run_round(gated, mine))
        await theirs.send(m.encode(m.Tips(space, b.log.chain_tips(space))))
        for message in feed:
            await theirs.send(message)
        await theirs.send(m.encode(m.Done(space, len(feed))))
        await _until(gated.entered.is_set)  # the first transaction waits at the gate…
        await _until(lambda: mine.calls == len(feed) + 3)  # …while all the rest are queued
        gated.gate.set()
        replies = []
        while len([r for r in replies if isinstance(r, m.Ack)]) < len(feed):
            replies.append(m.decode(await theirs.recv()))
        return await task, replies

    report, replies = asyncio.run(run())
    assert report.complete and report.received == missing_before
    # The first transaction holds whatever was prepared when it began (usually batch 0
    # alone); everything prepared while it waited goes into the second. One transaction
    # per batch would make four.
    assert sum(gated.transactions) == len(feed) and len(gated.transactions) <= 2
    assert [r.number for r in replies if isinstance(r, m.Ack)] == [0, 1, 2, 3]
    assert missing(a, b) == 0


def test_a_bad_message_fails_the_round_after_the_batches_before_it(pair: list[Session]) -> None:
    a, b = pair
    space = b.journal.space_id
    feed = _feeding(a, b, 3)
    before = b.log.count()
    gated = GatedLog(b)
    out_of_order = m.decode(feed[2])
    assert isinstance(out_of_order, m.Batch)

    async def run() -> SyncFailed:
        x, theirs = channel_pair([space])
        mine = CountingChannel([space], x.inbox, x.outbox)
        task = asyncio.ensure_future(async_run_round(gated, mine))
        await theirs.send(m.encode(m.Tips(space, b.log.chain_tips(space))))
        await theirs.send(feed[0])
        await theirs.send(feed[1])
        await theirs.send(m.encode(m.Batch(space, 7, out_of_order.envelopes)))
        await _until(gated.entered.is_set)
        await _until(lambda: mine.calls == 5)  # all four queued behind the gate
        gated.gate.set()
        with pytest.raises(SyncFailed, match="out of order") as info:
            await task
        return info.value

    failure = asyncio.run(run())
    assert b.log.count() == before + 4  # batches 0 and 1 are kept; the bad one is not
    assert not failure.report.complete


def test_reading_ahead_is_bounded_while_a_commit_is_slow(pair: list[Session]) -> None:
    """A peer that ignores its window cannot make the receiver read (and hold in memory)
    more than READ_AHEAD messages beyond the one being committed."""
    a, b = pair
    space = b.journal.space_id
    feed = _feeding(a, b, 3 * READ_AHEAD)
    gated = GatedLog(b)

    async def run() -> int:
        x, theirs = channel_pair([space])
        mine = CountingChannel([space], x.inbox, x.outbox)
        task = asyncio.ensure_future(async_run_round(gated, mine))
        await theirs.send(m.encode(m.Tips(space, b.log.chain_tips(space))))
        for message in feed:
            await theirs.send(message)
        await _until(gated.entered.is_set)
        # Tips, the batches in the waiting transaction, READ_AHEAD queued, one waiting to
        # queue: then the reader stops. Wait for that, and a little longer to see it stay.
        await _until(lambda: mine.received == 1 + gated.first + READ_AHEAD + 1)
        await asyncio.sleep(0.2)
        read = mine.received
        gated.gate.set()
        await theirs.send(m.encode(m.Done(space, len(feed))))
        await task
        return read

    read = asyncio.run(run())
    assert gated.first >= 1
    assert read == 1 + gated.first + READ_AHEAD + 1 < 1 + len(feed)
    assert missing(a, b) == 0


class SettleRecorder(GatedLog):
    """Open-gated; records how many messages the round had sent at each settle, and holds
    the handling of the peer's tips until the reader has queued the batch and Done behind
    them (so the two are handled in one call, whose replies hold the batch's Ack)."""

    def __init__(self, session: Session, channel: MemoryChannel, queued: threading.Event):
        super().__init__(session)
        self.gate.set()
        self.channel, self.queued = channel, queued
        self.settled_at: list[int] = []

    def expect_incoming(self, events: int) -> None:
        assert self.queued.wait(10), "the reader never queued the peer's batch and Done"
        super().expect_incoming(events)

    def settle(self) -> None:
        self.settled_at.append(len(self.channel.sent))
        super().settle()


class QueuedSignal(MemoryChannel):
    """Sets `queued` when the reader asks for a fourth message: tips, batch and Done are
    prepared and queued by then."""

    def __init__(self, *args: object, queued: threading.Event) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.queued, self.calls = queued, 0

    async def recv(self) -> bytes:
        self.calls += 1
        if self.calls == 4:
            self.queued.set()
        return await super().recv()


def test_a_round_sends_its_last_acks_before_it_settles(pair: list[Session]) -> None:
    """What a peer's events leave stale is recomputed after the round's last messages went
    out: a recompute of a large space (seconds) must not hold back the peer's last Ack,
    which it waits for (within its idle limit) to end its round."""
    a, b = pair
    space = b.journal.space_id
    feed = _feeding(a, b, 1)
    queued = threading.Event()

    async def run() -> SettleRecorder:
        x, theirs = channel_pair([space])
        mine = QueuedSignal([space], x.inbox, x.outbox, queued=queued)
        log = SettleRecorder(b, mine, queued)
        for message in [m.encode(m.Tips(space, b.log.chain_tips(space))), *feed]:
            await theirs.send(message)
        await theirs.send(m.encode(m.Done(space, len(feed))))
        report = await async_run_round(log, mine)
        assert report.complete
        return log

    log = asyncio.run(run())
    last = m.decode(log.channel.sent[-1])
    assert isinstance(last, m.Ack)  # the round's last message acknowledges the batch
    assert log.settled_at and set(log.settled_at) == {len(log.channel.sent)}
    assert missing(a, b) == 0
