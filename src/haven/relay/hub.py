"""The relay's in-process core: group commit, reads, expiry, the disk cap and fan-out.

Runs on the asyncio loop but opens no sockets; the `Store` (storage.py) does the database
work, off the loop. `server.py` and `session.py` adapt it to WebSocket connections.

The disk cap is checked here, before an append is queued, against a running total of the
bytes stored (read from the database at start and refreshed every few seconds, so other relay
processes on the same PostgreSQL are counted too): refusing a blob costs no database work.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Protocol

from haven.relay import protocol
from haven.relay.mailbox import Limits
from haven.relay.metrics import Metrics
from haven.relay.storage import (
    AppendResult,
    Page,
    PendingAppend,
    Purged,
    StorageError,
    Store,
)

log = logging.getLogger("haven.relay")
#: A rewrite that could not take its lock in time (store.scrub) is tried again after this.
SCRUB_RETRY_REWRITE_S = 10.0

#: Appends committed together at most; more wait for the next transaction.
MAX_BATCH = 512
#: Blobs one expiry transaction deletes at most (short transactions keep appends flowing).
PURGE_CHUNK = 2000
#: Another instance's commits: mailboxes read per query, and blobs per mailbox per query
#: (with blob_max_bytes, at most 32 x 4 x 64 KiB = 8 MiB in memory per read).
REMOTE_MAILBOXES_PER_READ = 32
REMOTE_BLOBS_PER_MAILBOX = 4
#: How often the stored-bytes total is re-read from the database.
TOTALS_REFRESH_SECONDS = 5.0


#: Called on the loop with (request id, result) once an append's batch is durable, or with
#: (request id, None) if the batch could not be stored.
AppendSink = Callable[[int, AppendResult | None], None]


class Subscriber(Protocol):
    def on_commit(self, cursor: int, frame: bytes) -> None:
        """Called on the loop for each blob committed to the subscriber's mailbox."""


class ShuttingDown(Exception):
    pass


class Hub:
    def __init__(
        self,
        store: Store,
        limits: Limits,
        metrics: Metrics,
        clock: Callable[[], float] = time.time,
        pause: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.store = store
        self.limits = limits
        self.metrics = metrics
        self.clock = clock
        self._pause = pause  # the scrub loop's waits (tests drive them by hand)
        self._queue: list[tuple[PendingAppend, AppendSink, int, float]] = []
        self._queued_bytes = 0
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._closing = False
        self._subs: dict[bytes, set[Subscriber]] = {}
        self._heads: dict[bytes, int] = {}
        self._remote: dict[bytes, int] = {}  # heads heard from other instances, not yet read
        self._remote_wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        # What is stored: exact for this process's own work, re-read every few seconds so
        # that other relay processes on the same database are counted too.
        self.stored_bytes = self.stored_blobs = self.mailbox_count = 0
        self._purge_now = asyncio.Event()
        self._scrub_now = asyncio.Event()
        #: The largest mailbox quota appends may have used since the last complete trim
        #: (None: unknown, as at start). Appends never exceed the quota in force, so only a
        #: quota lowered below this can leave mailboxes over it.
        self._quota_since_trim: int | None = None

    async def start(self) -> None:
        await self.store.start(self._on_remote_commit)
        totals = await self.store.totals()
        self.stored_bytes, self.stored_blobs = totals.bytes, totals.blobs
        self.mailbox_count = totals.mailboxes
        self._idle.set()
        self._tasks = [
            asyncio.create_task(self._write_loop(), name="relay-writer"),
            asyncio.create_task(self._purge_loop(), name="relay-purge"),
            asyncio.create_task(self._remote_loop(), name="relay-remote"),
            asyncio.create_task(self._totals_loop(), name="relay-totals"),
            asyncio.create_task(self._scrub_loop(), name="relay-scrub"),
        ]

    # --- writes ---------------------------------------------------------------------------

    def has_room(self, size: int) -> bool:
        """Would a blob of `size` bytes fit under the disk cap?"""
        fits = self.stored_bytes + self._queued_bytes + size <= self.limits.storage_max_bytes
        if not fits:
            self._purge_now.set()  # expired blobs may be taking the room
        return fits

    def submit(
        self, mailbox: bytes, blob: bytes, sink: AppendSink, request_id: int, vf: bytes = b""
    ) -> None:
        """Queue an append (`vf`: its erase verifier, if any); `sink` hears about it once its
        batch is durable.

        A plain callback rather than a future per blob: this is the relay's hot path.
        """
        if self._closing:
            raise ShuttingDown
        self._queue.append(
            (
                PendingAppend(mailbox, blob, int(self.clock() * 1000), vf or None),
                sink,
                request_id,
                time.perf_counter(),
            )
        )
        self._queued_bytes += len(blob)
        if self._idle.is_set():
            self._idle.clear()
            self._wake.set()

    async def _write_loop(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._queue:
                batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
                size = sum(len(item.blob) for item, _, _, _ in batch)
                started = time.perf_counter()
                try:
                    results = await self.store.append_batch(
                        [item for item, _, _, _ in batch], self.limits.mailbox_max_bytes
                    )
                except StorageError as exc:
                    self._queued_bytes -= size
                    log.error("a write failed; %d appends refused: %s", len(batch), exc)
                    for _, sink, request_id, _ in batch:
                        sink(request_id, None)
                    continue
                self._queued_bytes -= size
                done = time.perf_counter()
                self.metrics.commit_seconds.observe(done - started)
                observe = self.metrics.ack_seconds.observe
                stored = dups = stored_bytes = 0
                for (item, sink, request_id, queued), result in zip(batch, results, strict=True):
                    observe(done - queued)
                    if result.dup:
                        dups += 1
                    elif result.cursor:
                        stored += 1
                        stored_bytes += len(item.blob)
                        self._notify(item.mailbox, result.cursor, item.blob)
                    sink(request_id, result)
                self.stored_bytes += stored_bytes  # counted once per batch, not per blob
                self.stored_blobs += stored
                self.metrics.count("appends", stored)
                self.metrics.count("duplicates", dups)
            self._idle.set()

    def _notify(self, mailbox: bytes, cursor: int, blob: bytes) -> None:
        subs = self._subs.get(mailbox)
        if not subs:
            return
        if cursor <= self._heads.get(mailbox, 0):
            return  # already delivered (a remote read raced a local one)
        self._heads[mailbox] = cursor
        frame = protocol.encode(protocol.Push(cursor=cursor, blob=blob))
        for sub in list(subs):
            sub.on_commit(cursor, frame)

    # --- erasure ---------------------------------------------------------------------------

    async def erase(self, mailbox: bytes, vf: bytes, stub: bytes) -> int:
        """Erase the blobs of `mailbox` appended with verifier `vf`, keeping `stub` in the
        first one's place if it fits the mailbox's quota and the disk cap (else nothing);
        returns how many were erased. Raises StorageError."""
        if stub and not self.has_room(len(stub)):
            stub = b""
        done = await self.store.erase(mailbox, vf, stub, self.limits.mailbox_max_bytes)
        if done.blobs:
            self.stored_bytes = max(0, self.stored_bytes + done.delta_bytes)
            self.stored_blobs = max(0, self.stored_blobs - done.blobs + done.kept_stub)
            self.metrics.count("erased", done.blobs)
            self._scrub_now.set()
        return done.blobs

    async def _scrub_loop(self) -> None:
        """After erasures, leave no copy of the erased bytes in the store's files: on SQLite
        a checkpoint (cheap: at most once a second, a burst costs one); on PostgreSQL a
        rewrite of the blobs table (it stops the table's reads and writes while it runs, so
        at once after the first erasure and then at most once per
        `rewrite_interval_seconds`). One that could not finish (a reader held it up) is
        tried again shortly."""
        while True:
            await self._scrub_now.wait()
            self._scrub_now.clear()
            rewrites = self.store.scrub_rewrites
            try:
                done = await self.store.scrub()
            except StorageError:
                log.error("could not scrub after an erasure; will retry")
                done = False
            if not done:
                self._scrub_now.set()
                await self._pause(SCRUB_RETRY_REWRITE_S if rewrites else 1.0)
            else:
                await self._pause(self.limits.rewrite_interval_seconds if rewrites else 1.0)

    # --- other instances' commits (PostgreSQL) --------------------------------------------

    def _on_remote_commit(self, mailbox: bytes, cursor: int) -> None:
        if mailbox in self._subs and cursor > self._heads.get(mailbox, 0):
            self._remote[mailbox] = max(cursor, self._remote.get(mailbox, 0))
            self._remote_wake.set()

    async def _remote_loop(self) -> None:
        """Read each blob another instance committed for our subscribers, once per process:
        the mailboxes heard of together are read together, a few blobs each per query, so a
        burst of commits to many mailboxes costs a few queries rather than one per mailbox."""
        while True:
            await self._remote_wake.wait()
            self._remote_wake.clear()
            targets, self._remote = self._remote, {}
            while targets:
                behind = [
                    # Only what is new: a live subscriber that sees a gap pages for itself.
                    (m, max(self._heads.get(m, 0), t - self.limits.fetch_page_max_blobs, 0))
                    for m, t in targets.items()
                    if m in self._subs and self._heads.get(m, 0) < t
                ]
                read: set[bytes] = set()
                for start in range(0, len(behind), REMOTE_MAILBOXES_PER_READ):
                    chunk = behind[start : start + REMOTE_MAILBOXES_PER_READ]
                    try:
                        rows = await self.store.newer(chunk, REMOTE_BLOBS_PER_MAILBOX)
                    except StorageError:
                        log.warning("could not read blobs committed by another relay")
                        rows = []
                    for mailbox, cursor, blob in rows:
                        self._notify(mailbox, cursor, blob)
                        read.add(mailbox)
                # Mailboxes that gave nothing are done (expired, or read meanwhile).
                targets = {m: t for m, t in targets.items() if m in read}

    # --- reads ----------------------------------------------------------------------------

    async def page(
        self, mailbox: bytes, after: int, limit: int, max_bytes: int | None = None
    ) -> Page:
        budget = self.limits.fetch_page_max_bytes if max_bytes is None else max_bytes
        return await self.store.page(mailbox, after, limit, budget)

    async def head(self, mailbox: bytes) -> int | None:
        """The mailbox's head, or None if nobody has claimed it yet."""
        stored = await self.store.head(mailbox)
        if stored is None:
            return None
        return max(stored, self._heads.get(mailbox, 0))

    async def claim(self, mailbox: bytes) -> bool:
        created = await self.store.claim(mailbox)
        self.mailbox_count += created
        return created

    async def refresh_totals(self) -> None:
        """Re-read what is stored (other relay processes may have stored or purged)."""
        with contextlib.suppress(StorageError):
            totals = await self.store.totals()
            if not self._queue and self._idle.is_set():  # else it would miss a commit
                self.stored_bytes, self.stored_blobs = totals.bytes, totals.blobs
                self.mailbox_count = totals.mailboxes

    async def _totals_loop(self) -> None:
        while True:
            await asyncio.sleep(TOTALS_REFRESH_SECONDS)
            await self.refresh_totals()

    # --- subscriptions --------------------------------------------------------------------

    def subscribe(self, mailbox: bytes, sub: Subscriber) -> None:
        self._subs.setdefault(mailbox, set()).add(sub)

    def unsubscribe(self, mailbox: bytes, sub: Subscriber) -> None:
        subs = self._subs.get(mailbox)
        if subs is not None:
            subs.discard(sub)
            if not subs:
                del self._subs[mailbox]
                self._heads.pop(mailbox, None)

    def known_head(self, mailbox: bytes) -> int:
        """The highest cursor committed to `mailbox` since it gained a subscriber."""
        return self._heads.get(mailbox, 0)

    # --- expiry ---------------------------------------------------------------------------

    async def purge_once(self) -> int:
        """Delete every expired blob, oldest first, then — only at start and after the
        operator lowered `mailbox_max_bytes` — the oldest blobs of mailboxes over the quota, a
        chunk per transaction. Looking for mailboxes over quota reads every mailbox row, so
        it is not done when none can be."""
        cutoff = int((self.clock() - self.limits.expiry_seconds) * 1000)
        expired = await self._delete_in_chunks(lambda: self.store.purge(cutoff, PURGE_CHUNK))
        quota, over = self.limits.mailbox_max_bytes, 0
        if self._quota_since_trim is None or quota < self._quota_since_trim:
            over = await self._delete_in_chunks(lambda: self.store.trim(quota, PURGE_CHUNK))
        self._quota_since_trim = quota
        self.metrics.count("purged", expired)
        self.metrics.count("trimmed", over)
        return expired + over

    async def _delete_in_chunks(self, chunk: Callable[[], Awaitable[Purged]]) -> int:
        deleted = 0
        while True:
            gone = await chunk()
            deleted += gone.blobs
            self.stored_bytes = max(0, self.stored_bytes - gone.bytes)
            self.stored_blobs = max(0, self.stored_blobs - gone.blobs)
            if gone.blobs < PURGE_CHUNK:
                return deleted
            await asyncio.sleep(0)  # let queued appends commit between chunks

    async def _purge_loop(self) -> None:
        while True:
            try:
                if await self.purge_once():
                    log.info("expiry removed old blobs")
            except StorageError:
                log.error("expiry purge failed; will retry")
            self._purge_now.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.limits.purge_interval_seconds):
                    await self._purge_now.wait()
            await asyncio.sleep(1.0)  # a full disk asks at most once a second

    # --- shutdown -------------------------------------------------------------------------

    async def flush(self) -> None:
        """Wait until every append queued so far is committed and answered."""
        while self._queue or not self._idle.is_set():
            await self._idle.wait()

    async def drain(self) -> None:
        """Refuse new appends, then flush."""
        self._closing = True
        await self.flush()

    async def close(self) -> None:
        await self.drain()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self.store.close()
