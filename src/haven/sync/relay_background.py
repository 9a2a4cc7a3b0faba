"""The app's background relay sync: while the vault is open, stay subscribed to each space's
relays, pull on start and on every reconnect, push what this device writes, and back off
exponentially (with jitter) while a relay is down.

It runs on a `LoopThread` (sync/loop.py): the sync supervisor's, shared with the engine, or
one of its own when used alone; one task per relay URL. A task runs a full round
(relay_sync.async_sync_relay: push, then pull every epoch mailbox), then subscribes to every
mailbox of its spaces and ingests pushes as they arrive. A new event in the log (written here
or received) wakes it to push at once and to ask the relay to erase what a redaction erased.
`on_report` is called on the loop's thread after every round and on every failure, with
counts only.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import random
import ssl as ssl_module
from collections.abc import Callable, Sequence

from haven.core import relays
from haven.core.envelope import Event
from haven.core.session import Session
from haven.errors import HavenError, SyncError
from haven.relay.client import RelayClient, RelayError
from haven.sync.loop import LoopThread
from haven.sync.relay_sync import (
    Mailboxes,
    RelayReport,
    SpaceRelayReport,
    async_sync_relay,
    erase_redacted,
    ingest_blobs,
    mailbox_id,
    proxy_of,
    push_waiting,
    within,
)

log = logging.getLogger(__name__)

MIN_BACKOFF_S = 1.0
MAX_BACKOFF_S = 300.0
STOP_TIMEOUT_S = 10.0
#: Pushes already waiting that are ingested together, at most.
PUSH_BURST = 256

ReportListener = Callable[[RelayReport], None]


def next_backoff(current: float, rng: random.Random, maximum: float = MAX_BACKOFF_S) -> float:
    """Double, capped, with ±20 % jitter so many clients do not return in step."""
    return min(maximum, current * 2) * rng.uniform(0.8, 1.2)


class RelaySyncer:
    def __init__(
        self,
        session: Session,
        *,
        on_report: ReportListener | None = None,
        ssl: ssl_module.SSLContext | None = None,
        min_backoff: float = MIN_BACKOFF_S,
        max_backoff: float = MAX_BACKOFF_S,
        timeout: float = 10.0,
        loop: LoopThread | None = None,
    ) -> None:
        self._session = session
        self._on_report = on_report
        self._ssl, self._timeout = ssl, timeout
        self._min_backoff, self._max_backoff = min_backoff, max_backoff
        self._rng = random.Random()
        self._own_loop = loop is None
        self._runner = loop or LoopThread("haven-relay-sync")
        self._started = False
        self._wake: dict[str, asyncio.Event] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._refreshing: set[asyncio.Task[None]] = set()
        self._unsubscribe: Callable[[], None] | None = None
        self._unsubscribe_proxy: Callable[[], None] | None = None

    @property
    def running(self) -> bool:
        return self._started and self._runner.running

    def start(self) -> None:
        if self.running:
            return
        if self._own_loop:
            self._runner.start()
        self._started = True
        self._runner.call_soon(self._refresh)
        self._unsubscribe = self._session.log.subscribe(self._on_local_events)
        self._unsubscribe_proxy = self._session.proxy.subscribe(self.reroute)

    def stop(self) -> None:
        """Close every relay connection (and end the thread if the syncer owns it); safe to
        call twice."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._unsubscribe_proxy is not None:
            self._unsubscribe_proxy()
            self._unsubscribe_proxy = None
        if not self.running:
            return
        self._started = False

        async def shutdown() -> None:
            tasks = [*self._refreshing, *self._tasks.values()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        with contextlib.suppress(concurrent.futures.TimeoutError, RuntimeError, SyncError):
            self._runner.submit(shutdown()).result(STOP_TIMEOUT_S)
        if self._own_loop:
            self._runner.stop(STOP_TIMEOUT_S)

    def kick(self) -> None:
        """Sync now (e.g. after the relay list changed or the network came back)."""
        if self.running:
            self._runner.call_soon(self._refresh, True)

    def reroute(self) -> None:
        """The proxy setting changed: close every relay connection (made the old way) and
        connect again the new way."""
        if self.running:
            self._runner.call_soon(self._reconnect_all)

    # ----------------------------------------------------------------- on the loop

    def _reconnect_all(self) -> None:
        for task in self._tasks.values():
            task.cancel()  # its `finally` closes its connections
        self._tasks.clear()
        self._wake.clear()
        self._refresh()

    def _on_local_events(self, events: Sequence[Event]) -> None:
        if any(e.type in (relays.JOURNAL_RELAYS, relays.SPACE_RELAYS) for e in events):
            self.kick()  # the set of relays may have changed
        elif self.running:
            self._runner.call_soon(self._wake_all)

    def _wake_all(self) -> None:
        for event in self._wake.values():
            event.set()

    def _refresh(self, wake: bool = False) -> None:
        task = asyncio.get_running_loop().create_task(self._async_refresh(wake))
        self._refreshing.add(task)
        task.add_done_callback(self._refreshing.discard)

    def _listed(self) -> set[str]:
        return {
            url
            for space_id in self._session.relays.spaces_using()
            for url in self._session.relays.urls(space_id)
        }

    def _spaces_listing(self, url: str) -> list[bytes]:
        return [
            s for s in self._session.relays.spaces_using(url) if url in self._session.relays.urls(s)
        ]

    async def _async_refresh(self, wake: bool) -> None:
        """One task per relay any space lists; tasks for relays no longer listed end."""
        try:
            wanted = await asyncio.to_thread(self._listed)
        except HavenError:  # the vault was locked under us: stop() follows
            log.info("relay sync: could not read the relay lists")
            return
        for url in set(self._tasks) - wanted:
            self._tasks.pop(url).cancel()
            self._wake.pop(url, None)
        for url in wanted:
            if url not in self._tasks or self._tasks[url].done():
                self._wake[url] = asyncio.Event()
                self._tasks[url] = asyncio.get_running_loop().create_task(self._run(url))
            elif wake:
                self._wake[url].set()

    async def _run(self, url: str) -> None:
        try:
            await self._run_relay(url)
        except HavenError as exc:  # the vault was locked under us: stop() follows
            log.info("relay sync ended: %s", type(exc).__name__)

    async def _run_relay(self, url: str) -> None:
        backoff = self._min_backoff
        while True:
            spaces = await asyncio.to_thread(self._spaces_listing, url)
            if not spaces:
                return
            try:
                report = await async_sync_relay(
                    self._session, url, spaces, ssl=self._ssl, timeout=self._timeout
                )
                self._tell(report)
                failed = report.error or next((s.error for s in report.spaces if s.error), None)
                if failed is not None:
                    raise RelayError(failed, "the round did not finish")
                backoff = self._min_backoff
                await self._live(url, spaces)
            except RelayError as exc:
                self._tell(RelayReport(url, error=exc.code))
                wake = self._wake.get(url)
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(backoff):
                        if wake is not None:
                            await wake.wait()
                            wake.clear()
                        else:
                            await asyncio.Event().wait()
                backoff = next_backoff(backoff, self._rng, self._max_backoff)

    async def _live(self, url: str, spaces: list[bytes]) -> None:
        """Subscribed to every epoch mailbox of `spaces` until a connection fails (raises
        RelayError) or a new epoch key arrives (returns, so the next round reads it)."""
        wake = self._wake.setdefault(url, asyncio.Event())
        proxy = await proxy_of(self._session)
        per_space = {s: Mailboxes(url, self._ssl, self._timeout, proxy=proxy) for s in spaces}
        readers: list[asyncio.Task[None]] = []
        try:
            known = {}
            for space_id, boxes in per_space.items():
                known[space_id] = keys = await asyncio.to_thread(
                    self._session.relays.epoch_keys, space_id
                )
                for epoch, key in keys.items():
                    client = await boxes.get(epoch, key)
                    after = await asyncio.to_thread(
                        self._session.relays.cursor, url, mailbox_id(key)
                    )
                    await within(client.subscribe(after), self._timeout)
                    readers.append(
                        asyncio.create_task(self._read_pushes(url, space_id, client, key))
                    )
            while True:
                waiter = asyncio.create_task(wake.wait())
                try:
                    done, _ = await asyncio.wait(
                        [waiter, *readers], return_when=asyncio.FIRST_COMPLETED
                    )
                finally:  # also when stopped here: no task is left pending at shutdown
                    waiter.cancel()
                for task in done - {waiter}:
                    task.result()  # a reader only ends by raising
                wake.clear()
                for space_id, boxes in per_space.items():
                    report = SpaceRelayReport(space_id)
                    await push_waiting(self._session, url, space_id, boxes, report)
                    await erase_redacted(self._session, url, space_id, boxes, report)
                    keys = await asyncio.to_thread(self._session.relays.epoch_keys, space_id)
                    if report.sent:
                        await asyncio.to_thread(
                            self._session.relays.record_sync, [space_id], "relay"
                        )
                        self._tell(RelayReport(url, [report]))
                    if set(keys) != set(known[space_id]):
                        return
        finally:
            for task in readers:
                task.cancel()
            await asyncio.gather(*readers, return_exceptions=True)
            for boxes in per_space.values():
                await boxes.close()

    async def _read_pushes(
        self, url: str, space_id: bytes, client: RelayClient, epoch_key: bytes
    ) -> None:
        await read_pushes(self._session, url, space_id, client, epoch_key, self._tell)

    def _tell(self, report: RelayReport) -> None:
        if self._on_report is not None:
            try:
                self._on_report(report)
            except Exception:  # a broken listener must not stop sync
                log.exception("relay sync listener failed")


async def read_pushes(
    session: Session,
    url: str,
    space_id: bytes,
    client: RelayClient,
    epoch_key: bytes,
    tell: ReportListener,
) -> None:
    """Ingest what a relay pushes to one mailbox until the connection ends (RelayError).

    A burst — every push already waiting, up to PUSH_BURST — is ingested in one transaction
    with its recomputes left for its end and settled once (`EventLog.settle`), as a sync
    round is: a member who pushes one late event per blob costs one recompute per burst,
    not one per blob (PROTOCOL.md §5.3, "Cost"). Meanwhile the space is marked stale in the
    vault, so a read recomputes it first; stopped in between, the next read or settle does."""
    mailbox = mailbox_id(epoch_key)
    unsettled = False
    try:
        while True:
            if unsettled and not client.has_push:
                await asyncio.to_thread(session.relays.settle)
                unsettled = False
            burst = [await client.next_push()]
            ended: RelayError | None = None
            while client.has_push and len(burst) < PUSH_BURST:
                try:
                    burst.append(await client.next_push())
                except RelayError as exc:  # what came before the end is still ingested
                    ended = exc
                    break
            report = SpaceRelayReport(space_id)
            unsettled = True
            await asyncio.to_thread(
                ingest_blobs,
                session,
                url,
                mailbox,
                epoch_key,
                [blob for _, blob in burst],
                max(cursor for cursor, _ in burst),
                report,
                settle_later=True,
            )
            if report.received:
                await asyncio.to_thread(session.relays.record_sync, [space_id], "relay")
                tell(RelayReport(url, [report]))
            if ended is not None:
                raise ended
    except asyncio.CancelledError:
        raise  # stopping: settling could outlast the stop's limit in a large space
    except BaseException:
        if unsettled:
            with contextlib.suppress(HavenError):
                await asyncio.to_thread(session.relays.settle)
        raise
