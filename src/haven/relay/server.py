"""The only relay module that touches the network: WebSocket sessions and `/healthz`,
`/metrics` over plain HTTP on the same port (`websockets` `process_request`).

Each connection proves access to exactly one mailbox. One mailbox per connection keeps the
relay from linking a person's spaces through a shared connection (see docs/RELAY.md).
Nothing here logs a mailbox id, an address or a size.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import ssl
import time
from collections import deque
from http import HTTPStatus

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from haven.errors import InvalidInput
from haven.relay import protocol
from haven.relay.config import RelayConfig
from haven.relay.hub import Hub, ShuttingDown
from haven.relay.mailbox import (
    ConnectionGate,
    Delivery,
    KeyedRateLimiter,
    TokenBucket,
    fetch_page_limit,
    rate_key,
    size_error,
)
from haven.relay.metrics import Metrics
from haven.relay.storage import AppendResult

log = logging.getLogger("haven.relay")

#: Close codes (RFC 6455 §7.4.1).
CLOSE_PROTOCOL_ERROR = 1002
CLOSE_POLICY = 1008
CLOSE_TRY_LATER = 1013
_FATAL = {
    "malformed": CLOSE_PROTOCOL_ERROR,
    "unsupported_version": CLOSE_PROTOCOL_ERROR,
    "unauthorized": CLOSE_POLICY,
    "too_large": CLOSE_POLICY,
}
#: Appends a connection may have waiting for their commit before its frames stop being read.
MAX_INFLIGHT = 256
#: Replies queued for one connection above which its frames are no longer read (and below
#: which reading resumes), so a client that asks without reading holds bounded memory.
OUTBOX_HIGH = 2 * 1024 * 1024
OUTBOX_LOW = 512 * 1024
#: Forget addresses whose rate-limit bucket is full again once this many are remembered.
PRUNE_ADDRESSES_ABOVE = 1024
#: Frame overhead allowed on top of the largest blob.
FRAME_SLACK = 1024


class RelayServer:
    def __init__(self, config: RelayConfig) -> None:
        self.config = config
        self.limits = config.limits
        self.metrics = Metrics()
        self.hub = Hub(config.db, config.limits, self.metrics)
        self.gate = ConnectionGate(config.limits.max_connections)
        self.per_address = KeyedRateLimiter(config.limits.blobs_per_minute_per_address)
        self.sessions: set[Session] = set()
        self.closing = False
        self._server: Server | None = None
        self._totals_read = -1.0

    async def start(self) -> int:
        """Open the database and listen; return the bound port."""
        await self.hub.start()
        tls = None
        if self.config.tls_cert is not None and self.config.tls_key is not None:
            tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            try:
                tls.load_cert_chain(self.config.tls_cert, self.config.tls_key)
            except (OSError, ssl.SSLError) as exc:
                await self.hub.close()
                raise InvalidInput(f"cannot load the TLS certificate or key: {exc}") from exc
        self._server = await serve(
            self._handle,
            self.config.host,
            self.config.port,
            ssl=tls,
            process_request=self._process_request,
            compression=None,
            max_size=self.limits.blob_max_bytes + FRAME_SLACK,
            max_queue=16,
            ping_interval=30,
            ping_timeout=30,
            close_timeout=5,
            server_header=None,
            logger=logging.getLogger("haven.relay.websockets"),
        )
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    async def shutdown(self) -> None:
        """Stop accepting, commit and acknowledge what is queued, then close every client."""
        self.closing = True
        if self._server is None:
            return
        self._server.close(close_connections=False)
        await self.hub.drain()
        await asyncio.gather(*(s.flush_and_close() for s in list(self.sessions)))
        await self._server.wait_closed()
        await self.hub.close()

    async def _process_request(
        self, connection: ServerConnection, request: Request
    ) -> Response | None:
        path = request.path.split("?", 1)[0]
        if path == "/healthz":
            status = HTTPStatus.SERVICE_UNAVAILABLE if self.closing else HTTPStatus.OK
            return connection.respond(status, "closing\n" if self.closing else "ok\n")
        if path == "/metrics":
            return await self._metrics_response(connection)
        if path not in ("/", "/v1"):
            return connection.respond(HTTPStatus.NOT_FOUND, "not found\n")
        if request.headers.get("Upgrade", "").lower() != "websocket":
            return connection.respond(
                HTTPStatus.UPGRADE_REQUIRED, "this is a Haven relay; it speaks WebSocket\n"
            )
        return None

    async def _metrics_response(self, connection: ServerConnection) -> Response:
        now = time.monotonic()
        if now - self._totals_read >= 1.0:  # at most one database read a second, however
            self._totals_read = now  # often /metrics is asked for
            try:
                totals = await self.hub.totals()
                self.metrics.gauges.update(
                    stored_blobs=totals.blobs, stored_bytes=totals.bytes, mailboxes=totals.mailboxes
                )
            except Exception:  # the counters are still worth returning
                log.warning("could not read totals for /metrics")
        self.metrics.gauges["connections_open"] = self.gate.open
        response = connection.respond(HTTPStatus.OK, self.metrics.render())
        del response.headers["Content-Type"]
        response.headers["Content-Type"] = "text/plain; version=0.0.4; charset=utf-8"
        return response

    async def _handle(self, ws: ServerConnection) -> None:
        if self.closing:
            await ws.close(1001, "shutting down")
            return
        if not self.gate.try_enter():
            self.metrics.reject("connections")
            with contextlib.suppress(ConnectionClosed):
                await ws.send(
                    protocol.encode(
                        protocol.Error(
                            protocol.NO_REQUEST,
                            "busy",
                            "the relay is full; try again later",
                            30_000,
                        )
                    )
                )
                await ws.close(CLOSE_TRY_LATER, "busy")
            return
        self.metrics.counts["connections_total"] += 1
        session = Session(self, ws, self._address(ws))
        self.sessions.add(session)
        try:
            await session.run()
        except ConnectionClosed:
            pass
        finally:
            session.stop()
            self.sessions.discard(session)
            self.gate.leave()
            if len(self.per_address) > PRUNE_ADDRESSES_ABOVE:
                self.per_address.prune(time.monotonic())

    def _address(self, ws: ServerConnection) -> str:
        if self.config.trust_proxy and ws.request is not None:
            forwarded = ws.request.headers.get("X-Forwarded-For", "")
            if forwarded:
                return rate_key(forwarded.rsplit(",", 1)[-1].strip())
        remote = ws.remote_address
        return rate_key(str(remote[0])) if remote else "?"


class Session:
    """One authenticated connection to one mailbox."""

    def __init__(self, server: RelayServer, ws: ServerConnection, address: str) -> None:
        self.server = server
        self.ws = ws
        self.address = address
        self.mailbox = b""
        now = time.monotonic()
        self.blob_bucket = TokenBucket(server.limits.blobs_per_minute_per_connection, now)
        self.request_bucket = TokenBucket(server.limits.requests_per_minute_per_connection, now)
        self.outbox: deque[tuple[bytes, Delivery | None, int]] = deque()
        self.outbox_bytes = 0
        self.ready = asyncio.Event()
        self.drained = asyncio.Event()
        self.room = asyncio.Event()  # set while fewer than MAX_INFLIGHT appends are pending
        self.room.set()
        self.pending = 0  # appends submitted and not yet answered
        self.acks: list[protocol.Appended] = []
        self.delivery: Delivery | None = None
        self.catch_up: asyncio.Task[None] | None = None
        self.sender: asyncio.Task[None] | None = None

    async def run(self) -> None:
        challenge = os.urandom(protocol.CHALLENGE_BYTES)
        await self.ws.send(
            protocol.encode(
                protocol.Challenge(challenge=challenge, blob_max=self.server.limits.blob_max_bytes)
            )
        )
        try:
            async with asyncio.timeout(self.server.limits.auth_timeout_seconds):
                untrusted = await self.ws.recv()
        except TimeoutError:
            await self._fatal(protocol.ProtocolError("unauthorized", "no authentication"))
            return
        try:
            message = protocol.decode_client(_as_bytes(untrusted))
            if not isinstance(message, protocol.Auth):
                raise protocol.ProtocolError("unauthorized", "authenticate first")
            self.mailbox = protocol.verify_auth(challenge, message)
        except protocol.ProtocolError as exc:
            await self._fatal(exc)
            return
        head = await self.server.hub.head(self.mailbox)
        await self.ws.send(protocol.encode(protocol.Welcome(head=head)))
        self.sender = asyncio.create_task(self._send_loop())
        async for untrusted in self.ws:
            while self.outbox_bytes > OUTBOX_HIGH:  # a client that sends but does not read:
                self.drained.clear()  # stop reading until it catches up
                await self.drained.wait()
            try:
                await self._on_frame(protocol.decode_client(_as_bytes(untrusted)))
            except protocol.ProtocolError as exc:
                await self._fatal(exc)
                return

    async def _on_frame(self, message: protocol.ClientMessage) -> None:
        if isinstance(message, protocol.Append):
            await self._on_append(message)
        elif isinstance(message, protocol.Fetch | protocol.Subscribe):
            wait = self.request_bucket.take(time.monotonic())
            if wait:
                self._refuse(message.id, "rate_limited", "too many requests", wait)
            elif isinstance(message, protocol.Fetch):
                await self._on_fetch(message)
            else:
                self._on_subscribe(message)
        else:
            raise protocol.ProtocolError("malformed", "already authenticated")

    async def _on_append(self, message: protocol.Append) -> None:
        limits, now = self.server.limits, time.monotonic()
        problem = size_error(len(message.blob), limits)
        if problem is not None:
            self._refuse(message.id, "too_large", problem)
            return
        wait = self.blob_bucket.take(now) or self.server.per_address.take(self.address, now)
        if wait:
            self._refuse(message.id, "rate_limited", "too many blobs; slow down", wait)
            return
        while self.pending >= MAX_INFLIGHT:  # stop reading this client's frames for now
            self.room.clear()
            await self.room.wait()
        try:
            self.server.hub.submit(self.mailbox, message.blob, self._on_committed, message.id)
        except ShuttingDown:
            self._refuse(message.id, "shutting_down", "the relay is restarting", 5.0)
            return
        self.pending += 1

    def _on_committed(self, request_id: int, result: AppendResult | None) -> None:
        self.pending -= 1
        self.room.set()
        if not self.pending:
            self.drained.set()
        if result is None:  # the batch failed (e.g. disk full): nothing was stored
            self._refuse(request_id, "storage", "the relay could not store this; retry later", 60)
            return
        if result.over_quota:
            self._refuse(request_id, "quota_exceeded", "this mailbox is full")
            return
        if not self.acks:
            asyncio.get_running_loop().call_soon(self._flush_acks)
        self.acks.append(protocol.Appended(id=request_id, cursor=result.cursor, dup=result.dup))

    def _flush_acks(self) -> None:
        """Runs after every callback of a group commit: one frame for all of them."""
        acks, self.acks = self.acks, []
        if acks:
            self._queue(protocol.encode(protocol.Acks(acks=acks)))

    async def _on_fetch(self, message: protocol.Fetch) -> None:
        limit = fetch_page_limit(message.limit, self.server.limits)
        page = await self.server.hub.page(self.mailbox, message.after, limit)
        self.server.metrics.counts["fetched_total"] += len(page.items)
        self._queue(
            protocol.encode(
                protocol.Blobs(
                    id=message.id,
                    items=page.items,
                    more=page.more,
                    head=max(page.head, self.server.hub.known_head(self.mailbox)),
                )
            )
        )

    def _on_subscribe(self, message: protocol.Subscribe) -> None:
        self.stop_delivery()
        self.delivery = Delivery(message.after, self.server.limits.push_queue_max_bytes)
        self.server.hub.subscribe(self.mailbox, self)
        self._queue(
            protocol.encode(
                protocol.Subscribed(id=message.id, head=self.server.hub.known_head(self.mailbox))
            )
        )
        self.catch_up = asyncio.create_task(self._catch_up(self.delivery))

    def on_commit(self, cursor: int, frame: bytes) -> None:
        delivery = self.delivery
        if delivery is None:
            return
        if delivery.on_commit(cursor, len(frame)):
            self._queue(frame, delivery)
        elif not delivery.live and (self.catch_up is None or self.catch_up.done()):
            self.server.metrics.counts["slow_subscribers_total"] += 1
            self.catch_up = asyncio.create_task(self._catch_up(delivery))

    async def _catch_up(self, delivery: Delivery) -> None:
        """Page stored blobs to the subscriber until it is level with the head, then go live."""
        hub, limits = self.server.hub, self.server.limits
        while self.delivery is delivery:
            while not delivery.may_page():
                self.drained.clear()
                await self.drained.wait()
            page = await hub.page(self.mailbox, delivery.last, limits.fetch_page_max_blobs)
            if self.delivery is not delivery:
                return
            frames = [
                (c, protocol.encode(protocol.Push(cursor=c, blob=b)))
                for c, b in page.items
                if c > delivery.last
            ]
            head = max(page.head, hub.known_head(self.mailbox))
            caught_up = delivery.on_page([(c, len(f)) for c, f in frames], page.more, head)
            for _, frame in frames:
                self._queue(frame, delivery)
            if caught_up:
                return

    def _queue(self, frame: bytes, delivery: Delivery | None = None) -> None:
        self.outbox.append((frame, delivery, len(frame)))
        self.outbox_bytes += len(frame)
        self.ready.set()

    async def _send_loop(self) -> None:
        metrics = self.server.metrics
        while True:
            if not self.outbox:
                self.ready.clear()
                self.drained.set()
                await self.ready.wait()
            frame, delivery, size = self.outbox.popleft()
            self.outbox_bytes -= size
            try:
                await self.ws.send(frame)
            except ConnectionClosed:
                self.outbox.clear()
                self.outbox_bytes = 0
                self.drained.set()
                return
            if delivery is not None:
                delivery.on_sent(size)
                metrics.counts["pushes_total"] += 1
            if self.outbox_bytes <= OUTBOX_LOW:
                self.drained.set()

    def _refuse(self, request_id: int, code: str, message: str, retry_s: float = 0) -> None:
        self.server.metrics.reject(code)
        self._queue(
            protocol.encode(
                protocol.Error(
                    id=request_id, code=code, message=message, retry_ms=int(retry_s * 1000)
                )
            )
        )

    async def _fatal(self, exc: protocol.ProtocolError) -> None:
        """Tell the client what was wrong, then close; other connections are untouched."""
        self.server.metrics.reject(exc.code)
        log.debug("closing a connection: %s", exc.code)
        await self._settle()  # acknowledge what was accepted before the bad frame
        with contextlib.suppress(ConnectionClosed):
            await self.ws.send(
                protocol.encode(
                    protocol.Error(id=protocol.NO_REQUEST, code=exc.code, message=str(exc))
                )
            )
            await self.ws.close(_FATAL.get(exc.code, CLOSE_PROTOCOL_ERROR), exc.code)

    async def flush_and_close(self) -> None:
        """For shutdown: let queued acknowledgements go out (briefly), then say goodbye."""
        await self._settle()
        with contextlib.suppress(ConnectionClosed):
            await self.ws.close(1001, "relay shutting down")

    async def _settle(self, timeout: float = 2.0) -> None:
        """Wait (bounded) until every accepted append is answered and the answers are sent."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                while (
                    self.pending
                    or self.acks
                    or (self.outbox and self.sender is not None and not self.sender.done())
                ):
                    self.drained.clear()
                    await self.drained.wait()

    def stop_delivery(self) -> None:
        if self.delivery is not None:
            self.server.hub.unsubscribe(self.mailbox, self)
            self.delivery = None
        if self.catch_up is not None:
            self.catch_up.cancel()
            self.catch_up = None

    def stop(self) -> None:
        self.stop_delivery()
        if self.sender is not None:
            self.sender.cancel()


def _as_bytes(untrusted: str | bytes) -> bytes:
    if not isinstance(untrusted, bytes):
        raise protocol.ProtocolError("malformed", "frames must be binary")
    return untrusted
