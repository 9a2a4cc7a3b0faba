"""The master key in the store's hands: wipeable copies, wrapping, and the SQL text that
carries it to SQLCipher, each zeroed as soon as it has been used (see haven.crypto.wipe)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from haven.crypto import secretbox
from haven.crypto.wipe import wipe_immutable


def secret(value: bytes) -> bytearray:
    """A wipeable copy of a secret; the immutable original is zeroed."""
    copy = bytearray(value)
    wipe_immutable(value)
    return copy


def wrap(kek: bytearray, master_key: bytearray) -> bytes:
    kek_bytes, key_bytes = bytes(kek), bytes(master_key)  # PyNaCl takes bytes only
    try:
        return secretbox.wrap_key(kek_bytes, key_bytes)
    finally:
        wipe_immutable(kek_bytes)
        wipe_immutable(key_bytes)


@contextlib.contextmanager
def key_sql(template: str, key: bytearray) -> Iterator[str]:
    """SQL carrying the raw key as SQLCipher wants it (`x'…'` in a string), zeroed after
    use: the hex digits exist only in this one `str`, never in a lingering copy."""
    digits = key.hex()
    sql = template.format(digits)
    wipe_immutable(digits)
    try:
        yield sql
    finally:
        wipe_immutable(sql)
