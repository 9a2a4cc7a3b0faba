"""Purpose-specific keys derived from one root key.

This is libsodium's crypto_kdf_derive_from_key (BLAKE2b keyed with the root key, the
subkey id as salt and an 8-byte context as personalisation), computed through hashlib
because PyNaCl does not expose crypto_kdf; the outputs are identical.
"""

from __future__ import annotations

import hashlib


def derive_subkey(root: bytes, context: bytes, subkey_id: int = 1, size: int = 32) -> bytes:
    """`context` is exactly 8 bytes naming the purpose, e.g. b"hvcontnt"."""
    if len(context) != 8:
        raise ValueError("crypto_kdf context must be 8 bytes")
    if len(root) != 32:
        raise ValueError("root key must be 32 bytes")
    salt = subkey_id.to_bytes(8, "little") + bytes(8)
    return hashlib.blake2b(
        b"", digest_size=size, key=root, salt=salt, person=context + bytes(8)
    ).digest()
