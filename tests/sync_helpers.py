"""Test-only helpers for sync: replica vaults, and two reconcilers wired together in memory
through a link that may drop, duplicate, reorder or cut messages."""

from __future__ import annotations

import asyncio
import random
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from haven.core.session import Session
from haven.errors import SyncError
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.sync import messages as m
from haven.sync.engine import SyncEngine, async_sync_once
from haven.sync.reconcile import Reconciler, SyncReport
from tests.helpers import new_session, replica_of


def make_replicas(root: Path, n: int) -> list[Session]:
    """n vaults sharing one persona and journal space, each with its own device id."""
    first = new_session(root / "r0")
    return [first] + [replica_of(first, root / f"r{i}") for i in range(1, n)]


def missing(x: Session, y: Session) -> int:
    """How many events x holds that y lacks (vault creation may write events of its own,
    e.g. a device's link event, so tests count rather than assume)."""
    space = x.journal.space_id
    return len(x.log.envelopes_after(space, y.log.chain_tips(space), 10**9))


def journal_state(s: Session) -> list[tuple[object, ...]]:
    """Everything the journal projection shows, in a comparable form."""
    return sorted(
        (e.entry_id, e.title, e.body, e.mood, e.tags, e.created_ms, e.updated_ms)
        for e in s.journal.list()
    )


def persona_seed(s: Session) -> bytes:
    with s.vault.read() as conn:
        row = ids.get_persona(conn, s.identity.primary().persona_id)
    assert row is not None
    return row.sign_seed


def device_seed(s: Session) -> bytes:
    """The seed of the device key this replica signs its journal events with."""
    with s.vault.read() as conn:
        seed = dt.get_sign_seed(conn, s.identity.device_id)
    assert seed is not None
    return seed


def epoch_key(s: Session) -> bytes:
    with s.vault.read() as conn:
        key = ids.get_epoch_key(conn, s.journal.space_id, 0)
    assert key is not None
    return key


# A link decides, for each message put on it, what actually arrives: a list (empty = lost,
# two copies = duplicated). `reorder` lets it swap the next two queued messages.
Link = Callable[[bytes], list[bytes]]


def perfect(message: bytes) -> list[bytes]:
    return [message]


@dataclass
class LossyLink:
    rng: random.Random
    p_drop: float = 0.05
    p_dup: float = 0.05
    p_swap: float = 0.05
    dropped: int = 0
    duplicated: int = 0

    def __call__(self, message: bytes) -> list[bytes]:
        r = self.rng.random()
        if r < self.p_drop:
            self.dropped += 1
            return []
        if r < self.p_drop + self.p_dup:
            self.duplicated += 1
            return [message, message]
        return [message]

    def swap(self) -> bool:
        return self.rng.random() < self.p_swap


@dataclass
class Wire:
    """What travelled, for assertions: (direction, decoded message) in delivery order."""

    log: list[tuple[str, m.Message]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def batches(self, direction: str) -> list[m.Batch]:
        return [msg for d, msg in self.log if d == direction and isinstance(msg, m.Batch)]

    def max_unacked(self, direction: str) -> int:
        """Most batches from `direction`'s sender delivered but not yet acknowledged."""
        back = "ba" if direction == "ab" else "ab"
        worst = outstanding = 0
        for d, msg in self.log:
            if d == direction and isinstance(msg, m.Batch):
                outstanding += 1
            elif d == back and isinstance(msg, m.Ack):
                outstanding -= 1
            worst = max(worst, outstanding)
        return worst


def run_round(
    a: Reconciler,
    b: Reconciler,
    link: Link = perfect,
    cut_after_batches: int | None = None,
    swap: Callable[[], bool] | None = None,
) -> tuple[SyncReport, SyncReport, Wire]:
    """Run one round to its end: both finished, an error on either side (the channel is then
    closed), a cut, or nothing left in transit (a lost message stalls the round)."""
    wire = Wire()
    queues: dict[str, deque[bytes]] = {"ab": deque(), "ba": deque()}
    for raw in a.start():
        queues["ab"].extend(link(raw))
    for raw in b.start():
        queues["ba"].extend(link(raw))
    delivered_batches = 0
    turn = 0
    while queues["ab"] or queues["ba"]:
        direction = ("ab", "ba")[turn % 2]
        turn += 1
        queue = queues[direction]
        if not queue:
            continue
        if swap is not None and len(queue) >= 2 and swap():
            queue[0], queue[1] = queue[1], queue[0]
        raw = queue.popleft()
        receiver, back = (b, "ba") if direction == "ab" else (a, "ab")
        try:
            msg: m.Message | None = m.decode(raw)
        except SyncError:
            msg = None  # the receiver finds out below
        if msg is not None:
            wire.log.append((direction, msg))
        if isinstance(msg, m.Batch):
            if cut_after_batches is not None and delivered_batches >= cut_after_batches:
                break
            delivered_batches += 1
        try:
            replies = receiver.receive(raw)
        except SyncError as exc:
            wire.errors.append(str(exc))
            break
        for reply in replies:
            queues[back].extend(link(reply))
        if a.finished and b.finished:
            break
    return a.report(), b.report(), wire


def sync_pair(x: Session, y: Session, **kwargs: object) -> tuple[SyncReport, SyncReport]:
    """One clean in-memory round over the journal space."""
    space = x.journal.space_id
    ra = Reconciler(x.log, [space], **kwargs)  # type: ignore[arg-type]
    rb = Reconciler(y.log, [space], **kwargs)  # type: ignore[arg-type]
    rep_a, rep_b, wire = run_round(ra, rb)
    assert not wire.errors, wire.errors
    assert rep_a.complete and rep_b.complete
    return rep_a, rep_b


def tcp_sync(server: Session, client: Session, wait_s: float = 60.0) -> SyncReport:
    """One real sync round over TCP: `server` listens on 127.0.0.1, `client` connects.
    Returns the client's report."""
    engine = SyncEngine(server)
    engine.start()
    try:
        port = engine.serve("127.0.0.1", 0)
        report = asyncio.run(asyncio.wait_for(async_sync_once(client, "127.0.0.1", port), wait_s))
        assert report.complete and report.error == ""
    finally:
        engine.stop()
    return report


def record_received(session: Session) -> list[bytes]:
    """Every envelope the session's log is handed to open from now on: what crossed the
    connection, once the channel's own encryption is off."""
    seen: list[bytes] = []
    opener = session.log.open_envelopes

    def recording(envelopes: Sequence[bytes], *args: Any, **kwargs: Any) -> Any:
        seen.extend(envelopes)
        return opener(envelopes, *args, **kwargs)

    session.log.open_envelopes = recording  # type: ignore[method-assign]
    return seen
