"""Wrapping one key under another (XSalsa20-Poly1305 SecretBox)."""

from __future__ import annotations

import nacl.exceptions
import nacl.secret

from haven.crypto.errors import CryptoError


def wrap_key(kek: bytes, key: bytes) -> bytes:
    """Encrypt `key` under `kek`; the result carries its own random nonce."""
    return bytes(nacl.secret.SecretBox(kek).encrypt(key))


def unwrap_key(kek: bytes, wrapped: bytes) -> bytes:
    try:
        return bytes(nacl.secret.SecretBox(kek).decrypt(wrapped))
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise CryptoError("key unwrap failed") from exc
