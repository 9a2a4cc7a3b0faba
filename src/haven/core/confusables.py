"""Unicode's confusable-character data and the UTS #39 *skeleton* built from it.

Two strings are *confusable* when they have the same skeleton (Unicode Technical Standard #39,
"Unicode Security Mechanisms", §4): `skeleton(X) = NFD(map(NFD(X)))`, where `map` replaces
each character by its prototype from `confusables.txt` — Cyrillic "а" and Greek "α"-like
letters by Latin "a", the digit "0" by "O", "m" by "rn", Persian "ی" by Arabic "ى", and
about 6,700 more. The table is Unicode's own file, shipped unchanged in
`resources/unicode/confusables.txt` (its version, source and licence are in
`resources/unicode/README.md`); nothing here decides what looks like what.

The file is read the first time a skeleton is asked for (about 6,700 lines, a few
milliseconds), not at import, so a command that never compares names never pays for it.
A missing or damaged file is an installation fault: it raises `ConfusablesMissing` rather
than quietly comparing names with no table, which would pass every impostor.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from haven.core.resource_files import resource_dir
from haven.errors import HavenError

#: Fewer mappings than this means an empty or truncated file, not the table we shipped.
_MIN_ENTRIES = 6000
_LINE = re.compile(r"^([0-9A-F]{4,6})\s*;\s*([0-9A-F]{4,6}(?: [0-9A-F]{4,6})*)\s*;\s*MA\b")


class ConfusablesMissing(HavenError):
    """The confusables table is not in this installation: a packaging fault."""


@functools.cache
def table() -> dict[int, str]:
    """Code point → its prototype string, from Unicode's confusables.txt."""
    folder = resource_dir("unicode")
    try:
        if folder is None:
            raise OSError("no unicode folder in this installation")
        text = (folder / "confusables.txt").read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfusablesMissing(f"Unicode's confusables table is missing ({exc})") from exc
    mapping: dict[int, str] = {}
    for raw in text.splitlines():
        found = _LINE.match(raw)
        if found is not None:
            mapping[int(found[1], 16)] = "".join(chr(int(c, 16)) for c in found[2].split())
    if len(mapping) < _MIN_ENTRIES:
        raise ConfusablesMissing(f"Unicode's confusables table is damaged ({len(mapping)} entries)")
    return mapping


def version() -> str:
    """The Unicode version of the shipped table ("18.0.0"), for `--version`-style reports."""
    folder = resource_dir("unicode")
    if folder is None:
        return ""
    with (folder / "confusables.txt").open(encoding="utf-8-sig") as handle:
        for raw in handle:
            if raw.startswith("# Version:"):
                return raw.split(":", 1)[1].strip()
            if not raw.startswith("#"):
                break
    return ""


def skeleton(text: str) -> str:
    """UTS #39 skeleton: NFD, each character replaced by its prototype, NFD again."""
    mapping = table()
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(mapping.get(ord(c), c) for c in decomposed))


def confusable(first: str, second: str) -> bool:
    """UTS #39: the two strings are visually confusable (their skeletons are equal)."""
    return skeleton(first) == skeleton(second)
