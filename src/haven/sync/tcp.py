"""The TCP transport: the only module of the channel that touches sockets (asyncio streams).

`connect()` and `serve()` run the sans-IO handshake over a stream and hand back a `Channel`
whose peer proved it holds at least one of our spaces. Every wait is bounded: the handshake by
`handshake_timeout`, each read or write afterwards by `idle_timeout`. On any failure the
connection is aborted, the reason logged (never content, keys or addresses) and a
`ChannelError` raised; a clean end of stream raises `ChannelClosed`.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from types import TracebackType

from haven.core.space_secrets import SpaceSecret
from haven.errors import SyncError
from haven.sync.channel import ChannelClosed
from haven.sync.framing import ChannelError
from haven.sync.handshake import (
    SUPPORTED_VERSIONS,
    Handshake,
    HandshakeError,
    HandshakeResult,
    Role,
)

log = logging.getLogger("haven.sync.channel")

HANDSHAKE_TIMEOUT = 10.0
IDLE_TIMEOUT = 60.0
CLOSE_TIMEOUT = 2.0
MAX_CONNECTIONS = 32
READ_CHUNK = 64 * 1024

SecretsProvider = Callable[[], Sequence[SpaceSecret] | Awaitable[Sequence[SpaceSecret]]]
ChannelHandler = Callable[["Channel"], Awaitable[None]]


class ChannelTimeout(ChannelError):
    pass


class NoSharedSpaces(ChannelError):
    """The handshake worked but the peer proved none of our spaces: nothing to sync."""


class Channel:
    """An authenticated, encrypted, ordered message stream to one peer.

    One task may `send()` while another `recv()`s. When the peer closes cleanly, `recv()`
    raises ChannelClosed and our side of the stream is closed too.
    """

    def __init__(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        result: HandshakeResult,
        *,
        idle_timeout: float = IDLE_TIMEOUT,
    ) -> None:
        self._reader = reader
        self._writer = writer
        self._crypto = result.channel
        self._idle = idle_timeout
        self._send_lock = asyncio.Lock()
        self._recv_lock = asyncio.Lock()
        self._closed = False
        self.version = result.version
        self.transcript_hash = result.transcript_hash
        self.shared_spaces: tuple[SpaceSecret, ...] = result.shared

    @property
    def closed(self) -> bool:
        return self._closed

    async def send(self, payload: bytes) -> None:
        async with self._send_lock:
            if self._closed:
                raise ChannelClosed("the channel is closed")
            frame = self._crypto.seal(payload)
            try:
                self._writer.write(frame)
                async with asyncio.timeout(self._idle):
                    await self._writer.drain()
            except TimeoutError:
                raise self._abort(ChannelTimeout("the peer stopped reading")) from None
            except OSError:
                raise self._abort(ChannelError("the connection was lost")) from None

    async def recv(self) -> bytes:
        """The next payload, in order. Raises ChannelClosed at a clean end, ChannelError
        (ChannelTimeout after `idle_timeout` without a frame) on failure."""
        async with self._recv_lock:
            while True:
                try:
                    message = self._crypto.next_message()
                    if message is not None:
                        return message
                    if self._closed:
                        raise ChannelClosed("the channel is closed")
                    data = await self._read()
                    if not data:
                        self._crypto.eof()
                    self._crypto.feed(data)
                except ChannelClosed:
                    await self.close()
                    raise
                except ChannelError as exc:
                    raise self._abort(exc) from None

    async def close(self) -> None:
        """Send TAG_FINAL (if the channel is healthy) and close the connection."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(OSError, TimeoutError, ChannelError):
            final = self._crypto.seal_final()
            if final:
                self._writer.write(final)
                async with asyncio.timeout(CLOSE_TIMEOUT):
                    await self._writer.drain()
        self._writer.close()
        with contextlib.suppress(OSError, TimeoutError):
            async with asyncio.timeout(CLOSE_TIMEOUT):
                await self._writer.wait_closed()

    async def _read(self) -> bytes:
        try:
            async with asyncio.timeout(self._idle):
                return await self._reader.read(READ_CHUNK)
        except TimeoutError:
            raise ChannelTimeout(f"no data from the peer for {self._idle:g} s") from None
        except OSError:
            raise ChannelError("the connection was lost") from None

    def _abort(self, exc: ChannelError) -> ChannelError:
        if not self._closed:
            log.info("channel failed: %s", exc)
        self._closed = True
        self._writer.transport.abort()
        return exc

    async def __aenter__(self) -> Channel:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[bytes]:
        while True:
            try:
                message = await self.recv()
            except ChannelClosed:
                return
            yield message


async def _handshake(
    hs: Handshake, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> HandshakeResult:
    try:
        out = hs.start()
        while True:
            if out:
                writer.write(out)
                await writer.drain()
            if hs.done:
                return hs.result
            data = await reader.read(READ_CHUNK)
            if not data:
                raise HandshakeError("the peer closed the connection during the handshake")
            try:
                out = hs.receive(data)
            except HandshakeError as exc:
                if exc.reply:
                    with contextlib.suppress(OSError):
                        writer.write(exc.reply)
                        await writer.drain()
                raise
    except OSError:
        raise HandshakeError("the connection was lost during the handshake") from None


async def connect(
    host: str,
    port: int,
    secrets: Sequence[SpaceSecret],
    *,
    handshake_timeout: float = HANDSHAKE_TIMEOUT,
    idle_timeout: float = IDLE_TIMEOUT,
    require_shared: bool = True,
    versions: Sequence[int] = SUPPORTED_VERSIONS,
) -> Channel:
    """Open a channel to a peer. Raises NoSharedSpaces (after a clean close) if the peer
    proved none of `secrets` and `require_shared` is set."""
    hs = Handshake(Role.INITIATOR, secrets, versions=versions)
    try:
        async with asyncio.timeout(handshake_timeout):
            reader, writer = await asyncio.open_connection(host, port)
    except TimeoutError:
        raise ChannelTimeout("connecting timed out") from None
    except OSError as exc:
        raise ChannelError(f"could not connect ({exc.strerror or type(exc).__name__})") from None
    try:
        async with asyncio.timeout(handshake_timeout):
            result = await _handshake(hs, reader, writer)
    except TimeoutError:
        writer.transport.abort()
        log.info("handshake failed: timed out")
        raise ChannelTimeout(f"the handshake took longer than {handshake_timeout:g} s") from None
    except ChannelError as exc:
        writer.transport.abort()
        log.info("handshake failed: %s", exc)
        raise
    channel = Channel(reader, writer, result, idle_timeout=idle_timeout)
    if require_shared and not result.shared:
        await channel.close()
        raise NoSharedSpaces("the peer shares none of our spaces")
    return channel


class Server:
    """A listening channel server. Use `async with` or call `close()`."""

    def __init__(
        self,
        secrets_provider: SecretsProvider,
        on_channel: ChannelHandler,
        *,
        handshake_timeout: float,
        idle_timeout: float,
        max_connections: int,
    ) -> None:
        self._secrets_provider = secrets_provider
        self._on_channel = on_channel
        self._handshake_timeout = handshake_timeout
        self._idle_timeout = idle_timeout
        self._max_connections = max_connections
        self._tasks: set[asyncio.Task[None]] = set()
        self._server: asyncio.Server | None = None
        self.host = ""
        self.port = 0

    async def start(self, host: str, port: int) -> None:
        self._server = await asyncio.start_server(self._accept, host, port)
        self.host, self.port = self._server.sockets[0].getsockname()[:2]

    @property
    def connections(self) -> int:
        return len(self._tasks)

    async def close(self) -> None:
        """Stop listening and end every connection (handlers are cancelled)."""
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._server is not None:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(CLOSE_TIMEOUT):
                    await self._server.wait_closed()

    async def __aenter__(self) -> Server:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if len(self._tasks) >= self._max_connections:
            log.info("connection refused: too many connections")
            writer.transport.abort()
            return
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._serve_one(reader, writer)
        except asyncio.CancelledError:
            # Only Server.close() cancels these tasks; asyncio's stream callback would report
            # a cancelled connection task as an error, so the cancellation ends here.
            writer.transport.abort()
        finally:
            self._tasks.discard(task)

    async def _serve_one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            async with asyncio.timeout(self._handshake_timeout):
                secrets = self._secrets_provider()
                if inspect.isawaitable(secrets):
                    secrets = await secrets
                hs = Handshake(Role.RESPONDER, secrets)
                result = await _handshake(hs, reader, writer)
        except TimeoutError:
            log.info("handshake failed: timed out")
            writer.transport.abort()
            return
        except ChannelError as exc:
            log.info("handshake failed: %s", exc)
            writer.transport.abort()
            return
        except Exception as exc:  # e.g. the vault was locked: refuse this peer, keep serving
            log.warning("no space secrets for a new connection: %s", type(exc).__name__)
            writer.transport.abort()
            return
        channel = Channel(reader, writer, result, idle_timeout=self._idle_timeout)
        if not result.shared:  # a stranger, or a peer with no space in common
            await channel.close()
            return
        try:
            await self._on_channel(channel)
        except ChannelClosed:
            pass
        except SyncError as exc:
            log.info("sync ended: %s", exc)
        except Exception as exc:  # a bug in the handler must not kill the server
            log.warning("channel handler failed: %s", type(exc).__name__)
        finally:
            await channel.close()


async def serve(
    host: str,
    port: int,
    secrets_provider: SecretsProvider,
    on_channel: ChannelHandler,
    *,
    handshake_timeout: float = HANDSHAKE_TIMEOUT,
    idle_timeout: float = IDLE_TIMEOUT,
    max_connections: int = MAX_CONNECTIONS,
) -> Server:
    """Listen on (host, port); port 0 picks a free port (see `Server.port`).

    `secrets_provider` is called for each connection, so spaces joined later are offered;
    `on_channel` runs for each channel whose peer shares a space, and the channel is closed
    when it returns.
    """
    server = Server(
        secrets_provider,
        on_channel,
        handshake_timeout=handshake_timeout,
        idle_timeout=idle_timeout,
        max_connections=max_connections,
    )
    await server.start(host, port)
    return server
