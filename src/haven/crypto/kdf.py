"""Passphrase → key-encryption key with Argon2id (libsodium crypto_pwhash)."""

from __future__ import annotations

import os
from dataclasses import dataclass

import nacl.pwhash
from nacl._sodium import ffi, lib
from nacl.pwhash import argon2id

from haven.crypto.wipe import wipe, wipe_immutable
from haven.errors import UnsafeSetting

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
#: libsodium's floor. ONLY for the test suite (HAVEN_INSECURE_TEST_KDF=1 together with
#: HAVEN_TEST_SUITE=1, both set by tests/conftest.py); never for real vaults.
TEST_ONLY_MINIMUM = KdfParams(argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN)
INSECURE_TEST_KDF_ENV = "HAVEN_INSECURE_TEST_KDF"
TEST_SUITE_ENV = "HAVEN_TEST_SUITE"


def default_params() -> KdfParams:
    """MODERATE, unless Haven's own test suite asked for libsodium's minimum to keep tests
    fast. The test switch alone is refused, loudly: set by mistake (a copied command, an old
    shell profile) it would otherwise make a real vault quick to crack without a word."""
    if os.environ.get(INSECURE_TEST_KDF_ENV, "0") in ("", "0"):
        return MODERATE
    if os.environ.get(INSECURE_TEST_KDF_ENV) == "1" and os.environ.get(TEST_SUITE_ENV) == "1":
        return TEST_ONLY_MINIMUM
    raise UnsafeSetting(
        f"{INSECURE_TEST_KDF_ENV} is set: it would make this vault's passphrase quick to "
        f"crack and is only for Haven's own test suite. Unset it (for example "
        f"`unset {INSECURE_TEST_KDF_ENV}`) and try again."
    )


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key_into(passphrase: str, salt: bytes, params: KdfParams) -> bytearray:
    """`derive_key` into a `bytearray` the caller wipes; the passphrase's UTF-8 bytes are
    zeroed once hashed (libsodium's crypto_pwhash, the same Argon2id as PyNaCl's)."""
    if len(salt) != SALT_BYTES:
        raise ValueError("salt has the wrong length")
    encoded = passphrase.encode("utf-8")
    secret = bytearray(encoded)
    wipe_immutable(encoded)
    out = bytearray(KEY_BYTES)
    try:
        rc = lib.crypto_pwhash(
            ffi.from_buffer(out),
            KEY_BYTES,
            ffi.from_buffer(secret) if secret else ffi.new("char[]", 1),
            len(secret),
            salt,
            params.opslimit,
            params.memlimit,
            lib.crypto_pwhash_alg_argon2id13(),
        )
    finally:
        wipe(secret)
    if rc != 0:
        raise MemoryError("Argon2id could not allocate its memory")
    return out


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
