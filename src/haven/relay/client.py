"""A small asyncio client for one relay mailbox, for the app's sync layer and for tests.

    async with await RelayClient.connect("wss://relay.example/", space_key) as mailbox:
        ack = await mailbox.append(envelope_bytes)        # durable on the relay when it returns
        page = await mailbox.fetch(after=saved_cursor)
        await mailbox.subscribe(after=saved_cursor)
        cursor, blob = await mailbox.next_push()

Blobs must already be encrypted: the relay sees exactly the bytes given. One client is one
connection to one mailbox; use a separate connection per space so the relay cannot link them.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import itertools
import os
import ssl as ssl_module
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from python_socks import ProxyConnectionError, ProxyTimeoutError
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, ProxyError
from websockets.typing import Subprotocol

from haven.errors import SyncError
from haven.relay import protocol
from haven.relay.admission import solve_claim

_CLOSED = (0, b"")
#: Pushes received and not yet taken by the app, at most.
PUSH_QUEUE_MAX = 1024
#: Times a claim is retried when the relay's difficulty rose while we worked.
CLAIM_ATTEMPTS = 3
#: Keys the SOCKS credentials each mailbox's connections carry (`_isolated`); new each run.
_ISOLATION_KEY = os.urandom(32)


class RelayError(SyncError):
    """The relay refused a request or went away. `code` is the protocol error code."""

    def __init__(self, code: str, message: str, retry_ms: int = 0) -> None:
        super().__init__(f"relay: {message} ({code})")
        self.code = code
        self.retry_ms = retry_ms


class RelayClient:
    def __init__(
        self,
        ws: ClientConnection,
        head: int,
        blob_max: int,
        mailbox: bytes = b"",
        claim_bits: int = 0,
    ) -> None:
        self.ws = ws
        self.head = head
        self.blob_max = blob_max
        self.mailbox = mailbox
        #: Non-zero while the mailbox does not exist yet: the proof of work creating it costs.
        self.claim_bits = claim_bits
        #: Whether the relay takes erase verifiers and `erase` (it selected the subprotocol);
        #: an older relay would close the connection on either.
        self.can_erase = False
        self._claim_lock = asyncio.Lock()
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future[protocol.ServerMessage | protocol.Appended]] = {}
        # Bounded: an app that stops taking pushes stops this connection being read, and the
        # relay then pages for it from disk, so neither side's memory grows.
        self._pushes: asyncio.Queue[tuple[int, bytes]] = asyncio.Queue(PUSH_QUEUE_MAX)
        self._failure: RelayError | None = None
        self._reader = asyncio.create_task(self._read_loop())

    @classmethod
    async def connect(
        cls,
        url: str,
        space_key: bytes,
        *,
        ssl: ssl_module.SSLContext | None = None,
        timeout: float = 10.0,
        local_address: str | None = None,
        proxy: str | None = None,
    ) -> RelayClient:
        """Open a connection and prove access to the mailbox derived from `space_key`.

        `proxy` (`socks5h://HOST:PORT`, e.g. Tor's) carries the connection, the relay's name
        resolved by the proxy; if it cannot be reached the connection fails and is never
        tried directly. None connects directly (the environment's proxy variables are not
        read: the person's setting alone decides), and a `.onion` relay is then refused.
        `local_address` picks the source address (tests use several 127.0.0.x)."""
        creds = protocol.MailboxCredentials.from_space_key(space_key)
        if proxy is not None:
            proxy = _isolated(_remote_dns(proxy), creds.mailbox_id)
        elif _onion_host(url):
            raise RelayError(
                "needs_proxy",
                "a .onion relay can only be reached through Tor; set a proxy first "
                "(haven relays proxy --tor)",
            )
        try:
            async with asyncio.timeout(timeout):
                # ssl=None would be refused for wss:// by websockets: leave it out, and a
                # wss:// relay is checked against the system's trusted certificates.
                tls: dict[str, Any] = {} if ssl is None else {"ssl": ssl}
                ws = await connect(
                    url,
                    **tls,
                    subprotocols=[Subprotocol(protocol.ERASE_SUBPROTOCOL)],
                    compression=None,
                    max_size=protocol.MAX_FRAME_BYTES,
                    open_timeout=timeout,
                    proxy=proxy,
                    **_source(local_address),
                )
                try:
                    challenge = protocol.decode_server(_as_bytes(await ws.recv()))
                    if isinstance(challenge, protocol.Error):
                        raise RelayError(challenge.code, challenge.message, challenge.retry_ms)
                    if not isinstance(challenge, protocol.Challenge):
                        raise RelayError("malformed", "the relay did not send a challenge")
                    nonce = os.urandom(protocol.CLIENT_NONCE_BYTES)
                    await ws.send(protocol.encode(creds.answer(challenge.challenge, nonce)))
                    welcome = protocol.decode_server(_as_bytes(await ws.recv()))
                    if isinstance(welcome, protocol.Error):
                        raise RelayError(welcome.code, welcome.message, welcome.retry_ms)
                    if not isinstance(welcome, protocol.Welcome):
                        raise RelayError("malformed", "the relay did not welcome us")
                except BaseException:
                    await ws.close()
                    raise
        except protocol.ProtocolError as exc:
            raise RelayError(exc.code, str(exc)) from exc
        except ConnectionClosed as exc:
            raise RelayError("closed", "the relay closed the connection") from exc
        except InvalidStatus as exc:
            if exc.response.status_code in (429, 503):
                raise RelayError("busy", "the relay is busy; try again later", 30_000) from exc
            raise RelayError("unreachable", "could not connect to the relay") from exc
        except (ProxyConnectionError, ProxyTimeoutError) as exc:
            raise RelayError(
                "proxy_unreachable",
                "could not reach the proxy (is Tor running?); nothing was sent directly",
            ) from exc
        except ProxyError as exc:
            raise RelayError("unreachable", "the proxy could not reach the relay") from exc
        except (OSError, InvalidHandshake) as exc:
            raise RelayError("unreachable", "could not connect to the relay") from exc
        except TimeoutError as exc:
            raise RelayError("timeout", "the relay did not answer in time") from exc
        client = cls(ws, welcome.head, challenge.blob_max, creds.mailbox_id, welcome.claim_bits)
        client.can_erase = ws.subprotocol == protocol.ERASE_SUBPROTOCOL
        return client

    async def __aenter__(self) -> RelayClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        await self.ws.close()
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader

    # --- requests -------------------------------------------------------------------------

    async def append(self, blob: bytes) -> protocol.Appended:
        """Store `blob`; returns once the relay says it is durable (dup=True if already held)."""
        return await (await self.send_append(blob))

    async def claim(self) -> None:
        """Create the mailbox on the relay, paying its proof of work (once per mailbox)."""
        async with self._claim_lock:
            for _ in range(CLAIM_ATTEMPTS):
                bits = self.claim_bits
                if not bits:
                    return
                nonce = await asyncio.to_thread(solve_claim, self.mailbox, bits)
                reply = await self._request(functools.partial(_claim_frame, nonce))
                assert isinstance(reply, protocol.Claimed)
                self.claim_bits = reply.bits
            if self.claim_bits:
                raise RelayError("claim_insufficient", "the relay is too busy to add a mailbox")

    async def send_append(self, blob: bytes, vf: bytes = b"") -> asyncio.Future[protocol.Appended]:
        """Send an append and return at once with a future for its acknowledgement, so a
        backlog can be uploaded with many appends in flight on one connection. The first
        append to a new mailbox claims it first. `vf` (protocol.erase_verifier of a token)
        lets whoever knows the token erase the blob later."""
        if self.claim_bits:
            await self.claim()
        vf = vf if self.can_erase else b""
        future = await self._send(lambda rid: protocol.Append(id=rid, blob=blob, vf=vf))
        return future  # type: ignore[return-value]  # the relay answers an Append with Appended

    async def send_erase(self, token: bytes, stub: bytes = b"") -> asyncio.Future[protocol.Erased]:
        """Ask the relay to erase the blobs appended with `erase_verifier(token)`, keeping
        `stub` (a redacted copy, or nothing) in the first one's place; the future holds the
        answer (`count` 0: nothing held with that verifier). Raises RelayError
        `unsupported` on a relay that does not erase (`can_erase`)."""
        if not self.can_erase:
            raise RelayError("unsupported", "this relay cannot erase blobs")
        future = await self._send(lambda rid: protocol.Erase(id=rid, token=token, blob=stub))
        return future  # type: ignore[return-value]  # the relay answers an Erase with Erased

    async def erase(self, token: bytes, stub: bytes = b"") -> int:
        reply = await (await self.send_erase(token, stub))
        assert isinstance(reply, protocol.Erased)
        return reply.count

    async def append_many(self, blobs: Sequence[bytes]) -> list[protocol.Appended]:
        """Pipeline several appends on the one connection (all sent before any ack arrives)."""
        return list(await asyncio.gather(*(self.append(b) for b in blobs)))

    async def fetch(self, after: int = 0, limit: int = 256) -> protocol.Blobs:
        reply = await self._request(lambda rid: protocol.Fetch(id=rid, after=after, limit=limit))
        assert isinstance(reply, protocol.Blobs)
        return reply

    async def fetch_all(self, after: int = 0) -> list[tuple[int, bytes]]:
        items: list[tuple[int, bytes]] = []
        while True:
            page = await self.fetch(after)
            items += page.items
            if not page.more or not page.items:
                return items
            after = page.items[-1][0]

    async def subscribe(self, after: int = 0) -> int:
        """Ask for every blob after `after`, stored or future, as pushes; returns the head."""
        reply = await self._request(lambda rid: protocol.Subscribe(id=rid, after=after))
        assert isinstance(reply, protocol.Subscribed)
        return reply.head

    @property
    def has_push(self) -> bool:
        """Whether `next_push` would answer at once (a push, or the end, is waiting)."""
        return not self._pushes.empty()

    async def next_push(self, timeout: float | None = None) -> tuple[int, bytes]:
        """The next (cursor, blob) pushed; raises RelayError if the connection ended."""
        if self._pushes.empty() and self._reader.done():
            raise self._failure or RelayError("closed", "the connection closed")
        async with asyncio.timeout(timeout):
            item = await self._pushes.get()
        if item is _CLOSED:
            self._pushes.put_nowait(_CLOSED)
            raise self._failure or RelayError("closed", "the connection closed")
        return item

    async def _request(
        self, make: Callable[[int], protocol.ClientMessage]
    ) -> protocol.ServerMessage | protocol.Appended:
        return await (await self._send(make))

    async def _send(
        self, make: Callable[[int], protocol.ClientMessage]
    ) -> asyncio.Future[protocol.ServerMessage | protocol.Appended]:
        if self._failure is not None:
            raise self._failure
        request_id = next(self._ids)
        message = make(request_id)
        future: asyncio.Future[protocol.ServerMessage | protocol.Appended] = (
            asyncio.get_running_loop().create_future()
        )
        self._pending[request_id] = future
        try:
            await self.ws.send(protocol.encode(message))
        except ConnectionClosed as exc:
            self._pending.pop(request_id, None)
            raise self._failure or RelayError("closed", "the connection closed") from exc
        return future

    # --- incoming -------------------------------------------------------------------------

    def _resolve(self, request_id: int, reply: protocol.ServerMessage | protocol.Appended) -> None:
        future = self._pending.pop(request_id, None)
        if future is None or future.done():
            return  # an answer to nothing we asked: ignore it
        if isinstance(reply, protocol.Error):
            future.set_exception(RelayError(reply.code, reply.message, reply.retry_ms))
        else:
            future.set_result(reply)

    async def _read_loop(self) -> None:
        failure = RelayError("closed", "the relay closed the connection")
        try:
            async for raw in self.ws:
                message = protocol.decode_server(_as_bytes(raw))
                if isinstance(message, protocol.Push):
                    await self._pushes.put((message.cursor, message.blob))
                    continue
                if isinstance(message, protocol.Acks):
                    for ack in message.acks:
                        self._resolve(ack.id, ack)
                    continue
                if isinstance(message, protocol.Error) and message.id == protocol.NO_REQUEST:
                    failure = RelayError(message.code, message.message, message.retry_ms)
                    continue
                self._resolve(getattr(message, "id", 0), message)
        except ConnectionClosed:
            pass
        except protocol.ProtocolError as exc:
            failure = RelayError(exc.code, f"the relay sent a bad frame: {exc}")
            await self.ws.close(1002)
        finally:
            self._failure = self._failure or failure
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(self._failure)
            self._pending.clear()
            with contextlib.suppress(asyncio.QueueFull):  # else next_push sees the reader done
                self._pushes.put_nowait(_CLOSED)


def _remote_dns(proxy: str) -> str:
    """The proxy as `socks5h://`: websockets resolves the relay's name locally for a
    `socks5://` proxy, which would tell the local network (and its DNS server) which relay
    this is. Any other kind of proxy is refused."""
    scheme, sep, rest = proxy.partition("://")
    if not sep or scheme.lower() not in ("socks5", "socks5h"):
        raise RelayError("bad_proxy", "only a SOCKS5 proxy can carry relay connections")
    return f"socks5h://{rest}"


def _isolated(proxy: str, mailbox: bytes) -> str:
    """The proxy with SOCKS credentials of this mailbox's own (a keyed BLAKE2b of its id under
    a key new each run). Tor gives streams with different credentials different circuits
    (IsolateSOCKSAuth, on by default), so two spaces synced together leave Tor by different
    exits and the relay cannot link them by address; connections to the same mailbox share
    a circuit within a run. A proxy without authentication picks "no authentication" from
    the methods offered and ignores them."""
    scheme, _, rest = proxy.partition("://")
    if "@" in rest:
        return proxy
    tag = hashlib.blake2b(mailbox, key=_ISOLATION_KEY, digest_size=8).hexdigest()
    return f"{scheme}://{tag}:{tag}@{rest}"


def _onion_host(url: str) -> bool:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    return host.rstrip(".").endswith(".onion")


def _source(local_address: str | None) -> dict[str, Any]:
    return {"local_addr": (local_address, 0)} if local_address else {}


def _claim_frame(nonce: bytes, request_id: int) -> protocol.Claim:
    return protocol.Claim(id=request_id, nonce=nonce)


def _as_bytes(untrusted: str | bytes) -> bytes:
    if not isinstance(untrusted, bytes):
        raise protocol.ProtocolError("malformed", "frames must be binary")
    return untrusted
