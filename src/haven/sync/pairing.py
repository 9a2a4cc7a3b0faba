"""Linking a new device (docs/PROTOCOL.md §4).

The existing device listens and shows a one-time, expiring pairing code that carries its
address and a 256-bit secret. The new device connects with that secret as the only space it
offers; the channel's handshake proves both hold it. Both screens then show verification words
derived from the channel's transcript hash — a man in the middle would have two different
transcripts — and only after both people confirm do the persona and journal keys travel, inside
the encrypted channel. The new device creates its vault only when it has everything, so a
failure at any step leaves no half-linked state on either side.

Messages on the pairing channel (msgpack arrays):
  new → existing   ["request", label]          after the handshake
  either way       ["reject", reason]          the person said the words differ, or gave up
  new → existing   ["confirm"]                 the new device's person confirmed
  existing → new   ["bundle", bundle_bytes]    only after both confirmed
  new → existing   ["done"]                    the new vault exists
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import msgpack

from haven.core import session as sessions
from haven.core.envelope import packb, unpackb
from haven.core.linking import LinkBundle, NewDevice, create_linked, make_bundle
from haven.core.session import Session
from haven.core.space_secrets import (
    PAIRING_SECRET_BYTES,
    SpaceSecret,
    new_pairing_secret,
    pairing_secret,
)
from haven.crypto.hashing import blake2b_256
from haven.errors import InvalidInput, SyncError, VaultExists
from haven.sync import tcp
from haven.sync.engine import async_run_round, async_sync_once
from haven.sync.handshake import verification_words
from haven.sync.reconcile import SyncReport

log = logging.getLogger(__name__)

CODE_PREFIX = "hvn1"
CODE_VERSION = 1
DEFAULT_TTL_S = 600
#: People compare words and press a button: give them time before the channel idles out.
PAIRING_IDLE_TIMEOUT = 300.0
FIRST_SYNC_WAIT_S = 120.0
MAX_MESSAGE = 1024 * 1024

Confirm = Callable[[list[str]], Awaitable[bool]]


class PairingError(SyncError):
    """Linking did not happen; nothing was changed on this device."""


class CodeError(InvalidInput):
    """A pairing code that is mistyped, malformed or expired."""


@dataclass(frozen=True, repr=False)
class PairingCode:
    host: str
    port: int
    secret: bytes
    expires_s: int

    def __repr__(self) -> str:
        return f"PairingCode({self.host}:{self.port}, expires {self.expires_s})"

    def encode(self) -> str:
        payload = packb([CODE_VERSION, self.host, self.port, self.secret, self.expires_s])
        check = blake2b_256(payload, person=b"haven-pair-code")[:4]
        text = base64.b32encode(payload + check).decode("ascii").rstrip("=").lower()
        return "-".join([CODE_PREFIX, *(text[i : i + 5] for i in range(0, len(text), 5))])

    @classmethod
    def decode(cls, untrusted: str, now_s: float | None = None) -> PairingCode:
        text = "".join(untrusted.split()).replace("-", "").lower()
        if not text.startswith(CODE_PREFIX):
            raise CodeError("that is not a Haven pairing code")
        body = text[len(CODE_PREFIX) :].upper()
        try:
            raw = base64.b32decode(body + "=" * (-len(body) % 8))
        except ValueError:
            raise CodeError(
                "the pairing code is mistyped (it has letters a code never has)"
            ) from None
        payload, check = raw[:-4], raw[-4:]
        if len(raw) < 8 or blake2b_256(payload, person=b"haven-pair-code")[:4] != check:
            raise CodeError("the pairing code is mistyped or incomplete; check it and retry")
        try:
            version, host, port, secret, expires = unpackb(payload)
        except (ValueError, TypeError, msgpack.UnpackException):
            raise CodeError("the pairing code is malformed") from None
        if version != CODE_VERSION:
            raise CodeError("the pairing code comes from an incompatible Haven version")
        if not (
            isinstance(host, str)
            and 0 < len(host) <= 255
            and type(port) is int
            and 0 < port < 65536
            and isinstance(secret, bytes)
            and len(secret) == PAIRING_SECRET_BYTES
            and type(expires) is int
        ):
            raise CodeError("the pairing code is malformed")
        if (time.time() if now_s is None else now_s) >= expires:
            raise CodeError("the pairing code has expired; make a new one on the other device")
        return cls(host, port, secret, expires)


@dataclass
class OfferOutcome:
    label: str
    first_sync: SyncReport | None = None
    errors: list[str] = field(default_factory=list)


def _encode(kind: str, *args: object) -> bytes:
    return packb([kind, *args])


def _decode(untrusted: bytes) -> list[object]:
    try:
        msg = unpackb(untrusted)
    except (ValueError, TypeError, msgpack.UnpackException):
        raise PairingError("the other device sent a malformed message") from None
    if not isinstance(msg, list) or not msg or not isinstance(msg[0], str):
        raise PairingError("the other device sent a malformed message")
    return msg


async def _recv(channel: tcp.Channel) -> list[object]:
    try:
        return _decode(await channel.recv())
    except (tcp.ChannelClosed, SyncError) as exc:
        if isinstance(exc, PairingError):
            raise
        raise PairingError("the other device disconnected before linking finished") from None


async def _send(channel: tcp.Channel, payload: bytes) -> None:
    try:
        await channel.send(payload)
    except SyncError:
        raise PairingError("the other device disconnected before linking finished") from None


async def _reject(channel: tcp.Channel, reason: str) -> None:
    with contextlib.suppress(SyncError, OSError):
        await channel.send(_encode("reject", reason))


# ----------------------------------------------------------------- the existing device


async def async_offer_link(
    session: Session,
    *,
    listen_host: str,
    advertise_host: str,
    port: int,
    confirm: Confirm,
    on_code: Callable[[PairingCode], None],
    ttl_s: int = DEFAULT_TTL_S,
) -> OfferOutcome:
    """Listen, show a code (through `on_code`), link one device, serve its first sync."""
    secret = new_pairing_secret()
    expires = int(time.time()) + ttl_s
    state: dict[str, bool] = {"used": False}
    linked: asyncio.Future[OfferOutcome] = asyncio.get_running_loop().create_future()
    synced: asyncio.Future[SyncReport] = asyncio.get_running_loop().create_future()

    def secrets() -> list[SpaceSecret]:
        offered = session.secrets.offered("journal")
        if not state["used"] and time.time() < expires:
            offered.insert(0, pairing_secret(secret))
        return offered

    async def on_channel(channel: tcp.Channel) -> None:
        if any(s.is_pairing for s in channel.shared_spaces):
            state["used"] = True  # one attempt per code, whatever its outcome
            try:
                outcome = await _offer(session, channel, confirm)
            except SyncError as exc:
                if not linked.done():
                    linked.set_exception(exc)
                return
            if not linked.done():
                linked.set_result(outcome)
        elif linked.done():  # the new device's first sync
            report = await async_run_round(session.log, channel)
            if not synced.done():
                synced.set_result(report)

    server = await tcp.serve(
        listen_host, port, secrets, on_channel, idle_timeout=PAIRING_IDLE_TIMEOUT
    )
    try:
        on_code(PairingCode(advertise_host, server.port, secret, expires))
        try:
            outcome = await asyncio.wait_for(linked, timeout=ttl_s + PAIRING_IDLE_TIMEOUT)
        except TimeoutError:
            raise PairingError("the pairing code expired before another device used it") from None
        with contextlib.suppress(TimeoutError):
            outcome.first_sync = await asyncio.wait_for(synced, FIRST_SYNC_WAIT_S)
        return outcome
    finally:
        await server.close()


async def _offer(session: Session, channel: tcp.Channel, confirm: Confirm) -> OfferOutcome:
    msg = await _recv(channel)
    if msg[0] != "request" or len(msg) != 2 or not isinstance(msg[1], str):
        raise PairingError("the other device did not ask to link")
    label = msg[1][:40]
    if not await confirm(verification_words(channel.transcript_hash)):
        await _reject(channel, "the words did not match on the existing device")
        raise PairingError("linking cancelled: the verification words did not match")
    reply = await _recv(channel)
    if reply[0] == "reject":
        raise PairingError("the other device said the verification words did not match")
    if reply[0] != "confirm" or len(reply) > 2:
        raise PairingError("the other device sent an unexpected message")
    # ["confirm", request]: the new device's own key, which this device certifies; a
    # bare ["confirm"] comes from an older Haven, which certifies itself.
    request = reply[1] if len(reply) == 2 else None
    if request is not None and not isinstance(request, bytes):
        raise PairingError("the other device sent an unexpected message")
    try:
        bundle = await asyncio.to_thread(make_bundle, session, request)
    except InvalidInput as exc:
        await _reject(channel, "the new device's key was refused")
        raise PairingError(f"linking failed: {exc}") from None
    await _send(channel, _encode("bundle", bundle.encode()))
    done = await _recv(channel)
    if done[0] != "done":
        raise PairingError("the other device could not finish linking")
    return OfferOutcome(label)


# ----------------------------------------------------------------- the new device


async def async_accept_link(
    code: PairingCode, data_dir: Path, passphrase: str, *, confirm: Confirm, label: str = ""
) -> tuple[Session, SyncReport | None]:
    """Link this (new) device. Creates the vault only once everything has arrived."""
    if sessions.exists(data_dir):
        raise VaultExists(f"a vault already exists in {data_dir}; nothing was changed")
    try:
        channel = await tcp.connect(
            code.host, code.port, [pairing_secret(code.secret)], idle_timeout=PAIRING_IDLE_TIMEOUT
        )
    except tcp.NoSharedSpaces:
        raise PairingError(
            "that pairing code was already used or has expired; make a new one on the other device"
        ) from None
    except SyncError as exc:
        raise PairingError(f"could not reach the other device: {exc}") from None
    try:
        await _send(channel, _encode("request", label))
        if not await confirm(verification_words(channel.transcript_hash)):
            await _reject(channel, "the words did not match on the new device")
            raise PairingError("linking cancelled: the verification words did not match")
        device = NewDevice.generate()
        await _send(channel, _encode("confirm", device.request()))
        msg = await _recv(channel)
        if msg[0] == "reject":
            raise PairingError("the other device said the verification words did not match")
        if msg[0] != "bundle" or len(msg) != 2 or not isinstance(msg[1], bytes):
            raise PairingError("the other device sent an unexpected message")
        bundle = LinkBundle.decode(msg[1])
        session = await asyncio.to_thread(
            functools.partial(create_linked, data_dir, passphrase, bundle, label, device=device)
        )
        try:
            await channel.send(_encode("done"))
        except SyncError:
            log.info("the other device left before the final acknowledgement")
    finally:
        await channel.close()
    try:
        report: SyncReport | None = await async_sync_once(session, code.host, code.port)
    except SyncError as exc:
        log.info("first sync after linking failed: %s", exc)
        report = None
    return session, report
