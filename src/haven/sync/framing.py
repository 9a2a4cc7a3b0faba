"""What a channel frame looks like on the wire, and the errors of a failed channel.

Nothing of a frame is in clear: each one is two secretstream messages, an encrypted 4-byte
length and then the encrypted payload (the layout of Lightning's BOLT 8 transport, with
libsodium's secretstream in place of Noise), so a passive observer sees no length prefix,
no magic and no fixed byte anywhere in the stream. `channel.py` seals and opens frames; this
module holds their sizes and `encode_length`/`decode_length` for the 4-byte length itself.
"""

from __future__ import annotations

import struct

from haven.errors import SyncError

LENGTH_BYTES = 4
#: The largest application payload one channel message may carry.
MAX_PAYLOAD = 1024 * 1024
#: secretstream adds 17 bytes (1 tag byte + 16 MAC bytes) to each message.
STREAM_OVERHEAD = 17
#: The encrypted length that opens every frame.
SEALED_LENGTH_BYTES = LENGTH_BYTES + STREAM_OVERHEAD
#: Bytes a frame adds to its payload: the sealed length and the payload's own MAC.
FRAME_OVERHEAD = SEALED_LENGTH_BYTES + STREAM_OVERHEAD
#: The largest frame on the wire (an encrypted maximal payload).
MAX_FRAME = MAX_PAYLOAD + FRAME_OVERHEAD

_LENGTH = struct.Struct(">I")


class ChannelError(SyncError):
    """The channel failed and was (or must be) closed: nothing after this is trusted.

    The message is a short reason for logs; it never contains payload bytes or keys.
    """


class FramingError(ChannelError):
    pass


def encode_length(size: int) -> bytes:
    if not 0 <= size <= MAX_PAYLOAD:
        raise FramingError(f"payload of {size} bytes exceeds the maximum of {MAX_PAYLOAD}")
    return _LENGTH.pack(size)


def decode_length(untrusted: bytes, limit: int) -> int:
    """The payload length a (decrypted) length message announces; FramingError above `limit`."""
    if len(untrusted) != LENGTH_BYTES:
        raise FramingError("malformed frame length")
    (size,) = _LENGTH.unpack(untrusted)
    if size > limit:
        raise FramingError(f"frame of {size} bytes exceeds the maximum of {limit}")
    return size
