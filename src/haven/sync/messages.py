"""Reconciliation messages and their msgpack encoding (docs/PROTOCOL.md, "Reconciliation").

Every message is a msgpack array `[version, type, ...fields]`, encoded canonically. Decoding
checks the version, the type, every field's type and size and the limits below, and re-encodes
to make sure the bytes were canonical; anything else raises SyncError and nothing in the
message is used. Values straight off the wire are called `untrusted_*` until checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import msgpack

from haven.core.envelope import DEVICE_ID_BYTES, MAX_ENVELOPE_BYTES, SPACE_ID_BYTES
from haven.crypto.signing import PUBLIC_KEY_BYTES
from haven.errors import SyncError

VERSION = 1

#: Limits shared by both sides. The largest message either side accepts is one channel
#: payload (sync/framing.py MAX_PAYLOAD). A batch never holds more than MAX_BATCH_EVENTS
#: events or more than MAX_BATCH_BYTES of envelopes; an envelope larger than
#: MAX_BATCH_BYTES cannot be synced (see docs/PROTOCOL.md, "Limits").
MAX_MESSAGE_BYTES = 1024 * 1024
MAX_BATCH_EVENTS = 256
MAX_BATCH_BYTES = MAX_MESSAGE_BYTES - 4096
#: At about 95 bytes a chain, a full tips message stays under the message limit.
MAX_CHAINS = 8192
MAX_SEQ = 2**63 - 1
MAX_REASON_CHARS = 200

T_TIPS = 1
T_BATCH = 2
T_ACK = 3
T_DONE = 4
T_ABORT = 5

ChainTips = dict[tuple[bytes, bytes], int]
#: Per chain, the id of the event at its tip (32 bytes; zero bytes: not stated).
ChainHeads = dict[tuple[bytes, bytes], bytes]
HEAD_BYTES = 32
NO_HEAD = bytes(HEAD_BYTES)


@dataclass(frozen=True)
class Tips:
    """The sender's chain tips for one space: what it already holds, and the id of each
    chain's tip event, so that two different events with one number (a fork) are noticed
    even when both sides hold the same count."""

    space_id: bytes
    tips: ChainTips
    heads: ChainHeads = field(default_factory=dict)


@dataclass(frozen=True)
class Batch:
    """Envelopes the receiver lacks, each chain in sequence order; numbered from 0."""

    space_id: bytes
    number: int
    envelopes: tuple[bytes, ...]


@dataclass(frozen=True)
class Ack:
    """Batch `number` was checked and committed (or rejected event by event)."""

    space_id: bytes
    number: int


@dataclass(frozen=True)
class Done:
    """The sender has sent every batch it will send for this space in this round."""

    space_id: bytes
    batches: int


@dataclass(frozen=True)
class Abort:
    """The sender gives up on the round; `reason` is a fixed phrase, never content."""

    reason: str


Message = Tips | Batch | Ack | Done | Abort


def _packb(obj: Any) -> bytes:
    return bytes(msgpack.packb(obj, use_bin_type=True))


def encode(message: Message) -> bytes:
    if isinstance(message, Tips):
        chains = [
            [a, d, s, message.heads.get((a, d), NO_HEAD)]
            for (a, d), s in sorted(message.tips.items())
        ]
        body: list[Any] = [T_TIPS, message.space_id, chains]
    elif isinstance(message, Batch):
        body = [T_BATCH, message.space_id, message.number, list(message.envelopes)]
    elif isinstance(message, Ack):
        body = [T_ACK, message.space_id, message.number]
    elif isinstance(message, Done):
        body = [T_DONE, message.space_id, message.batches]
    else:
        body = [T_ABORT, message.reason[:MAX_REASON_CHARS]]
    data = _packb([VERSION, *body])
    if len(data) > MAX_MESSAGE_BYTES:
        raise SyncError("a sync message would exceed the size limit")
    return data


def decode(untrusted: bytes) -> Message:
    """Parse and check one message. Raises SyncError for anything malformed or over limits."""
    if len(untrusted) > MAX_MESSAGE_BYTES:
        raise SyncError("sync message is larger than the limit")
    try:
        untrusted_fields = msgpack.unpackb(
            untrusted,
            raw=False,
            use_list=True,
            strict_map_key=True,
            max_bin_len=MAX_ENVELOPE_BYTES,
            max_str_len=MAX_REASON_CHARS * 4,
            max_array_len=max(MAX_CHAINS, MAX_BATCH_EVENTS) + 8,
            max_map_len=0,
            max_ext_len=0,
        )
    except (ValueError, TypeError, msgpack.UnpackException) as exc:
        raise SyncError("malformed sync message") from exc
    if not isinstance(untrusted_fields, list) or len(untrusted_fields) < 2:
        raise SyncError("malformed sync message")
    version, kind, *rest = untrusted_fields
    if version != VERSION or type(version) is not int:
        raise SyncError(f"unsupported sync message version {version!r}")
    message = _decode_body(kind, rest)
    if _packb(untrusted_fields) != untrusted:
        raise SyncError("sync message encoding is not canonical")
    return message


def _decode_body(kind: object, fields: list[Any]) -> Message:
    if type(kind) is not int:
        raise SyncError("malformed sync message")
    if kind == T_TIPS:
        space_id, chains = _shape(fields, 2)
        tips, heads = _tips(chains)
        return Tips(_space(space_id), tips, heads)
    if kind == T_BATCH:
        space_id, number, envelopes = _shape(fields, 3)
        return Batch(_space(space_id), _count(number), _envelopes(envelopes))
    if kind == T_ACK:
        space_id, number = _shape(fields, 2)
        return Ack(_space(space_id), _count(number))
    if kind == T_DONE:
        space_id, batches = _shape(fields, 2)
        return Done(_space(space_id), _count(batches))
    if kind == T_ABORT:
        (reason,) = _shape(fields, 1)
        if not isinstance(reason, str) or len(reason) > MAX_REASON_CHARS:
            raise SyncError("malformed abort message")
        # The peer's words end up in logs, terminals and the UI: no control characters.
        return Abort("".join(c if c.isprintable() else "?" for c in reason))
    raise SyncError(f"unknown sync message type {kind!r}")


def _shape(fields: list[Any], n: int) -> list[Any]:
    if len(fields) != n:
        raise SyncError("sync message has the wrong number of fields")
    return fields


def _space(value: object) -> bytes:
    if not isinstance(value, bytes) or len(value) != SPACE_ID_BYTES:
        raise SyncError("malformed space id in sync message")
    return value


def _count(value: object) -> int:
    if type(value) is not int or not 0 <= value <= MAX_SEQ:
        raise SyncError("malformed number in sync message")
    return value


def _tips(value: object) -> tuple[ChainTips, ChainHeads]:
    if not isinstance(value, list) or len(value) > MAX_CHAINS:
        raise SyncError("malformed or oversized chain tips")
    tips: ChainTips = {}
    heads: ChainHeads = {}
    for item in value:
        if not (isinstance(item, list) and len(item) == 4):
            raise SyncError("malformed chain tip")
        author, device, seq, head = item
        if not (
            isinstance(author, bytes)
            and len(author) == PUBLIC_KEY_BYTES
            and isinstance(device, bytes)
            and len(device) == DEVICE_ID_BYTES
            and type(seq) is int
            and 1 <= seq <= MAX_SEQ
            and isinstance(head, bytes)
            and len(head) == HEAD_BYTES
        ):
            raise SyncError("malformed chain tip")
        if (author, device) in tips:
            raise SyncError("chain tips name a chain twice")
        tips[(author, device)] = seq
        heads[(author, device)] = head
    return tips, heads


def _envelopes(value: object) -> tuple[bytes, ...]:
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_BATCH_EVENTS:
        raise SyncError(f"a batch holds between 1 and {MAX_BATCH_EVENTS} events")
    total = 0
    for item in value:
        if not isinstance(item, bytes) or not item:
            raise SyncError("malformed event in batch")
        total += len(item)
    if total > MAX_BATCH_BYTES:
        raise SyncError("batch is larger than the limit")
    return tuple(value)
