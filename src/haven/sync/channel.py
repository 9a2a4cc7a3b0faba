"""The encrypted stream after the key exchange: one libsodium secretstream per direction.

Sans-IO. `SecretChannel.seal()` turns a payload into the bytes to write; `feed()` takes bytes
read from the peer and `next_message()` returns the payloads in order. A direction starts
with secretstream's 24-byte header (random to an observer); then every frame is two
secretstream messages, the payload's length and the payload (framing.py), so no byte of the
stream is in clear. The nonce is an internal counter: a tampered, replayed, reordered or
dropped frame fails authentication, and the channel is then dead for good (`ChannelError`),
having delivered nothing out of order. A clean close is an empty message with TAG_FINAL; a
connection that ends without it is reported as truncated.
"""

from __future__ import annotations

from typing import NoReturn

import nacl.bindings as b
import nacl.exceptions

from haven.errors import SyncError
from haven.sync.framing import (
    MAX_FRAME,
    MAX_PAYLOAD,
    SEALED_LENGTH_BYTES,
    STREAM_OVERHEAD,
    ChannelError,
    FramingError,
    decode_length,
    encode_length,
)

HEADER_BYTES: int = b.crypto_secretstream_xchacha20poly1305_HEADERBYTES
KEY_BYTES: int = b.crypto_secretstream_xchacha20poly1305_KEYBYTES
ABYTES: int = b.crypto_secretstream_xchacha20poly1305_ABYTES
TAG_MESSAGE: int = b.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
TAG_FINAL: int = b.crypto_secretstream_xchacha20poly1305_TAG_FINAL
#: How far past the frame being read a peer may run ahead before we stop buffering.
READ_AHEAD = 64 * 1024


class ChannelClosed(SyncError):
    """The channel ended cleanly: the peer sent TAG_FINAL, or we closed it ourselves."""


class SecretChannel:
    """Both directions of one connection's secretstream and the bytes not yet read."""

    def __init__(self, tx_key: bytes, rx_key: bytes, max_payload: int = MAX_PAYLOAD) -> None:
        if len(tx_key) != KEY_BYTES or len(rx_key) != KEY_BYTES:
            raise ValueError("secretstream keys are 32 bytes")
        self._rx_key: bytes | None = rx_key
        self._push = b.crypto_secretstream_xchacha20poly1305_state()
        self._push_header = bytes(
            b.crypto_secretstream_xchacha20poly1305_init_push(self._push, tx_key)
        )
        self._pull: b.crypto_secretstream_xchacha20poly1305_state | None = None
        self._buf = bytearray()
        self._need: int | None = None  # the payload length of the frame being read, once known
        self._max_payload = max_payload
        self._failed: str | None = None
        self.sent_final = False
        self.received_final = False

    @property
    def max_payload(self) -> int:
        return self._max_payload

    @max_payload.setter
    def max_payload(self, value: int) -> None:
        """The handshake reads with a small limit and raises it once the peer is known."""
        self._max_payload = value

    # ------------------------------------------------------------------ sending

    def header(self) -> bytes:
        """The first bytes we send in this direction: the secretstream header (not secret)."""
        return self._push_header

    def seal(self, payload: bytes) -> bytes:
        """One payload → one frame to write. Payloads may be empty."""
        self._check_usable()
        if self.sent_final:
            raise ChannelClosed("the channel is closed")
        if len(payload) > self._max_payload:
            raise ChannelError(
                f"payload of {len(payload)} bytes exceeds the maximum of {self._max_payload}"
            )
        return self._frame(payload, TAG_MESSAGE)

    def seal_final(self) -> bytes:
        """The clean-close frame (TAG_FINAL, empty). Idempotent: b"" the second time."""
        if self.sent_final or self._failed is not None:
            return b""
        self.sent_final = True
        return self._frame(b"", TAG_FINAL)

    def _frame(self, payload: bytes, tag: int) -> bytes:
        push = b.crypto_secretstream_xchacha20poly1305_push
        length = push(self._push, encode_length(len(payload)), tag=TAG_MESSAGE)
        return bytes(length) + bytes(push(self._push, payload, tag=tag))

    # ---------------------------------------------------------------- receiving

    def feed(self, data: bytes) -> None:
        self._check_usable()
        self._buf += data
        if len(self._buf) > MAX_FRAME + READ_AHEAD:
            self._fail("the peer sent far more than one frame ahead")

    def next_message(self) -> bytes | None:
        """The next decrypted payload, or None if no whole frame is buffered.

        Raises ChannelClosed after the peer's TAG_FINAL, ChannelError on any failure.
        """
        self._check_usable()
        if self.received_final:
            if self._buf:
                self._fail("data after the end of the stream")
            raise ChannelClosed("the peer closed the channel")
        if self._pull is None:
            if len(self._buf) < HEADER_BYTES:
                return None
            self._open_pull(self._take(HEADER_BYTES))
        if self._need is None:
            if len(self._buf) < SEALED_LENGTH_BYTES:
                return None
            length, tag = self._pull_one(self._take(SEALED_LENGTH_BYTES))
            if tag != TAG_MESSAGE:
                self._fail("unexpected secretstream tag")
            try:
                self._need = decode_length(length, self._max_payload)
            except FramingError as exc:
                self._failed = str(exc)
                raise
        if len(self._buf) < self._need + STREAM_OVERHEAD:
            return None
        untrusted_msg, tag = self._pull_one(self._take(self._need + STREAM_OVERHEAD))
        self._need = None
        if tag == TAG_FINAL:
            if untrusted_msg:
                self._fail("final frame carried data")
            self.received_final = True
            return self.next_message()
        if tag != TAG_MESSAGE:
            self._fail("unexpected secretstream tag")
        return untrusted_msg

    def eof(self) -> None:
        """The transport ended. Raises ChannelClosed if that was clean, else ChannelError."""
        if self._failed is not None:
            raise ChannelError(self._failed)
        if self.received_final and not self._buf:
            raise ChannelClosed("the peer closed the channel")
        self._fail("the connection ended without a clean close (truncated)")

    @property
    def failed(self) -> str | None:
        """Why the channel failed, or None. A failed channel accepts nothing more."""
        return self._failed

    @property
    def mid_frame(self) -> bool:
        """True if some bytes of an incomplete frame are buffered (EOF now = truncation)."""
        return self._need is not None or bool(self._buf)

    # ---------------------------------------------------------------- internals

    def _take(self, size: int) -> bytes:
        with memoryview(self._buf) as view:  # one copy, not two
            chunk = bytes(view[:size])
        del self._buf[:size]
        return chunk

    def _pull_one(self, untrusted: bytes) -> tuple[bytes, int]:
        assert self._pull is not None
        try:
            message, tag = b.crypto_secretstream_xchacha20poly1305_pull(self._pull, untrusted)
        except nacl.exceptions.CryptoError:
            self._fail("a frame failed authentication (tampered, replayed, reordered or lost)")
        return bytes(message), tag

    def _open_pull(self, untrusted_header: bytes) -> None:
        assert self._rx_key is not None
        state = b.crypto_secretstream_xchacha20poly1305_state()
        try:
            b.crypto_secretstream_xchacha20poly1305_init_pull(state, untrusted_header, self._rx_key)
        except nacl.exceptions.CryptoError:
            self._fail("malformed secretstream header")
        self._pull = state
        self._rx_key = None  # only the stream state is needed from now on

    def _check_usable(self) -> None:
        if self._failed is not None:
            raise ChannelError(self._failed)

    def _fail(self, reason: str) -> NoReturn:
        self._failed = reason
        raise ChannelError(reason)
