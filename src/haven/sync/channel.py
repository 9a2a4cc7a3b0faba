"""The encrypted stream after the handshake: one libsodium secretstream per direction.

Sans-IO. `SecretChannel.seal()` turns a payload into the bytes to write; `feed()` takes bytes
read from the peer and `next_message()` returns the payloads in order. Every frame is one
`crypto_secretstream_xchacha20poly1305` message, whose nonce is an internal counter: a
tampered, replayed, reordered or dropped frame fails authentication, and the channel is then
dead for good (`ChannelError`), having delivered nothing out of order. A clean close is an
empty message with TAG_FINAL; a connection that ends without it is reported as truncated.
"""

from __future__ import annotations

from typing import NoReturn

import nacl.bindings as b
import nacl.exceptions

from haven.errors import SyncError
from haven.sync.framing import (
    MAX_PAYLOAD,
    ChannelError,
    FrameDecoder,
    encode_frame,
)

HEADER_BYTES: int = b.crypto_secretstream_xchacha20poly1305_HEADERBYTES
KEY_BYTES: int = b.crypto_secretstream_xchacha20poly1305_KEYBYTES
ABYTES: int = b.crypto_secretstream_xchacha20poly1305_ABYTES
TAG_MESSAGE: int = b.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
TAG_FINAL: int = b.crypto_secretstream_xchacha20poly1305_TAG_FINAL


class ChannelClosed(SyncError):
    """The channel ended cleanly: the peer sent TAG_FINAL, or we closed it ourselves."""


class SecretChannel:
    """Both directions of one connection's secretstream, plus the frame decoder."""

    def __init__(
        self,
        tx_key: bytes,
        rx_key: bytes,
        decoder: FrameDecoder | None = None,
        max_payload: int = MAX_PAYLOAD,
    ) -> None:
        if len(tx_key) != KEY_BYTES or len(rx_key) != KEY_BYTES:
            raise ValueError("secretstream keys are 32 bytes")
        self._rx_key: bytes | None = rx_key
        self._push = b.crypto_secretstream_xchacha20poly1305_state()
        self._push_header = bytes(
            b.crypto_secretstream_xchacha20poly1305_init_push(self._push, tx_key)
        )
        self._pull: b.crypto_secretstream_xchacha20poly1305_state | None = None
        self._decoder = decoder if decoder is not None else FrameDecoder()
        self._max_payload = max_payload
        self._failed: str | None = None
        self.sent_final = False
        self.received_final = False

    # ------------------------------------------------------------------ sending

    def header_frame(self) -> bytes:
        """The first frame we send in this direction: the secretstream header (not secret)."""
        return encode_frame(self._push_header)

    def seal(self, payload: bytes) -> bytes:
        """One payload → one frame to write. Payloads may be empty; frames never are."""
        self._check_usable()
        if self.sent_final:
            raise ChannelClosed("the channel is closed")
        if len(payload) > self._max_payload:
            raise ChannelError(
                f"payload of {len(payload)} bytes exceeds the maximum of {self._max_payload}"
            )
        return encode_frame(
            bytes(
                b.crypto_secretstream_xchacha20poly1305_push(self._push, payload, tag=TAG_MESSAGE)
            )
        )

    def seal_final(self) -> bytes:
        """The clean-close frame (TAG_FINAL, empty). Idempotent: b"" the second time."""
        if self.sent_final or self._failed is not None:
            return b""
        self.sent_final = True
        return encode_frame(
            bytes(b.crypto_secretstream_xchacha20poly1305_push(self._push, b"", tag=TAG_FINAL))
        )

    # ---------------------------------------------------------------- receiving

    def feed(self, data: bytes) -> None:
        self._check_usable()
        try:
            self._decoder.feed(data)
        except ChannelError as exc:
            self._failed = str(exc)
            raise

    def next_message(self) -> bytes | None:
        """The next decrypted payload, or None if no whole frame is buffered.

        Raises ChannelClosed after the peer's TAG_FINAL, ChannelError on any failure.
        """
        self._check_usable()
        if self.received_final:
            if self._decoder.has_frames():
                self._fail("data after the end of the stream")
            raise ChannelClosed("the peer closed the channel")
        frame = self._decoder.next_frame()
        if frame is None:
            return None
        if self._pull is None:
            self._open_pull(frame)
            return self.next_message()
        try:
            untrusted_msg, tag = b.crypto_secretstream_xchacha20poly1305_pull(self._pull, frame)
        except nacl.exceptions.CryptoError:
            self._fail("a frame failed authentication (tampered, replayed, reordered or lost)")
        if tag == TAG_FINAL:
            if untrusted_msg:
                self._fail("final frame carried data")
            self.received_final = True
            return self.next_message()
        if tag != TAG_MESSAGE:
            self._fail("unexpected secretstream tag")
        if len(untrusted_msg) > self._max_payload:
            self._fail("payload exceeds the maximum")
        return bytes(untrusted_msg)

    def eof(self) -> None:
        """The transport ended. Raises ChannelClosed if that was clean, else ChannelError."""
        if self._failed is not None:
            raise ChannelError(self._failed)
        if self.received_final and not self._decoder.mid_frame:
            raise ChannelClosed("the peer closed the channel")
        self._fail("the connection ended without a clean close (truncated)")

    @property
    def failed(self) -> str | None:
        """Why the channel failed, or None. A failed channel accepts nothing more."""
        return self._failed

    # ---------------------------------------------------------------- internals

    def _open_pull(self, untrusted_header: bytes) -> None:
        if len(untrusted_header) != HEADER_BYTES:
            self._fail("malformed secretstream header")
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
