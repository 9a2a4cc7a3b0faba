"""Ed25519 signatures with a domain-separation prefix, so a signature made for one purpose
can never verify for another."""

from __future__ import annotations

from dataclasses import dataclass, field

import nacl.exceptions
import nacl.signing

from haven.crypto.errors import CryptoError

PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64


@dataclass(frozen=True, repr=False)
class SigningKeyPair:
    """A seed and its public key, with libsodium's expanded secret key made once: signing
    with a kept pair costs one Ed25519 signature, not a key expansion as well."""

    seed: bytes
    public: bytes
    _key: nacl.signing.SigningKey | None = field(default=None, compare=False)

    @classmethod
    def generate(cls) -> SigningKeyPair:
        sk = nacl.signing.SigningKey.generate()
        return cls(seed=bytes(sk), public=bytes(sk.verify_key), _key=sk)

    @classmethod
    def from_seed(cls, seed: bytes) -> SigningKeyPair:
        sk = nacl.signing.SigningKey(seed)
        return cls(seed=seed, public=bytes(sk.verify_key), _key=sk)

    def sign(self, domain: bytes, message: bytes) -> bytes:
        key = self._key if self._key is not None else nacl.signing.SigningKey(self.seed)
        return bytes(key.sign(_framed(domain, message)).signature)

    def __repr__(self) -> str:  # never print key material
        return f"SigningKeyPair(public={self.public.hex()[:16]}…)"


def _framed(domain: bytes, message: bytes) -> bytes:
    return len(domain).to_bytes(1, "big") + domain + message


def sign(seed: bytes, domain: bytes, message: bytes) -> bytes:
    sk = nacl.signing.SigningKey(seed)
    return bytes(sk.sign(_framed(domain, message)).signature)


def verify(public: bytes, domain: bytes, message: bytes, signature: bytes) -> None:
    """Raise CryptoError unless `signature` is `public`'s signature of (domain, message)."""
    if len(public) != PUBLIC_KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        raise CryptoError("malformed key or signature")
    try:
        nacl.signing.VerifyKey(public).verify(_framed(domain, message), signature)
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.CryptoError) as exc:
        raise CryptoError("bad signature") from exc
