"""The relay's listening socket: admission before the WebSocket upgrade, `/healthz` and
`/metrics` over plain HTTP on the same port (`websockets` `process_request`).

A connection is refused as early, and so as cheaply, as its reason is known: over the global
cap, or over its address's caps, it gets an HTTP 503 before any WebSocket frame; `session.py`
serves the connections let in. Nothing here logs a mailbox id, an address or a size.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import resource
import ssl
import time
from collections.abc import Sequence
from http import HTTPStatus

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.typing import Subprotocol

from haven.errors import InvalidInput
from haven.relay import protocol
from haven.relay.admission import (
    AddressGate,
    ClaimDifficulty,
    MailboxGate,
    StorageShare,
    connection_budget,
    connection_worst_case,
)
from haven.relay.config import RelayConfig
from haven.relay.hub import Hub
from haven.relay.mailbox import ConnectionGate, KeyedRateLimiter, Limits, rate_key
from haven.relay.metrics import Metrics
from haven.relay.session import OUTBOX_HIGH, WRITE_LIMIT, Session
from haven.relay.stores import is_postgres_url, open_store

log = logging.getLogger("haven.relay")

#: Frame overhead allowed on top of the largest blob.
FRAME_SLACK = 1024
#: Forget addresses whose rate-limit bucket is full again once this many are remembered.
PRUNE_ADDRESSES_ABOVE = 1024
#: Seconds a client has to finish the HTTP upgrade.
OPEN_TIMEOUT = 5


class RelayServer:
    def __init__(self, config: RelayConfig) -> None:
        self.config = config
        self.limits = config.limits
        self.metrics = Metrics("postgresql" if is_postgres_url(config.db) else "sqlite")
        self.hub = Hub(open_store(config.db), config.limits, self.metrics)
        self.sessions: set[Session] = set()
        self.closing = False
        self._server: Server | None = None
        self.gate = ConnectionGate(config.limits.max_connections)
        self._apply(config.limits)

    def _apply(self, limits: Limits) -> None:
        """Install `limits` (at start and on SIGHUP); open connections keep their own
        per-connection buckets, everything else sees the new figures at once."""
        self.limits = self.hub.limits = limits
        self.per_connection_bytes = connection_worst_case(limits, OUTBOX_HIGH, WRITE_LIMIT)
        nofile = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        budget = connection_budget(limits, self.per_connection_bytes, nofile)
        if budget.reason != "configured":
            log.warning(
                "max_connections lowered to %d to fit the %s limit",
                budget.max_connections,
                budget.reason,
            )
        self.gate.limit = budget.max_connections
        if not hasattr(self, "addresses"):
            self.addresses = AddressGate(limits)
            self.mailboxes = MailboxGate(limits.connections_per_mailbox)
            self.difficulty = ClaimDifficulty(limits)
            self.shares = StorageShare(limits)
        self.addresses.limits = self.difficulty.limits = self.shares.limits = limits
        self.addresses.rate = KeyedRateLimiter(limits.connections_per_minute_per_address)
        self.mailboxes.limit = limits.connections_per_mailbox
        self.per_address = KeyedRateLimiter(limits.blobs_per_minute_per_address)
        self.frames = KeyedRateLimiter(limits.frames_per_minute_per_mailbox)
        self.new_mailboxes = KeyedRateLimiter(
            limits.new_mailboxes_per_hour_per_address / 60,
            burst=max(1, limits.new_mailboxes_per_hour_per_address // 6),
        )

    def reload(self, limits: Limits) -> None:
        self._apply(limits)
        log.info("limits reloaded")

    async def start(self) -> int:
        """Open the database and listen; return the bound port."""
        await self.hub.start()
        self._watch_gauges()
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
            select_subprotocol=_select_subprotocol,
            compression=None,
            max_size=self.limits.blob_max_bytes + FRAME_SLACK,
            max_queue=4,
            write_limit=WRITE_LIMIT,
            open_timeout=OPEN_TIMEOUT,
            ping_interval=30,
            ping_timeout=30,
            close_timeout=5,
            server_header=None,
            logger=logging.getLogger("haven.relay.websockets"),
        )
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    def _watch_gauges(self) -> None:
        hub, metrics = self.hub, self.metrics
        metrics.watch("connections_open", lambda: self.gate.open)
        metrics.watch("max_connections", lambda: self.gate.limit)
        metrics.watch("stored_bytes", lambda: hub.stored_bytes)
        metrics.watch("stored_blobs", lambda: hub.stored_blobs)
        metrics.watch("mailboxes", lambda: hub.mailbox_count)
        metrics.watch("storage_max_bytes", lambda: self.limits.storage_max_bytes)
        metrics.watch(
            "storage_fill_ratio", lambda: hub.stored_bytes / self.limits.storage_max_bytes
        )
        metrics.watch("claim_pow_bits", lambda: self.difficulty.bits(time.time()))

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
            response = connection.respond(HTTPStatus.OK, "")
            response.body = self.metrics.render()
            del response.headers["Content-Length"]
            response.headers["Content-Length"] = str(len(response.body))
            del response.headers["Content-Type"]
            response.headers["Content-Type"] = self.metrics.content_type
            return response
        if path not in ("/", "/v1"):
            return connection.respond(HTTPStatus.NOT_FOUND, "not found\n")
        if request.headers.get("Upgrade", "").lower() != "websocket":
            return connection.respond(
                HTTPStatus.UPGRADE_REQUIRED, "this is a Haven relay; it speaks WebSocket\n"
            )
        # Refuse before the upgrade: no WebSocket, no challenge, no signature check.
        reason = "connections" if self.gate.open >= self.gate.limit else None
        reason = reason or self.addresses.refusal(
            self._address(connection, request), time.monotonic()
        )
        if reason is not None:
            self.metrics.reject(reason)
            response = connection.respond(HTTPStatus.SERVICE_UNAVAILABLE, "busy\n")
            response.headers["Retry-After"] = "30"
            return response
        return None

    async def _handle(self, ws: ServerConnection) -> None:
        address = self._address(ws, ws.request)
        if self.closing:
            await ws.close(1001, "shutting down")
            return
        # process_request checked already; these re-check what many parallel handshakes
        # from one address could have raced past.
        over_address = self.addresses.open.get(address, 0) >= self.limits.connections_per_address
        if over_address or not self.gate.try_enter():
            self.metrics.reject("connections_per_address" if over_address else "connections")
            with contextlib.suppress(ConnectionClosed):
                await ws.send(
                    protocol.encode(
                        protocol.Error(protocol.NO_REQUEST, "busy", "try again later", 30_000)
                    )
                )
                await ws.close(1013, "busy")
            return
        self.addresses.enter(address)
        self.metrics.count("connections")
        session = Session(self, ws, address)
        self.sessions.add(session)
        try:
            await session.run()
        except ConnectionClosed as exc:
            if exc.sent is not None and exc.sent.code == 1009:
                self.metrics.reject("oversize_frame")
        finally:
            session.stop()
            self.sessions.discard(session)
            self.gate.leave()
            self.addresses.leave(address, session.authenticated)
            if session.mailbox:
                self.mailboxes.leave(session.mailbox)
            if len(self.per_address) > PRUNE_ADDRESSES_ABOVE:
                now = time.monotonic()
                for limiter in (self.per_address, self.frames, self.addresses.rate):
                    limiter.prune(now)

    def _address(self, ws: ServerConnection, request: Request | None) -> str:
        if self.config.trust_proxy and request is not None:
            forwarded = request.headers.get("X-Forwarded-For", "")
            if forwarded:
                return rate_key(forwarded.rsplit(",", 1)[-1].strip())
        remote = ws.remote_address
        return rate_key(str(remote[0])) if remote else "?"


_ERASE = Subprotocol(protocol.ERASE_SUBPROTOCOL)


def _select_subprotocol(
    connection: ServerConnection, offered: Sequence[Subprotocol]
) -> Subprotocol | None:
    """A client that offers `protocol.ERASE_SUBPROTOCOL` learns that this relay stores erase
    verifiers and answers `erase`; a client that offers nothing (an older app) is served as
    before, without it."""
    del connection
    return _ERASE if _ERASE in offered else None
