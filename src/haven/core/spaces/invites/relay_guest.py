"""The guest's side of a relay-route invite: the sealed request to leave on the invite's
mailbox, the keys of the reply mailbox, and reading the reply (relay_wire.py). The request
itself (persona, device key, outgoing row) and completing or abandoning the join are
`InviteGuest`'s, the same as for a channel invite."""

from __future__ import annotations

from haven.core.clock import Clock, now_ms
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
#: When this device first read a denial for each waiting request ({invite id: ms}).
DENIALS_KEY = "relay_join_denials"
#: A denial becomes final this long after the later of the moment this device first read
#: it and the invite's expiry: another admin may have approved the request at the same
#: moment, and approval wins (docs/PROTOCOL.md, "A denial and an approval at once").
DENIAL_SETTLE_MS = 24 * 3600 * 1000
#: …but never more than this long after the denial was read, whatever expiry the offer said.
DENIAL_HOLD_MAX_MS = 31 * 24 * 3600 * 1000


class RelayInviteGuest:
    def __init__(
        self, vault: Vault, identity: Identity, guest: InviteGuest, clock: Clock = now_ms
    ) -> None:
        self._vault = vault
        self._identity = identity
        self._guest = guest
        self._clock = clock

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
        denials = self._denials()
        if denials.pop(invite_id_of(code.secret), None) is not None:
            self._set_denials(denials)

    # ------------------------------------------------------------ a denial, not yet final

    def denial_final_at(self, code: RelayInviteCode, untrusted_expires_s: int) -> tuple[int, bool]:
        """When a denial this device read for `code` becomes final (ms, this device's own
        clock): DENIAL_SETTLE_MS after the later of the first time it was read here and the
        invite's expiry (the host's signed word, bounded by DENIAL_HOLD_MAX_MS). Until then
        the request's keys stay, so an approval another admin gave at the same moment still
        lets this device in. → (that moment, whether the denial was read for the first time)."""
        invite_id = invite_id_of(code.secret)
        denials = self._denials()
        seen = denials.get(invite_id)
        first = seen is None
        if seen is None:
            seen = denials[invite_id] = self._clock()
            self._set_denials(denials)
        expires_ms = max(0, untrusted_expires_s) * 1000
        final_at = min(max(seen, expires_ms) + DENIAL_SETTLE_MS, seen + DENIAL_HOLD_MAX_MS)
        return final_at, first

    def now_ms(self) -> int:
        return self._clock()

    def _denials(self) -> dict[bytes, int]:
        with self._vault.read() as conn:
            raw = ids.get_meta(conn, DENIALS_KEY)
        found = unpackb(raw) if raw else {}
        return {
            k: v
            for k, v in (found.items() if isinstance(found, dict) else [])
            if isinstance(k, bytes) and type(v) is int
        }

    def _set_denials(self, denials: dict[bytes, int]) -> None:
        with self._vault.transaction() as conn:
            ids.set_meta(conn, DENIALS_KEY, packb(denials))

    def _set_waiting(self, codes: list[RelayInviteCode]) -> None:
        with self._vault.transaction() as conn:
            ids.set_meta(conn, WAITING_KEY, packb([c.encode_compact() for c in codes]))
