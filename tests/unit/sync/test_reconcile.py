"""The reconciliation machine wired to another one in memory, over real vaults."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import msgpack
import pytest

from haven.core.eventlog import IngestResult, KeyRing, OpenedBatch
from haven.core.session import Session
from haven.errors import SyncError
from haven.sync import messages as m
from haven.sync.reconcile import Reconciler
from tests.sync_helpers import journal_state, make_replicas, missing, run_round, sync_pair


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[list[Session]]:
    sessions = make_replicas(tmp_path, 2)
    yield sessions
    for s in sessions:
        s.lock()


def _write(s: Session, n: int, prefix: str = "entry") -> list[bytes]:
    return [
        s.journal.add(
            f"{prefix} {i} body", title=f"{prefix} {i}", mood=1 + i % 5, tags=(prefix, f"t{i % 3}")
        )
        for i in range(n)
    ]


def _machines(x: Session, y: Session, **kw: int) -> tuple[Reconciler, Reconciler]:
    space = x.journal.space_id
    return Reconciler(x.log, [space], **kw), Reconciler(y.log, [space], **kw)


def test_messages_round_trip() -> None:
    space, author, device = bytes(16), bytes(range(32)), bytes(range(16))
    for msg in (
        m.Tips(space, {(author, device): 7}, {(author, device): bytes(range(32))}),
        m.Tips(space, {}),
        m.Batch(space, 3, (b"abc", b"de")),
        m.Ack(space, 3),
        m.Done(space, 4),
        m.Abort("timeout"),
    ):
        assert m.decode(m.encode(msg)) == msg


def test_empty_and_full_converge(pair: list[Session]) -> None:
    a, b = pair
    _write(a, 40)
    a_has, b_has = missing(a, b), missing(b, a)
    assert a_has >= 40
    rep_a, rep_b = sync_pair(a, b)
    assert (rep_a.sent, rep_a.received) == (a_has, b_has)
    assert rep_b.received == a_has and rep_b.spaces[0].accepted == a_has
    assert missing(a, b) == missing(b, a) == 0
    assert journal_state(a) == journal_state(b)
    assert a.log.chain_tips(a.journal.space_id) == b.log.chain_tips(b.journal.space_id)


def test_divergence_on_both_sides_is_merged_in_one_round(pair: list[Session]) -> None:
    a, b = pair
    _write(a, 12, "left")
    _write(b, 17, "right")
    a_has, b_has = missing(a, b), missing(b, a)
    assert a_has >= 12 and b_has >= 17
    rep_a, rep_b = sync_pair(a, b)
    assert (rep_a.sent, rep_a.received) == (a_has, b_has)
    assert (rep_b.sent, rep_b.received) == (b_has, a_has)
    assert len(journal_state(a)) == 29 and journal_state(a) == journal_state(b)
    # Nothing is left to send: a second round carries only tips and Done.
    again_a, again_b = sync_pair(a, b)
    assert again_a.sent == again_b.sent == 0


def test_edits_and_deletes_follow(pair: list[Session]) -> None:
    a, b = pair
    ids = _write(a, 5)
    sync_pair(a, b)
    b.journal.edit(ids[0], body="changed on b", mood=None)
    b.journal.delete(ids[1])
    sync_pair(a, b)
    assert a.journal.get(ids[0]).body == "changed on b" and a.journal.get(ids[0]).mood is None
    assert ids[1] not in {e.entry_id for e in a.journal.list()}
    assert journal_state(a) == journal_state(b)


def _catch_up_bytes(x: Session, y: Session, n: int, d: int) -> tuple[int, int]:
    _write(x, n, "base")
    sync_pair(x, y)
    _write(x, d, "new")
    rep_x, rep_y = sync_pair(x, y)
    assert rep_x.sent == d and rep_y.received == d
    return rep_x.bytes_sent, rep_y.bytes_sent


def test_catch_up_costs_the_missing_events_not_the_log(tmp_path: Path) -> None:
    small = make_replicas(tmp_path / "small", 2)
    large = make_replicas(tmp_path / "large", 2)
    small_sent, small_back = _catch_up_bytes(small[0], small[1], n=20, d=5)
    large_sent, large_back = _catch_up_bytes(large[0], large[1], n=400, d=5)
    # Same d, 20x the log: the same bytes up to a few bytes of varint width per message.
    assert abs(large_sent - small_sent) <= 64 and abs(large_back - small_back) <= 64
    envelope = max(len(e) for e in large[0].log.envelopes_after(large[0].journal.space_id, {}, 1))
    assert large_sent < 5 * envelope + 400
    for s in small + large:
        s.lock()


def test_batches_respect_limits_and_the_window(pair: list[Session]) -> None:
    a, b = pair
    _write(a, 20)
    total = missing(a, b)
    ra, rb = _machines(a, b, window=2, max_batch_events=3)
    rep_a, rep_b, wire = run_round(ra, rb)
    assert not wire.errors and rep_a.complete and rep_b.complete
    batches = wire.batches("ab")
    full, rest = divmod(total, 3)
    assert [len(x.envelopes) for x in batches] == [3] * full + ([rest] if rest else [])
    assert [x.number for x in batches] == list(range(len(batches)))
    assert wire.max_unacked("ab") == 2
    assert journal_state(a) == journal_state(b)


class CountingLog:
    """A SyncLog that counts how often the sender reads the log, and how much at once."""

    def __init__(self, inner: Session) -> None:
        self.inner = inner.log
        self.limits: list[int] = []

    def chain_heads(self, space_id: bytes) -> dict[tuple[bytes, bytes], tuple[int, bytes]]:
        return self.inner.chain_heads(space_id)

    def fork_evidence(
        self, space_id: bytes, remote: dict[tuple[bytes, bytes], tuple[int, bytes]]
    ) -> list[bytes]:
        return self.inner.fork_evidence(space_id, remote)

    def envelopes_after(
        self, space_id: bytes, remote_tips: dict[tuple[bytes, bytes], int], limit: int
    ) -> list[bytes]:
        self.limits.append(limit)
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
        return self.inner.ingest_opened(batches, settle_later=settle_later)


def test_sender_reads_its_log_in_few_bounded_pages(pair: list[Session]) -> None:
    a, b = pair
    _write(a, 1500)
    counting = CountingLog(a)
    space = a.journal.space_id
    ra, rb = Reconciler(counting, [space], window=4), Reconciler(b.log, [space])
    _, _, wire = run_round(ra, rb)
    assert not wire.errors and journal_state(a) == journal_state(b)
    # A small first page, then pages of at most a window of batches, then one empty read.
    assert counting.limits[0] == 64 and max(counting.limits) == 4 * m.MAX_BATCH_EVENTS
    assert len(counting.limits) <= 4
    assert all(len(x.envelopes) <= m.MAX_BATCH_EVENTS for x in wire.batches("ab"))


def test_byte_limit_splits_batches(pair: list[Session]) -> None:
    a, b = pair
    _write(a, 10)
    total = missing(a, b)
    size = max(map(len, a.log.envelopes_after(a.journal.space_id, {}, 100)))
    ra, rb = _machines(a, b, max_batch_bytes=size * 3 + 1)
    _, _, wire = run_round(ra, rb)
    assert not wire.errors
    assert all(sum(map(len, x.envelopes)) <= size * 3 + 1 for x in wire.batches("ab"))
    assert sum(len(x.envelopes) for x in wire.batches("ab")) == total
    assert len(wire.batches("ab")) >= total // 3
    assert journal_state(a) == journal_state(b)


def test_interrupted_round_keeps_received_batches_and_resumes(pair: list[Session]) -> None:
    a, b = pair
    sync_pair(a, b)  # only a has something to send, so every batch goes a -> b
    _write(a, 20)
    total, before = missing(a, b), b.log.count()
    ra, rb = _machines(a, b, max_batch_events=4)
    rep_a, rep_b, _ = run_round(ra, rb, cut_after_batches=2)
    assert not rep_a.complete and not rep_b.complete
    assert rep_b.received == 8 and b.log.count() == before + 8
    ra, rb = _machines(a, b, max_batch_events=4)
    rep_a, rep_b, wire = run_round(ra, rb)
    assert not wire.errors and rep_a.complete
    assert rep_a.sent == total - 8 and rep_b.spaces[0].duplicates == 0
    assert journal_state(a) == journal_state(b)


# ------------------------------------------------------------------ bad input


def _started(s: Session) -> Reconciler:
    r = Reconciler(s.log, [s.journal.space_id])
    r.start()
    return r


def _raw(*fields: object) -> bytes:
    return bytes(msgpack.packb(list(fields), use_bin_type=True))


def test_malformed_unknown_and_oversize_messages_are_refused(pair: list[Session]) -> None:
    a, _ = pair
    space = a.journal.space_id
    cases = {
        b"\xc1garbage": "malformed",
        _raw(m.VERSION, 99, space): "unknown sync message type",
        _raw(2, m.T_ACK, space, 0): "version",
        _raw(m.VERSION, m.T_ACK, space): "wrong number of fields",
        _raw(m.VERSION, m.T_ACK, b"short", 0): "space id",
        _raw(m.VERSION, m.T_ACK, space, -1): "malformed number",
        _raw(m.VERSION, m.T_BATCH, space, 0, []): "between 1 and",
        _raw(m.VERSION, m.T_BATCH, space, 0, [b"x"] * (m.MAX_BATCH_EVENTS + 1)): "between 1",
        _raw(
            m.VERSION, m.T_BATCH, space, 0, [b"x" * (m.MAX_BATCH_BYTES // 2 + 8)] * 2
        ): "larger than the limit",
        b"\x00" * (m.MAX_MESSAGE_BYTES + 1): "larger than the limit",
        _raw(m.VERSION, m.T_TIPS, space, [[b"a", b"d", 1]]): "chain tip",
        _raw(m.VERSION, m.T_ACK, bytes(16), 0): "not shared",
        _raw(m.VERSION, m.T_ACK, space, 0): "not in flight",
        _raw(m.VERSION, m.T_DONE, space, 3): "count does not match",
        _raw(m.VERSION, m.T_BATCH, space, 5, [b"x"]): "out of order",
        _raw(m.VERSION, m.T_ABORT, "timeout"): "peer ended",
        # Non-canonical: an int that fits in one byte written in four.
        b"\x94\x01\x03" + msgpack.packb(space) + b"\xce\x00\x00\x00\x00": "canonical",
    }
    for raw, reason in cases.items():
        r = _started(a)
        with pytest.raises(SyncError, match=reason):
            r.receive(raw)
        # A failed round refuses everything after.
        with pytest.raises(SyncError, match="already failed"):
            r.receive(m.encode(m.Done(space, 0)))
        assert not r.finished and r.report().error


def test_bad_batch_applies_nothing(pair: list[Session]) -> None:
    a, b = pair
    _write(a, 3)
    good = a.log.envelopes_after(a.journal.space_id, b.log.chain_tips(b.journal.space_id), 10)
    entries_before = b.journal.list()
    space = b.journal.space_id
    # A valid event followed by an event claiming another space: the whole batch is refused.
    forged_space = bytearray(good[1])
    idx = forged_space.index(space)
    forged_space[idx : idx + 16] = bytes(16)
    before = b.log.count()
    r = _started(b)
    with pytest.raises(SyncError, match="another space"):
        r.receive(_raw(m.VERSION, m.T_BATCH, space, 0, [good[0], bytes(forged_space)]))
    assert b.log.count() == before and b.journal.list() == entries_before


def test_abort_reason_from_the_peer_is_made_printable(pair: list[Session]) -> None:
    a, _ = pair
    with pytest.raises(SyncError, match=r"peer ended the sync: bad\?\[2Jthing") as info:
        _started(a).receive(_raw(m.VERSION, m.T_ABORT, "bad\x1b[2Jthing"))
    assert "\x1b" not in str(info.value)


def test_second_tips_and_start_twice_are_errors(pair: list[Session]) -> None:
    a, _ = pair
    space = a.journal.space_id
    r = _started(a)
    r.receive(m.encode(m.Tips(space, {})))
    with pytest.raises(SyncError, match="twice"):
        r.receive(m.encode(m.Tips(space, {})))
    with pytest.raises(SyncError, match="already started"):
        _started(a).start()
    with pytest.raises(SyncError, match="not started"):
        Reconciler(a.log, [space]).receive(m.encode(m.Tips(space, {})))


def test_rejected_events_in_a_batch_are_counted_not_applied(pair: list[Session]) -> None:
    a, b = pair
    _write(a, 2)
    good = a.log.envelopes_after(a.journal.space_id, b.log.chain_tips(b.journal.space_id), 10)
    before = b.log.count()
    tampered = bytearray(good[1])
    tampered[-5] ^= 0x01
    r = _started(b)
    replies = r.receive(
        _raw(m.VERSION, m.T_BATCH, b.journal.space_id, 0, [good[0], bytes(tampered)])
    )
    assert [m.decode(x) for x in replies] == [m.Ack(b.journal.space_id, 0)]
    report = r.report().spaces[0]
    assert (report.received, report.accepted, report.rejected) == (2, 1, 1)
    assert b.log.count() == before + 1
