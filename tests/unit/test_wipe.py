"""`wipe_immutable` zeroes a str or bytes in place, so it must only ever reach an object
nobody else holds. Each caller in Haven is checked here: what it wipes is its own copy, and
what it was given (a constant, the caller's bytearray, a template) is left intact."""

from __future__ import annotations

import sys

from haven.crypto import kdf
from haven.crypto.wipe import wipe_immutable
from haven.store import key_material, key_slots

CONSTANT = "violet lantern orbit quietly 42"  # a code constant: shared, never to be zeroed


def test_a_fresh_value_is_zeroed() -> None:
    text = "".join(["secret ", "passphrase"])
    data = bytes(bytearray(b"raw key bytes!!"))
    assert wipe_immutable(text) and text == "\0" * 17
    assert wipe_immutable(data) and data == bytes(15)
    wide = "".join(["مفتاح ", "سري"])  # two-byte characters
    assert wipe_immutable(wide) and set(wide) == {"\0"}


def test_shared_values_are_refused() -> None:
    interned = sys.intern("".join(["shared_", "identifier"]))
    assert not wipe_immutable(interned)
    assert interned == "shared_identifier" and sys.intern("shared_identifier") == interned
    for single in ("a", b"a", "", b""):  # CPython caches these: shared by every user
        assert not wipe_immutable(single)
    assert chr(97) == "a" and bytes([97]) == b"a"


def test_the_kdf_wipes_its_encoding_not_the_passphrase() -> None:
    params = kdf.TEST_ONLY_MINIMUM
    salt = bytes(kdf.SALT_BYTES)
    first = kdf.derive_key_into(CONSTANT, salt, params)
    assert CONSTANT == "violet lantern orbit quietly 42"
    assert kdf.derive_key_into(CONSTANT, salt, params) == first  # same input, same key


def test_the_key_sql_wipes_its_own_text_only() -> None:
    template = "PRAGMA key = \"x'{}'\""
    key = bytearray(range(32))
    with key_material.key_sql(template, key) as sql:
        assert key.hex() in sql
    assert sql == "\0" * len(sql)  # the SQL text is gone after use
    assert template == "PRAGMA key = \"x'{}'\"" and key == bytearray(range(32))


def test_wrap_and_seal_leave_the_callers_keys_intact() -> None:
    kek, key = bytearray(b"k" * 32), bytearray(b"m" * 32)
    key_material.wrap(kek, key)
    assert kek == bytearray(b"k" * 32) and key == bytearray(b"m" * 32)
    key_slots.seal(kek, key, 1)
    assert kek == bytearray(b"k" * 32) and key == bytearray(b"m" * 32)


def test_secret_zeroes_the_value_it_copies() -> None:
    """`secret` takes ownership: its callers hand it a fresh os.urandom result."""
    value = bytes(bytearray(b"fresh random key material 32 b!"))
    copy = key_material.secret(value)
    assert copy == bytearray(b"fresh random key material 32 b!") and value == bytes(len(value))
