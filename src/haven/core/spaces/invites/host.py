"""The host's side of an invite (an admin of the space): making, listing and revoking invite
codes, offering their secrets on the sync channel, and answering join requests — approving
(only now is any key released, sealed to the joiner's device key: `make_add_member`),
denying, or admitting automatically. Uses are counted on approval (docs/PROTOCOL.md,
"Invites and joining")."""

from __future__ import annotations

import contextlib
import dataclasses
import os
from typing import Any

from haven.core.clock import Clock, now_ms
from haven.core.space_secrets import SpaceSecret
from haven.core.spaces.invite_keys import InviteHostKeys
from haven.core.spaces.invites.code import InviteCode
from haven.core.spaces.invites.wire import (
    Answer,
    InviteInfo,
    PublicInfo,
    RequestInfo,
    channel_secret,
    check_request,
    check_status,
    invite_id_of,
)
from haven.core.spaces.lookup import parse_hex_prefix, pick_one
from haven.core.spaces.model import Role
from haven.core.spaces.service import SpaceService
from haven.errors import InvalidInput, NotFound
from haven.store import invites_table as it
from haven.store.spaces import groups as groups_db
from haven.store.spaces import membership as membership_db
from haven.store.vault import Connection, Vault

DEFAULT_USES = 1
DEFAULT_TTL_S = 24 * 3600
MAX_USES = 200
#: Requests one invite may hold; a leaked code cannot fill the admin's list without end.
MAX_REQUESTS_PER_INVITE = 50
#: How long after an invite expires an answer may still be collected with it.
ANSWER_GRACE_MS = 30 * 24 * 3600 * 1000
NO_LONGER_VALID = "this invite is no longer valid (expired, used up or revoked); ask for a new one"
#: What a guest hears through a direct invite whose maker is no longer an admin.
ADMIN_LEFT = (
    "this invite stopped working because the person who made it is no longer an admin of "
    "the space; it is not about you: ask an admin of the space for a new invite"
)
_ADMIN_ROLES = [r.value for r in Role if r.rank >= Role.ADMIN.rank]


def invite_state(row: it.InviteRow, now: int, maker_admin: bool = True) -> str:
    """`maker_admin`: this device is an admin's device in the invite's space now. A direct
    invite (no shared seed) lives only on the device that made it, so it is void while that
    device is not an admin's (its admin removed, demoted, gone, or this device unlinked)."""
    if row.void or (row.host_seed is None and not maker_admin):
        return "void"  # an admin device that held its keys (or made it) is no longer one
    if row.revoked:
        return "revoked"
    if row.uses >= row.max_uses:
        return "used up"
    return "expired" if now >= row.expires_ms else "active"


def admin_device(conn: Connection, space_id: bytes) -> bool:
    """True if this device is an active admin's (or the owner's) device in the space, at the
    head of the log this device has."""
    group = groups_db.get_group(conn, space_id)
    admins = membership_db.active_box_keys(conn, space_id, _ADMIN_ROLES)
    return group is not None and group.box_public in admins


def _state(conn: Connection, row: it.InviteRow, now: int) -> str:
    return invite_state(row, now, row.host_seed is not None or admin_device(conn, row.space_id))


class InviteHost:
    def __init__(self, vault: Vault, spaces: SpaceService, clock: Clock = now_ms) -> None:
        self._vault = vault
        self._spaces = spaces
        self._clock = clock

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
        InviteCode(host, port, bytes(32), 0)  # a bad address fails before anything is stored
        secret, expires_s = self.new_invite(space_id, uses, ttl_s)
        return InviteCode(host, port, secret, expires_s)

    def new_invite(
        self,
        space_id: bytes,
        uses: int = DEFAULT_USES,
        ttl_s: int = DEFAULT_TTL_S,
        shared: bool = False,
    ) -> tuple[bytes, int]:
        """Store a new invite (any route); returns its secret and expiry (Unix seconds).
        A `shared` one (the relay route) gets a host seed and is recorded as a space event
        sealed to every admin device, so any of them answers its requests."""
        if not 1 <= uses <= MAX_USES:
            raise InvalidInput(f"an invite allows 1 to {MAX_USES} uses")
        self._require_admin(space_id, "only admins can invite people")
        now = self._clock()
        seed = os.urandom(32) if shared else None
        secret = InviteHostKeys.from_seed(seed).invite_secret if seed else os.urandom(32)
        expires_s = now // 1000 + ttl_s
        row = it.InviteRow(
            invite_id_of(secret), space_id, secret, uses, 0, now, expires_s * 1000, False, seed
        )
        with self._vault.transaction() as conn:
            it.insert_invite(conn, row)
            if seed is not None:
                self._spaces.invite_events.publish(space_id, secret, seed, uses, expires_s)
        return secret, expires_s

    def invites(self, space_id: bytes, include_inactive: bool = False) -> list[InviteInfo]:
        now = self._clock()
        with self._vault.read() as conn:
            rows = it.list_invites(conn, space_id)
            maker_admin = admin_device(conn, space_id)
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
                invite_state(r, now, maker_admin),
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
            it.deny_pending(conn, invite_id, self._clock())
            if row.host_seed is not None:  # the other admin devices stop it too
                self._spaces.invite_events.revoke(space_id, invite_id)

    def offered_secrets(self) -> list[SpaceSecret]:
        """Secrets of every invite a joiner may still use: usable ones, and those with an
        answer the joiner has not collected yet, up to 30 days after expiry (never revoked
        ones), and direct ones void because their maker is no longer an admin, until they
        expire: the joiner hears why rather than finding nobody there."""
        now = self._clock()
        with self._vault.read_nowait() as conn:  # a handshake waits for no recompute
            rows = [r for r in it.list_invites(conn) if not r.revoked]
            states = {r.invite_id: _state(conn, r, now) for r in rows}
            waiting = {q.invite_id for q in it.list_requests(conn) if not q.delivered}
        return [
            channel_secret(r.secret)
            for r in rows
            if states[r.invite_id] == "active"
            or (r.invite_id in waiting and now < r.expires_ms + ANSWER_GRACE_MS)
            or (states[r.invite_id] == "void" and r.host_seed is None and now < r.expires_ms)
        ]

    def match(self, space_ids: list[bytes]) -> bytes | None:
        """The invite (id) a channel was proven with, if any (asked of every channel)."""
        with self._vault.read_nowait() as conn:
            for row in it.list_invites(conn):
                if not row.revoked and channel_secret(row.secret).space_id in space_ids:
                    return row.invite_id
        return None

    def _usable(self, invite_id: bytes) -> it.InviteRow:
        with self._vault.read() as conn:
            known = it.get_invite(conn, invite_id)
        if known is not None:  # the membership its maker's role is read from, up to date
            self._spaces.invite_events.refresh([known.space_id])
        with self._vault.read() as conn:
            row = it.get_invite(conn, invite_id)
            state = "gone" if row is None else _state(conn, row, self._clock())
        if row is not None and state == "void" and row.host_seed is None:
            raise InvalidInput(ADMIN_LEFT)
        if row is None or state != "active":
            raise InvalidInput(NO_LONGER_VALID)
        return row

    def public_info(self, invite_id: bytes) -> PublicInfo:
        """What the code's holder sees before asking: name, description, guidelines. The
        same text the space's members read; never a member, key or post."""
        row = self._usable(invite_id)
        info = self._spaces.space_info(row.space_id)
        return PublicInfo(info.name, info.description, info.guidelines)

    # ----------------------------------------------------------------- requests

    def receive_request(self, invite_id: bytes, untrusted: list[Any], transcript: bytes) -> Answer:
        """A joiner's signed request, as it arrived. Invalid input gets an 'invalid' answer
        and stores nothing."""
        try:
            request = check_request(untrusted, transcript)
        except InvalidInput as exc:
            return Answer("invalid", str(exc))
        persona_pk, profile = request.persona_pk, request.profile
        details = it.RequestRow(
            os.urandom(16),
            invite_id,
            b"",
            persona_pk,
            request.box_pk,
            request.device_id,
            profile.display_name,
            profile.pronouns,
            profile.colour,
            "pending",
            None,
            False,
            self._clock(),
            None,
        )
        with self._vault.transaction() as conn:
            known = it.find_request(conn, invite_id, persona_pk)
            if known is not None:  # the details of one first known from another's answer
                it.fill_request(conn, known.request_id, details)
        if known is not None:
            return self._answer(known)
        try:
            row = self._usable(invite_id)
        except InvalidInput as exc:
            return Answer("invalid", str(exc))
        request_id = details.request_id
        with self._vault.transaction() as conn:
            if len(it.list_requests(conn, invite_id=invite_id)) >= MAX_REQUESTS_PER_INVITE:
                return Answer("invalid", "this invite has too many requests waiting")
            it.insert_request(conn, dataclasses.replace(details, space_id=row.space_id))
            auto = it.auto_admit(conn, row.space_id)
        if auto:
            with contextlib.suppress(InvalidInput, NotFound):  # else pending, for an admin
                self.approve(row.space_id, request_id)
        return self._answer_for(request_id)

    def status(self, invite_id: bytes, untrusted: list[Any], transcript: bytes) -> Answer:
        """A joiner asking for the answer to its request (signed, like the request)."""
        try:
            persona_pk = check_status(untrusted, transcript)
        except InvalidInput as exc:
            return Answer("invalid", str(exc))
        with self._vault.read() as conn:
            known = it.find_request(conn, invite_id, persona_pk)
        if known is None:
            return Answer("invalid", "the inviter has no request from you")
        if known.status == "pending":
            try:  # its maker stopped being an admin while the request waited
                self._usable(invite_id)
            except InvalidInput as exc:
                if str(exc) == ADMIN_LEFT:
                    return Answer("invalid", ADMIN_LEFT)
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
            state = None if invite is None else _state(conn, invite, self._clock())
        if state == "void":  # its keys reached, or it was made by, a device no longer an admin's
            raise InvalidInput("that request's invite stopped: an admin who held it left")
        if invite is None or invite.revoked:
            raise InvalidInput("that request's invite was revoked")
        if invite.uses >= invite.max_uses:
            raise InvalidInput("that request's invite has been used up")
        with self._vault.transaction() as conn:
            welcome = self._spaces.make_add_member(
                space_id,
                row.persona_pk,
                row.box_pk,
                row.display_name,
                row.pronouns,
                row.colour,
                row.device_id,
            )
            # The answer event tells the other admin devices (its rule marks the request
            # approved, counts the use and, once used up, declines the rest); this device
            # keeps the welcome to send.
            self._spaces.invite_events.answer(space_id, row.invite_id, row.persona_pk, True)
            it.decide_request(conn, request_id, "approved", welcome, self._clock())
            if it.recount_uses(conn, row.invite_id) >= invite.max_uses:
                it.deny_pending(conn, row.invite_id, self._clock())
        return row.persona_pk

    def deny(self, space_id: bytes, request_id: bytes) -> None:
        self._require_admin(space_id, "only admins can deny join requests")
        row = self._pending(space_id, request_id)
        with self._vault.transaction() as conn:
            self._spaces.invite_events.answer(space_id, row.invite_id, row.persona_pk, False)
            it.decide_request(conn, request_id, "denied", None, self._clock())

    def set_auto_admit(self, space_id: bytes, on: bool) -> None:
        self._require_admin(space_id, "only admins can change how people are admitted")
        with self._vault.transaction() as conn:
            it.set_auto_admit(conn, space_id, on)

    def auto_admit(self, space_id: bytes) -> bool:
        with self._vault.read() as conn:
            return it.auto_admit(conn, space_id)
