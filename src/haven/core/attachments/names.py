"""File names other people chose: shown as plain text, and made safe before a file is saved
under one (no folders, no path tricks, no invisible or direction-changing characters)."""

from __future__ import annotations

import unicodedata

MAX_NAME = 120
FALLBACK = "attachment"
#: Characters Windows refuses in a file name, and the path separators everywhere.
_FORBIDDEN = frozenset('<>:"/\\|?*')
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)


def _visible(text: str) -> str:
    """Drop control, format (bidi overrides and isolates, zero-width), surrogate, private-use
    and unassigned characters; every kind of space becomes a plain space."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        cat = unicodedata.category(ch)
        if cat.startswith("Z"):
            out.append(" ")
        elif not cat.startswith("C"):
            out.append(ch)
    return " ".join("".join(out).split())


def clean_name(raw: str) -> str:
    """A peer's file name as it is shown: one line of visible text, bounded."""
    return _visible(raw)[:MAX_NAME]


def safe_filename(raw: str) -> str:
    """A name that can be created inside the folder a person chose and nowhere else."""
    name = _visible(raw.replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join("_" if ch in _FORBIDDEN else ch for ch in name).strip(" .")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if not stem or stem.casefold() in _RESERVED:
        stem = FALLBACK
    ext = ext[:16]
    stem = stem[: MAX_NAME - len(ext) - 1].rstrip(" .") or FALLBACK
    return f"{stem}.{ext}" if ext else stem
