"""Zeroing secrets in memory when we are done with them, as far as Python allows.

A `bytearray` can be zeroed in place. `bytes` and `str` are immutable, and the libraries
Haven uses hand secrets back as such (PyNaCl returns keys as `bytes`, SQLCipher needs its key
inside an SQL `str`, Qt gives a typed passphrase as a `str`). `wipe_immutable` zeroes such an
object's own buffer in place on CPython, which is what KeePassXC-style memory hygiene asks
for; it first checks that the buffer it found holds exactly the object's value, and does
nothing otherwise (another interpreter, a layout it does not know). Only call it on an
object nobody will read again: it breaks the immutability every other piece of Python
assumes. It refuses what is shared by construction (values shorter than two, which CPython
caches, and interned strings); a constant in code is shared too but cannot be told apart,
so callers pass only objects they made or a widget just returned (tests/unit/test_wipe.py
checks each caller). Copies made before the wipe (by the caller, or by a library) are not reached.
"""

from __future__ import annotations

import ctypes
import sys


def wipe(buffer: bytearray) -> None:
    """Zero a mutable buffer in place."""
    if buffer:
        ctypes.memset((ctypes.c_char * len(buffer)).from_buffer(buffer), 0, len(buffer))


def _interned(value: str) -> bool:
    """CPython's `state.interned` bits (PyASCIIObject: refcount, type, length and hash, then
    the state word whose lowest two bits say whether and how the string is interned)."""
    state = ctypes.c_uint32.from_address(id(value) + 4 * ctypes.sizeof(ctypes.c_ssize_t))
    return bool(state.value & 0b11)


def wipe_immutable(value: bytes | str) -> bool:
    """Zero the characters of a `bytes` or `str` in place (CPython only); True when done."""
    if sys.implementation.name != "cpython" or len(value) < 2:
        return False  # short values may be shared singletons; nothing secret is that short
    if type(value) is bytes:
        # PyBytesObject: the data ends with a NUL byte at the very end of the object.
        expected = value
        address = id(value) + sys.getsizeof(value) - len(value) - 1
    elif type(value) is str:
        if _interned(value):
            return False  # one object shared by every equal string in the process
        width = 1 if max(value) <= "\xff" else 2 if max(value) <= "\uffff" else 4
        encoding = {1: "latin-1", 2: "utf-16-le", 4: "utf-32-le"}[width]
        expected = value.encode(encoding)
        # Compact str: the characters (then a NUL of the same width) end the object.
        address = id(value) + sys.getsizeof(value) - (len(value) + 1) * width
    else:
        return False
    if ctypes.string_at(address, len(expected)) != expected:
        return False
    ctypes.memset(address, 0, len(expected))
    if isinstance(expected, bytes) and expected is not value:
        wipe_immutable(expected)
    return True
