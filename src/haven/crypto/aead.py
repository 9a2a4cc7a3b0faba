"""XChaCha20-Poly1305-IETF with associated data; the nonce is random and sent in front."""

from __future__ import annotations

import os

import nacl.bindings as b
import nacl.exceptions

from haven.crypto.errors import CryptoError

KEY_BYTES = b.crypto_aead_xchacha20poly1305_ietf_KEYBYTES
NONCE_BYTES = b.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
TAG_BYTES = b.crypto_aead_xchacha20poly1305_ietf_ABYTES


def encrypt(key: bytes, plaintext: bytes, ad: bytes, nonce: bytes | None = None) -> bytes:
    """Return nonce || ciphertext. `nonce` is only for deterministic test vectors."""
    nonce = os.urandom(NONCE_BYTES) if nonce is None else nonce
    return nonce + b.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, nonce, key)


def decrypt(key: bytes, data: bytes, ad: bytes) -> bytes:
    if len(data) < NONCE_BYTES + TAG_BYTES:
        raise CryptoError("ciphertext too short")
    nonce, ct = data[:NONCE_BYTES], data[NONCE_BYTES:]
    try:
        return bytes(b.crypto_aead_xchacha20poly1305_ietf_decrypt(ct, ad, nonce, key))
    except nacl.exceptions.CryptoError as exc:
        raise CryptoError("decryption failed") from exc
