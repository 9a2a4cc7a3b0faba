"""The crypto layer: real libsodium through PyNaCl, no mocks."""

from __future__ import annotations

import hashlib

import nacl.bindings
import pytest
from hypothesis import given
from hypothesis import strategies as st

from haven.crypto import aead, kdf, padding, sealing, secretbox, signing
from haven.crypto.errors import CryptoError
from haven.crypto.subkeys import derive_subkey
from haven.errors import UnsafeSetting


def test_key_wrap_round_trip_and_wrong_kek() -> None:
    kek, other, key = b"k" * 32, b"o" * 32, b"m" * 32
    wrapped = secretbox.wrap_key(kek, key)
    assert key not in wrapped
    assert secretbox.unwrap_key(kek, wrapped) == key
    with pytest.raises(CryptoError):
        secretbox.unwrap_key(other, wrapped)
    tampered = bytearray(wrapped)
    tampered[-1] ^= 1
    with pytest.raises(CryptoError):
        secretbox.unwrap_key(kek, bytes(tampered))


def test_kdf_is_deterministic_and_salted() -> None:
    params = kdf.TEST_ONLY_MINIMUM
    salt = b"s" * kdf.SALT_BYTES
    a = kdf.derive_key("passphrase", salt, params)
    assert a == kdf.derive_key("passphrase", salt, params)
    assert a != kdf.derive_key("passphrase", b"t" * kdf.SALT_BYTES, params)
    assert a != kdf.derive_key("Passphrase", salt, params)
    with pytest.raises(ValueError):
        kdf.derive_key("x", b"short", params)


def test_default_kdf_is_moderate_unless_test_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    assert kdf.default_params() == kdf.TEST_ONLY_MINIMUM  # both switches, from conftest
    monkeypatch.delenv("HAVEN_INSECURE_TEST_KDF")
    assert kdf.default_params() == kdf.MODERATE
    assert kdf.MODERATE.memlimit >= 256 * 1024 * 1024


@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_the_test_kdf_switch_alone_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    """Set outside the test suite, the switch neither weakens a vault nor is ignored
    silently: creating or rewrapping a vault stops with a message saying what to unset."""
    monkeypatch.delenv("HAVEN_TEST_SUITE")
    monkeypatch.setenv("HAVEN_INSECURE_TEST_KDF", value)
    with pytest.raises(UnsafeSetting, match="unset HAVEN_INSECURE_TEST_KDF"):
        kdf.default_params()


def test_kdf_params_reject_weak_or_unknown() -> None:
    with pytest.raises(ValueError):
        kdf.KdfParams.from_dict({"alg": "argon2id13", "opslimit": 0, "memlimit": 8192})
    with pytest.raises(ValueError):
        kdf.KdfParams.from_dict({"alg": "scrypt", "opslimit": 3, "memlimit": 2**26})
    good = kdf.MODERATE.to_dict()
    assert kdf.KdfParams.from_dict(dict(good)) == kdf.MODERATE


def test_aead_binds_associated_data() -> None:
    key = b"a" * 32
    ct = aead.encrypt(key, b"hello", b"context-1")
    assert aead.decrypt(key, ct, b"context-1") == b"hello"
    with pytest.raises(CryptoError):
        aead.decrypt(key, ct, b"context-2")
    with pytest.raises(CryptoError):
        aead.decrypt(b"b" * 32, ct, b"context-1")
    with pytest.raises(CryptoError):
        aead.decrypt(key, ct[:10], b"context-1")


def test_signatures_are_domain_separated() -> None:
    keys = signing.SigningKeyPair.generate()
    sig = keys.sign(b"domain-a", b"message")
    signing.verify(keys.public, b"domain-a", b"message", sig)
    with pytest.raises(CryptoError):
        signing.verify(keys.public, b"domain-b", b"message", sig)
    with pytest.raises(CryptoError):
        signing.verify(keys.public, b"domain-a", b"other", sig)
    with pytest.raises(CryptoError):
        signing.verify(keys.public, b"domain-a", b"message", sig[:-1])
    # "ab" + "c" and "a" + "bc" must not collide.
    with pytest.raises(CryptoError):
        signing.verify(keys.public, b"domain-", b"amessage", sig)
    assert keys.seed.hex() not in repr(keys)


def test_sealed_boxes_open_only_for_recipient() -> None:
    alice, bob = sealing.BoxKeyPair.generate(), sealing.BoxKeyPair.generate()
    sealed = sealing.seal(alice.public, b"epoch key")
    assert sealing.open_sealed(alice, sealed) == b"epoch key"
    with pytest.raises(CryptoError):
        sealing.open_sealed(bob, sealed)


def test_subkeys_match_libsodium_crypto_kdf_definition() -> None:
    root = bytes(range(32))
    a = derive_subkey(root, b"hvevent_", 1)
    assert a != derive_subkey(root, b"hvevent_", 2)
    assert a != derive_subkey(root, b"hvother_", 1)
    # crypto_kdf_derive_from_key is BLAKE2b(key=root, salt=LE64(id)||0^8, person=ctx||0^8).
    expected = hashlib.blake2b(
        b"",
        digest_size=32,
        key=root,
        salt=(1).to_bytes(8, "little") + bytes(8),
        person=b"hvevent_" + bytes(8),
    ).digest()
    assert a == expected
    with pytest.raises(ValueError):
        derive_subkey(root, b"short")


@given(st.binary(max_size=70_000))
def test_padding_round_trips_into_buckets(data: bytes) -> None:
    padded = padding.pad(data)
    assert len(padded) >= len(data) + 1
    assert len(padded) in {256 * 2**i for i in range(9)} or len(padded) % (64 * 1024) == 0
    assert padding.unpad(padded) == data


def test_padding_hides_small_size_differences() -> None:
    assert len(padding.pad(b"a")) == len(padding.pad(b"a" * 200)) == 256
    assert padding.bucket_for(256) == 512


def test_unpad_rejects_bad_input() -> None:
    with pytest.raises(CryptoError):
        padding.unpad(b"")
    with pytest.raises(CryptoError):
        padding.unpad(b"\x00" * 300)  # not a bucket size
    with pytest.raises(CryptoError):
        padding.unpad(b"\x00" * 256)  # no 0x80 marker
    assert nacl.bindings.sodium_unpad(padding.pad(b"x"), 256) == b"x"
