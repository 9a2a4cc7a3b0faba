"""What both roles of the invite flow agree on: the invite id and the channel secret derived
from a code's secret, the signed request and status fields (over the channel's transcript,
so a request cannot be replayed on another channel or made in someone else's name), and the
records each side hands up. haven.sync.invites carries these over the channel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from haven.core.envelope import DEVICE_ID_BYTES, packb
from haven.core.space_secrets import SpaceSecret
from haven.core.spaces import events as ev
from haven.core.spaces.invite_keys import invite_id_of
from haven.core.spaces.model import JoinRequest, Profile
from haven.crypto.errors import CryptoError
from haven.crypto.signing import SigningKeyPair, verify
from haven.crypto.subkeys import derive_subkey
from haven.errors import InvalidInput

#: Invite channels are offered under space ids no real space has: this prefix and 12 bytes
#: of the invite id (a random space id starting so has probability 2^-32, and routing
#: compares the whole id with this device's invites, never the prefix alone).
INVITE_SPACE_PREFIX = b"hvi1"
INVITE_KEY_CONTEXT = b"hvinvite"
REQUEST_DOMAIN = b"haven/join-request/v1"
STATUS_DOMAIN = b"haven/join-status/v1"


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


def signed_bytes(transcript: bytes, fields: list[Any]) -> bytes:
    return transcript + packb(fields)


# ----------------------------------------------------------------- the signed fields


def request_fields(request: JoinRequest, keys: SigningKeyPair, transcript: bytes) -> list[Any]:
    """The guest's join request: public keys and profile, signed by the new persona."""
    fields: list[Any] = [
        request.persona_pk,
        request.box_pk,
        request.device_id,
        request.profile.display_name,
        request.profile.pronouns,
        request.profile.colour,
    ]
    return [*fields, keys.sign(REQUEST_DOMAIN, signed_bytes(transcript, fields))]


def status_fields(persona_pk: bytes, keys: SigningKeyPair, transcript: bytes) -> list[Any]:
    return [persona_pk, keys.sign(STATUS_DOMAIN, signed_bytes(transcript, [persona_pk]))]


@dataclass(frozen=True)
class UntrustedRequest:
    """A request whose signature checked out; its content is still the guest's word."""

    persona_pk: bytes
    box_pk: bytes
    device_id: bytes
    profile: Profile


def check_request(untrusted: list[Any], transcript: bytes) -> UntrustedRequest:
    """The request as it arrived, checked; InvalidInput if malformed or badly signed."""
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
        verify(persona_pk, REQUEST_DOMAIN, signed_bytes(transcript, untrusted[:6]), signature)
    except (ValueError, TypeError, InvalidInput, CryptoError):
        raise InvalidInput("the join request was malformed") from None
    return UntrustedRequest(persona_pk, box_pk, device_id, profile)


def check_status(untrusted: list[Any], transcript: bytes) -> bytes:
    """The persona asking about its request; InvalidInput if malformed or badly signed."""
    try:
        persona_pk, signature = untrusted
        verify(
            ev.clean_pk(persona_pk),
            STATUS_DOMAIN,
            signed_bytes(transcript, [persona_pk]),
            signature,
        )
    except (ValueError, TypeError, InvalidInput, CryptoError):
        raise InvalidInput("the status request was malformed") from None
    return bytes(persona_pk)
