"""A relay invite's keys, shared by the space's admin devices (docs/PROTOCOL.md, "Invites
through a relay", "Every admin device").

An invite has two secrets. The `host seed` stays with the admins: the invite's box key pair
(requests are sealed to it, reply mailboxes are derived from it) and its signing key pair
(offers are signed with it) come from it. The code's `secret` is the hash of both public
keys (`code_secret`): it names the request mailbox and encrypts the offer, and a guest
believes only offers whose keys hash to it. The `space.invite` event carries the secret and
the seed, sealed (crypto_box_seal) to every admin and owner device's box key in the space,
so any of those devices reads the requests, publishes the offer and answers; members see
only that an invite exists, with its uses and expiry.

The sealed plaintext repeats the domain, the space id, the recipient's key and the invite id,
and the opener checks them all, that the secret hashes to that id and that it is the code
secret of the seed's keys: a sealed copy cannot be lifted into another space, recipient or
invite, and an admin cannot hand the others a seed that does not answer its code.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import msgpack

from haven.core.envelope import packb, unpackb
from haven.crypto.errors import CryptoError
from haven.crypto.hashing import blake2b_256
from haven.crypto.sealing import BoxKeyPair, open_sealed, seal
from haven.crypto.signing import SigningKeyPair
from haven.crypto.subkeys import derive_subkey

INVITE_KEYS_DOMAIN = b"haven/invite-keys/v1"
INVITE_ID_BYTES = 16
SECRET_BYTES = 32


def invite_id_of(secret: bytes) -> bytes:
    """The invite's id: both sides derive it from the code's secret."""
    return blake2b_256(secret, person=b"haven-invite-id")[:INVITE_ID_BYTES]


@dataclass(frozen=True, repr=False)
class InviteHostKeys:
    """The keys of the invite's host role, the same on every admin device."""

    box: BoxKeyPair
    signing: SigningKeyPair

    @classmethod
    def from_seed(cls, seed: bytes) -> InviteHostKeys:
        return cls(
            BoxKeyPair.from_secret(derive_subkey(seed, b"hvinvbox")),
            SigningKeyPair.from_seed(derive_subkey(seed, b"hvinvsig")),
        )

    @property
    def code_secret(self) -> bytes:
        """The commitment to both public keys: the secret an `hvr2.` code carries."""
        return code_secret(self.signing.public, self.box.public)

    @property
    def invite_secret(self) -> bytes:
        """The secret of every new relay invite: the whole 256-bit commitment (its code is
        an `hvr2.` one). Earlier versions made `hvr3.` codes, whose secret is
        `secret_of_prefix` of the commitment's first 22 bytes; those are still answered."""
        return self.code_secret

    def __repr__(self) -> str:
        return "InviteHostKeys(…)"


#: What an older `hvr3.` code carries of the commitment (176 bits; new invites carry all 256).
CODE_PREFIX_BYTES = 22


def secret_of_prefix(prefix: bytes) -> bytes:
    """The invite's 32-byte secret (mailbox names, offer key, invite id) of an `hvr3.` code:
    a hash of the code's 22-byte prefix of the commitment."""
    return blake2b_256(prefix, person=b"haven-inv-code3")


def answers_secret(sign_pk: bytes, box_pk: bytes, secret: bytes) -> bool:
    """True if these host keys are the ones the secret commits to, in either form: the whole
    commitment (`hvr2.` codes) or the hash of its prefix (`hvr3.` codes)."""
    full = code_secret(sign_pk, box_pk)
    short = secret_of_prefix(full[:CODE_PREFIX_BYTES])
    return hmac.compare_digest(full, secret) or hmac.compare_digest(short, secret)


def code_secret(sign_pk: bytes, box_pk: bytes) -> bytes:
    """BLAKE2b-256 of the invite's two public host keys. It is the code's 256-bit secret: the
    keys come from the admins' random seed and are shown only inside offers encrypted under
    this secret, so nobody without the code can compute it; and no holder of the code can
    find other keys with the same hash, so only the admins' offers are believed."""
    return blake2b_256(sign_pk + box_pk, person=b"haven-inv-code2")


def seal_invite_keys(
    recipients: Iterable[bytes], space_id: bytes, secret: bytes, seed: bytes
) -> list[list[bytes]]:
    """[[box pk, sealed]] for each admin device: what the `space.invite` event carries."""
    invite_id = invite_id_of(secret)
    return [
        [pk, seal(pk, packb([INVITE_KEYS_DOMAIN, space_id, pk, invite_id, secret, seed]))]
        for pk in sorted(set(recipients))
    ]


def open_invite_keys(
    box: BoxKeyPair, untrusted_keys: Any, space_id: bytes, invite_id: bytes
) -> tuple[bytes, bytes] | None:
    """(secret, seed) sealed to this device in an invite event's `keys`, or None."""
    if not isinstance(untrusted_keys, list):
        return None
    for entry in untrusted_keys:
        if not (isinstance(entry, list) and len(entry) == 2 and entry[0] == box.public):
            continue
        if not isinstance(entry[1], bytes):
            return None
        try:
            fields = unpackb(open_sealed(box, entry[1]))
        except (CryptoError, ValueError, TypeError, msgpack.UnpackException):
            return None
        if not (
            isinstance(fields, list)
            and len(fields) == 6
            and fields[:4] == [INVITE_KEYS_DOMAIN, space_id, box.public, invite_id]
            and all(isinstance(f, bytes) and len(f) == SECRET_BYTES for f in fields[4:])
            and invite_id_of(fields[4]) == invite_id
            and _answers(InviteHostKeys.from_seed(fields[5]), fields[4])
        ):
            return None
        return fields[4], fields[5]
    return None


def _answers(keys: InviteHostKeys, secret: bytes) -> bool:
    return answers_secret(keys.signing.public, keys.box.public, secret)
