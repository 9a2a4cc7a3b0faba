"""The channel handshake as a sans-IO state machine (see docs/PROTOCOL.md, "The channel").

    initiator                                   responder
    hello_I  = MAGIC 'I' n versions[n] epk_I  →
                                              ← hello_R = MAGIC 'R' n versions[n] epk_R
                                              ← secretstream header R→I
    secretstream header I→R                   →
    {offers: (tag, proof) for each space}     →            (encrypted, padded)
                                              ← {answers: (index, proof) for matches}

Keys: crypto_kx over the two ephemeral X25519 keys (initiator = client), so there is forward
secrecy and no long-term key on the wire. h = BLAKE2b(hello_I, hello_R) is the transcript
hash; every space proof is a keyed BLAKE2b over h, so a proof is bound to this one session,
and a tag is unlinkable across sessions. Anyone who tampers with a hello (e.g. to force an
older version) changes h on one side only, and no proof then verifies.

Feed `receive()` with bytes as they arrive; it returns the bytes to send. Once `done`,
`result` holds the shared spaces and the ready SecretChannel (holding any early bytes).
"""

from __future__ import annotations

import enum
import hmac
import os
import secrets as _random
import struct
from collections.abc import Sequence
from dataclasses import dataclass

import nacl.bindings as b
import nacl.exceptions

from haven.core.space_secrets import SpaceSecret
from haven.crypto import padding
from haven.crypto.errors import CryptoError
from haven.crypto.hashing import blake2b_256
from haven.errors import InvalidInput
from haven.sync.channel import ABYTES, ChannelClosed, SecretChannel
from haven.sync.framing import MAX_FRAME, ChannelError, FrameDecoder, encode_frame
from haven.sync.words import WORDS

MAGIC = b"HAVEN/1"
SUPPORTED_VERSIONS: tuple[int, ...] = (1,)
MAX_VERSIONS = 16
PUBLIC_KEY_BYTES: int = b.crypto_kx_PUBLIC_KEY_BYTES
HASH_BYTES = 32
#: The most spaces (times epochs) one side may offer in a session.
MAX_OFFERS = 1024
#: Offers are padded with random dummies to a power of two at least this large, so the
#: responder (who may be a stranger) does not learn how many spaces the initiator holds.
MIN_OFFERS = 8
TRANSCRIPT_PERSON = b"haven/hs/h/v1"
PROOF_PERSON = b"haven/spaceproof"
VERIFY_PERSON = b"haven/verify/v1"
_OFFER = struct.Struct(f">{HASH_BYTES}s{HASH_BYTES}s")
_ANSWER = struct.Struct(f">H{HASH_BYTES}s")
_COUNT = struct.Struct(">H")
HELLO_MAX = len(MAGIC) + 2 + MAX_VERSIONS + PUBLIC_KEY_BYTES
#: Largest frame accepted before the handshake is done (an offer list of MAX_OFFERS).
HANDSHAKE_MAX_FRAME = padding.bucket_for(_COUNT.size + MAX_OFFERS * _OFFER.size) + ABYTES


class Role(enum.Enum):
    INITIATOR = b"I"
    RESPONDER = b"R"


class HandshakeError(ChannelError):
    """The handshake failed. `reply` holds bytes worth sending before closing (our hello,
    so that a peer with no common version can tell the user why); usually empty."""

    def __init__(self, reason: str, reply: bytes = b"") -> None:
        super().__init__(reason)
        self.reply = reply


@dataclass(frozen=True, repr=False)
class HandshakeResult:
    version: int
    transcript_hash: bytes
    #: Our own SpaceSecrets that the peer proved it holds too (and we proved to it).
    shared: tuple[SpaceSecret, ...]
    channel: SecretChannel

    @property
    def shared_space_ids(self) -> frozenset[bytes]:
        return frozenset(s.space_id for s in self.shared)

    def __repr__(self) -> str:
        return f"HandshakeResult(version={self.version}, shared={len(self.shared)})"


def space_tag(secret: SpaceSecret, h: bytes) -> bytes:
    return blake2b_256(b"tag" + h, person=PROOF_PERSON, key=secret.auth_key)


def space_proof(secret: SpaceSecret, h: bytes, role: Role) -> bytes:
    label = b"initiator" if role is Role.INITIATOR else b"responder"
    return blake2b_256(label + h, person=PROOF_PERSON, key=secret.auth_key)


def transcript_hash(hello_initiator: bytes, hello_responder: bytes) -> bytes:
    data = b"".join(len(m).to_bytes(4, "big") + m for m in (hello_initiator, hello_responder))
    return blake2b_256(data, person=TRANSCRIPT_PERSON)


def verification_words(h: bytes, n: int = 4) -> list[str]:
    """`n` words both devices show while pairing; equal words mean the same session."""
    if not 1 <= n <= HASH_BYTES:
        raise ValueError(f"between 1 and {HASH_BYTES} words")
    digest = blake2b_256(h, person=VERIFY_PERSON)
    return [WORDS[digest[i]] for i in range(n)]


def encode_hello(role: Role, versions: Sequence[int], public_key: bytes) -> bytes:
    if not 1 <= len(versions) <= MAX_VERSIONS or not all(0 < v < 256 for v in versions):
        raise ValueError("between 1 and 16 versions, each 1..255")
    return MAGIC + role.value + bytes([len(versions), *versions]) + public_key


def decode_hello(untrusted: bytes, expect: Role) -> tuple[tuple[int, ...], bytes]:
    """→ (versions, ephemeral public key); HandshakeError on anything malformed."""
    if not untrusted.startswith(MAGIC):
        raise HandshakeError("the peer is not speaking the Haven protocol")
    rest = untrusted[len(MAGIC) :]
    if len(rest) < 2 or rest[:1] != expect.value:
        raise HandshakeError("malformed hello (wrong role or truncated)")
    count = rest[1]
    if not 1 <= count <= MAX_VERSIONS or len(rest) != 2 + count + PUBLIC_KEY_BYTES:
        raise HandshakeError("malformed hello (bad length)")
    versions = tuple(rest[2 : 2 + count])
    if 0 in versions or len(set(versions)) != count:
        raise HandshakeError("malformed hello (bad version list)")
    return versions, rest[2 + count :]


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


class _State(enum.Enum):
    AWAIT_HELLO = 1
    AWAIT_OFFERS = 2
    AWAIT_ANSWERS = 3
    DONE = 4
    FAILED = 5


class Handshake:
    """One side of the handshake. Not thread-safe; one instance per connection."""

    def __init__(
        self,
        role: Role,
        secrets: Sequence[SpaceSecret],
        *,
        versions: Sequence[int] = SUPPORTED_VERSIONS,
        ephemeral_secret: bytes | None = None,
    ) -> None:
        """`ephemeral_secret` is only for deterministic test vectors."""
        if len(set(secrets)) > MAX_OFFERS:
            raise InvalidInput(f"at most {MAX_OFFERS} space keys can be offered in one session")
        self.role = role
        self._secrets = tuple(dict.fromkeys(secrets))  # de-duplicated, order kept
        self._versions = tuple(versions)
        seed = ephemeral_secret if ephemeral_secret is not None else os.urandom(32)
        self._public, self._secret = b.crypto_kx_seed_keypair(seed)
        self._hello = encode_hello(role, self._versions, self._public)
        self._decoder = FrameDecoder(max_frame=HELLO_MAX)
        self._state = _State.AWAIT_HELLO
        self._channel: SecretChannel | None = None
        self._h = b""
        self._version = 0
        self._offered: list[SpaceSecret | None] = []
        self._result: HandshakeResult | None = None

    @property
    def done(self) -> bool:
        return self._state is _State.DONE

    @property
    def result(self) -> HandshakeResult:
        if self._result is None:
            raise RuntimeError("the handshake is not finished")
        return self._result

    @property
    def transcript_hash(self) -> bytes:
        """Known once both hellos were seen (b"" before)."""
        return self._h

    def start(self) -> bytes:
        """The bytes to send first: the initiator's hello; nothing for the responder."""
        return encode_frame(self._hello) if self.role is Role.INITIATOR else b""

    def receive(self, data: bytes) -> bytes:
        """Bytes from the peer → bytes to send. Raises HandshakeError/ChannelError on failure,
        after which the connection must be closed."""
        if self._state is _State.FAILED:
            raise HandshakeError("the handshake already failed")
        if self._state is _State.DONE:
            raise RuntimeError("the handshake is finished; use result.channel")
        try:
            return self._receive(data)
        except ChannelClosed:
            self._state = _State.FAILED
            raise HandshakeError("the peer ended the stream during the handshake") from None
        except ChannelError:
            self._state = _State.FAILED
            raise

    # ---------------------------------------------------------------- internals

    def _receive(self, data: bytes) -> bytes:
        out = bytearray()
        if self._channel is None:
            self._decoder.feed(data)
        else:
            self._channel.feed(data)
        while self._state is not _State.DONE:
            if self._state is _State.AWAIT_HELLO:
                frame = self._decoder.next_frame()
                if frame is None:
                    break
                out += self._on_hello(frame)
                continue
            assert self._channel is not None
            message = self._channel.next_message()
            if message is None:
                break
            if self._state is _State.AWAIT_OFFERS:
                out += self._on_offers(message)
            else:
                self._on_answers(message)
        return bytes(out)

    def _on_hello(self, untrusted: bytes) -> bytes:
        peer_role = Role.RESPONDER if self.role is Role.INITIATOR else Role.INITIATOR
        theirs, peer_public = decode_hello(untrusted, peer_role)
        reply = encode_frame(self._hello) if self.role is Role.RESPONDER else b""
        common = set(theirs) & set(self._versions)
        if not common:
            raise HandshakeError(
                f"no common protocol version (ours {list(self._versions)}, theirs {list(theirs)})",
                reply=reply,
            )
        self._version = max(common)
        try:
            if self.role is Role.INITIATOR:
                rx, tx = b.crypto_kx_client_session_keys(self._public, self._secret, peer_public)
                self._h = transcript_hash(self._hello, untrusted)
            else:
                rx, tx = b.crypto_kx_server_session_keys(self._public, self._secret, peer_public)
                self._h = transcript_hash(untrusted, self._hello)
        except nacl.exceptions.CryptoError as exc:
            raise HandshakeError("the peer's ephemeral key is unusable") from exc
        self._secret = b""  # forward secrecy: the ephemeral secret is no longer needed
        self._decoder.max_frame = HANDSHAKE_MAX_FRAME
        self._channel = SecretChannel(tx, rx, self._decoder)
        if self.role is Role.RESPONDER:
            self._state = _State.AWAIT_OFFERS
            return reply + self._channel.header_frame()
        self._state = _State.AWAIT_ANSWERS
        return self._channel.header_frame() + self._channel.seal(self._offers())

    def _offers(self) -> bytes:
        total = MIN_OFFERS
        while total < len(self._secrets):
            total *= 2
        total = min(total, MAX_OFFERS)
        slots: list[SpaceSecret | None] = [*self._secrets, *[None] * (total - len(self._secrets))]
        _random.SystemRandom().shuffle(slots)
        self._offered = slots
        pairs = []
        for slot in slots:
            if slot is None:  # a dummy: random bytes, indistinguishable without a key
                pairs.append((os.urandom(HASH_BYTES), os.urandom(HASH_BYTES)))
            else:
                pairs.append((space_tag(slot, self._h), space_proof(slot, self._h, Role.INITIATOR)))
        return encode_offers(pairs)

    def _on_offers(self, untrusted: bytes) -> bytes:
        offers = decode_offers(untrusted)
        mine = {space_tag(s, self._h): s for s in self._secrets}
        shared: list[SpaceSecret] = []
        answers: list[tuple[int, bytes]] = []
        for index, (tag, untrusted_proof) in enumerate(offers):
            secret = mine.get(tag)
            # A known tag with a wrong proof is treated exactly like an unknown tag.
            if secret is None or not hmac.compare_digest(
                untrusted_proof, space_proof(secret, self._h, Role.INITIATOR)
            ):
                continue
            shared.append(secret)
            answers.append((index, space_proof(secret, self._h, Role.RESPONDER)))
        assert self._channel is not None
        reply = self._channel.seal(encode_answers(answers))
        self._finish(shared)
        return reply

    def _on_answers(self, untrusted: bytes) -> None:
        answers = decode_answers(untrusted, len(self._offered))
        shared: list[SpaceSecret] = []
        for index, untrusted_proof in answers:
            secret = self._offered[index]
            if secret is None or not hmac.compare_digest(
                untrusted_proof, space_proof(secret, self._h, Role.RESPONDER)
            ):
                raise HandshakeError("the peer's space proof did not verify")
            shared.append(secret)
        self._finish(shared)

    def _finish(self, shared: list[SpaceSecret]) -> None:
        assert self._channel is not None
        self._decoder.max_frame = MAX_FRAME
        ordered = tuple(sorted(shared, key=lambda s: (s.space_id, -s.epoch)))
        self._result = HandshakeResult(self._version, self._h, ordered, self._channel)
        self._state = _State.DONE
