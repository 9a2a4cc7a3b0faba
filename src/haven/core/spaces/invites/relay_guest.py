"""The guest's side of a relay-route invite: the sealed request to leave on the invite's
mailbox, the keys of the reply mailbox, and reading the reply (relay_wire.py). The request
itself (persona, device key, outgoing row) and completing or abandoning the join are
`InviteGuest`'s, the same as for a channel invite."""

from __future__ import annotations

from haven.core.envelope import packb, unpackb
from haven.core.identity import Identity
from haven.core.spaces.invites import relay_wire as rw
from haven.core.spaces.invites import wire
from haven.core.spaces.invites.guest import InviteGuest
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.core.spaces.invites.wire import invite_id_of
from haven.core.spaces.model import JoinRequest, Profile
from haven.crypto.sealing import BoxKeyPair
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store.spaces import joining as st
from haven.store.vault import Vault

#: The relay codes this device asked to join with and has no final answer for, in the
#: vault's meta table, so that `haven sync` can collect the answers without the code
#: being typed again.
WAITING_KEY = "relay_joins"


class RelayInviteGuest:
    def __init__(self, vault: Vault, identity: Identity, guest: InviteGuest) -> None:
        self._vault = vault
        self._identity = identity
        self._guest = guest

    def request_blob(self, code: RelayInviteCode, offer: rw.Offer, request: JoinRequest) -> bytes:
        """The join request, signed by the new persona and sealed to the host's box key."""
        transcript = rw.binding(invite_id_of(code.secret), offer.host_box_pk)
        keys = self._identity.signing_keys(request.persona_pk)
        return rw.seal_request(offer.host_box_pk, wire.request_fields(request, keys, transcript))

    def resend_blob(self, code: RelayInviteCode, offer: rw.Offer) -> bytes:
        """The same request again (a relay may have lost it; the host keeps one per persona)."""
        persona_pk, box = self._pending(code)
        with self._vault.read() as conn:
            persona = ids.get_persona(conn, persona_pk)
            pending = st.get_pending_by_box(conn, box.public)
        if persona is None or pending is None:
            raise InvalidInput("the keys made for that request are gone; ask for a new code")
        profile = Profile(persona.display_name, persona.pronouns, pending[2])
        device_id = self._identity.device_id_for(persona_pk)
        return self.request_blob(
            code, offer, JoinRequest(persona_pk, box.public, device_id, profile)
        )

    def reply_keys(self, code: RelayInviteCode, offer: rw.Offer) -> rw.ReplyKeys:
        return rw.reply_keys(self._pending(code)[1], offer.host_box_pk)

    def _pending(self, code: RelayInviteCode) -> tuple[bytes, BoxKeyPair]:
        found = self._guest.outgoing(code)
        if found is None:
            raise InvalidInput("this device has no request made with that code")
        with self._vault.read() as conn:
            box = st.get_pending_box(conn, found[0])
        if box is None:
            raise InvalidInput("the keys made for that request are gone; ask for a new code")
        return found[0], BoxKeyPair(*box)

    # ------------------------------------------------------------ codes waiting for an answer

    def waiting(self) -> list[RelayInviteCode]:
        with self._vault.read() as conn:
            raw = ids.get_meta(conn, WAITING_KEY)
        texts = unpackb(raw) if raw else []
        return [RelayInviteCode.decode(t) for t in texts]

    def remember(self, code: RelayInviteCode) -> None:
        self._set_waiting([*(c for c in self.waiting() if c.secret != code.secret), code])

    def forget(self, code: RelayInviteCode) -> None:
        self._set_waiting([c for c in self.waiting() if c.secret != code.secret])

    def _set_waiting(self, codes: list[RelayInviteCode]) -> None:
        with self._vault.transaction() as conn:
            ids.set_meta(conn, WAITING_KEY, packb([c.encode_compact() for c in codes]))
