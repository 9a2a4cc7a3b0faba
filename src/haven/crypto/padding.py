"""Pad plaintexts to size buckets (ISO/IEC 7816-4 padding, libsodium sodium_pad) so that
ciphertext lengths reveal only a coarse size class."""

from __future__ import annotations

import nacl.bindings as b

from haven.crypto.errors import CryptoError

#: Powers of two from 256 B to 64 KiB; above that, multiples of 64 KiB.
MIN_BUCKET = 256
LARGE_STEP = 64 * 1024


def bucket_for(length: int) -> int:
    """The padded size for `length` bytes (always at least one byte of padding)."""
    need = length + 1
    if need > LARGE_STEP:
        return -(-need // LARGE_STEP) * LARGE_STEP
    size = MIN_BUCKET
    while size < need:
        size *= 2
    return size


def pad(data: bytes) -> bytes:
    return bytes(b.sodium_pad(data, bucket_for(len(data))))


def unpad(data: bytes) -> bytes:
    if not data or bucket_for(len(data) - 1) != len(data):
        raise CryptoError("padded data has an impossible length")
    try:
        return bytes(b.sodium_unpad(data, len(data)))
    except Exception as exc:  # nacl raises ValueError/CryptoError variants
        raise CryptoError("bad padding") from exc
