"""What the two sides of a handshake say inside the encryption: the hellos that carry the
protocol versions, and the space proofs (see docs/PROTOCOL.md §2.2 and §2.5).

Pure functions over bytes. Every proof is a keyed BLAKE2b over the session's transcript
hash `h`, so it is bound to one session, and a tag is unlinkable across sessions.
"""

from __future__ import annotations

import enum
import struct
from collections.abc import Sequence

from haven.core.space_secrets import SpaceSecret
from haven.crypto import padding
from haven.crypto.errors import CryptoError
from haven.crypto.hashing import blake2b_256
from haven.sync.framing import ChannelError
from haven.sync.words import WORDS

HASH_BYTES = 32
MAX_VERSIONS = 16
#: A hello ends with up to this many zero bytes, a fresh random count each time, so the
#: flights that carry it have no fixed length.
MAX_HELLO_PAD = 1024
HELLO_MAX = 1 + MAX_VERSIONS + MAX_HELLO_PAD
#: The most spaces (times epochs) one side may offer in a session.
MAX_OFFERS = 1024
#: Offers are padded with random dummies to a power of two at least this large, so the
#: responder (who may be a stranger) does not learn how many spaces the initiator holds.
MIN_OFFERS = 8
PROOF_PERSON = b"haven/spaceproof"
VERIFY_PERSON = b"haven/verify/v1"
_OFFER = struct.Struct(f">{HASH_BYTES}s{HASH_BYTES}s")
_ANSWER = struct.Struct(f">H{HASH_BYTES}s")
_COUNT = struct.Struct(">H")
#: The largest message accepted before the handshake is done (an offer list of MAX_OFFERS).
HANDSHAKE_MAX_PAYLOAD = padding.bucket_for(_COUNT.size + MAX_OFFERS * _OFFER.size)


class Role(enum.Enum):
    INITIATOR = b"I"
    RESPONDER = b"R"


class HandshakeError(ChannelError):
    """The handshake failed. `reply` holds bytes worth sending before closing (our hello,
    so that a peer with no common version can tell the user why); usually empty."""

    def __init__(self, reason: str, reply: bytes = b"") -> None:
        super().__init__(reason)
        self.reply = reply


def encode_hello(versions: Sequence[int], pad: int) -> bytes:
    if not 1 <= len(versions) <= MAX_VERSIONS or not all(0 < v < 256 for v in versions):
        raise ValueError("between 1 and 16 versions, each 1..255")
    if not 0 <= pad <= MAX_HELLO_PAD:
        raise ValueError(f"hello padding is 0..{MAX_HELLO_PAD} bytes")
    return bytes([len(versions), *versions]) + bytes(pad)


def decode_hello(untrusted: bytes) -> tuple[int, ...]:
    """→ the peer's versions; HandshakeError on anything malformed."""
    if not untrusted or len(untrusted) > HELLO_MAX:
        raise HandshakeError("malformed hello (bad length)")
    count = untrusted[0]
    if not 1 <= count <= MAX_VERSIONS or len(untrusted) < 1 + count:
        raise HandshakeError("malformed hello (bad length)")
    versions = tuple(untrusted[1 : 1 + count])
    if 0 in versions or len(set(versions)) != count:
        raise HandshakeError("malformed hello (bad version list)")
    if any(untrusted[1 + count :]):
        raise HandshakeError("malformed hello (bad padding)")
    return versions


def space_tag(secret: SpaceSecret, h: bytes) -> bytes:
    return blake2b_256(b"tag" + h, person=PROOF_PERSON, key=secret.auth_key)


def space_proof(secret: SpaceSecret, h: bytes, role: Role) -> bytes:
    label = b"initiator" if role is Role.INITIATOR else b"responder"
    return blake2b_256(label + h, person=PROOF_PERSON, key=secret.auth_key)


def verification_words(h: bytes, n: int = 4) -> list[str]:
    """`n` words both devices show while pairing; equal words mean the same session."""
    if not 1 <= n <= HASH_BYTES:
        raise ValueError(f"between 1 and {HASH_BYTES} words")
    digest = blake2b_256(h, person=VERIFY_PERSON)
    return [WORDS[digest[i]] for i in range(n)]


def encode_offers(pairs: Sequence[tuple[bytes, bytes]]) -> bytes:
    return padding.pad(_COUNT.pack(len(pairs)) + b"".join(_OFFER.pack(t, p) for t, p in pairs))


def decode_offers(untrusted_padded: bytes) -> list[tuple[bytes, bytes]]:
    body = _unpad(untrusted_padded)
    count = _COUNT.unpack_from(body)[0] if len(body) >= _COUNT.size else -1
    if not 0 <= count <= MAX_OFFERS or len(body) != _COUNT.size + count * _OFFER.size:
        raise HandshakeError("malformed space offers")
    pairs = [_OFFER.unpack_from(body, _COUNT.size + i * _OFFER.size) for i in range(count)]
    if len({t for t, _ in pairs}) != count:
        raise HandshakeError("duplicate space offers")
    return pairs


def encode_answers(answers: Sequence[tuple[int, bytes]]) -> bytes:
    return padding.pad(_COUNT.pack(len(answers)) + b"".join(_ANSWER.pack(i, p) for i, p in answers))


def decode_answers(untrusted_padded: bytes, offered: int) -> list[tuple[int, bytes]]:
    body = _unpad(untrusted_padded)
    count = _COUNT.unpack_from(body)[0] if len(body) >= _COUNT.size else -1
    if not 0 <= count <= offered or len(body) != _COUNT.size + count * _ANSWER.size:
        raise HandshakeError("malformed space answers")
    answers = [_ANSWER.unpack_from(body, _COUNT.size + i * _ANSWER.size) for i in range(count)]
    indices = [i for i, _ in answers]
    if indices != sorted(set(indices)) or (indices and indices[-1] >= offered):
        raise HandshakeError("malformed space answers (bad indices)")
    return answers


def _unpad(untrusted: bytes) -> bytes:
    try:
        return padding.unpad(untrusted)
    except CryptoError as exc:
        raise HandshakeError("malformed padding in a handshake message") from exc
