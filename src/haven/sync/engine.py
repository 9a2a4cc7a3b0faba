"""Runs reconciliation rounds over channels, and a serve loop (docs/PROTOCOL.md, §3).

`async_run_round` drives one `Reconciler` over one channel: it owns no socket and no
database handle, so the same code runs over TCP, a LAN channel or (later) the relay. Vault
work (reading batches, ingesting them) runs in a worker thread, so the loop keeps serving
other connections, timeouts and `stop()` while a batch is committed. Receiving is a
two-stage pipeline: a reader task takes messages off the channel and prepares them (decodes
them, decrypts and verifies a batch's events) on one thread while the round commits the
batches before them on another, taking every batch already prepared into one transaction.

`SyncEngine` runs on a `LoopThread` (sync/loop.py): the sync supervisor's, shared with every
other transport, or one of its own when used alone. Methods prefixed `async_` run on that
loop; the plain ones may be called from any thread (the UI thread included) and never block
on the network, except `serve()`, which waits only until the socket is bound. The CLI's
one-off rounds use the coroutines directly under `asyncio.run`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, Protocol, TypeVar

from haven.core.session import Session
from haven.core.space_secrets import PAIRING_SPACE_ID, SpaceSecret
from haven.errors import HavenError, SyncError
from haven.sync import tcp
from haven.sync.framing import MAX_PAYLOAD
from haven.sync.loop import LoopThread
from haven.sync.messages import MAX_MESSAGE_BYTES
from haven.sync.reconcile import DEFAULT_WINDOW, Prepared, Reconciler, SyncLog, SyncReport

log = logging.getLogger(__name__)

#: A whole round, however large, ends within this many seconds (the channel also times out
#: after its own idle limit without a frame).
ROUND_TIMEOUT = 900.0
#: How long an Abort may take to leave before the connection is dropped anyway.
ABORT_TIMEOUT = 2.0
STOP_TIMEOUT = 10.0
#: Messages read and prepared ahead of the round (memory: at most this many channel payloads,
#: 1 MiB each at most, wait, plus the one being prepared). An honest peer never has more than
#: its window of batches unacknowledged; a peer that ignores its window meets back-pressure.
READ_AHEAD = DEFAULT_WINDOW

assert MAX_MESSAGE_BYTES <= MAX_PAYLOAD, "a sync message must fit in one channel message"

ReportListener = Callable[[SyncReport], None]
T = TypeVar("T")


class RoundChannel(Protocol):
    """What a round needs from a channel (sync/tcp.py Channel provides it)."""

    @property
    def shared_spaces(self) -> Sequence[SpaceSecret]: ...

    async def send(self, payload: bytes) -> None: ...

    async def recv(self) -> bytes: ...


class ChannelRoute(Protocol):
    """Something besides sync rounds that a server answers (e.g. invites, sync/invites.py):
    it adds secrets to the ones offered, and takes the channels proven with them."""

    def secrets(self) -> Sequence[SpaceSecret]: ...

    async def maybe_handle(self, channel: tcp.Channel) -> bool: ...


class SyncFailed(SyncError):
    """A round ended early. Batches acknowledged before that are kept; `report` says what
    the round did up to the failure."""

    def __init__(self, reason: str, report: SyncReport) -> None:
        super().__init__(reason)
        self.report = report


def shared_space_ids(secrets: Sequence[SpaceSecret]) -> list[bytes]:
    """Each space proven on the channel once (a space may be offered at several epochs)."""
    return sorted({s.space_id for s in secrets if s.space_id != PAIRING_SPACE_ID})


async def async_run_round(
    sync_log: SyncLog,
    channel: RoundChannel,
    *,
    round_timeout: float = ROUND_TIMEOUT,
    window: int = DEFAULT_WINDOW,
) -> SyncReport:
    """One round, both directions, over a channel whose peer runs the same. The caller
    closes the channel. Raises SyncFailed (with the partial report) on any failure."""
    # Settled below, after the last messages went out: the peer's round ends without
    # waiting for what its events make this side recompute.
    machine = Reconciler(
        sync_log, shared_space_ids(channel.shared_spaces), window=window, settle_at_end=False
    )
    ahead: asyncio.Queue[Prepared | Exception] = asyncio.Queue(READ_AHEAD)

    async def read_ahead() -> None:
        try:
            while True:
                untrusted = await channel.recv()
                await ahead.put(await asyncio.to_thread(machine.prepare, untrusted))
        except Exception as exc:  # the round raises it once it reaches this point
            await ahead.put(exc)

    reader: asyncio.Task[None] | None = None
    try:
        async with asyncio.timeout(round_timeout):
            for out in await asyncio.to_thread(machine.start):
                await channel.send(out)
            reader = asyncio.create_task(read_ahead())
            while not machine.finished:
                group = [await ahead.get()]
                while not ahead.empty() and not isinstance(group[-1], Exception):
                    group.append(ahead.get_nowait())
                ready = [item for item in group if isinstance(item, Prepared)]
                if ready:
                    for out in await asyncio.to_thread(machine.receive_prepared, ready):
                        await channel.send(out)
                if isinstance(group[-1], Exception) and not machine.finished:
                    raise group[-1]
    except TimeoutError:
        reason = f"the sync round took longer than {round_timeout:g} s"
        await _send_abort(channel, machine.fail(reason))
        raise SyncFailed(reason, machine.report()) from None
    except SyncError as exc:
        # A protocol error of the peer's: tell it why before the connection closes. A
        # failed channel refuses to send, which is fine.
        await _send_abort(channel, machine.fail(str(exc)))
        raise SyncFailed(str(exc), machine.report()) from exc
    except HavenError:
        # Our side cannot go on (vault locked or full…): the peer hears a fixed phrase, the
        # caller gets the specific error.
        await _send_abort(channel, machine.fail("the other side could not store events"))
        raise
    finally:
        if reader is not None:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
        # However the round ended: recompute what its ingests left stale (a no-op when the
        # machine already did, on a protocol error).
        await asyncio.to_thread(sync_log.settle)
    return machine.report()


async def _send_abort(channel: RoundChannel, abort: bytes) -> None:
    with contextlib.suppress(SyncError, OSError, TimeoutError):
        async with asyncio.timeout(ABORT_TIMEOUT):
            await channel.send(abort)


async def async_sync_once(
    session: Session,
    host: str,
    port: int,
    *,
    round_timeout: float = ROUND_TIMEOUT,
    idle_timeout: float = tcp.IDLE_TIMEOUT,
) -> SyncReport:
    """Connect to a peer, run one round, close."""
    secrets = await asyncio.to_thread(session.secrets.offered)
    channel = await tcp.connect(host, port, secrets, idle_timeout=idle_timeout)
    try:
        return await async_run_round(session.log, channel, round_timeout=round_timeout)
    finally:
        await channel.close()


async def async_start_server(
    session: Session,
    host: str,
    port: int,
    *,
    on_report: ReportListener | None = None,
    round_timeout: float = ROUND_TIMEOUT,
    idle_timeout: float = tcp.IDLE_TIMEOUT,
    routes: Sequence[ChannelRoute] = (),
) -> tcp.Server:
    """Listen for peers; each channel runs one round, then closes. `on_report` hears every
    round's report (failed ones too, with `error` set) on the loop's thread. Each of
    `routes` adds its secrets and takes the channels proven with them, before any round."""

    def gather() -> list[SpaceSecret]:
        return [*session.secrets.offered(), *(s for r in routes for s in r.secrets())]

    async def secrets() -> list[SpaceSecret]:
        # In a worker thread, read without waiting for the vault's writer: a large space's
        # recompute must neither stall the loop (every connection, every timeout) nor make
        # a handshake outlast its limit (docs/ARCHITECTURE.md, "Threads").
        return await asyncio.to_thread(gather)

    async def on_channel(channel: tcp.Channel) -> None:
        for route in routes:
            if await route.maybe_handle(channel):
                return
        try:
            report = await async_run_round(session.log, channel, round_timeout=round_timeout)
        except SyncFailed as exc:
            log.info("a sync round failed: %s", exc)
            report = exc.report
        if on_report is not None:
            try:
                on_report(report)
            except Exception:  # a broken listener must not break the server
                log.exception("sync report listener failed")

    try:
        return await tcp.serve(host, port, secrets, on_channel, idle_timeout=idle_timeout)
    except OSError as exc:  # port taken, address not on this machine, no permission…
        reason = exc.strerror or type(exc).__name__
        raise SyncError(f"cannot listen on {host}:{port} ({reason})") from None


class SyncEngine:
    """Sync for one open session: serving, and rounds with peers, on one asyncio loop."""

    def __init__(
        self,
        session: Session,
        *,
        on_report: ReportListener | None = None,
        round_timeout: float = ROUND_TIMEOUT,
        idle_timeout: float = tcp.IDLE_TIMEOUT,
        routes: Sequence[ChannelRoute] = (),
        loop: LoopThread | None = None,
    ) -> None:
        """`loop`: run on this (shared) loop thread; without it the engine makes its own,
        which `start()` and `stop()` then start and end."""
        self._session = session
        self._routes = tuple(routes)
        self._on_report = on_report
        self._round_timeout = round_timeout
        self._idle_timeout = idle_timeout
        self._own_loop = loop is None
        self._runner = loop or LoopThread("haven-sync")
        self._started = False
        self._servers: list[tcp.Server] = []
        self._rounds: set[asyncio.Task[SyncReport]] = set()

    # ----------------------------------------------------------------- any thread

    @property
    def running(self) -> bool:
        return self._started and self._runner.running

    def start(self) -> None:
        if self._own_loop:
            self._runner.start()
        self._started = True

    def stop(self) -> None:
        """Stop serving, cancel rounds in progress (acknowledged batches are kept) and end
        the thread if the engine owns it. Safe to call twice."""
        if not self.running:
            self._started = False
            return
        with contextlib.suppress(concurrent.futures.TimeoutError, RuntimeError, SyncError):
            self._submit(self.async_close()).result(STOP_TIMEOUT)
        self._started = False
        if self._own_loop:
            self._runner.stop(STOP_TIMEOUT)

    def sync_with(
        self, host: str, port: int, *, report: bool = True
    ) -> concurrent.futures.Future[SyncReport]:
        """Run one round with a peer; the future holds the report or raises SyncError.
        `report=False`: `on_report` does not hear it (the supervisor tells started rounds
        itself, with the transport that asked for them)."""
        return self._submit(self.async_sync_with(host, port, report=report))

    def serve(self, host: str, port: int) -> int:
        """Start listening (port 0: any free port); returns the bound port."""
        return self._submit(self.async_serve(host, port)).result(STOP_TIMEOUT)

    def serve_again(self, host: str, port: int) -> int:
        """Stop listening and listen on `host` instead (rounds in progress are ended);
        returns the bound port. The supervisor moves between loopback and the LAN with it."""
        return self._submit(self.async_serve_again(host, port)).result(STOP_TIMEOUT)

    def _submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        if not self._started:
            coro.close()
            raise SyncError("the sync engine is not running")
        return self._runner.submit(coro)

    # ----------------------------------------------------------------- on the loop

    async def async_sync_with(self, host: str, port: int, *, report: bool = True) -> SyncReport:
        task = asyncio.ensure_future(
            async_sync_once(
                self._session,
                host,
                port,
                round_timeout=self._round_timeout,
                idle_timeout=self._idle_timeout,
            )
        )
        self._rounds.add(task)
        try:
            result = await task
        except SyncFailed as exc:
            if report:
                self._tell(exc.report)
            raise
        finally:
            self._rounds.discard(task)
        if report:
            self._tell(result)
        return result

    def _tell(self, report: SyncReport) -> None:
        if self._on_report is not None:
            try:
                self._on_report(report)
            except Exception:  # a broken listener must not break sync
                log.exception("sync report listener failed")

    async def async_serve(self, host: str, port: int) -> int:
        server = await async_start_server(
            self._session,
            host,
            port,
            on_report=self._on_report,
            round_timeout=self._round_timeout,
            idle_timeout=self._idle_timeout,
            routes=self._routes,
        )
        self._servers.append(server)
        return server.port

    async def async_serve_again(self, host: str, port: int) -> int:
        servers, self._servers = self._servers, []
        for server in servers:
            await server.close()
        return await self.async_serve(host, port)

    async def async_close(self) -> None:
        servers, self._servers = self._servers, []
        for server in servers:
            await server.close()
        for task in list(self._rounds):
            task.cancel()
        if self._rounds:
            await asyncio.gather(*self._rounds, return_exceptions=True)
