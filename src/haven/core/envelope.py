"""The signed, encrypted event envelope (see docs/PROTOCOL.md, "Events").

Sign-then-encrypt: the author signs the event id, which is the hash of the header and the
plaintext body; header and signature are then sealed with the space's epoch key. A member
can forward an envelope byte for byte and every other member can still verify it.

Values decoded from bytes that came from elsewhere are called `untrusted_*` until checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import msgpack

from haven.crypto import aead, padding, signing
from haven.crypto.errors import CryptoError
from haven.crypto.hashing import blake2b_256
from haven.crypto.subkeys import derive_subkey
from haven.errors import InvalidEvent

VERSION = 1
SIGN_DOMAIN = b"haven/event/v1"
AD_DOMAIN = b"haven/event-ad/v1"
ID_PERSON = b"haven-event-id"
CONTENT_KEY_CONTEXT = b"hvevent_"
SPACE_ID_BYTES = 16
DEVICE_ID_BYTES = 16
ZERO_ID = bytes(32)
#: Largest envelope accepted from anywhere, before decryption.
MAX_ENVELOPE_BYTES = 1024 * 1024
MAX_TYPE_CHARS = 64
#: Every integer in a header, a body or content is a signed or unsigned 64-bit value that
#: SQLite can store: within [INT_MIN, INT_MAX]. Header fields and `created_ms` are >= 0.
INT_MIN = -(2**63)
INT_MAX = 2**63 - 1
#: How deep lists and maps may nest in an event's content.
MAX_CONTENT_DEPTH = 8


@dataclass(frozen=True)
class Header:
    space_id: bytes
    epoch: int
    author: bytes
    device: bytes
    seq: int
    lamport: int
    prev: bytes

    def encode(self) -> bytes:
        return packb(
            [
                VERSION,
                self.space_id,
                self.epoch,
                self.author,
                self.device,
                self.seq,
                self.lamport,
                self.prev,
            ]
        )


@dataclass(frozen=True)
class Event:
    id: bytes
    header: Header
    type: str
    created_ms: int
    content: dict[str, Any]
    envelope: bytes

    @property
    def space_id(self) -> bytes:
        return self.header.space_id

    @property
    def author(self) -> bytes:
        return self.header.author

    @property
    def device(self) -> bytes:
        return self.header.device

    @property
    def seq(self) -> int:
        return self.header.seq

    @property
    def lamport(self) -> int:
        return self.header.lamport


def packb(obj: Any) -> bytes:
    return bytes(msgpack.packb(obj, use_bin_type=True))


def unpackb(data: bytes) -> Any:
    return msgpack.unpackb(data, raw=False, strict_map_key=True, use_list=True)


def plain_content(value: object, depth: int) -> bool:
    """Whether `value` holds only what Haven's content is made of, within range: nil, bools,
    64-bit integers, text, bytes, and lists and maps (with text keys) at most `depth` deep.
    No floats and no msgpack extension types (a timestamp, say) — no event type uses them,
    and a decoder that meets one must not have to guess."""
    kind = type(value)
    if kind is dict:
        if depth <= 0:
            return False
        for k, v in value.items():  # type: ignore[attr-defined]
            if type(k) is not str or (type(v) not in _FLAT and not plain_content(v, depth - 1)):
                return False
        return True
    if kind is list:
        return depth > 0 and all(
            type(v) in _FLAT or plain_content(v, depth - 1)
            for v in value  # type: ignore[attr-defined]
        )
    if kind is int:
        return INT_MIN <= value <= INT_MAX  # type: ignore[operator]
    return value is None or kind in _FLAT


#: Values that need no further look (ints do: their range).
_FLAT = frozenset({str, bytes, bool, type(None)})


def content_key(epoch_key: bytes) -> bytes:
    return derive_subkey(epoch_key, CONTENT_KEY_CONTEXT)


def event_id(header_bytes: bytes, body_bytes: bytes) -> bytes:
    return blake2b_256(header_bytes + body_bytes, person=ID_PERSON)


def seal_event(
    header: Header,
    event_type: str,
    created_ms: int,
    content: dict[str, Any],
    author_seed: bytes,
    epoch_key: bytes,
) -> Event:
    if not (0 <= created_ms <= INT_MAX and plain_content(content, MAX_CONTENT_DEPTH)):
        raise InvalidEvent("event content holds a value out of range or of an unknown kind")
    header_bytes = header.encode()
    body_bytes = packb([event_type, created_ms, content])
    eid = event_id(header_bytes, body_bytes)
    signature = signing.sign(author_seed, SIGN_DOMAIN, eid)
    inner = padding.pad(packb([body_bytes, signature]))
    ciphertext = aead.encrypt(content_key(epoch_key), inner, AD_DOMAIN + header_bytes)
    envelope = packb([header_bytes, ciphertext])
    if len(envelope) > MAX_ENVELOPE_BYTES:
        raise InvalidEvent("event is larger than the maximum size")
    return Event(eid, header, event_type, created_ms, content, envelope)


def read_header(untrusted_envelope: bytes) -> tuple[Header, bytes, bytes]:
    """Parse the cleartext part without any key: (header, header bytes, ciphertext)."""
    if len(untrusted_envelope) > MAX_ENVELOPE_BYTES:
        raise InvalidEvent("event is larger than the maximum size")
    try:
        outer = unpackb(untrusted_envelope)
        untrusted_header_bytes, ciphertext = outer
        fields = unpackb(untrusted_header_bytes)
        version, space_id, epoch, author, device, seq, lamport, prev = fields
    except (ValueError, TypeError, msgpack.UnpackException) as exc:
        raise InvalidEvent("malformed event envelope") from exc
    if version != VERSION:
        raise InvalidEvent(f"unknown event version {version!r}")
    if not (
        isinstance(space_id, bytes)
        and len(space_id) == SPACE_ID_BYTES
        and isinstance(author, bytes)
        and len(author) == signing.PUBLIC_KEY_BYTES
        and isinstance(device, bytes)
        and len(device) == DEVICE_ID_BYTES
        and isinstance(prev, bytes)
        and len(prev) == 32
        and isinstance(ciphertext, bytes)
        and all(type(v) is int and 0 <= v <= INT_MAX for v in (epoch, seq, lamport))
        and seq >= 1
        and lamport >= 1
    ):
        raise InvalidEvent("malformed event header")
    header = Header(space_id, epoch, author, device, seq, lamport, prev)
    if header.encode() != untrusted_header_bytes or packb(outer) != untrusted_envelope:
        raise InvalidEvent("event encoding is not canonical")
    return header, untrusted_header_bytes, ciphertext


def open_event(untrusted_envelope: bytes, epoch_key: bytes, *, verify: bool = True) -> Event:
    """Decrypt and verify an envelope. Raises InvalidEvent on any failure.

    `verify=False` skips only the signature check, for envelopes read back from our own
    vault that were verified when they were first stored (rebuilding projections)."""
    header, header_bytes, ciphertext = read_header(untrusted_envelope)
    event, signature = open_unverified(
        untrusted_envelope, header, header_bytes, ciphertext, content_key(epoch_key)
    )
    if verify:
        try:
            signing.verify(header.author, SIGN_DOMAIN, event.id, signature)
        except CryptoError as exc:
            raise InvalidEvent("event signature does not verify") from exc
    return event


def open_unverified(
    untrusted_envelope: bytes,
    header: Header,
    header_bytes: bytes,
    ciphertext: bytes,
    content_key_: bytes,
) -> tuple[Event, bytes]:
    """Decrypt and decode, and return the event with its signature, NOT yet checked: the
    caller must verify `signature` over `event.id` by `header.author` (domain SIGN_DOMAIN)
    before trusting anything in it. For checking a batch's signatures together
    (core/verifier.py)."""
    try:
        inner = padding.unpad(aead.decrypt(content_key_, ciphertext, AD_DOMAIN + header_bytes))
    except CryptoError as exc:
        raise InvalidEvent("event does not decrypt with the space key") from exc
    try:
        body_bytes, signature = unpackb(inner)
        event_type, created_ms, content = unpackb(body_bytes)
    except (ValueError, TypeError, msgpack.UnpackException) as exc:
        raise InvalidEvent("malformed event body") from exc
    if not (
        isinstance(event_type, str)
        and 0 < len(event_type) <= MAX_TYPE_CHARS
        and type(created_ms) is int
        and 0 <= created_ms <= INT_MAX
        and isinstance(content, dict)
        and isinstance(signature, bytes)
        and len(signature) == signing.SIGNATURE_BYTES
    ):
        raise InvalidEvent("malformed event body")
    if not plain_content(content, MAX_CONTENT_DEPTH):
        raise InvalidEvent("event content holds a value out of range or of an unknown kind")
    eid = event_id(header_bytes, body_bytes)
    return Event(eid, header, event_type, created_ms, content, untrusted_envelope), signature
