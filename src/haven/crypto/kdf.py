"""Passphrase → key-encryption key with Argon2id (libsodium crypto_pwhash)."""

from __future__ import annotations

import os
from dataclasses import dataclass

import nacl.pwhash
from nacl.pwhash import argon2id

SALT_BYTES = argon2id.SALTBYTES
KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters; stored in the vault header so they can be raised later."""

    opslimit: int
    memlimit: int
    alg: str = "argon2id13"

    def to_dict(self) -> dict[str, int | str]:
        return {"alg": self.alg, "opslimit": self.opslimit, "memlimit": self.memlimit}

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> KdfParams:
        alg, ops, mem = d.get("alg"), d.get("opslimit"), d.get("memlimit")
        if alg != "argon2id13" or not isinstance(ops, int) or not isinstance(mem, int):
            raise ValueError("unknown or malformed KDF parameters")
        if ops < argon2id.OPSLIMIT_MIN or mem < argon2id.MEMLIMIT_MIN:
            raise ValueError("KDF parameters below libsodium's minimum")
        return cls(opslimit=ops, memlimit=mem, alg=alg)


#: The default for new vaults: libsodium's MODERATE limits (256 MiB, ~0.45 s here).
MODERATE = KdfParams(argon2id.OPSLIMIT_MODERATE, argon2id.MEMLIMIT_MODERATE)
INTERACTIVE = KdfParams(argon2id.OPSLIMIT_INTERACTIVE, argon2id.MEMLIMIT_INTERACTIVE)
#: libsodium's floor. ONLY for the test suite (HAVEN_INSECURE_TEST_KDF=1); never for real vaults.
TEST_ONLY_MINIMUM = KdfParams(argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN)


def default_params() -> KdfParams:
    """MODERATE, unless the test suite asked for libsodium's minimum to keep tests fast."""
    if os.environ.get("HAVEN_INSECURE_TEST_KDF") == "1":
        return TEST_ONLY_MINIMUM
    return MODERATE


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    if len(salt) != SALT_BYTES:
        raise ValueError("salt has the wrong length")
    return nacl.pwhash.argon2id.kdf(
        KEY_BYTES,
        passphrase.encode("utf-8"),
        salt,
        opslimit=params.opslimit,
        memlimit=params.memlimit,
    )
