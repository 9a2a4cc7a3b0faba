"""The relay's in-process core: group commit, reads, expiry and fan-out to subscribers.

Runs on the asyncio loop but opens no sockets; SQLite work happens on two single-thread
executors (one writer, one reader) so the loop never blocks on disk. `server.py` adapts it to
WebSocket connections.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

from haven.relay import protocol
from haven.relay.mailbox import Limits
from haven.relay.metrics import Metrics
from haven.relay.storage import (
    AppendResult,
    Page,
    PendingAppend,
    Reader,
    StorageError,
    Totals,
    Writer,
)

log = logging.getLogger("haven.relay")

#: Appends committed together at most; more wait for the next transaction.
MAX_BATCH = 512


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
        self, db: Path, limits: Limits, metrics: Metrics, clock: Callable[[], float] = time.time
    ) -> None:
        self.db = db
        self.limits = limits
        self.metrics = metrics
        self.clock = clock
        self._write_pool = ThreadPoolExecutor(1, thread_name_prefix="relay-writer")
        self._read_pool = ThreadPoolExecutor(1, thread_name_prefix="relay-reader")
        self._writer: Writer | None = None
        self._reader: Reader | None = None
        self._queue: list[tuple[PendingAppend, AppendSink, int]] = []
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._closing = False
        self._subs: dict[bytes, set[Subscriber]] = {}
        self._heads: dict[bytes, int] = {}
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._writer = await loop.run_in_executor(self._write_pool, Writer, self.db)
        self._reader = await loop.run_in_executor(self._read_pool, Reader, self.db)
        self._idle.set()
        self._tasks = [
            asyncio.create_task(self._write_loop(), name="relay-writer"),
            asyncio.create_task(self._purge_loop(), name="relay-purge"),
        ]

    # --- writes ---------------------------------------------------------------------------

    def submit(self, mailbox: bytes, blob: bytes, sink: AppendSink, request_id: int) -> None:
        """Queue an append; `sink` hears about it once its batch is durable.

        A plain callback rather than a future per blob: this is the relay's hot path.
        """
        if self._closing:
            raise ShuttingDown
        self._queue.append(
            (PendingAppend(mailbox, blob, int(self.clock() * 1000)), sink, request_id)
        )
        if self._idle.is_set():
            self._idle.clear()
            self._wake.set()

    async def _write_loop(self) -> None:
        loop = asyncio.get_running_loop()
        assert self._writer is not None
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._queue:
                batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
                started = time.perf_counter()
                try:
                    results = await loop.run_in_executor(
                        self._write_pool,
                        self._writer.append_batch,
                        [item for item, _, _ in batch],
                        self.limits.mailbox_max_bytes,
                    )
                except StorageError:
                    log.error("a write failed; %d appends refused", len(batch))
                    for _, sink, request_id in batch:
                        sink(request_id, None)
                    continue
                self.metrics.counts["commits_total"] += 1
                self.metrics.commit_seconds += time.perf_counter() - started
                for (item, sink, request_id), result in zip(batch, results, strict=True):
                    if result.dup:
                        self.metrics.counts["duplicates_total"] += 1
                    elif result.cursor:
                        self.metrics.counts["appends_total"] += 1
                        self._notify(item.mailbox, result.cursor, item.blob)
                    sink(request_id, result)
            self._idle.set()

    def _notify(self, mailbox: bytes, cursor: int, blob: bytes) -> None:
        subs = self._subs.get(mailbox)
        if not subs:
            return
        self._heads[mailbox] = max(cursor, self._heads.get(mailbox, 0))
        frame = protocol.encode(protocol.Push(cursor=cursor, blob=blob))
        for sub in list(subs):
            sub.on_commit(cursor, frame)

    # --- reads ----------------------------------------------------------------------------

    async def page(self, mailbox: bytes, after: int, limit: int) -> Page:
        assert self._reader is not None
        return await asyncio.get_running_loop().run_in_executor(
            self._read_pool,
            self._reader.page,
            mailbox,
            after,
            limit,
            self.limits.fetch_page_max_bytes,
        )

    async def head(self, mailbox: bytes) -> int:
        assert self._reader is not None
        stored = await asyncio.get_running_loop().run_in_executor(
            self._read_pool, self._reader.head, mailbox
        )
        return max(stored, self._heads.get(mailbox, 0))

    async def totals(self) -> Totals:
        assert self._reader is not None
        return await asyncio.get_running_loop().run_in_executor(
            self._read_pool, self._reader.totals
        )

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
        assert self._writer is not None
        cutoff = int((self.clock() - self.limits.expiry_seconds) * 1000)
        deleted = await asyncio.get_running_loop().run_in_executor(
            self._write_pool, self._writer.purge, cutoff
        )
        self.metrics.counts["purged_total"] += deleted
        return deleted

    async def _purge_loop(self) -> None:
        while True:
            try:
                deleted = await self.purge_once()
                if deleted:
                    log.info("expiry removed old blobs")
            except StorageError:
                log.error("expiry purge failed; will retry")
            await asyncio.sleep(self.limits.purge_interval_seconds)

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
        loop = asyncio.get_running_loop()
        if self._writer is not None:
            writer = self._writer
            await loop.run_in_executor(self._write_pool, writer.checkpoint)
            await loop.run_in_executor(self._write_pool, writer.close)
        if self._reader is not None:
            await loop.run_in_executor(self._read_pool, self._reader.close)
        self._write_pool.shutdown()
        self._read_pool.shutdown()
