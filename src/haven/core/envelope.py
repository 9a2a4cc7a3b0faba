"""The signed, encrypted event envelope (see docs/PROTOCOL.md, "Events" and "Redaction").

Sign-then-encrypt: the author signs the event id; the signature and the body are then sealed
with the space's epoch key. A member can forward an envelope byte for byte and every other
member can still verify it.

Version 2 (written now) makes an event *redactable*, as Matrix's redaction algorithm does:
the id covers the header and a small *core* (type, time, the `target`/`parent` references
and a hiding commitment to the rest of the content), never the rest itself. Deleting or
moderating an event drops the rest and keeps the core and signature: the chain, the
sequence numbers and the signature still verify, the words are gone. Version 1 events (ids
over the whole body) still open and verify; a redacted one keeps only a tombstone whose id
cannot be re-checked (docs/PROTOCOL.md, "Redaction").

Version 3 (written by a linked device's own key) is version 2 with one more header field,
`signer`: the Ed25519 key of the writing device, which signs instead of the persona. The
signature is checked against `signer` here; whether that key is certified for the persona
and device, and not revoked at the event's place in the chain, is the space's authoriser's
question (core/devices.py, docs/PROTOCOL.md "Device keys"). Versions 1 and 2 are signed by
the author (the persona) itself.

Values decoded from bytes that came from elsewhere are called `untrusted_*` until checked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import msgpack

from haven.crypto import aead, padding, signing
from haven.crypto.errors import CryptoError
from haven.crypto.hashing import blake2b_256
from haven.crypto.subkeys import derive_subkey
from haven.errors import InvalidEvent

VERSION = 2
#: Events written before redaction (ids over the whole body): read, never written.
VERSION_1 = 1
#: Version 2 signed by a device key named in the header (`signer`), not by the author.
VERSION_3 = 3
SIGN_DOMAIN = b"haven/event/v1"
AD_DOMAIN = b"haven/event-ad/v1"
ID_PERSON = b"haven-event-id"
REST_PERSON = b"haven-event-rest"
#: Random bytes at the front of the erasable part, so its hash (in the core, which a later
#: member still reads) commits to the words without letting anyone test a guess of them.
REST_SALT_BYTES = 16
#: What a redaction keeps of any event's content: the references that thread and target it,
#: and a disappearing post's timer (which lets its expired form vouch for itself: §1.7).
KEPT_KEYS = ("target", "parent", "disappear")
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
    version: int = VERSION
    #: Version 3 only: the device key that signs (never the author's own key).
    signer: bytes | None = None

    @property
    def signing_key(self) -> bytes:
        """The key the event's signature is checked against."""
        return self.signer if self.signer is not None else self.author

    def encode(self) -> bytes:
        fields = [
            self.version,
            self.space_id,
            self.epoch,
            self.author,
            self.device,
            self.seq,
            self.lamport,
            self.prev,
        ]
        if self.signer is not None:
            fields.append(self.signer)
        return packb(fields)


@dataclass(frozen=True)
class Event:
    id: bytes
    header: Header
    type: str
    created_ms: int
    content: dict[str, Any]
    envelope: bytes
    #: The erasable part of the content is gone: `content` holds only KEPT_KEYS.
    redacted: bool = False
    #: For a redacted event: the proof of the redaction that erased it (`redaction_proof`),
    #: carried with it; the receiver checks it before it believes the redaction.
    redaction: bytes | None = None

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


def event_id(header_bytes: bytes, signed_bytes: bytes) -> bytes:
    """The id: over the header and, in version 2, the core (in version 1, the whole body)."""
    return blake2b_256(header_bytes + signed_bytes, person=ID_PERSON)


def rest_hash(rest_bytes: bytes) -> bytes:
    return blake2b_256(rest_bytes, person=REST_PERSON)


def seal_event(
    header: Header,
    event_type: str,
    created_ms: int,
    content: dict[str, Any],
    signer: signing.SigningKeyPair | bytes,
    epoch_key: bytes,
) -> Event:
    """A version 2 (or, signed by a device key, 3) envelope: `inner` = [core, signature,
    rest], where rest = [salt, the content but KEPT_KEYS] and core = [type, created_ms, the
    KEPT_KEYS, hash of rest]. `signer` is the author's key pair (version 2) or the device key
    pair the header names (version 3); a bare seed is accepted too (tests, tools)."""
    if not (0 <= created_ms <= INT_MAX and plain_content(content, MAX_CONTENT_DEPTH)):
        raise InvalidEvent("event content holds a value out of range or of an unknown kind")
    if header.version not in (VERSION, VERSION_3) or _bad_signer(header):
        raise InvalidEvent("events are written in the current version only")
    if isinstance(signer, bytes):  # (not checked against the header: tests forge with it)
        signer = signing.SigningKeyPair.from_seed(signer)
    header_bytes = header.encode()
    kept = {k: content[k] for k in KEPT_KEYS if k in content}
    rest = {k: v for k, v in content.items() if k not in kept}
    rest_bytes = packb([os.urandom(REST_SALT_BYTES), rest])
    core_bytes = packb([event_type, created_ms, kept, rest_hash(rest_bytes)])
    eid = event_id(header_bytes, core_bytes)
    signature = signer.sign(SIGN_DOMAIN, eid)
    envelope = _seal(header_bytes, [core_bytes, signature, rest_bytes], epoch_key)
    return Event(eid, header, event_type, created_ms, content, envelope)


def _seal(header_bytes: bytes, inner: list[Any], epoch_key: bytes) -> bytes:
    padded = padding.pad(packb(inner))
    ciphertext = aead.encrypt(content_key(epoch_key), padded, AD_DOMAIN + header_bytes)
    envelope = packb([header_bytes, ciphertext])
    if len(envelope) > MAX_ENVELOPE_BYTES:
        raise InvalidEvent("event is larger than the maximum size")
    return envelope


def read_header(untrusted_envelope: bytes) -> tuple[Header, bytes, bytes]:
    """Parse the cleartext part without any key: (header, header bytes, ciphertext)."""
    if len(untrusted_envelope) > MAX_ENVELOPE_BYTES:
        raise InvalidEvent("event is larger than the maximum size")
    try:
        outer = unpackb(untrusted_envelope)
        untrusted_header_bytes, ciphertext = outer
    except (ValueError, TypeError, msgpack.UnpackException) as exc:
        raise InvalidEvent("malformed event envelope") from exc
    if not isinstance(ciphertext, bytes):
        raise InvalidEvent("malformed event header")
    header = parse_header(untrusted_header_bytes)
    if packb(outer) != untrusted_envelope:
        raise InvalidEvent("event encoding is not canonical")
    return header, untrusted_header_bytes, ciphertext


def parse_header(untrusted_header_bytes: object) -> Header:
    try:
        fields = unpackb(untrusted_header_bytes)  # type: ignore[arg-type]
        signer = fields.pop() if isinstance(fields, list) and len(fields) == 9 else None
        version, space_id, epoch, author, device, seq, lamport, prev = fields
    except (ValueError, TypeError, AttributeError, msgpack.UnpackException) as exc:
        raise InvalidEvent("malformed event envelope") from exc
    if version not in (VERSION, VERSION_1, VERSION_3):
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
        and all(type(v) is int and 0 <= v <= INT_MAX for v in (epoch, seq, lamport))
        and seq >= 1
        and lamport >= 1
    ):
        raise InvalidEvent("malformed event header")
    header = Header(space_id, epoch, author, device, seq, lamport, prev, version, signer)
    if _bad_signer(header):
        raise InvalidEvent("malformed event header")
    if header.encode() != untrusted_header_bytes:
        raise InvalidEvent("event encoding is not canonical")
    return header


def open_event(untrusted_envelope: bytes, epoch_key: bytes, *, verify: bool = True) -> Event:
    """Decrypt and verify an envelope. Raises InvalidEvent on any failure.

    `verify=False` skips only the signature check, for envelopes read back from our own
    vault that were verified when they were first stored (rebuilding projections). A
    redacted version 1 event has no signature left to check (its redaction vouches for it:
    EventLog checks that)."""
    header, header_bytes, ciphertext = read_header(untrusted_envelope)
    event, signature = open_unverified(
        untrusted_envelope, header, header_bytes, ciphertext, content_key(epoch_key)
    )
    if verify and signature is not None:
        try:
            signing.verify(header.signing_key, SIGN_DOMAIN, event.id, signature)
        except CryptoError as exc:
            raise InvalidEvent("event signature does not verify") from exc
    return event


def open_unverified(
    untrusted_envelope: bytes,
    header: Header,
    header_bytes: bytes,
    ciphertext: bytes,
    content_key_: bytes,
) -> tuple[Event, bytes | None]:
    """Decrypt and decode, and return the event with its signature, NOT yet checked: the
    caller must verify `signature` over `event.id` by `header.signing_key` (domain SIGN_DOMAIN)
    before trusting anything in it. For checking a batch's signatures together
    (core/verifier.py). The signature is None only for a redacted version 1 event."""
    inner = _inner(content_key_, ciphertext, header_bytes)
    if header.version == VERSION_1:
        return _open_v1(untrusted_envelope, header, header_bytes, inner)
    if len(inner) == 3:  # [core, signature, rest]
        core_bytes, signature, rest_bytes = inner
        redaction = None
    elif len(inner) == 4 and inner[2] is None:  # redacted: [core, signature, nil, redaction]
        core_bytes, signature, _, redaction = inner
        rest_bytes = None
    else:
        raise InvalidEvent("malformed event body")
    if not (isinstance(core_bytes, bytes) and _is_signature(signature)):
        raise InvalidEvent("malformed event body")
    event_type, created_ms, kept, committed = _decode(core_bytes, 4)
    if not (_is_meta(event_type, created_ms) and _is_kept(kept) and _is_hash(committed)):
        raise InvalidEvent("malformed event body")
    content = dict(kept)
    if rest_bytes is None:
        if not (isinstance(redaction, bytes) and 0 < len(redaction) <= MAX_ENVELOPE_BYTES):
            raise InvalidEvent("malformed redacted event")
    else:
        if not isinstance(rest_bytes, bytes) or rest_hash(rest_bytes) != committed:
            raise InvalidEvent("event content does not match its signed hash")
        salt, rest = _decode(rest_bytes, 2)
        if not (
            isinstance(salt, bytes)
            and len(salt) == REST_SALT_BYTES
            and isinstance(rest, dict)
            and not any(k in rest for k in KEPT_KEYS)
        ):
            raise InvalidEvent("malformed event body")
        content.update(rest)
    if not plain_content(content, MAX_CONTENT_DEPTH):
        raise InvalidEvent("event content holds a value out of range or of an unknown kind")
    eid = event_id(header_bytes, core_bytes)
    event = Event(
        eid,
        header,
        event_type,
        created_ms,
        content,
        untrusted_envelope,
        redacted=rest_bytes is None,
        redaction=redaction,
    )
    return event, signature


def _open_v1(
    untrusted_envelope: bytes, header: Header, header_bytes: bytes, inner: list[Any]
) -> tuple[Event, bytes | None]:
    if len(inner) == 4 and inner[2] is None:  # a tombstone: [id, [type, ms, kept], nil, r]
        eid, meta, _, redaction = inner
        if not (
            isinstance(eid, bytes)
            and len(eid) == 32
            and isinstance(meta, list)
            and len(meta) == 3
            and _is_meta(meta[0], meta[1])
            and _is_kept(meta[2])
            and plain_content(meta[2], MAX_CONTENT_DEPTH)
            and isinstance(redaction, bytes)
            and 0 < len(redaction) <= MAX_ENVELOPE_BYTES
        ):
            raise InvalidEvent("malformed redacted event")
        event = Event(
            eid,
            header,
            meta[0],
            meta[1],
            dict(meta[2]),
            untrusted_envelope,
            redacted=True,
            redaction=redaction,
        )
        return event, None
    if len(inner) != 2:
        raise InvalidEvent("malformed event body")
    body_bytes, signature = inner
    if not (isinstance(body_bytes, bytes) and _is_signature(signature)):
        raise InvalidEvent("malformed event body")
    event_type, created_ms, content = _decode(body_bytes, 3)
    if not (_is_meta(event_type, created_ms) and isinstance(content, dict)):
        raise InvalidEvent("malformed event body")
    if not plain_content(content, MAX_CONTENT_DEPTH):
        raise InvalidEvent("event content holds a value out of range or of an unknown kind")
    eid = event_id(header_bytes, body_bytes)
    return Event(eid, header, event_type, created_ms, content, untrusted_envelope), signature


def redaction_proof(envelope: bytes, epoch_key: bytes) -> bytes:
    """What a redacted event carries to show who erased it: the redaction's header, the
    bytes its id covers (version 2: its core — type, time, target — not the reason; version
    1: its whole body) and its signature. Readable with the redacted event's own epoch key,
    which matters: a redaction is often written under a later epoch than what it erases."""
    header, header_bytes, ciphertext = read_header(envelope)
    inner = _inner(content_key(epoch_key), ciphertext, header_bytes)
    if header.version == VERSION_1 and len(inner) == 2:
        signed, signature = inner
    elif header.version in (VERSION, VERSION_3) and len(inner) == 3:
        signed, signature, _ = inner
    else:
        raise InvalidEvent("a redacted event cannot erase another")
    return packb([header_bytes, signed, signature])


def open_redaction_proof(untrusted_proof: bytes) -> Event:
    """Check a redaction proof's signature and return the redaction it shows, with only
    its references as content (`target`). Raises InvalidEvent."""
    fields = _decode(untrusted_proof, 3)
    header_bytes, signed, signature = fields
    header = parse_header(header_bytes)
    if not (isinstance(signed, bytes) and _is_signature(signature)):
        raise InvalidEvent("malformed redaction")
    if header.version == VERSION_1:
        event_type, created_ms, content = _decode(signed, 3)
    else:
        event_type, created_ms, content, committed = _decode(signed, 4)
        if not (_is_kept(content) and _is_hash(committed)):
            raise InvalidEvent("malformed redaction")
    if not (
        _is_meta(event_type, created_ms)
        and isinstance(content, dict)
        and plain_content(content, MAX_CONTENT_DEPTH)
    ):
        raise InvalidEvent("malformed redaction")
    eid = event_id(header_bytes, signed)
    try:
        signing.verify(header.signing_key, SIGN_DOMAIN, eid, signature)
    except CryptoError as exc:
        raise InvalidEvent("a redaction's signature does not verify") from exc
    kept = {k: content[k] for k in KEPT_KEYS if k in content}
    return Event(eid, header, event_type, created_ms, kept, untrusted_proof)


def redacted_envelope(envelope: bytes, epoch_key: bytes, redaction: bytes) -> bytes:
    """The same event with its erasable content gone, sealed again under its epoch key and
    carrying `redaction` (the proof of the event that erased it, `redaction_proof`).
    Version 2 keeps the core and the signature, so it still verifies; version 1 keeps its
    id, type, time and references as a tombstone. Called on envelopes of our own vault."""
    header, header_bytes, ciphertext = read_header(envelope)
    inner = _inner(content_key(epoch_key), ciphertext, header_bytes)
    if len(inner) == 4:
        return envelope  # redacted already
    if header.version == VERSION_1:
        event, _ = _open_v1(envelope, header, header_bytes, inner)
        kept = {k: event.content[k] for k in KEPT_KEYS if k in event.content}
        meta = [event.type, event.created_ms, kept]
        return _seal(header_bytes, [event.id, meta, None, redaction], epoch_key)
    core_bytes, signature, _ = inner
    return _seal(header_bytes, [core_bytes, signature, None, redaction], epoch_key)


def _inner(content_key_: bytes, ciphertext: bytes, header_bytes: bytes) -> list[Any]:
    try:
        padded = aead.decrypt(content_key_, ciphertext, AD_DOMAIN + header_bytes)
        inner = padding.unpad(padded)
    except CryptoError as exc:
        raise InvalidEvent("event does not decrypt with the space key") from exc
    decoded = _decode(inner, None)
    if not isinstance(decoded, list):
        raise InvalidEvent("malformed event body")
    return decoded


def _decode(data: bytes, length: int | None) -> Any:
    try:
        value = unpackb(data)
    except (ValueError, TypeError, msgpack.UnpackException) as exc:
        raise InvalidEvent("malformed event body") from exc
    if length is not None and not (isinstance(value, list) and len(value) == length):
        raise InvalidEvent("malformed event body")
    return value


def _bad_signer(header: Header) -> bool:
    """Version 3 names a signer that is not the author; versions 1 and 2 name none."""
    if header.version == VERSION_3:
        signer = header.signer
        return not (
            isinstance(signer, bytes)
            and len(signer) == signing.PUBLIC_KEY_BYTES
            and signer != header.author
        )
    return header.signer is not None


def _is_meta(event_type: object, created_ms: object) -> bool:
    return (
        isinstance(event_type, str)
        and 0 < len(event_type) <= MAX_TYPE_CHARS
        and type(created_ms) is int
        and 0 <= created_ms <= INT_MAX
    )


def _is_kept(kept: object) -> bool:
    return isinstance(kept, dict) and all(k in KEPT_KEYS for k in kept)


def _is_hash(value: object) -> bool:
    return isinstance(value, bytes) and len(value) == 32


def _is_signature(value: object) -> bool:
    return isinstance(value, bytes) and len(value) == signing.SIGNATURE_BYTES
