"""Ids typed as a hex prefix, looked up as a key range: `id >= low AND id < high` is a seek
in the id's index, where `hex(id) LIKE 'ab12%'` reads every row."""

from __future__ import annotations

#: More than one match is enough for a caller to ask for more of the id.
MATCHES = 3


def prefix_range(prefix_hex: str) -> tuple[bytes, bytes | None]:
    """The byte range [low, high) of ids whose hex form starts with `prefix_hex` (any case,
    odd length allowed). `high` is None when every id from `low` on matches (all f's)."""
    text = prefix_hex.lower()
    low = bytes.fromhex(text + "0" if len(text) % 2 else text)
    top = bytearray(bytes.fromhex(text + "f" if len(text) % 2 else text))
    while top and top[-1] == 0xFF:
        top.pop()  # ab ff ff.. is followed by ac
    if not top:
        return low, None
    top[-1] += 1
    return low, bytes(top)


def range_sql(column: str, prefix_hex: str) -> tuple[str, list[object]]:
    """`column`'s condition for `prefix_hex`, and its parameters."""
    low, high = prefix_range(prefix_hex)
    if high is None:
        return f"{column} >= ?", [low]
    return f"{column} >= ? AND {column} < ?", [low, high]
