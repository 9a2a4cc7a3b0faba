"""Anonymous sealed boxes (crypto_box_seal) for delivering keys to one device, and X25519
key pairs for receiving them."""

from __future__ import annotations

from dataclasses import dataclass

import nacl.exceptions
import nacl.public

from haven.crypto.errors import CryptoError


@dataclass(frozen=True, repr=False)
class BoxKeyPair:
    secret: bytes
    public: bytes

    @classmethod
    def generate(cls) -> BoxKeyPair:
        sk = nacl.public.PrivateKey.generate()
        return cls(secret=bytes(sk), public=bytes(sk.public_key))

    @classmethod
    def from_secret(cls, secret: bytes) -> BoxKeyPair:
        return cls(secret=secret, public=bytes(nacl.public.PrivateKey(secret).public_key))

    def __repr__(self) -> str:
        return f"BoxKeyPair(public={self.public.hex()[:16]}…)"


def seal(recipient_public: bytes, message: bytes) -> bytes:
    return bytes(nacl.public.SealedBox(nacl.public.PublicKey(recipient_public)).encrypt(message))


def open_sealed(keypair: BoxKeyPair, sealed: bytes) -> bytes:
    try:
        return bytes(nacl.public.SealedBox(nacl.public.PrivateKey(keypair.secret)).decrypt(sealed))
    except (nacl.exceptions.CryptoError, ValueError) as exc:
        raise CryptoError("sealed box did not open") from exc
