"""What travels through a relay for a relay-route invite (docs/PROTOCOL.md, "Invites through a
relay"). Pure functions over bytes; the relay sees only mailbox ids and padded ciphertext.

    request mailbox   key = crypto_kdf(secret, "hvinvmbx"): every holder of the code
      offer           AEAD under crypto_kdf(secret, "hvinvofr"): the space's name,
                      description and guidelines, the invite's host keys, its state and
                      expiry, signed by the invite's signing key; the secret is the hash of
                      both host keys (invite_keys.code_secret)
      request         crypto_box_seal to the host's box key: the signed join request
    reply mailbox     keys from crypto_box_beforenm(host box, guest box): only those two
      reply parts     AEAD: "approved" with the welcome in parts, or "denied"

A request is signed by the guest's new persona over `binding` (the invite id and the host's
box key) instead of a channel transcript: it is useless for any other invite or host, and a
relay that replays it only repeats a request the host already holds.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import Any

import nacl.bindings as b

from haven.core.envelope import packb, unpackb
from haven.core.spaces.invite_keys import answers_secret
from haven.core.spaces.invites.wire import invite_id_of
from haven.crypto import aead, padding, sealing
from haven.crypto.errors import CryptoError
from haven.crypto.sealing import BoxKeyPair
from haven.crypto.signing import SigningKeyPair, verify
from haven.crypto.subkeys import derive_subkey

OFFER_LABEL = "haven/invite-offer/v1"
OFFER_DOMAIN = b"haven/invite-offer/v1"
REQUEST_LABEL = "haven/relay-request/v1"
REPLY_LABEL = "haven/invite-reply/v1"
RECEIVED_LABEL = "haven/invite-received/v1"
#: A welcome travels in parts that stay under a relay's default 64 KiB blob limit once
#: padded (32 KiB bucket) and encrypted.
PART_BYTES = 30 * 1024
#: A welcome is at most 64 MiB (PROTOCOL §5.5 and the channel flow's limit).
MAX_PARTS = 64 * 1024 * 1024 // PART_BYTES + 1
#: "void": an admin device that held the invite's keys is no longer one (docs/PROTOCOL.md,
#: "An admin who leaves voids the invites they held"); it outranks every other state.
OFFER_STATES = ("open", "revoked", "used up", "void")


@dataclass(frozen=True)
class Offer:
    """What the host published: read by the guest before asking."""

    name: str
    description: str
    guidelines: str
    host_box_pk: bytes
    host_persona_pk: bytes  # the invite's signing key (not a persona of anyone)
    state: str  # open | revoked | used up | void
    expires_s: int  # Unix seconds; the code itself carries no expiry

    def signed_fields(self, invite_id: bytes) -> bytes:
        return packb(
            [
                invite_id,
                self.name,
                self.description,
                self.guidelines,
                self.host_box_pk,
                self.host_persona_pk,
                self.state,
                self.expires_s,
            ]
        )

    def expired(self, now_s: float | None = None) -> bool:
        return (time.time() if now_s is None else now_s) >= self.expires_s


@dataclass(frozen=True, repr=False)
class Reply:
    kind: str  # approved | denied
    welcome: bytes | None

    def __repr__(self) -> str:
        return f"Reply({self.kind})"


def request_mailbox_key(secret: bytes) -> bytes:
    return derive_subkey(secret, b"hvinvmbx")


def binding(invite_id: bytes, host_box_pk: bytes) -> bytes:
    """What a relay request is signed over (in place of a channel's transcript hash)."""
    return hashlib.blake2b(
        invite_id + host_box_pk, digest_size=32, person=b"haven-inv-relay1"
    ).digest()


def _seal(key: bytes, label: str, fields: list[Any]) -> bytes:
    return aead.encrypt(key, padding.pad(packb([label, *fields])), label.encode())


def _open(key: bytes, label: str, untrusted: bytes) -> list[Any] | None:
    try:
        plain = unpackb(padding.unpad(aead.decrypt(key, untrusted, label.encode())))
    except (CryptoError, ValueError, TypeError):
        return None
    if not isinstance(plain, list) or not plain or plain[0] != label:
        return None
    return plain[1:]


# ------------------------------------------------------------------------- the offer


def seal_offer(secret: bytes, offer: Offer, signer: SigningKeyPair) -> bytes:
    signature = signer.sign(OFFER_DOMAIN, offer.signed_fields(invite_id_of(secret)))
    fields = [
        offer.name,
        offer.description,
        offer.guidelines,
        offer.host_box_pk,
        offer.host_persona_pk,
        offer.state,
        offer.expires_s,
        signature,
    ]
    return _seal(derive_subkey(secret, b"hvinvofr"), OFFER_LABEL, fields)


def open_offer(secret: bytes, untrusted: bytes) -> Offer | None:
    """The host's offer in this blob, or None: another kind of blob, not for this code, or
    made by someone else who holds the code (keys that do not hash to the code's secret, or
    a wrong signature)."""
    fields = _open(derive_subkey(secret, b"hvinvofr"), OFFER_LABEL, untrusted)
    if fields is None or len(fields) != 8:
        return None
    name, description, guidelines, box_pk, persona_pk, state, expires, signature = fields
    if not (
        all(isinstance(t, str) and len(t) <= 20_000 for t in (name, description, guidelines))
        and all(isinstance(k, bytes) and len(k) == 32 for k in (box_pk, persona_pk))
        and state in OFFER_STATES
        and type(expires) is int
        and 0 <= expires < 2**32
        and isinstance(signature, bytes)
    ):
        return None
    offer = Offer(name, description, guidelines, box_pk, persona_pk, state, expires)
    if not answers_secret(persona_pk, box_pk, secret):
        return None
    try:
        verify(persona_pk, OFFER_DOMAIN, offer.signed_fields(invite_id_of(secret)), signature)
    except CryptoError:
        return None
    return offer


def latest_offer(secret: bytes, untrusted_blobs: list[bytes]) -> Offer | None:
    """The host's last word: a closed state wins over an open one, whatever the order (a
    relay that replays the first offer cannot reopen a revoked invite), and "void" over
    every other (a former admin who kept the keys cannot sign it away)."""
    offers = [o for o in (open_offer(secret, b) for b in untrusted_blobs) if o]
    for wanted in ("void", "closed", "open"):
        found = [o for o in offers if _rank(o.state) == wanted]
        if found:
            return found[-1]
    return None


def _rank(state: str) -> str:
    return state if state in ("void", "open") else "closed"


# ------------------------------------------------------------------------- the request


def seal_request(host_box_pk: bytes, fields: list[Any]) -> bytes:
    return sealing.seal(host_box_pk, padding.pad(packb([REQUEST_LABEL, fields])))


def open_request(box: BoxKeyPair, untrusted: bytes) -> list[Any] | None:
    """The request fields in this blob, or None (not a request sealed to this box key)."""
    try:
        plain = unpackb(padding.unpad(sealing.open_sealed(box, untrusted)))
    except (CryptoError, ValueError, TypeError):
        return None
    if not (isinstance(plain, list) and len(plain) == 2 and plain[0] == REQUEST_LABEL):
        return None
    return plain[1] if isinstance(plain[1], list) else None


# ------------------------------------------------------------------------- the reply


@dataclass(frozen=True, repr=False)
class ReplyKeys:
    mailbox_key: bytes
    seal_key: bytes


def reply_keys(mine: BoxKeyPair, their_box_pk: bytes) -> ReplyKeys:
    """The same two keys on the host's and the guest's side, and on no one else's."""
    try:
        shared = b.crypto_box_beforenm(their_box_pk, mine.secret)
    except Exception as exc:  # a low-order key from a hostile peer
        raise CryptoError("unusable box key") from exc
    return ReplyKeys(derive_subkey(shared, b"hvinvrmb"), derive_subkey(shared, b"hvinvrsl"))


def seal_reply(keys: ReplyKeys, kind: str, welcome: bytes | None) -> list[bytes]:
    """The reply in parts. Every admin device derives the same reply mailbox, so two of them
    approving at once leave two welcomes there: each reply's parts carry a tag (a hash of
    the whole reply) so the guest never mixes parts of two."""
    data = welcome or b""
    tag = hashlib.blake2b(kind.encode() + data, digest_size=8, person=b"haven-inv-reply").digest()
    parts = [data[i : i + PART_BYTES] for i in range(0, len(data), PART_BYTES)] or [b""]
    return [
        _seal(keys.seal_key, REPLY_LABEL, [kind, tag, index, len(parts), part])
        for index, part in enumerate(parts)
    ]


def open_reply(keys: ReplyKeys, untrusted_blobs: list[bytes]) -> Reply | None:
    """The complete reply in these blobs (in any order, repeats ignored), or None yet; an
    approval wins over a denial (two admins answering at once)."""
    parts: dict[tuple[str, bytes, int], dict[int, bytes]] = {}
    for blob in untrusted_blobs:
        fields = _open(keys.seal_key, REPLY_LABEL, blob)
        if fields is None or len(fields) != 5:
            continue
        kind, tag, index, count, part = fields
        if (
            kind in ("approved", "denied")
            and isinstance(tag, bytes)
            and type(index) is int
            and type(count) is int
            and 0 <= index < count <= MAX_PARTS
            and isinstance(part, bytes)
        ):
            parts.setdefault((kind, tag, count), {})[index] = part
    complete = [
        (kind, b"".join(got[i] for i in range(count)))
        for (kind, _, count), got in parts.items()
        if len(got) == count
    ]
    complete.sort(key=lambda found: found[0] != "approved")
    for kind, body in complete:
        return Reply(kind, body if kind == "approved" else None)
    return None


def seal_received(keys: ReplyKeys) -> bytes:
    """The guest's note that it has the whole reply, so the host can forget it."""
    return _seal(keys.seal_key, RECEIVED_LABEL, [])


def received(keys: ReplyKeys, untrusted_blobs: list[bytes]) -> bool:
    return any(_open(keys.seal_key, RECEIVED_LABEL, blob) == [] for blob in untrusted_blobs)
