"""The reconciliation state machine, without I/O (docs/PROTOCOL.md, "Reconciliation").

One `Reconciler` runs one round on one side of a channel. Both sides are the same machine:
each sends its chain tips for every shared space, then sends, in numbered batches, exactly
the events the other side's tips show it lacks, at most `window` batches ahead of the
other side's acknowledgements. A batch is acknowledged only after `log.ingest` has
committed it, so an interrupted round keeps every batch that was acknowledged (and every
batch that was committed but not yet acknowledged) and the next round resumes from the tips.

The machine takes message bytes in and returns message bytes out; the engine (engine.py)
moves them over a channel, and the tests wire two machines together in memory. Receiving is
split in two so the engine can pipeline it: `prepare` (decode a message, open a batch's
events: the costly, stateless part) may run on another thread, ahead of `receive_prepared`
(everything that depends on the round and the log), which commits consecutive batches in one
transaction and acknowledges each of them after that commit.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from haven.core.envelope import read_header
from haven.core.eventlog import IngestResult, KeyRing, OpenedBatch
from haven.errors import InvalidEvent, SyncError
from haven.sync import messages as m

#: Batches a sender keeps unacknowledged before it waits. The receiver commits the batches
#: that wait together in one transaction, and a larger transaction rewrites fewer index pages
#: per event: 100,000 events synced at 41 % of the crypto floor with 4, 51 % with 16.
DEFAULT_WINDOW = 16
#: The sender reads its log in pages of about this many bytes (the first page is small, as
#: nothing is known yet about event sizes), never more than `window` batches' worth.
FETCH_BYTES = 4 * 1024 * 1024
FIRST_FETCH_EVENTS = 64


class SyncLog(Protocol):
    """What the machine needs from the event log (core.eventlog.EventLog provides it)."""

    def chain_heads(self, space_id: bytes) -> dict[tuple[bytes, bytes], tuple[int, bytes]]: ...

    def fork_evidence(
        self, space_id: bytes, remote: dict[tuple[bytes, bytes], tuple[int, bytes]]
    ) -> list[bytes]: ...

    def envelopes_after(
        self, space_id: bytes, remote_tips: dict[tuple[bytes, bytes], int], limit: int
    ) -> list[bytes]: ...

    def key_ring(self) -> KeyRing: ...

    def open_envelopes(
        self,
        untrusted_envelopes: Sequence[bytes],
        keys: KeyRing | None = None,
        *,
        parallel: bool = True,
    ) -> OpenedBatch: ...

    def ingest_opened(
        self, batches: Sequence[OpenedBatch], *, settle_later: bool = False
    ) -> list[IngestResult]: ...

    def settle(self) -> None: ...

    def expect_incoming(self, events: int) -> None: ...


@dataclass(frozen=True)
class Prepared:
    """A message off the wire after `Reconciler.prepare`: decoded and, for a batch, its
    events opened; or the reason it cannot be used (raised when it is received, in order)."""

    size: int
    message: m.Message | None = None
    opened: OpenedBatch | None = None
    error: SyncError | None = None


@dataclass(frozen=True)
class SpaceReport:
    """What one round did for one space: counts only, never content."""

    space_id: bytes
    sent: int = 0
    received: int = 0
    accepted: int = 0
    duplicates: int = 0
    held: int = 0
    rejected: int = 0
    equivocations: int = 0
    own_from_elsewhere: int = 0  # this device's own events, written by another copy of it
    unknown: int = 0  # new events of a type only a newer version knows (kept, not applied)


@dataclass(frozen=True)
class SyncReport:
    spaces: tuple[SpaceReport, ...]
    complete: bool
    bytes_sent: int
    bytes_received: int
    error: str = ""

    @property
    def sent(self) -> int:
        return sum(s.sent for s in self.spaces)

    @property
    def received(self) -> int:
        return sum(s.received for s in self.spaces)

    @property
    def rejected(self) -> int:
        return sum(s.rejected for s in self.spaces)

    @property
    def equivocations(self) -> int:
        return sum(s.equivocations for s in self.spaces)

    @property
    def own_from_elsewhere(self) -> int:
        return sum(s.own_from_elsewhere for s in self.spaces)

    @property
    def unknown(self) -> int:
        return sum(s.unknown for s in self.spaces)


@dataclass
class _Outgoing:
    cursor: dict[tuple[bytes, bytes], int] | None = None  # the peer's tips plus what we sent
    next_number: int = 0
    in_flight: deque[int] = field(default_factory=deque)
    exhausted: bool = False
    sent: int = 0
    pending: deque[bytes] = field(default_factory=deque)  # read from the log, not yet sent
    fetch_limit: int = 0  # events to read next time; 0 until the first page
    drained: bool = False  # the log had nothing more when last asked


@dataclass
class _Incoming:
    next_number: int = 0
    done: bool = False
    received: int = 0
    accepted: int = 0
    duplicates: int = 0
    held: int = 0
    rejected: int = 0
    equivocations: int = 0
    own_from_elsewhere: int = 0
    unknown: int = 0


class Reconciler:
    def __init__(
        self,
        log: SyncLog,
        space_ids: Sequence[bytes],
        *,
        window: int = DEFAULT_WINDOW,
        max_batch_events: int = m.MAX_BATCH_EVENTS,
        max_batch_bytes: int = m.MAX_BATCH_BYTES,
        settle_at_end: bool = True,
    ) -> None:
        """`settle_at_end=False`: the caller settles the log once the round's last messages
        are sent (the engine does, so the peer's last acknowledgements never wait for a
        recompute of a large space)."""
        if len(set(space_ids)) != len(space_ids):
            raise ValueError("space ids must be distinct")
        if not (
            window >= 1
            and 1 <= max_batch_events <= m.MAX_BATCH_EVENTS
            and 1 <= max_batch_bytes <= m.MAX_BATCH_BYTES
        ):
            raise ValueError("window and batch limits out of range")
        self._log = log
        self._keys = log.key_ring()
        self._our_tips: dict[bytes, m.ChainTips] = {}  # what start() told the peer
        self._order = list(space_ids)
        self._out = {s: _Outgoing() for s in space_ids}
        self._in = {s: _Incoming() for s in space_ids}
        self._window = window
        self._max_events = max_batch_events
        self._max_bytes = max_batch_bytes
        self._settle_at_end = settle_at_end
        self._started = False
        self._failed: str | None = None
        self.bytes_sent = 0
        self.bytes_received = 0
        self.forks_seen = 0  # chains whose tip the peer holds a different event for

    # ----------------------------------------------------------------- driving

    def start(self) -> list[bytes]:
        """The opening messages: our tips for every shared space."""
        if self._started:
            raise SyncError("the round has already started")
        self._started = True
        heads = {s: self._log.chain_heads(s) for s in self._order}
        self._our_tips = {s: {c: seq for c, (seq, _) in h.items()} for s, h in heads.items()}
        return self._emit(
            [
                m.Tips(s, self._our_tips[s], {c: head for c, (_, head) in heads[s].items()})
                for s in self._order
            ]
        )

    def receive(self, untrusted: bytes) -> list[bytes]:
        """Handle one message from the peer; return the messages to send back. Raises
        SyncError (and the round is over) on anything the protocol does not allow; nothing
        from the offending message has been applied then."""
        return self.receive_prepared([self.prepare(untrusted)])

    def prepare(self, untrusted: bytes) -> Prepared:
        """Decode a message and open a batch's events. Reads no state of the round, so it
        may run on another thread while `receive_prepared` handles earlier messages."""
        try:
            message = m.decode(untrusted)
            if not isinstance(message, m.Batch) or message.space_id not in self._out:
                return Prepared(len(untrusted), message)  # receive_prepared judges it
            opened = self._log.open_envelopes(message.envelopes, self._keys, parallel=False)
            if any(h.space_id != message.space_id for h in opened.headers()):
                raise SyncError("batch holds an event of another space")
            return Prepared(len(untrusted), message, opened)
        except SyncError as exc:
            return Prepared(len(untrusted), error=exc)

    def receive_prepared(self, prepared: Sequence[Prepared]) -> list[bytes]:
        """Handle prepared messages in their order; return the messages to send back. A run
        of batches is committed in one transaction, then each is acknowledged. On a
        protocol error the batches before the offending message are still committed (not
        acknowledged: the round is over) and SyncError is raised."""
        if self._failed is not None:
            raise SyncError(f"the round has already failed: {self._failed}")
        if not self._started:
            raise SyncError("the round has not started")
        replies: list[m.Message] = []
        run: list[tuple[m.Batch, OpenedBatch]] = []
        try:
            for item in prepared:
                self.bytes_received += item.size
                if item.error is not None:
                    raise item.error
                assert item.message is not None
                if isinstance(item.message, m.Batch):
                    run.append((item.message, self._accept_batch(item.message, item.opened)))
                    continue
                replies += self._commit(run)
                replies += self._handle(item.message)
            replies += self._commit(run)
        except SyncError as exc:
            self._failed = str(exc)
            self._commit(run)
            self._log.settle()
            raise
        if self.finished and self._settle_at_end:
            self._log.settle()  # what the round's ingests left stale, recomputed once
        return self._emit(replies)

    def fail(self, reason: str) -> bytes:
        """Give up (timeout, closed connection…); returns an Abort to send if still possible."""
        if self._failed is None:
            self._failed = reason
        return m.encode(m.Abort(reason))

    @property
    def finished(self) -> bool:
        """Both directions are complete for every space: safe to close the channel."""
        return (
            self._started
            and self._failed is None
            and all(
                self._in[s].done and self._out[s].exhausted and not self._out[s].in_flight
                for s in self._order
            )
        )

    def report(self) -> SyncReport:
        spaces = tuple(
            SpaceReport(
                s,
                self._out[s].sent,
                self._in[s].received,
                self._in[s].accepted,
                self._in[s].duplicates,
                self._in[s].held,
                self._in[s].rejected,
                self._in[s].equivocations,
                self._in[s].own_from_elsewhere,
                self._in[s].unknown,
            )
            for s in self._order
        )
        return SyncReport(
            spaces, self.finished, self.bytes_sent, self.bytes_received, self._failed or ""
        )

    # ----------------------------------------------------------------- handlers

    def _check_space(self, message: m.Tips | m.Batch | m.Ack | m.Done) -> None:
        if message.space_id not in self._out:
            raise SyncError("sync message for a space that is not shared on this channel")

    def _handle(self, message: m.Message) -> list[m.Message]:
        """Every message but a batch (receive_prepared takes those)."""
        if isinstance(message, m.Abort):
            raise SyncError(f"the peer ended the sync: {message.reason}")
        assert not isinstance(message, m.Batch)
        self._check_space(message)
        space = message.space_id
        if isinstance(message, m.Tips):
            return self._on_tips(space, message.tips, message.heads)
        if isinstance(message, m.Ack):
            return self._on_ack(space, message.number)
        return self._on_done(space, message.batches)

    def _on_tips(self, space: bytes, tips: m.ChainTips, heads: m.ChainHeads) -> list[m.Message]:
        out = self._out[space]
        if out.cursor is not None:
            raise SyncError("the peer sent its tips twice")
        out.cursor = dict(tips)
        # A fork: the peer's tip event is not ours at that number. Send ours first (the peer
        # records the fork, and records it once); the rest of that chain cannot follow the
        # peer's branch, so it is not sent.
        remote = {c: (seq, heads.get(c, m.NO_HEAD)) for c, seq in tips.items()}
        for envelope in self._log.fork_evidence(space, remote):
            header, _, _ = read_header(envelope)
            chain = (header.author, header.device)
            out.cursor[chain] = max(out.cursor[chain], self._our_tips[space].get(chain, 0))
            out.pending.append(envelope)
            self.forks_seen += 1
        # The peer's tips against ours (as sent in start) say how much it is about to send.
        ours = self._our_tips[space]
        self._log.expect_incoming(sum(max(0, seq - ours.get(c, 0)) for c, seq in tips.items()))
        return self._fill(space)

    def _accept_batch(self, batch: m.Batch, opened: OpenedBatch | None) -> OpenedBatch:
        """Check a batch's place in the round; it is committed with the rest of its run."""
        self._check_space(batch)
        inc = self._in[batch.space_id]
        if inc.done or batch.number != inc.next_number:
            raise SyncError("batch out of order")
        assert opened is not None  # prepare opens every batch of a shared space
        inc.next_number += 1
        return opened

    def _commit(self, run: list[tuple[m.Batch, OpenedBatch]]) -> list[m.Message]:
        """Ingest a run of batches (and empty the list, so it is never committed twice)."""
        if not run:
            return []
        taken, run[:] = list(run), []
        # Recomputes wait for the round's end (`settle`): the peer chooses the batches, and
        # one late event per batch must not cost a whole recompute each.
        results = self._log.ingest_opened([opened for _, opened in taken], settle_later=True)
        acks: list[m.Message] = []
        for (batch, _), result in zip(taken, results, strict=True):
            inc = self._in[batch.space_id]
            inc.received += len(batch.envelopes)
            inc.accepted += len(result.accepted)
            inc.duplicates += result.duplicates
            inc.held += result.held
            inc.rejected += result.rejected_count
            inc.equivocations += result.equivocations
            inc.own_from_elsewhere += result.own_from_elsewhere
            inc.unknown += result.unknown
            acks.append(m.Ack(batch.space_id, batch.number))
        return acks

    def _on_ack(self, space: bytes, number: int) -> list[m.Message]:
        out = self._out[space]
        if not out.in_flight or out.in_flight[0] != number:
            raise SyncError("acknowledgement for a batch that is not in flight")
        out.in_flight.popleft()
        return self._fill(space)

    def _on_done(self, space: bytes, batches: int) -> list[m.Message]:
        inc = self._in[space]
        if inc.done or batches != inc.next_number:
            raise SyncError("the peer's batch count does not match")
        inc.done = True
        return []

    # ----------------------------------------------------------------- sending

    def _fill(self, space: bytes) -> list[m.Message]:
        """Batches up to the window, then Done once nothing is left."""
        out = self._out[space]
        msgs: list[m.Message] = []
        while not out.exhausted and len(out.in_flight) < self._window:
            envelopes = self._next_batch(space, out)
            if not envelopes:
                out.exhausted = True
                msgs.append(m.Done(space, out.next_number))
                break
            msgs.append(m.Batch(space, out.next_number, tuple(envelopes)))
            out.in_flight.append(out.next_number)
            out.next_number += 1
            out.sent += len(envelopes)
        return msgs

    def _next_batch(self, space: bytes, out: _Outgoing) -> list[bytes]:
        taken: list[bytes] = []
        size = 0
        while len(taken) < self._max_events:
            if not out.pending and not self._refill(space, out):
                break
            envelope = out.pending[0]
            if size + len(envelope) > self._max_bytes:
                if not taken:
                    raise SyncError("an event is larger than a sync batch may be")
                break
            taken.append(out.pending.popleft())
            size += len(envelope)
        return taken

    def _refill(self, space: bytes, out: _Outgoing) -> bool:
        """Read the next page of what the peer lacks. Pages are sized from the last page's
        average envelope to about FETCH_BYTES, so a large log is read in few queries (each
        one costs a pass over the space's chain tips) without holding much in memory."""
        assert out.cursor is not None
        if out.drained:
            return False
        limit = out.fetch_limit or min(FIRST_FETCH_EVENTS, self._max_events)
        fetched = self._log.envelopes_after(space, out.cursor, limit)
        if not fetched:
            out.drained = True
            return False
        for envelope in fetched:
            try:
                header, _, _ = read_header(envelope)
            except InvalidEvent as exc:  # our own log: never expected
                raise SyncError("an event in this vault's log cannot be read") from exc
            key = (header.author, header.device)
            if header.seq != out.cursor.get(key, 0) + 1:
                raise SyncError("this vault's log returned events out of order")
            out.cursor[key] = header.seq
            out.pending.append(envelope)
        average = max(1, sum(map(len, fetched)) // len(fetched))
        out.fetch_limit = max(1, min(self._window * self._max_events, FETCH_BYTES // average))
        return True

    def _emit(self, msgs: list[m.Message]) -> list[bytes]:
        encoded = [m.encode(msg) for msg in msgs]
        self.bytes_sent += sum(len(e) for e in encoded)
        return encoded
