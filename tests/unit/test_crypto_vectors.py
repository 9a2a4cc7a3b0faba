"""Known-answer tests: the primitives Haven uses, through the same calls Haven makes, against
published test vectors. The values are copied from the documents named at each vector (no
third-party code is included). A wrong build of libsodium, a binding that swaps arguments, or
a change of primitive fails here before it can fail anyone's data."""

from __future__ import annotations

import nacl.bindings as sodium
import pytest
from _argon2_cffi_bindings import ffi, lib

from haven.crypto import aead, signing
from haven.crypto.kdf import KdfParams, derive_key


def h(text: str) -> bytes:
    return bytes.fromhex("".join(text.split()))


# --------------------------------------------------------------------- Ed25519, RFC 8032 §7.1

RFC8032 = [  # (secret key, public key, message, signature): TEST 1, TEST 2, TEST 3
    (
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
    (
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    ),
]


@pytest.mark.parametrize(("seed", "public", "message", "signature"), RFC8032)
def test_ed25519_rfc8032(seed: str, public: str, message: str, signature: str) -> None:
    keys = signing.SigningKeyPair.from_seed(h(seed))
    assert keys.public == h(public)
    # Haven signs len(D) ‖ D ‖ message; the raw primitive underneath is checked here.
    signed = sodium.crypto_sign(h(message), h(seed) + h(public))
    assert signed[:64] == h(signature)
    assert sodium.crypto_sign_open(signed, h(public)) == h(message)
    tampered = bytes([signed[0] ^ 1]) + signed[1:]
    with pytest.raises(Exception):  # noqa: B017 - nacl's BadSignatureError
        sodium.crypto_sign_open(tampered, h(public))


# --------------------------------------------------------------------- X25519, RFC 7748


def test_x25519_rfc7748_section_5_2() -> None:
    scalar = h("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4")
    u = h("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")
    out = h("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")
    assert sodium.crypto_scalarmult(scalar, u) == out


def test_x25519_rfc7748_section_6_1_diffie_hellman() -> None:
    alice = h("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
    alice_pub = h("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
    bob = h("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")
    bob_pub = h("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")
    shared = h("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")
    assert sodium.crypto_scalarmult_base(alice) == alice_pub
    assert sodium.crypto_scalarmult_base(bob) == bob_pub
    assert sodium.crypto_scalarmult(alice, bob_pub) == shared
    assert sodium.crypto_scalarmult(bob, alice_pub) == shared


# ------------------------------------------- XChaCha20-Poly1305, draft-irtf-cfrg-xchacha-03

XCHACHA_KEY = h("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f")
XCHACHA_NONCE = h("404142434445464748494a4b4c4d4e4f5051525354555657")
XCHACHA_AD = h("50515253c0c1c2c3c4c5c6c7")
XCHACHA_PLAIN = (
    b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the"
    b" future, sunscreen would be it."
)
XCHACHA_CIPHER = h(
    "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
    "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
    "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
    "21f9664c97637da9768812f615c68b13b52e"
)
XCHACHA_TAG = h("c0875924c1c7987947deafd8780acf49")


def test_xchacha20_poly1305_draft_appendix_a_3_1() -> None:
    """Appendix A.3.1 of draft-irtf-cfrg-xchacha-03, through haven.crypto.aead (which puts
    the nonce in front of the ciphertext)."""
    sealed = aead.encrypt(XCHACHA_KEY, XCHACHA_PLAIN, XCHACHA_AD, nonce=XCHACHA_NONCE)
    assert sealed == XCHACHA_NONCE + XCHACHA_CIPHER + XCHACHA_TAG
    assert aead.decrypt(XCHACHA_KEY, sealed, XCHACHA_AD) == XCHACHA_PLAIN


@pytest.mark.parametrize(
    "flip",
    [0, 24, 24 + len(XCHACHA_CIPHER) - 1, 24 + len(XCHACHA_CIPHER), 24 + len(XCHACHA_CIPHER) + 15],
)
def test_xchacha20_poly1305_rejects_any_flipped_bit(flip: int) -> None:
    """Wycheproof-style invalid cases on the same vector: a changed nonce, ciphertext or tag
    byte must fail authentication, as must a changed or missing associated data."""
    from haven.crypto.errors import CryptoError

    sealed = bytearray(XCHACHA_NONCE + XCHACHA_CIPHER + XCHACHA_TAG)
    sealed[flip] ^= 0x80
    with pytest.raises(CryptoError):
        aead.decrypt(XCHACHA_KEY, bytes(sealed), XCHACHA_AD)
    good = XCHACHA_NONCE + XCHACHA_CIPHER + XCHACHA_TAG
    for ad in (b"", XCHACHA_AD[:-1], XCHACHA_AD + b"\x00"):
        with pytest.raises(CryptoError):
            aead.decrypt(XCHACHA_KEY, good, ad)


# --------------------------------------------------------------------- Argon2id, RFC 9106

RFC9106_ARGON2ID_TAG = h("0d 64 0d f5 8d 78 76 6c 08 c0 37 a3 4a 8b 53 c9") + h(
    "d0 1e f0 45 2d 75 b6 5e b5 25 20 e9 6b 01 e6 59"
)


def _reference_argon2id(
    password: bytes,
    salt: bytes,
    *,
    t: int,
    m_kib: int,
    lanes: int,
    secret: bytes = b"",
    ad: bytes = b"",
    out_len: int = 32,
) -> bytes:
    """Argon2id (version 0x13) by the reference implementation (argon2-cffi's bindings),
    which accepts the secret and associated data RFC 9106's vector uses; libsodium does not."""
    out = ffi.new("uint8_t[]", out_len)
    keep = [ffi.new("uint8_t[]", v or b"\0") for v in (password, salt, secret, ad)]
    ctx = ffi.new(
        "argon2_context *",
        {
            "out": out,
            "outlen": out_len,
            "pwd": keep[0],
            "pwdlen": len(password),
            "salt": keep[1],
            "saltlen": len(salt),
            "secret": keep[2] if secret else ffi.NULL,
            "secretlen": len(secret),
            "ad": keep[3] if ad else ffi.NULL,
            "adlen": len(ad),
            "t_cost": t,
            "m_cost": m_kib,
            "lanes": lanes,
            "threads": lanes,
            "version": 0x13,
            "allocate_cbk": ffi.NULL,
            "free_cbk": ffi.NULL,
            "flags": lib.ARGON2_DEFAULT_FLAGS,
        },
    )
    assert lib.argon2_ctx(ctx, lib.Argon2_id) == lib.ARGON2_OK
    return bytes(ffi.buffer(out, out_len))


def test_argon2id_rfc9106_section_5_3_by_the_reference_implementation() -> None:
    tag = _reference_argon2id(
        b"\x01" * 32, b"\x02" * 16, t=3, m_kib=32, lanes=4, secret=b"\x03" * 8, ad=b"\x04" * 12
    )
    assert tag == RFC9106_ARGON2ID_TAG


@pytest.mark.parametrize(("ops", "mem_kib"), [(1, 8), (2, 64), (3, 1024)])
def test_haven_kdf_agrees_with_the_reference_argon2id(ops: int, mem_kib: int) -> None:
    """libsodium's crypto_pwhash (what haven.crypto.kdf calls) cannot take RFC 9106's
    four lanes, secret or associated data; it is checked against the reference
    implementation that passes the RFC vector, in the shape Haven uses (one lane, 16-byte
    salt, 32-byte key)."""
    salt = bytes(range(16))
    params = KdfParams(opslimit=ops, memlimit=mem_kib * 1024)
    ours = derive_key("violet lantern orbit quietly 42", salt, params)
    assert ours == _reference_argon2id(
        b"violet lantern orbit quietly 42", salt, t=ops, m_kib=mem_kib, lanes=1
    )
