"""One WebSocket connection, authenticated to exactly one mailbox.

One mailbox per connection keeps the relay from linking a person's spaces through a shared
connection (see docs/RELAY.md). Refusing must cost less than serving:

- every frame is first counted against its mailbox's frame rate *before* it is decoded;
  frames over it are dropped unread, and a connection that keeps sending them is closed;
- appends pass the per-connection and per-address blob rates, the mailbox must have been
  claimed (admission.py), and the disk cap and the address's share are checked before
  anything reaches the database;
- a client that sends without reading stops being read once its replies pile up
  (`OUTBOX_HIGH`), and one whose queued frames make no progress for `send_timeout_seconds`
  is cut off, so a slow reader costs a bounded amount of memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections import deque
from typing import Protocol

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from haven.relay import protocol
from haven.relay.admission import (
    AddressGate,
    ClaimDifficulty,
    MailboxGate,
    StorageShare,
    claim_ok,
)
from haven.relay.hub import Hub, ShuttingDown
from haven.relay.mailbox import (
    Delivery,
    KeyedRateLimiter,
    Limits,
    TokenBucket,
    fetch_page_limit,
    size_error,
)
from haven.relay.metrics import Metrics
from haven.relay.storage import AppendResult, StorageError

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
    "rate_limited": CLOSE_POLICY,
    "busy": CLOSE_TRY_LATER,
}
#: Appends a connection may have waiting for their commit before its frames stop being read.
MAX_INFLIGHT = 256
#: Replies queued for one connection above which its frames are no longer read (and below
#: which reading resumes), so a client that asks without reading holds bounded memory.
OUTBOX_HIGH = 128 * 1024
OUTBOX_LOW = 32 * 1024
#: A connection's frames over rate are forgiven after this long without another one.
VIOLATIONS_FORGOTTEN_AFTER = 10.0
#: The transport's own send buffer (websockets' `write_limit`).
WRITE_LIMIT = 64 * 1024


class SessionHost(Protocol):
    """What a session uses of the server (server.RelayServer)."""

    limits: Limits
    metrics: Metrics
    hub: Hub
    addresses: AddressGate
    mailboxes: MailboxGate
    difficulty: ClaimDifficulty
    shares: StorageShare
    frames: KeyedRateLimiter
    per_address: KeyedRateLimiter
    new_mailboxes: KeyedRateLimiter


class Session:
    def __init__(self, server: SessionHost, ws: ServerConnection, address: str) -> None:
        self.server = server
        self.ws = ws
        self.address = address
        self.mailbox = b""
        self.authenticated = False
        self.claimed = False
        self.violations = 0
        self.last_violation = 0.0
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
        self.acks: list[tuple[int, int, bool]] = []  # (id, cursor, dup) to acknowledge
        self.delivery: Delivery | None = None
        self.catch_up: asyncio.Task[None] | None = None
        self.sender: asyncio.Task[None] | None = None

    async def run(self) -> None:
        if not await self._authenticate():
            return
        self.sender = asyncio.create_task(self._send_loop())
        frames, metrics = self.server.frames, self.server.metrics
        async for untrusted in self.ws:
            wait = frames.take(self.mailbox, time.monotonic())
            if wait:
                # Over the mailbox's frame rate: drop it unread, say so once per streak, and
                # read nothing more until a frame would be allowed, so that TCP holds the
                # sender back at no cost to us; close if it keeps on.
                metrics.count("dropped_frames")
                now = time.monotonic()
                if now - self.last_violation > VIOLATIONS_FORGOTTEN_AFTER:
                    self.violations = 0
                self.violations += 1
                self.last_violation = now
                if self.violations >= self.server.limits.violations_before_close:
                    await self._fatal(protocol.ProtocolError("rate_limited", "too many frames"))
                    return
                if self.violations == 1:
                    self._refuse(protocol.NO_REQUEST, "rate_limited", "frames dropped", wait)
                await asyncio.sleep(min(wait, 1.0))
                continue
            while self.outbox_bytes > OUTBOX_HIGH:  # a client that sends but does not read:
                self.drained.clear()  # stop reading until it catches up
                await self.drained.wait()
            try:
                await self._on_frame(protocol.decode_client(_as_bytes(untrusted)))
            except protocol.ProtocolError as exc:
                await self._fatal(exc)
                return

    async def _authenticate(self) -> bool:
        server = self.server
        challenge = os.urandom(protocol.CHALLENGE_BYTES)
        await self.ws.send(
            protocol.encode(
                protocol.Challenge(challenge=challenge, blob_max=server.limits.blob_max_bytes)
            )
        )
        try:
            async with asyncio.timeout(server.limits.auth_timeout_seconds):
                untrusted = await self.ws.recv()
        except TimeoutError:
            await self._fatal(protocol.ProtocolError("unauthorized", "no authentication"))
            return False
        try:
            message = protocol.decode_client(_as_bytes(untrusted))
            if not isinstance(message, protocol.Auth):
                raise protocol.ProtocolError("unauthorized", "authenticate first")
            mailbox = protocol.verify_auth(challenge, message)
        except protocol.ProtocolError as exc:
            await self._fatal(exc)
            return False
        if not server.mailboxes.try_enter(mailbox):
            await self._fatal(protocol.ProtocolError("busy", "too many connections to a mailbox"))
            return False
        self.mailbox = mailbox
        self.authenticated = True
        server.addresses.authenticated(self.address)
        head = await server.hub.head(mailbox)
        self.claimed = head is not None
        bits = 0 if self.claimed else server.difficulty.bits(time.time())
        await self.ws.send(protocol.encode(protocol.Welcome(head=head or 0, claim_bits=bits)))
        return True

    async def _on_frame(self, message: protocol.ClientMessage) -> None:
        if isinstance(message, protocol.Append):
            await self._on_append(message)
            return
        if isinstance(message, protocol.Auth):
            raise protocol.ProtocolError("malformed", "already authenticated")
        if isinstance(message, protocol.Erase):
            await self._on_erase(message)
            return
        wait = self.request_bucket.take(time.monotonic())
        if wait:
            self._refuse(message.id, "rate_limited", "too many requests", wait)
        elif isinstance(message, protocol.Fetch):
            await self._on_fetch(message)
        elif isinstance(message, protocol.Subscribe):
            self._on_subscribe(message)
        else:
            await self._on_claim(message)

    async def _on_claim(self, message: protocol.Claim) -> None:
        server, now = self.server, time.time()
        if self.claimed:
            self._queue(protocol.encode(protocol.Claimed(id=message.id, bits=0)))
            return
        bits = server.difficulty.bits(now)
        if not claim_ok(self.mailbox, message.nonce, bits):
            server.metrics.reject("claim_insufficient")
            self._queue(protocol.encode(protocol.Claimed(id=message.id, bits=bits)))
            return
        wait = server.new_mailboxes.take(self.address, time.monotonic())
        if wait:
            self._refuse(message.id, "rate_limited", "too many new mailboxes", wait)
            return
        try:
            created = await server.hub.claim(self.mailbox)
        except StorageError:
            self._refuse(message.id, "storage", "the relay could not store this; retry later", 60)
            return
        if created:
            server.difficulty.record(now)
            server.metrics.count("claims")
        self.claimed = True
        self._queue(protocol.encode(protocol.Claimed(id=message.id, bits=0)))

    async def _on_append(self, message: protocol.Append) -> None:
        server, now = self.server, time.monotonic()
        limits, size = server.limits, len(message.blob)
        problem = size_error(size, limits)
        if problem is not None:
            self._refuse(message.id, "too_large", problem)
            return
        wait = self.blob_bucket.take(now) or server.per_address.take(self.address, now)
        if wait:
            self._refuse(message.id, "rate_limited", "too many blobs; slow down", wait)
            return
        if not self.claimed:
            self._refuse(message.id, "claim_required", "claim the mailbox first")
            return
        if not server.hub.has_room(size):
            self._refuse(message.id, "storage_full", "the relay is full; retry later", 600)
            return
        if not server.shares.take(self.address, size, now):
            self._refuse(message.id, "address_share", "this network stored its share", 600)
            return
        while self.pending >= MAX_INFLIGHT:  # stop reading this client's frames for now
            self.room.clear()
            await self.room.wait()
        try:
            server.hub.submit(
                self.mailbox, message.blob, self._on_committed, message.id, message.vf
            )
        except ShuttingDown:
            self._refuse(message.id, "shutting_down", "the relay is restarting", 5.0)
            return
        self.pending += 1

    async def _on_erase(self, message: protocol.Erase) -> None:
        """Erase this mailbox's blobs whose verifier is H(token), keeping the redacted copy
        the client sends in the first one's place. Rated like appends (each may write); the
        relay cannot tell an honest erasure from any other holder of the epoch key's, and
        needs not: see docs/THREAT_MODEL.md §3."""
        server, now = self.server, time.monotonic()
        if len(message.blob) > server.limits.blob_max_bytes:
            self._refuse(message.id, "too_large", "the replacement is too large")
            return
        wait = self.blob_bucket.take(now) or server.per_address.take(self.address, now)
        if wait:
            self._refuse(message.id, "rate_limited", "too many erasures; slow down", wait)
            return
        count, stub = 0, message.blob
        if stub and not server.shares.take(self.address, len(stub), now):
            stub = b""  # the copy counts against the address's share, as an append would
        if self.claimed:  # a mailbox never claimed holds nothing to erase
            vf = protocol.erase_verifier(message.token)
            try:
                count = await server.hub.erase(self.mailbox, vf, stub)
            except StorageError:
                self._refuse(message.id, "storage", "the relay could not erase; retry later", 60)
                return
        self._queue(protocol.encode(protocol.Erased(id=message.id, count=count)))

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
        self.acks.append((request_id, result.cursor, result.dup))

    def _flush_acks(self) -> None:
        """Runs after every callback of a group commit: one frame for all of them."""
        acks, self.acks = self.acks, []
        if acks:
            self._queue(protocol.encode_acks(acks))

    async def _on_fetch(self, message: protocol.Fetch) -> None:
        started = time.perf_counter()
        hub, limits = self.server.hub, self.server.limits
        page = await hub.page(self.mailbox, message.after, fetch_page_limit(message.limit, limits))
        self.server.metrics.count("fetched", len(page.items))
        head = max(page.head, hub.known_head(self.mailbox))
        reply = protocol.Blobs(id=message.id, items=page.items, more=page.more, head=head)
        self._queue(protocol.encode(reply))
        self.server.metrics.fetch_seconds.observe(time.perf_counter() - started)

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
            self.server.metrics.count("slow_subscribers")
            self.catch_up = asyncio.create_task(self._catch_up(delivery))

    async def _catch_up(self, delivery: Delivery) -> None:
        """Page stored blobs to the subscriber until it is level with the head, then go live."""
        hub, limits = self.server.hub, self.server.limits
        while self.delivery is delivery:
            while not delivery.may_page():
                self.drained.clear()
                await self.drained.wait()
            try:
                page = await hub.page(
                    self.mailbox,
                    delivery.last,
                    limits.fetch_page_max_blobs,
                    max(limits.blob_max_bytes, limits.push_queue_max_bytes // 2),
                )
            except StorageError:
                await asyncio.sleep(1.0)
                continue
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
        if self.sender is not None and self.sender.done():
            return  # the connection is gone: nobody will send it
        self.outbox.append((frame, delivery, len(frame)))
        self.outbox_bytes += len(frame)
        self.ready.set()

    async def _send_loop(self) -> None:
        metrics, timeout = self.server.metrics, self.server.limits.send_timeout_seconds
        while True:
            if not self.outbox:
                self.ready.clear()
                self.drained.set()
                await self.ready.wait()
            frame, delivery, size = self.outbox.popleft()
            self.outbox_bytes -= size
            try:
                async with asyncio.timeout(timeout):
                    await self.ws.send(frame)
            except (ConnectionClosed, TimeoutError) as exc:
                if isinstance(exc, TimeoutError):  # a reader that does not read: cut it off
                    metrics.reject("slow_reader")
                    self.ws.transport.abort()
                self.outbox.clear()
                self.outbox_bytes = 0
                self.drained.set()
                return
            if delivery is not None:
                delivery.on_sent(size)
                metrics.count("pushes")
            if self.outbox_bytes <= OUTBOX_LOW:
                self.drained.set()

    def _refuse(self, request_id: int, code: str, message: str, retry_s: float = 0) -> None:
        self.server.metrics.reject(code)
        error = protocol.Error(
            id=request_id, code=code, message=message, retry_ms=int(retry_s * 1000)
        )
        self._queue(protocol.encode(error))

    async def _fatal(self, exc: protocol.ProtocolError) -> None:
        """Tell the client what was wrong, then close; other connections are untouched."""
        self.server.metrics.reject(exc.code)
        log.debug("closing a connection: %s", exc.code)
        await self._settle()  # acknowledge what was accepted before the bad frame
        with contextlib.suppress(ConnectionClosed):
            async with asyncio.timeout(self.server.limits.send_timeout_seconds):
                await self.ws.send(
                    protocol.encode(
                        protocol.Error(id=protocol.NO_REQUEST, code=exc.code, message=str(exc))
                    )
                )
                await self.ws.close(_FATAL.get(exc.code, CLOSE_PROTOCOL_ERROR), exc.code)
            return
        self.ws.transport.abort()

    async def flush_and_close(self) -> None:
        """For shutdown: let queued acknowledgements go out (briefly), then say goodbye."""
        await self._settle()
        with contextlib.suppress(ConnectionClosed, TimeoutError):
            async with asyncio.timeout(2.0):
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
