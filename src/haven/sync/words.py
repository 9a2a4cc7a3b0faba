"""The fixed list of 256 short, distinct English words used to show a transcript hash to a
person (device pairing: both screens must show the same words). One word encodes one byte.

Changing this list changes what users compare, so it is part of the protocol (version 1).
"""

from __future__ import annotations

from haven.core.wordlist import WORDS

__all__ = ["WORDS"]
