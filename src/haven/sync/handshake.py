"""The channel handshake as a sans-IO state machine (see docs/PROTOCOL.md, "The channel").

    initiator                                        responder
    epk_I || pad_I                              →    (pad_I: 0..1024 random bytes)
                                                ←    epk_R || header_R || {hello_R}
    mark || header_I || {hello_I} {offers}      →
                                                ←    {answers}

Nothing is in clear and nothing has a fixed length: the ephemeral X25519 keys (their unused
top bit set at random), random padding, secretstream headers and encrypted frames ({…},
framing.py). The responder can derive the session keys as soon as it has epk_I, and finds
where pad_I ends by the `mark`, a 16-byte value only the holder of those keys can compute
(obfs4 marks the end of its padding the same way). The hellos carry the version lists and
zero padding of random length inside the encryption.

Keys: crypto_kx over the two ephemeral keys (initiator = client): forward secrecy and no
long-term key on the wire. h = BLAKE2b(epk_I, pad_I, epk_R, hello_I, hello_R) is the
transcript hash; every space proof is bound to it, so an attacker who edits anything (e.g.
to force an older version) gives the two sides different h, and no proof then verifies.

Feed `receive()` with bytes as they arrive; it returns the bytes to send. Once `done`,
`result` holds the shared spaces and the ready SecretChannel (holding any early bytes).
"""

from __future__ import annotations

import enum
import hmac
import os
import secrets as _random
from collections.abc import Sequence
from dataclasses import dataclass

import nacl.bindings as b
import nacl.exceptions

from haven.core.space_secrets import SpaceSecret
from haven.crypto.hashing import blake2b_256
from haven.crypto.subkeys import derive_subkey
from haven.errors import InvalidInput
from haven.sync.channel import ChannelClosed, SecretChannel
from haven.sync.framing import MAX_PAYLOAD, ChannelError
from haven.sync.space_proofs import (
    HANDSHAKE_MAX_PAYLOAD,
    HASH_BYTES,
    MAX_HELLO_PAD,
    MAX_OFFERS,
    MIN_OFFERS,
    HandshakeError,
    Role,
    decode_answers,
    decode_hello,
    decode_offers,
    encode_answers,
    encode_hello,
    encode_offers,
    space_proof,
    space_tag,
    verification_words,
)

__all__ = [
    "HANDSHAKE_MAX_PAYLOAD",
    "MARK_BYTES",
    "MAX_OFFERS",
    "MAX_PREKEY_PAD",
    "MIN_OFFERS",
    "PUBLIC_KEY_BYTES",
    "SUPPORTED_VERSIONS",
    "Handshake",
    "HandshakeError",
    "HandshakeResult",
    "Role",
    "decode_answers",
    "decode_offers",
    "encode_answers",
    "encode_offers",
    "space_proof",
    "space_tag",
    "transcript_hash",
    "verification_words",
]

SUPPORTED_VERSIONS: tuple[int, ...] = (2,)
PUBLIC_KEY_BYTES: int = b.crypto_kx_PUBLIC_KEY_BYTES
#: Random bytes after the initiator's key: 0..MAX_PREKEY_PAD, a fresh count each time.
MAX_PREKEY_PAD = 1024
MARK_BYTES = 16
TRANSCRIPT_PERSON = b"haven/hs/h/v2"
STREAM_CONTEXT = b"hvchanst"
MARK_CONTEXT = b"hvchmark"


def pad_length(limit: int) -> int:
    """A uniformly random padding length in 0..limit (a seam for deterministic vectors)."""
    return _random.randbelow(limit + 1)


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


def transcript_hash(
    epk_initiator: bytes,
    prekey_pad: bytes,
    epk_responder: bytes,
    hello_initiator: bytes,
    hello_responder: bytes,
) -> bytes:
    parts = (epk_initiator, prekey_pad, epk_responder, hello_initiator, hello_responder)
    data = b"".join(len(m).to_bytes(4, "big") + m for m in parts)
    return blake2b_256(data, person=TRANSCRIPT_PERSON)


def disguise_key(public_key: bytes) -> bytes:
    """An X25519 public key's top bit is always 0; set it at random on the wire (RFC 7748
    §5 has every receiver ignore it), so no bit of the stream is fixed."""
    top = _random.randbits(1) << 7
    return public_key[:-1] + bytes([public_key[-1] | top])


def canonical_key(untrusted: bytes) -> bytes:
    return untrusted[:-1] + bytes([untrusted[-1] & 0x7F])


class _State(enum.Enum):
    AWAIT_KEY = 1
    AWAIT_MARK = 2
    AWAIT_HELLO = 3
    AWAIT_OFFERS = 4
    AWAIT_ANSWERS = 5
    DONE = 6
    FAILED = 7


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
        self._hello = encode_hello(self._versions, pad_length(MAX_HELLO_PAD))
        seed = ephemeral_secret if ephemeral_secret is not None else os.urandom(32)
        self._public, self._secret = b.crypto_kx_seed_keypair(seed)
        self._prekey_pad = os.urandom(pad_length(MAX_PREKEY_PAD)) if role is Role.INITIATOR else b""
        self._peer_public = b""
        self._raw = bytearray()  # bytes before the encrypted stream (keys, padding, mark)
        self._mark = b""
        self._state = _State.AWAIT_KEY
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
        """The bytes to send first: the initiator's key and padding; nothing for the responder."""
        if self.role is Role.INITIATOR:
            return disguise_key(self._public) + self._prekey_pad
        return b""

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
        if self._state in (_State.AWAIT_KEY, _State.AWAIT_MARK):
            self._raw += data
        else:
            assert self._channel is not None
            self._channel.feed(data)
        if self._state is _State.AWAIT_KEY:
            if len(self._raw) < PUBLIC_KEY_BYTES:
                return b""
            out += self._on_key()
        if self._state is _State.AWAIT_MARK and not self._find_mark():
            return bytes(out)
        while self._state is not _State.DONE:
            assert self._channel is not None
            message = self._channel.next_message()
            if message is None:
                break
            if self._state is _State.AWAIT_HELLO:
                out += self._on_hello(message)
            elif self._state is _State.AWAIT_OFFERS:
                out += self._on_offers(message)
            else:
                self._on_answers(message)
        return bytes(out)

    def _on_key(self) -> bytes:
        self._peer_public = canonical_key(bytes(self._raw[:PUBLIC_KEY_BYTES]))
        try:
            if self.role is Role.INITIATOR:
                rx, tx = b.crypto_kx_client_session_keys(
                    self._public, self._secret, self._peer_public
                )
                to_responder, to_initiator = tx, rx
            else:
                rx, tx = b.crypto_kx_server_session_keys(
                    self._public, self._secret, self._peer_public
                )
                to_responder, to_initiator = rx, tx
        except nacl.exceptions.CryptoError as exc:
            raise HandshakeError("the peer's ephemeral key is unusable") from exc
        self._secret = b""  # forward secrecy: the ephemeral secret is no longer needed
        self._mark = derive_subkey(to_responder, MARK_CONTEXT, size=MARK_BYTES)
        up = derive_subkey(to_responder, STREAM_CONTEXT)
        down = derive_subkey(to_initiator, STREAM_CONTEXT)
        if self.role is Role.INITIATOR:
            self._channel = SecretChannel(up, down, HANDSHAKE_MAX_PAYLOAD)
            self._channel.feed(bytes(self._raw[PUBLIC_KEY_BYTES:]))
            self._raw.clear()
            self._state = _State.AWAIT_HELLO
            return b""
        self._channel = SecretChannel(down, up, HANDSHAKE_MAX_PAYLOAD)
        self._state = _State.AWAIT_MARK
        key = disguise_key(self._public)
        return key + self._channel.header() + self._channel.seal(self._hello)

    def _find_mark(self) -> bool:
        """Responder: skip the initiator's padding up to the mark; True once found."""
        at = self._raw.find(self._mark, PUBLIC_KEY_BYTES)
        if at < 0:
            if len(self._raw) >= PUBLIC_KEY_BYTES + MAX_PREKEY_PAD + MARK_BYTES:
                raise HandshakeError("the peer is not speaking our protocol (no key confirmation)")
            return False
        if at > PUBLIC_KEY_BYTES + MAX_PREKEY_PAD:
            raise HandshakeError("the peer is not speaking our protocol (too much padding)")
        self._prekey_pad = bytes(self._raw[PUBLIC_KEY_BYTES:at])
        assert self._channel is not None
        self._channel.feed(bytes(self._raw[at + MARK_BYTES :]))
        self._raw.clear()
        self._state = _State.AWAIT_HELLO
        return True

    def _on_hello(self, untrusted: bytes) -> bytes:
        theirs = decode_hello(untrusted)
        assert self._channel is not None
        reply = b""
        if self.role is Role.INITIATOR:
            # Our hello goes out even if no version is common, so the peer can say why.
            reply = self._mark + self._channel.header() + self._channel.seal(self._hello)
        common = set(theirs) & set(self._versions)
        if not common:
            raise HandshakeError(
                f"no common protocol version (ours {list(self._versions)}, theirs {list(theirs)})",
                reply=reply,
            )
        self._version = max(common)
        if self.role is Role.INITIATOR:
            self._h = transcript_hash(
                self._public, self._prekey_pad, self._peer_public, self._hello, untrusted
            )
            self._state = _State.AWAIT_ANSWERS
            return reply + self._channel.seal(self._offers())
        self._h = transcript_hash(
            self._peer_public, self._prekey_pad, self._public, untrusted, self._hello
        )
        self._state = _State.AWAIT_OFFERS
        return b""

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
        self._channel.max_payload = MAX_PAYLOAD
        ordered = tuple(sorted(shared, key=lambda s: (s.space_id, -s.epoch)))
        self._result = HandshakeResult(self._version, self._h, ordered, self._channel)
        self._state = _State.DONE
