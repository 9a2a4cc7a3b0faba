"""Many requests in flight on one relay connection, so a round is not a round trip per blob.

Uploads: `AppendWindow` keeps up to `WINDOW_BLOBS` appends (or about `WINDOW_BYTES`) sent and
unanswered, and hands their acknowledgements back in the order sent, so the caller moves the
outbox over the acknowledged prefix only: whatever was in flight when a connection failed
stays waiting and is sent again next round (the relay answers a blob it already holds with
`dup`). Downloads: `PageReader` fetches a mailbox's pages ahead of their use (at most
`PREFETCH_PAGES` waiting in memory) while the caller ingests the ones already here, and hands
every page that has arrived over as one batch, so one vault transaction covers several pages.
The relay's protocol is unchanged: it already answers pipelined frames in order.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, TypeVar

from haven.relay import protocol
from haven.relay.client import RelayClient, RelayError

T = TypeVar("T")

#: Appends sent and not yet acknowledged on one connection, at most, and their bytes.
WINDOW_BLOBS = 64
WINDOW_BYTES = 2 * 1024 * 1024
#: Pages fetched ahead and waiting to be ingested, at most (a page is the relay's byte budget,
#: 256 KiB by default; a hostile relay's can be as large as a frame).
PREFETCH_PAGES = 4
#: Blobs handed over for one ingest, at most.
INGEST_BLOBS = 256


async def within(answer: Awaitable[T], timeout: float) -> T:
    """A relay that stops answering is treated like one that went away."""
    try:
        async with asyncio.timeout(timeout):
            return await answer
    except TimeoutError as exc:
        raise RelayError("timeout", "the relay did not answer in time") from exc


@dataclass(frozen=True)
class Sent:
    seq: int  # the caller's number for it (the outbox sequence)
    epoch: int
    size: int
    future: asyncio.Future[protocol.Appended]


class AppendWindow:
    """Appends in flight, acknowledged in the order sent (one per call of `next_ack`)."""

    def __init__(
        self, timeout: float, max_blobs: int | None = None, max_bytes: int | None = None
    ) -> None:
        self.timeout = timeout
        self.max_blobs = WINDOW_BLOBS if max_blobs is None else max_blobs
        self.max_bytes = WINDOW_BYTES if max_bytes is None else max_bytes
        self._sent: deque[Sent] = deque()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._sent)

    @property
    def has_room(self) -> bool:
        """Whether another append may be sent (always, when none is in flight)."""
        return not self._sent or (len(self._sent) < self.max_blobs and self._bytes < self.max_bytes)

    async def send(self, client: RelayClient, seq: int, epoch: int, blob: bytes, vf: bytes) -> None:
        future = await client.send_append(blob, vf)
        self._sent.append(Sent(seq, epoch, len(blob), future))
        self._bytes += len(blob)

    async def next_ack(self) -> tuple[int, int, protocol.Appended]:
        """(seq, epoch, acknowledgement) of the oldest append in flight; raises RelayError
        (the relay's refusal of that append, or the connection's end)."""
        sent = self._sent.popleft()
        self._bytes -= sent.size
        try:
            return sent.seq, sent.epoch, await within(sent.future, self.timeout)
        except BaseException:
            settle_future(sent.future)
            raise

    def forget(self) -> None:
        """After a failure part-way: nothing left pending, no exception left unread."""
        while self._sent:
            settle_future(self._sent.popleft().future)
        self._bytes = 0


def settle_future(future: asyncio.Future[Any]) -> None:
    """Nothing left pending, no exception left unread."""
    if not future.done():
        future.cancel()
    elif not future.cancelled():
        future.exception()


class PageReader:
    """One mailbox's blobs after a cursor, fetched ahead of their ingest.

    async with PageReader(client, after, timeout, max_pages) as pages:
        while (batch := await pages.next_batch()) is not None:
            blobs, cursor = batch   # ingest blobs, then save cursor with them
    """

    def __init__(
        self, client: RelayClient, after: int, timeout: float, max_pages: int, page: int = 256
    ) -> None:
        self._client, self._after, self._timeout = client, after, timeout
        self._max_pages, self._page = max_pages, page
        self._queue: asyncio.Queue[protocol.Blobs | Exception | None] = asyncio.Queue(
            PREFETCH_PAGES
        )
        self._task: asyncio.Task[None] | None = None
        self._error: Exception | None = None
        self.fetches = 0  # pages received
        self.most_ahead = 0  # most pages ever waiting to be handed over

    async def __aenter__(self) -> PageReader:
        self._task = asyncio.create_task(self._fetch_all())
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)

    async def _fetch_all(self) -> None:
        after = self._after
        try:
            for _ in range(self._max_pages):  # a relay that never stops sending ends the round
                page = await within(self._client.fetch(after, self._page), self._timeout)
                self.fetches += 1
                await self._queue.put(page)
                self.most_ahead = max(self.most_ahead, self._queue.qsize())
                if not page.items or not page.more:
                    break
                after = max(after, *(c for c, _ in page.items))
        except Exception as exc:  # handed to the reader, which raises it
            await self._queue.put(exc)
            return
        await self._queue.put(None)

    async def next_batch(self) -> tuple[list[bytes], int] | None:
        """Every blob already fetched (at least one page's, waiting for it if none has come,
        at most about INGEST_BLOBS) and the highest cursor among them; None at the end."""
        items: list[tuple[int, bytes]] = []
        while True:
            if self._error is not None and not items:
                raise self._error
            if items and (self._queue.empty() or len(items) >= INGEST_BLOBS or self._error):
                return [b for _, b in items], max(c for c, _ in items)
            page = await self._queue.get()
            if isinstance(page, Exception):
                self._error = page  # raised once what came before it is handed over
            elif page is None:
                self._queue.put_nowait(None)  # the end stays the end
                return ([b for _, b in items], max(c for c, _ in items)) if items else None
            else:
                items += page.items
