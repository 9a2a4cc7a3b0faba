"""What is sealed (crypto_box_seal) to one device's X25519 key: epoch keys, welcome bundles and
reports.

A sealed box is anonymous: anyone can seal to a public key. What makes a sealed epoch key
trustworthy is the event that carries it, which an admin signed and the membership rules
accept. The sealed plaintext repeats the space id, the epoch and the recipient's key, and
the opener checks all three, so an envelope cannot be lifted into another space, epoch or
recipient's slot (docs/PROTOCOL.md, "Group spaces", "Epoch keys").
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import msgpack

from haven.core.envelope import packb, unpackb
from haven.crypto.errors import CryptoError
from haven.crypto.hashing import blake2b_256
from haven.crypto.sealing import BoxKeyPair, open_sealed, seal
from haven.errors import InvalidInput

EPOCH_KEY_DOMAIN = b"haven/epoch-key/v1"
WELCOME_KEYS_DOMAIN = b"haven/welcome-keys/v1"
WELCOME_DOMAIN = b"haven/welcome/v1"
REPORT_DOMAIN = b"haven/report/v1"
COMMITMENT_PERSON = b"haven/epoch-cmt1"  # BLAKE2b personalisation: 16 bytes at most
EPOCH_KEY_BYTES = 32
MAX_WELCOME_BYTES = 64 * 1024 * 1024


def epoch_commitment(space_id: bytes, key: bytes) -> bytes:
    """What a rotation (and the genesis) publishes about its new key: BLAKE2b-256 keyed
    with the key over the space id, personalised for this one purpose. It reveals nothing
    about the key (a PRF output) and binds it: another key or space gives another value
    (docs/PROTOCOL.md, "Epoch keys")."""
    return blake2b_256(space_id, person=COMMITMENT_PERSON, key=key)


def epoch_of(commitment: bytes) -> int:
    """The epoch number a commitment names: its first 62 bits (never 0). Deriving the
    number from the commitment means two rotations with different keys cannot claim the
    same epoch, so a key installed for an epoch is that epoch's key whatever order
    rotations were seen in."""
    return (int.from_bytes(commitment[:8], "big") >> 2) or 1


def new_epoch(space_id: bytes) -> tuple[int, bytes, bytes]:
    """A fresh epoch key, its commitment and the epoch number derived from it."""
    key = os.urandom(EPOCH_KEY_BYTES)
    commitment = epoch_commitment(space_id, key)
    return epoch_of(commitment), key, commitment


def matches(space_id: bytes, epoch: int, key: bytes, commitment: bytes) -> bool:
    """Whether `key` is the key `commitment` (of `epoch`) was made for."""
    return epoch_of(commitment) == epoch and secrets.compare_digest(
        epoch_commitment(space_id, key), commitment
    )


def _unpack(data: bytes) -> Any:
    try:
        return unpackb(data)
    except (ValueError, TypeError, msgpack.UnpackException):
        return None


def seal_epoch_key(recipient_pk: bytes, space_id: bytes, epoch: int, key: bytes) -> bytes:
    return seal(recipient_pk, packb([EPOCH_KEY_DOMAIN, space_id, epoch, recipient_pk, key]))


def seal_epoch_key_to_all(
    recipients: Iterable[bytes], space_id: bytes, epoch: int, key: bytes
) -> list[list[bytes]]:
    return [[pk, seal_epoch_key(pk, space_id, epoch, key)] for pk in sorted(set(recipients))]


def open_epoch_key(
    box: BoxKeyPair, untrusted_sealed: bytes, space_id: bytes, epoch: int
) -> bytes | None:
    """The key, or None when the box does not open or is bound to something else."""
    try:
        plain = open_sealed(box, untrusted_sealed)
    except CryptoError:
        return None
    fields = _unpack(plain)
    if not (
        isinstance(fields, list)
        and len(fields) == 5
        and fields[:4] == [EPOCH_KEY_DOMAIN, space_id, epoch, box.public]
    ):
        return None
    key = fields[-1]
    return key if isinstance(key, bytes) and len(key) == EPOCH_KEY_BYTES else None


def find_and_open(
    box: BoxKeyPair, sealed: Iterable[tuple[bytes, bytes]], space_id: bytes, epoch: int
) -> bytes | None:
    for recipient, blob in sealed:
        if recipient == box.public:
            return open_epoch_key(box, blob, space_id, epoch)
    return None


# ----------------------------------------------------------------- reports


def seal_report(recipient_pk: bytes, space_id: bytes, target_id: bytes, reason: str) -> bytes:
    return seal(recipient_pk, packb([REPORT_DOMAIN, space_id, recipient_pk, target_id, reason]))


def open_report(
    box: BoxKeyPair, untrusted_sealed: bytes, space_id: bytes
) -> tuple[bytes, str] | None:
    fields = open_detail(box, untrusted_sealed, REPORT_DOMAIN, space_id, 2)
    if fields is None:
        return None
    target, reason = fields
    if not (isinstance(target, bytes) and len(target) == 32 and isinstance(reason, str)):
        return None
    return target, reason


def seal_detail(recipient_pk: bytes, domain: bytes, space_id: bytes, fields: list[Any]) -> bytes:
    """A feature's detail for one device (a pledge's amount for an organiser), bound like a
    report to its purpose (`domain`), the space and the recipient's key."""
    return seal(recipient_pk, packb([domain, space_id, recipient_pk, *fields]))


def open_detail(
    box: BoxKeyPair, untrusted_sealed: bytes, domain: bytes, space_id: bytes, n_fields: int
) -> list[Any] | None:
    """The `n_fields` fields sealed with `seal_detail`, or None when the box does not open
    or is bound to another purpose, space or recipient."""
    try:
        plain = open_sealed(box, untrusted_sealed)
    except CryptoError:
        return None
    fields = _unpack(plain)
    if not (
        isinstance(fields, list)
        and len(fields) == 3 + n_fields
        and fields[:3] == [domain, space_id, box.public]
    ):
        return None
    return fields[3:]


# ----------------------------------------------------------------- welcome


@dataclass(frozen=True, repr=False)
class WelcomeKeys:
    space_id: bytes
    add_event_id: bytes
    current_epoch: int
    keys: dict[int, bytes]

    def __repr__(self) -> str:
        return f"WelcomeKeys(epochs={sorted(self.keys)})"


@dataclass(frozen=True)
class Welcome:
    """What an admin hands a new member through the invite flow (which encrypts it again):
    the space id and owner, the id of the add event, every epoch key sealed to the new
    device, and the space's log so far."""

    space_id: bytes
    owner_pk: bytes
    add_event_id: bytes
    sealed_keys: bytes
    envelopes: tuple[bytes, ...]

    def encode(self) -> bytes:
        return packb(
            [
                WELCOME_DOMAIN,
                self.space_id,
                self.owner_pk,
                self.add_event_id,
                self.sealed_keys,
                list(self.envelopes),
            ]
        )

    @classmethod
    def decode(cls, untrusted: bytes) -> Welcome:
        if len(untrusted) > MAX_WELCOME_BYTES:
            raise InvalidInput("the welcome is too large")
        fields = _unpack(untrusted)
        if not (isinstance(fields, list) and len(fields) == 6 and fields[0] == WELCOME_DOMAIN):
            raise InvalidInput("this is not a Haven welcome")
        _, space_id, owner, add_id, sealed_keys, envelopes = fields
        if not (
            isinstance(space_id, bytes)
            and len(space_id) == 16
            and isinstance(owner, bytes)
            and len(owner) == 32
            and isinstance(add_id, bytes)
            and len(add_id) == 32
            and isinstance(sealed_keys, bytes)
            and isinstance(envelopes, list)
            and all(isinstance(e, bytes) for e in envelopes)
        ):
            raise InvalidInput("the welcome is damaged")
        return cls(space_id, owner, add_id, sealed_keys, tuple(envelopes))


def epoch_key_pairs(untrusted: object) -> dict[int, bytes] | None:
    """[[epoch, key], …] as {epoch: key}, or None if any pair is malformed."""
    if not isinstance(untrusted, list):
        return None
    keys: dict[int, bytes] = {}
    for pair in untrusted:
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and type(pair[0]) is int
            and 0 <= pair[0] < 2**63
            and isinstance(pair[1], bytes)
            and len(pair[1]) == EPOCH_KEY_BYTES
        ):
            return None
        keys[pair[0]] = pair[1]
    return keys


def seal_welcome_keys(
    recipient_pk: bytes,
    space_id: bytes,
    add_event_id: bytes,
    current_epoch: int,
    keys: dict[int, bytes],
) -> bytes:
    return seal(
        recipient_pk,
        packb(
            [
                WELCOME_KEYS_DOMAIN,
                space_id,
                recipient_pk,
                add_event_id,
                current_epoch,
                [[e, k] for e, k in sorted(keys.items())],
            ]
        ),
    )


def open_welcome_keys(box: BoxKeyPair, welcome: Welcome) -> WelcomeKeys:
    try:
        plain = open_sealed(box, welcome.sealed_keys)
    except CryptoError:
        raise InvalidInput("this welcome was made for someone else's join request") from None
    fields = _unpack(plain)
    if not (
        isinstance(fields, list)
        and len(fields) == 6
        and fields[:4] == [WELCOME_KEYS_DOMAIN, welcome.space_id, box.public, welcome.add_event_id]
    ):
        raise InvalidInput("the welcome's keys are bound to another space or request")
    current, keys = fields[4], epoch_key_pairs(fields[5])
    if keys is None or type(current) is not int or current not in keys:
        raise InvalidInput("the welcome is damaged")
    return WelcomeKeys(welcome.space_id, welcome.add_event_id, current, keys)
