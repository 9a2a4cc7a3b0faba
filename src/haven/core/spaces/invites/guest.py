"""The guest's side of an invite (someone holding a code): the request this device made with
a code (a fresh persona and device key, `prepare_join`), the signed request and status
fields, and completing the join with a welcome (`accept_welcome`) or, when denied, deleting
the pending keys. Nothing is kept of an attempt that fails before the host stored it."""

from __future__ import annotations

from typing import Any, TypeAlias

from haven.core.clock import Clock, now_ms
from haven.core.identity import Identity
from haven.core.spaces.invites import wire
from haven.core.spaces.invites.code import InviteCode
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.core.spaces.invites.wire import invite_id_of
from haven.core.spaces.model import JoinRequest
from haven.core.spaces.service import SpaceService
from haven.errors import InvalidInput
from haven.store import invites_table as it
from haven.store.vault import Vault

#: Either route's code: the guest's records are keyed by the invite id (from the secret).
AnyCode: TypeAlias = InviteCode | RelayInviteCode


class InviteGuest:
    def __init__(
        self, vault: Vault, spaces: SpaceService, identity: Identity, clock: Clock = now_ms
    ) -> None:
        self._vault = vault
        self._spaces = spaces
        self._identity = identity
        self._clock = clock

    def outgoing(self, code: AnyCode) -> tuple[bytes, str] | None:
        """(persona, space name) of the request this device made with this code, if any."""
        with self._vault.read() as conn:
            return it.get_outgoing(conn, invite_id_of(code.secret))

    def begin(
        self, code: AnyCode, space_name: str, display_name: str, pronouns: str = ""
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
        keys = self._identity.signing_keys(request.persona_pk)
        return wire.request_fields(request, keys, transcript)

    def status_fields(self, persona_pk: bytes, transcript: bytes) -> list[Any]:
        return wire.status_fields(persona_pk, self._identity.signing_keys(persona_pk), transcript)

    def complete(self, code: AnyCode, welcome: bytes) -> bytes:
        """Open the welcome, become a member; returns the space id."""
        space_id = self._spaces.accept_welcome(welcome)
        with self._vault.transaction() as conn:
            it.delete_outgoing(conn, invite_id_of(code.secret))
        return space_id

    def abandon(self, code: AnyCode) -> None:
        """Denied, or the request never reached the inviter: delete the pending keys."""
        found = self.outgoing(code)
        if found is not None:
            self._forget(found[0])

    def _forget(self, persona_pk: bytes) -> None:
        with self._vault.transaction() as conn:
            it.forget_persona(conn, persona_pk)
