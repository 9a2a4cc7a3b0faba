"""Wrapping one key under another (XSalsa20-Poly1305 SecretBox)."""

from __future__ import annotations

import nacl.exceptions
import nacl.secret
from nacl._sodium import ffi, lib

from haven.crypto.errors import CryptoError

_NONCE = nacl.secret.SecretBox.NONCE_SIZE
_MAC = nacl.secret.SecretBox.MACBYTES


def wrap_key(kek: bytes | bytearray, key: bytes | bytearray) -> bytes:
    """Encrypt `key` under `kek`; the result carries its own random nonce."""
    return bytes(nacl.secret.SecretBox(bytes(kek)).encrypt(bytes(key)))


def unwrap_key_into(kek: bytes | bytearray, wrapped: bytes) -> bytearray:
    """`unwrap_key`, with the plaintext written straight into a `bytearray` the caller can
    wipe (PyNaCl's own result would leave a copy in freed memory). Same format: libsodium's
    secretbox, nonce then MAC and ciphertext."""
    if len(wrapped) < _NONCE + _MAC or len(kek) != nacl.secret.SecretBox.KEY_SIZE:
        raise CryptoError("key unwrap failed")
    nonce, box = wrapped[:_NONCE], wrapped[_NONCE:]
    out = bytearray(len(box) - _MAC)
    target = ffi.from_buffer(out) if out else ffi.new("unsigned char[]", 1)
    if lib.crypto_secretbox_open_easy(target, box, len(box), nonce, ffi.from_buffer(kek)) != 0:
        raise CryptoError("key unwrap failed")
    return out


def unwrap_key(kek: bytes, wrapped: bytes) -> bytes:
    try:
        return bytes(nacl.secret.SecretBox(kek).decrypt(wrapped))
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise CryptoError("key unwrap failed") from exc
