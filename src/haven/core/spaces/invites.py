"""Invites and join requests, both sides, without any network (docs/PROTOCOL.md, "Invites
and joining"). haven.sync.invites carries these messages over the channel.

Inviter: an admin makes an invite (a code with a 256-bit secret, a number of uses and an
expiry). While it is usable, or while a request made through it waits for its answer, this
device offers the secret on its sync channel. A request holds public keys only and is signed
by the joiner's new persona over the channel's transcript hash, so it cannot be replayed on
another channel or made in someone else's name. An admin approves (`make_add_member`: only
now is any key released, sealed to the joiner's device key) or denies; or the space admits
automatically. Uses are counted on approval.

Joiner: `begin` makes the per-space persona and device key (`prepare_join`) and remembers
which invite it was for; a welcome completes the join (`accept_welcome`); a denial deletes
the pending keys. Nothing is kept of an attempt that fails before the inviter stored it.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import Any

from haven.core.clock import Clock, now_ms
from haven.core.envelope import DEVICE_ID_BYTES, packb
from haven.core.identity import Identity
from haven.core.space_secrets import SpaceSecret
from haven.core.spaces import events as ev
from haven.core.spaces.base import parse_hex_prefix, pick_one
from haven.core.spaces.invite_code import InviteCode
from haven.core.spaces.model import JoinRequest, Role
from haven.core.spaces.service import SpaceService
from haven.crypto.errors import CryptoError
from haven.crypto.hashing import blake2b_256
from haven.crypto.signing import verify
from haven.crypto.subkeys import derive_subkey
from haven.errors import InvalidInput, NotFound
from haven.store import invites_table as it
from haven.store.vault import Vault

#: Invite channels are offered under space ids no real space has: this prefix and 12 bytes
#: of the invite id (a random space id starting so has probability 2^-32, and routing
#: compares the whole id with this device's invites, never the prefix alone).
INVITE_SPACE_PREFIX = b"hvi1"
INVITE_KEY_CONTEXT = b"hvinvite"
REQUEST_DOMAIN = b"haven/join-request/v1"
STATUS_DOMAIN = b"haven/join-status/v1"
DEFAULT_USES = 1
DEFAULT_TTL_S = 24 * 3600
MAX_USES = 200
#: Requests one invite may hold; a leaked code cannot fill the admin's list without end.
MAX_REQUESTS_PER_INVITE = 50
#: How long after an invite expires an answer may still be collected with it.
ANSWER_GRACE_MS = 30 * 24 * 3600 * 1000
NO_LONGER_VALID = "this invite is no longer valid (expired, used up or revoked); ask for a new one"


def invite_id_of(secret: bytes) -> bytes:
    return blake2b_256(secret, person=b"haven-invite-id")[:16]


def channel_secret(secret: bytes) -> SpaceSecret:
    """The SpaceSecret both sides offer on an invite channel, derived from the code's secret."""
    space = INVITE_SPACE_PREFIX + invite_id_of(secret)[:12]
    return SpaceSecret(space, 0, derive_subkey(secret, INVITE_KEY_CONTEXT))


@dataclass(frozen=True)
class InviteInfo:
    invite_id: bytes
    space_id: bytes
    uses: int
    max_uses: int
    created_ms: int
    expires_ms: int
    state: str  # active | expired | used up | revoked
    pending: int


@dataclass(frozen=True)
class RequestInfo:
    request_id: bytes
    invite_id: bytes
    space_id: bytes
    persona_pk: bytes
    display_name: str
    pronouns: str
    status: str  # pending | approved | denied
    created_ms: int


@dataclass(frozen=True)
class PublicInfo:
    """What a holder of a valid code learns before asking to join."""

    name: str
    description: str
    guidelines: str


@dataclass(frozen=True, repr=False)
class Answer:
    """The inviter's answer to a request or a status question."""

    kind: str  # pending | approved | denied | invalid
    reason: str = ""
    welcome: bytes | None = None
    request_id: bytes | None = None

    def __repr__(self) -> str:
        return f"Answer({self.kind})"


def _state(row: it.InviteRow, now: int) -> str:
    if row.revoked:
        return "revoked"
    if row.uses >= row.max_uses:
        return "used up"
    return "expired" if now >= row.expires_ms else "active"


def _signed(transcript: bytes, fields: list[Any]) -> bytes:
    return transcript + packb(fields)


class InviteService:
    def __init__(
        self, vault: Vault, spaces: SpaceService, identity: Identity, clock: Clock = now_ms
    ) -> None:
        self._vault = vault
        self._spaces = spaces
        self._identity = identity
        self._clock = clock

    # ----------------------------------------------------------------- inviter: invites

    def _require_admin(self, space_id: bytes, message: str) -> None:
        role = self._spaces.space_info(space_id).my_role
        if role is None or role.rank < Role.ADMIN.rank:
            raise InvalidInput(message)

    def create(
        self,
        space_id: bytes,
        host: str,
        port: int,
        uses: int = DEFAULT_USES,
        ttl_s: int = DEFAULT_TTL_S,
    ) -> InviteCode:
        if not 1 <= uses <= MAX_USES:
            raise InvalidInput(f"an invite allows 1 to {MAX_USES} uses")
        self._require_admin(space_id, "only admins can invite people")
        secret, now = os.urandom(32), self._clock()
        code = InviteCode(host, port, secret, now // 1000 + ttl_s)
        with self._vault.transaction() as conn:
            it.insert_invite(
                conn,
                it.InviteRow(
                    invite_id_of(secret),
                    space_id,
                    secret,
                    uses,
                    0,
                    now,
                    code.expires_s * 1000,
                    False,
                ),
            )
        return code

    def invites(self, space_id: bytes, include_inactive: bool = False) -> list[InviteInfo]:
        now = self._clock()
        with self._vault.read() as conn:
            rows = it.list_invites(conn, space_id)
            pending = {r.invite_id: 0 for r in rows}
            for req in it.list_requests(conn, space_id):
                if req.status == "pending":
                    pending[req.invite_id] = pending.get(req.invite_id, 0) + 1
        out = [
            InviteInfo(
                r.invite_id,
                r.space_id,
                r.uses,
                r.max_uses,
                r.created_ms,
                r.expires_ms,
                _state(r, now),
                pending.get(r.invite_id, 0),
            )
            for r in rows
        ]
        return [i for i in out if include_inactive or i.state == "active"]

    def resolve_invite(self, space_id: bytes, text: str) -> bytes:
        prefix = parse_hex_prefix(text, "invite")
        with self._vault.read() as conn:
            rows = it.list_invites(conn, space_id)
        return pick_one(
            [r.invite_id for r in rows if r.invite_id.hex().startswith(prefix)], "invite"
        )

    def revoke(self, space_id: bytes, invite_id: bytes) -> None:
        """The code stops working at once: its secret is no longer offered, so even a
        joiner whose request waits can no longer connect with it."""
        self._require_admin(space_id, "only admins can revoke invites")
        with self._vault.transaction() as conn:
            row = it.get_invite(conn, invite_id)
            if row is None or row.space_id != space_id:
                raise NotFound("no invite with that id in this space")
            it.revoke_invite(conn, invite_id)
            for req in it.list_requests(conn, invite_id=invite_id):
                if req.status == "pending":
                    it.decide_request(conn, req.request_id, "denied", None, self._clock())

    def offered_secrets(self) -> list[SpaceSecret]:
        """Secrets of every invite a joiner may still use: usable ones, and those with an
        answer the joiner has not collected yet, up to 30 days after expiry (never revoked
        ones)."""
        now = self._clock()
        with self._vault.read() as conn:
            rows = [r for r in it.list_invites(conn) if not r.revoked]
            waiting = {q.invite_id for q in it.list_requests(conn) if not q.delivered}
        return [
            channel_secret(r.secret)
            for r in rows
            if _state(r, now) == "active"
            or (r.invite_id in waiting and now < r.expires_ms + ANSWER_GRACE_MS)
        ]

    def match(self, space_ids: list[bytes]) -> bytes | None:
        """The invite (id) a channel was proven with, if any."""
        with self._vault.read() as conn:
            for row in it.list_invites(conn):
                if not row.revoked and channel_secret(row.secret).space_id in space_ids:
                    return row.invite_id
        return None

    def _usable(self, invite_id: bytes) -> it.InviteRow:
        with self._vault.read() as conn:
            row = it.get_invite(conn, invite_id)
        if row is None or _state(row, self._clock()) != "active":
            raise InvalidInput(NO_LONGER_VALID)
        return row

    def public_info(self, invite_id: bytes) -> PublicInfo:
        """What the code's holder sees before asking: name, description, guidelines. The
        same text the space's members read; never a member, key or post."""
        row = self._usable(invite_id)
        info = self._spaces.space_info(row.space_id)
        return PublicInfo(info.name, info.description, info.guidelines)

    # ----------------------------------------------------------------- inviter: requests

    def receive_request(self, invite_id: bytes, untrusted: list[Any], transcript: bytes) -> Answer:
        """A joiner's signed request, as it arrived. Invalid input gets an 'invalid' answer
        and stores nothing."""
        try:
            (persona_pk, box_pk, device_id, name, pronouns, colour, signature) = untrusted
            persona_pk, box_pk = ev.clean_pk(persona_pk), ev.clean_pk(box_pk)
            profile = ev.clean_profile({"name": name, "pronouns": pronouns, "colour": colour})
            if not (
                isinstance(device_id, bytes)
                and len(device_id) == DEVICE_ID_BYTES
                and isinstance(signature, bytes)
            ):
                raise InvalidInput("malformed")
            verify(persona_pk, REQUEST_DOMAIN, _signed(transcript, untrusted[:6]), signature)
        except (ValueError, TypeError, InvalidInput, CryptoError):
            return Answer("invalid", "the join request was malformed")
        with self._vault.read() as conn:
            known = it.find_request(conn, invite_id, persona_pk)
        if known is not None:
            return self._answer(known)
        try:
            row = self._usable(invite_id)
        except InvalidInput as exc:
            return Answer("invalid", str(exc))
        request_id = os.urandom(16)
        with self._vault.transaction() as conn:
            if len(it.list_requests(conn, invite_id=invite_id)) >= MAX_REQUESTS_PER_INVITE:
                return Answer("invalid", "this invite has too many requests waiting")
            it.insert_request(
                conn,
                it.RequestRow(
                    request_id,
                    invite_id,
                    row.space_id,
                    persona_pk,
                    box_pk,
                    device_id,
                    profile.display_name,
                    profile.pronouns,
                    profile.colour,
                    "pending",
                    None,
                    False,
                    self._clock(),
                    None,
                ),
            )
            auto = it.auto_admit(conn, row.space_id)
        if auto:
            with contextlib.suppress(InvalidInput, NotFound):  # else pending, for an admin
                self.approve(row.space_id, request_id)
        return self._answer_for(request_id)

    def status(self, invite_id: bytes, untrusted: list[Any], transcript: bytes) -> Answer:
        """A joiner asking for the answer to its request (signed, like the request)."""
        try:
            persona_pk, signature = untrusted
            verify(
                ev.clean_pk(persona_pk), STATUS_DOMAIN, _signed(transcript, [persona_pk]), signature
            )
        except (ValueError, TypeError, InvalidInput, CryptoError):
            return Answer("invalid", "the status request was malformed")
        with self._vault.read() as conn:
            known = it.find_request(conn, invite_id, persona_pk)
        if known is None:
            return Answer("invalid", "the inviter has no request from you")
        return self._answer(known)

    def _answer_for(self, request_id: bytes) -> Answer:
        with self._vault.read() as conn:
            row = it.get_request(conn, request_id)
        assert row is not None
        return self._answer(row)

    def _answer(self, row: it.RequestRow) -> Answer:
        if row.status == "approved" and row.welcome is None:
            return Answer("invalid", "this request was already answered", None, row.request_id)
        return Answer(row.status, "", row.welcome, row.request_id)

    def delivered(self, request_id: bytes) -> None:
        with self._vault.transaction() as conn:
            it.mark_delivered(conn, request_id)

    def requests(self, space_id: bytes, include_decided: bool = False) -> list[RequestInfo]:
        self._require_admin(space_id, "only admins can see join requests")
        with self._vault.read() as conn:
            rows = it.list_requests(conn, space_id)
        return [
            RequestInfo(
                r.request_id,
                r.invite_id,
                r.space_id,
                r.persona_pk,
                r.display_name,
                r.pronouns,
                r.status,
                r.created_ms,
            )
            for r in rows
            if include_decided or r.status == "pending"
        ]

    def resolve_request(self, space_id: bytes, text: str) -> bytes:
        prefix = parse_hex_prefix(text, "request")
        with self._vault.read() as conn:
            rows = it.list_requests(conn, space_id)
        return pick_one(
            [r.request_id for r in rows if r.request_id.hex().startswith(prefix)], "request"
        )

    def _pending(self, space_id: bytes, request_id: bytes) -> it.RequestRow:
        with self._vault.read() as conn:
            row = it.get_request(conn, request_id)
        if row is None or row.space_id != space_id:
            raise NotFound("no join request with that id in this space")
        if row.status != "pending":
            raise InvalidInput(f"that request was already {row.status}")
        return row

    def approve(self, space_id: bytes, request_id: bytes) -> bytes:
        """Add the member and keep the sealed welcome for them to collect. Returns their
        persona key."""
        self._require_admin(space_id, "only admins can approve join requests")
        row = self._pending(space_id, request_id)
        with self._vault.read() as conn:
            invite = it.get_invite(conn, row.invite_id)
        if invite is None or invite.revoked:
            raise InvalidInput("that request's invite was revoked")
        if invite.uses >= invite.max_uses:
            raise InvalidInput("that request's invite has been used up")
        welcome = self._spaces.make_add_member(
            space_id,
            row.persona_pk,
            row.box_pk,
            row.display_name,
            row.pronouns,
            row.colour,
            row.device_id,
        )
        with self._vault.transaction() as conn:
            it.decide_request(conn, request_id, "approved", welcome, self._clock())
            it.count_use(conn, row.invite_id)
            if invite.uses + 1 >= invite.max_uses:  # used up: nobody else can be let in
                for other in it.list_requests(conn, invite_id=row.invite_id):
                    if other.status == "pending":
                        it.decide_request(conn, other.request_id, "denied", None, self._clock())
        return row.persona_pk

    def deny(self, space_id: bytes, request_id: bytes) -> None:
        self._require_admin(space_id, "only admins can deny join requests")
        self._pending(space_id, request_id)
        with self._vault.transaction() as conn:
            it.decide_request(conn, request_id, "denied", None, self._clock())

    def set_auto_admit(self, space_id: bytes, on: bool) -> None:
        self._require_admin(space_id, "only admins can change how people are admitted")
        with self._vault.transaction() as conn:
            it.set_auto_admit(conn, space_id, on)

    def auto_admit(self, space_id: bytes) -> bool:
        with self._vault.read() as conn:
            return it.auto_admit(conn, space_id)

    # ----------------------------------------------------------------- joiner

    def outgoing(self, code: InviteCode) -> tuple[bytes, str] | None:
        """(persona, space name) of the request this device made with this code, if any."""
        with self._vault.read() as conn:
            return it.get_outgoing(conn, invite_id_of(code.secret))

    def begin(
        self, code: InviteCode, space_name: str, display_name: str, pronouns: str = ""
    ) -> JoinRequest:
        if self.outgoing(code) is not None:
            raise InvalidInput("you already asked to join with this code; use --status")
        request = self._spaces.prepare_join(display_name, pronouns)
        try:
            with self._vault.transaction() as conn:
                it.insert_outgoing(
                    conn, invite_id_of(code.secret), request.persona_pk, space_name, self._clock()
                )
        except BaseException:
            self._forget(request.persona_pk)
            raise
        return request

    def request_fields(self, request: JoinRequest, transcript: bytes) -> list[Any]:
        fields: list[Any] = [
            request.persona_pk,
            request.box_pk,
            request.device_id,
            request.profile.display_name,
            request.profile.pronouns,
            request.profile.colour,
        ]
        keys = self._identity.signing_keys(request.persona_pk)
        return [*fields, keys.sign(REQUEST_DOMAIN, _signed(transcript, fields))]

    def status_fields(self, persona_pk: bytes, transcript: bytes) -> list[Any]:
        keys = self._identity.signing_keys(persona_pk)
        return [persona_pk, keys.sign(STATUS_DOMAIN, _signed(transcript, [persona_pk]))]

    def complete(self, code: InviteCode, welcome: bytes) -> bytes:
        """Open the welcome, become a member; returns the space id."""
        space_id = self._spaces.accept_welcome(welcome)
        with self._vault.transaction() as conn:
            it.delete_outgoing(conn, invite_id_of(code.secret))
        return space_id

    def abandon(self, code: InviteCode) -> None:
        """Denied, or the request never reached the inviter: delete the pending keys."""
        found = self.outgoing(code)
        if found is not None:
            self._forget(found[0])

    def _forget(self, persona_pk: bytes) -> None:
        with self._vault.transaction() as conn:
            it.forget_persona(conn, persona_pk)
