"""Typed id prefixes become key ranges: the same ids as `hex(id).startswith(prefix)`."""

from __future__ import annotations

import os

import pytest

from haven.store.id_prefix import prefix_range


def _matches(ids: list[bytes], prefix: str) -> set[bytes]:
    low, high = prefix_range(prefix)
    return {i for i in ids if i >= low and (high is None or i < high)}


@pytest.mark.parametrize("prefix", ["a", "ab", "abc", "ABC", "0", "00", "f", "ff", "fff", "a1ff"])
def test_a_range_holds_exactly_the_ids_with_that_prefix(prefix: str) -> None:
    ids = [os.urandom(32) for _ in range(3000)]
    # Edge ids around each boundary: all-zero and all-ff tails after the prefix.
    for p in (prefix.lower(), prefix.lower() + "0", prefix.lower()[:-1] or "0"):
        stem = bytes.fromhex(p + "0" if len(p) % 2 else p)
        ids += [stem + b"\x00" * (32 - len(stem)), stem + b"\xff" * (32 - len(stem))]
    expected = {i for i in ids if i.hex().startswith(prefix.lower())}
    assert _matches(ids, prefix) == expected
    assert expected  # the edge ids make sure each case has matches to check
