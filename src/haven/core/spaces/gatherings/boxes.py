"""What an event seals to some devices only, with the same construction as reports and epoch
keys (core/spaces/sealed.py): `crypto_box_seal` to a device's X25519 key of the space, the
plaintext repeating a domain, the space, the event's reference and the recipient's key, all
checked on opening, so a box cannot be lifted into another event, space or recipient's slot.

- an RSVP's details (answer, note, +1), to the organisers' devices and the author's own;
  the plaintext names the author, so nobody can pass another member's box off as theirs;
- an approval (member, yes/no), to the organisers' devices and the member's;
- the place, to the organisers' devices (in the event and its edits) and to attending
  devices (in `space.gathering.place`).

Approval and place boxes travel without recipient keys (a listed key would name who is
attending): each device tries the boxes, as many as the list is long (≤ MAX_BOXES)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import msgpack

from haven.core.envelope import packb, unpackb
from haven.crypto.errors import CryptoError
from haven.crypto.sealing import BoxKeyPair, open_sealed, seal
from haven.errors import InvalidInput

RSVP_DOMAIN = b"haven/gathering-rsvp/v1"
APPROVE_DOMAIN = b"haven/gathering-approve/v1"
PLACE_DOMAIN = b"haven/gathering-place/v1"
MAX_BOXES = 1_000
ANSWERS = ("going", "maybe", "no")
MAX_NOTE = 1_000


def _seal(pk: bytes, domain: bytes, space_id: bytes, ref: bytes, payload: list[Any]) -> bytes:
    return seal(pk, packb([domain, space_id, ref, pk, *payload]))


def _open(
    box: BoxKeyPair, untrusted: object, domain: bytes, space_id: bytes, ref: bytes, n: int
) -> list[Any] | None:
    """The payload (n fields) of a box sealed to this device for this event, or None."""
    if not isinstance(untrusted, bytes):
        return None
    try:
        fields = unpackb(open_sealed(box, untrusted))
    except (CryptoError, ValueError, TypeError, msgpack.UnpackException):
        return None
    if not (
        isinstance(fields, list)
        and len(fields) == 4 + n
        and fields[:4] == [domain, space_id, ref, box.public]
    ):
        return None
    return fields[4:]


def clean_boxes(value: object) -> list[bytes]:
    if not (
        isinstance(value, list)
        and len(value) <= MAX_BOXES
        and all(isinstance(b, bytes) for b in value)
    ):
        raise InvalidInput("malformed sealed list")
    return list(value)


# ----------------------------------------------------------------- RSVP


def seal_rsvp(
    recipients: Iterable[bytes],
    space_id: bytes,
    ref: bytes,
    author: bytes,
    answer: str,
    note: str,
    plus_one: bool,
) -> list[list[bytes]]:
    return [
        [pk, _seal(pk, RSVP_DOMAIN, space_id, ref, [author, answer, note, plus_one])]
        for pk in sorted(set(recipients))
    ]


def open_rsvp(
    box: BoxKeyPair,
    sealed: Iterable[tuple[bytes, bytes]],
    space_id: bytes,
    ref: bytes,
    author: bytes,
) -> tuple[str, str, bool] | None:
    for recipient, blob in sealed:
        if recipient != box.public:
            continue
        p = _open(box, blob, RSVP_DOMAIN, space_id, ref, 4)
        if (
            p is not None
            and p[0] == author
            and p[1] in ANSWERS
            and isinstance(p[2], str)
            and len(p[2]) <= MAX_NOTE
            and isinstance(p[3], bool)
        ):
            return p[1], p[2], p[3]
    return None


# ----------------------------------------------------------------- approval


def seal_approval(
    recipients: Iterable[bytes], space_id: bytes, ref: bytes, member: bytes, approved: bool
) -> list[bytes]:
    boxes = [_seal(pk, APPROVE_DOMAIN, space_id, ref, [member, approved]) for pk in set(recipients)]
    return sorted(boxes)  # sorted ciphertexts: the order says nothing about whose is whose


def open_approval(
    box: BoxKeyPair, boxes: Iterable[bytes], space_id: bytes, ref: bytes
) -> tuple[bytes, bool] | None:
    for blob in boxes:
        p = _open(box, blob, APPROVE_DOMAIN, space_id, ref, 2)
        if p is not None and isinstance(p[0], bytes) and len(p[0]) == 32 and isinstance(p[1], bool):
            return p[0], p[1]
    return None


# ----------------------------------------------------------------- the place


def seal_place(recipients: Iterable[bytes], space_id: bytes, ref: bytes, place: str) -> list[bytes]:
    return sorted(_seal(pk, PLACE_DOMAIN, space_id, ref, [place]) for pk in set(recipients))


def open_place(box: BoxKeyPair, boxes: Iterable[bytes], space_id: bytes, ref: bytes) -> str | None:
    for blob in boxes:
        p = _open(box, blob, PLACE_DOMAIN, space_id, ref, 1)
        if p is not None and isinstance(p[0], str) and p[0]:
            return p[0]
    return None
