"""Invites over the network (docs/PROTOCOL.md, "Invites and joining").

The inviter's `haven serve` offers each usable invite's secret as a channel secret (under a
reserved space id, like device pairing). A channel proven with one is routed here instead of
to a sync round. Messages are msgpack arrays, one request and its answer per exchange:

  joiner → inviter   ["info"]                        → ["info", name, description, guidelines]
  joiner → inviter   ["request", persona, box, device, name, pronouns, colour, signature]
  joiner → inviter   ["status", persona, signature]
  inviter → joiner   ["pending"] | ["denied"] | ["invalid", reason]
                     | ["welcome", n] then n × ["part", bytes]   (a sealed welcome, in parts)
  joiner → inviter   ["received"]                    after a denial or a whole welcome

Signatures cover the channel's transcript hash, so a request cannot be replayed elsewhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import Any

import msgpack

from haven.core.envelope import packb, unpackb
from haven.core.session import Session
from haven.core.space_secrets import SpaceSecret
from haven.core.spaces.invites import Answer, InviteCode, InviteService, PublicInfo, channel_secret
from haven.core.spaces.invites.host import ADMIN_LEFT
from haven.core.spaces.model import JoinRequest
from haven.core.spaces.sealed import MAX_WELCOME_BYTES
from haven.errors import InvalidInput, SyncError
from haven.sync import tcp
from haven.sync.channel import ChannelClosed
from haven.sync.engine import async_sync_once
from haven.sync.reconcile import SyncReport

log = logging.getLogger(__name__)

PART_BYTES = 512 * 1024
MAX_PARTS = MAX_WELCOME_BYTES // PART_BYTES + 1
#: Messages one invite channel may carry before the inviter closes it.
MAX_EXCHANGES = 4
INVITE_IDLE_TIMEOUT = 30.0


class InviteFailed(SyncError):
    """The exchange with the inviter broke off (exit code 12); nothing was changed."""


class InviteRefused(InvalidInput):
    """The inviter refused: the invite is no longer valid or the request was malformed."""


class AdmitterLeft(InviteRefused):
    """The inviter refused because whoever made the invite is no longer an admin (the
    inviter's reason is exactly `ADMIN_LEFT`; the app words it in the guest's language)."""


def _refused(untrusted_reason: str) -> InviteRefused:
    reason = untrusted_reason[:200]
    return AdmitterLeft(reason) if reason == ADMIN_LEFT else InviteRefused(reason)


def _decode(untrusted: bytes) -> list[Any]:
    try:
        msg = unpackb(untrusted)
    except (ValueError, TypeError, msgpack.UnpackException):
        raise InviteFailed("the other side sent a malformed message") from None
    if not isinstance(msg, list) or not msg or not isinstance(msg[0], str):
        raise InviteFailed("the other side sent a malformed message")
    return msg


# ----------------------------------------------------------------- the inviter


class InviteRoute:
    """Plugged into the sync server: offers invite secrets, answers invite channels."""

    def __init__(self, service: InviteService) -> None:
        self._service = service

    def secrets(self) -> list[SpaceSecret]:
        return self._service.offered_secrets()

    async def maybe_handle(self, channel: tcp.Channel) -> bool:
        space_ids = [s.space_id for s in channel.shared_spaces]
        invite_id = await asyncio.to_thread(self._service.match, space_ids)
        if invite_id is None:
            return False
        await self._serve(channel, invite_id)
        return True

    async def _serve(self, channel: tcp.Channel, invite_id: bytes) -> None:
        svc = self._service
        for _ in range(MAX_EXCHANGES):
            try:
                msg = _decode(await channel.recv())
            except ChannelClosed:
                return
            kind, args = msg[0], msg[1:]
            if kind == "info":
                try:
                    info = await asyncio.to_thread(svc.public_info, invite_id)
                except InvalidInput as exc:
                    await channel.send(packb(["invalid", str(exc)]))
                    continue
                await channel.send(packb(["info", info.name, info.description, info.guidelines]))
            elif kind in ("request", "status"):
                handler = svc.receive_request if kind == "request" else svc.status
                answer = await asyncio.to_thread(handler, invite_id, args, channel.transcript_hash)
                await self._answer(channel, answer)
            else:
                await channel.send(packb(["invalid", "unexpected message"]))
                return

    async def _answer(self, channel: tcp.Channel, answer: Answer) -> None:
        if answer.kind in ("pending", "invalid"):
            await channel.send(
                packb([answer.kind, answer.reason] if answer.kind == "invalid" else ["pending"])
            )
            return
        if answer.kind == "approved" and answer.welcome is not None:
            parts = [
                answer.welcome[i : i + PART_BYTES]
                for i in range(0, len(answer.welcome), PART_BYTES)
            ]
            await channel.send(packb(["welcome", len(parts)]))
            for part in parts:
                await channel.send(packb(["part", part]))
        else:
            await channel.send(packb(["denied"]))
        ack = _decode(await channel.recv())
        if ack == ["received"] and answer.request_id is not None:
            await asyncio.to_thread(self._service.delivered, answer.request_id)


# ----------------------------------------------------------------- the joiner


@dataclass(frozen=True, repr=False)
class JoinOutcome:
    kind: str  # pending | approved | denied
    welcome: bytes | None = None

    def __repr__(self) -> str:
        return f"JoinOutcome({self.kind})"


async def _connect(code: InviteCode) -> tcp.Channel:
    try:
        return await tcp.connect(
            code.host, code.port, [channel_secret(code.secret)], idle_timeout=INVITE_IDLE_TIMEOUT
        )
    except tcp.NoSharedSpaces:
        raise InviteRefused(
            "the inviter no longer accepts this code (it expired, was used "
            "up or revoked); ask for a new one"
        ) from None
    except SyncError as exc:
        raise InviteFailed(
            f"could not reach the inviter at {code.host}:{code.port} ({exc}); "
            "is their `haven serve` running?"
        ) from None


async def _recv(channel: tcp.Channel) -> list[Any]:
    try:
        return _decode(await channel.recv())
    except (ChannelClosed, InviteFailed):
        raise InviteFailed("the inviter closed the connection before answering") from None


async def async_fetch_info(code: InviteCode) -> PublicInfo:
    """The space's name, description and guidelines, to show before asking to join."""
    channel = await _connect(code)
    try:
        await channel.send(packb(["info"]))
        msg = await _recv(channel)
    finally:
        await channel.close()
    if msg[0] == "invalid" and len(msg) == 2 and isinstance(msg[1], str):
        raise _refused(msg[1])
    if not (msg[0] == "info" and len(msg) == 4 and all(isinstance(m, str) for m in msg[1:])):
        raise InviteFailed("the inviter sent an unexpected answer")
    return PublicInfo(msg[1], msg[2], msg[3])


async def _exchange(channel: tcp.Channel, first: list[Any]) -> JoinOutcome:
    await channel.send(packb(first))
    msg = await _recv(channel)
    if msg == ["pending"]:
        return JoinOutcome("pending")
    if msg == ["denied"]:
        with contextlib.suppress(SyncError):
            await channel.send(packb(["received"]))
        return JoinOutcome("denied")
    if msg[0] == "invalid" and len(msg) == 2 and isinstance(msg[1], str):
        raise _refused(msg[1])
    if (
        msg[0] != "welcome"
        or len(msg) != 2
        or type(msg[1]) is not int
        or not 1 <= msg[1] <= MAX_PARTS
    ):
        raise InviteFailed("the inviter sent an unexpected answer")
    welcome = bytearray()
    for _ in range(msg[1]):
        part = await _recv(channel)
        if part[0] != "part" or len(part) != 2 or not isinstance(part[1], bytes):
            raise InviteFailed("the inviter sent an unexpected answer")
        welcome += part[1]
        if len(welcome) > MAX_WELCOME_BYTES:
            raise InviteFailed("the welcome is too large")
    with contextlib.suppress(SyncError):
        await channel.send(packb(["received"]))
    return JoinOutcome("approved", bytes(welcome))


async def async_send_request(
    service: InviteService, code: InviteCode, request: JoinRequest
) -> JoinOutcome:
    channel = await _connect(code)
    try:
        fields = await asyncio.to_thread(service.request_fields, request, channel.transcript_hash)
        return await _exchange(channel, ["request", *fields])
    finally:
        await channel.close()


async def async_ask_status(
    service: InviteService, code: InviteCode, persona_pk: bytes
) -> JoinOutcome:
    channel = await _connect(code)
    try:
        fields = await asyncio.to_thread(service.status_fields, persona_pk, channel.transcript_hash)
        return await _exchange(channel, ["status", *fields])
    finally:
        await channel.close()


# ----------------------------------------------------------------- blocking, for workers


def fetch_info(code: InviteCode) -> PublicInfo:
    """Blocking `async_fetch_info`, for a worker thread (the CLI, the app's bridge): callers
    need no asyncio of their own."""
    return asyncio.run(async_fetch_info(code))


def send_request(service: InviteService, code: InviteCode, request: JoinRequest) -> JoinOutcome:
    """Send a request made by `service.begin`; if it does not reach the inviter (or the
    inviter refuses it), the persona and keys made for it are deleted again."""
    try:
        return asyncio.run(async_send_request(service, code, request))
    except BaseException:
        service.abandon(code)
        raise


def ask_status(service: InviteService, code: InviteCode) -> JoinOutcome:
    """Ask for the answer to this device's request made with `code`. If the inviter no
    longer accepts the code, the request can never be answered: its keys are deleted."""
    known = service.outgoing(code)
    if known is None:
        raise InvalidInput("this device has not asked to join with that code")
    try:
        return asyncio.run(async_ask_status(service, code, known[0]))
    except InviteRefused:
        service.abandon(code)
        raise


def first_sync(session: Session, code: InviteCode) -> SyncReport:
    """The ordinary sync round with the inviter that follows an accepted welcome."""
    return asyncio.run(async_sync_once(session, code.host, code.port))
