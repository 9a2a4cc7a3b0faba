from __future__ import annotations


class CryptoError(Exception):
    """A cryptographic check failed: wrong key, tampered data or a forged signature."""
