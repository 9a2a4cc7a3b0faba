"""Length-prefixed frames: a 4-byte big-endian length, then that many bytes.

Sans-IO: `FrameDecoder` takes bytes as they arrive and hands back whole frames. A length of
zero or above MAX_FRAME is refused at once (before any buffering), so a peer cannot make us
hold more than one maximal frame in memory.
"""

from __future__ import annotations

import struct
from collections import deque

from haven.errors import SyncError

LENGTH_BYTES = 4
#: The largest application payload one channel message may carry.
MAX_PAYLOAD = 1024 * 1024
#: secretstream adds 17 bytes (1 tag byte + 16 MAC bytes) to each message.
STREAM_OVERHEAD = 17
#: The largest frame on the wire (an encrypted maximal payload).
MAX_FRAME = MAX_PAYLOAD + STREAM_OVERHEAD

_LENGTH = struct.Struct(">I")


class ChannelError(SyncError):
    """The channel failed and was (or must be) closed: nothing after this is trusted.

    The message is a short reason for logs; it never contains payload bytes or keys.
    """


class FramingError(ChannelError):
    pass


def encode_frame(payload: bytes) -> bytes:
    if not payload:
        raise FramingError("refusing to send an empty frame")
    if len(payload) > MAX_FRAME:
        raise FramingError(f"frame of {len(payload)} bytes exceeds the maximum of {MAX_FRAME}")
    return _LENGTH.pack(len(payload)) + payload


class FrameDecoder:
    """Accumulates bytes and yields complete frames in order."""

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self._max = max_frame
        self._buf = bytearray()
        self._frames: deque[bytes] = deque()
        self._need: int | None = None  # the length of the frame being read, once known

    def feed(self, data: bytes) -> None:
        """Add received bytes; raise FramingError at the first invalid length prefix."""
        self._buf += data
        while True:
            if self._need is None:
                if len(self._buf) < LENGTH_BYTES:
                    return
                (untrusted_len,) = _LENGTH.unpack_from(self._buf)
                if untrusted_len == 0:
                    raise FramingError("zero-length frame")
                if untrusted_len > self._max:
                    raise FramingError(
                        f"frame of {untrusted_len} bytes exceeds the maximum of {self._max}"
                    )
                self._need = untrusted_len
                del self._buf[:LENGTH_BYTES]
            if len(self._buf) < self._need:
                return
            with memoryview(self._buf) as view:  # one copy, not two
                self._frames.append(bytes(view[: self._need]))
            del self._buf[: self._need]
            self._need = None

    @property
    def max_frame(self) -> int:
        return self._max

    @max_frame.setter
    def max_frame(self, value: int) -> None:
        """The handshake reads with a small limit and raises it once the peer is known."""
        self._max = value

    def next_frame(self) -> bytes | None:
        return self._frames.popleft() if self._frames else None

    def has_frames(self) -> bool:
        return bool(self._frames)

    @property
    def mid_frame(self) -> bool:
        """True if some bytes of an incomplete frame are buffered (EOF now = truncation)."""
        return self._need is not None or bool(self._buf)
