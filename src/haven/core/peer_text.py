"""Text that other people chose — names, pronouns, titles, content warnings, space names,
descriptions, guidelines, reasons — made safe to show next to the app's own words.

Three things can go wrong when such text is shown, and this module answers each one, in
plain string operations so the CLI and the UI share it (the UI adds only "and show it as
plain text", see `haven.ui.peer_text`):

- **Reordering.** Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and friends) make text
  read differently from what it is ("title ‮txt.exe" shows as "title exe.txt"), and even
  without them a right-to-left name spills its direction onto what follows ("عمر 12 replies"
  shows the number before the name). Every bidi control is removed, and a one-line value is
  wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (Unicode's isolates, UAX #9), so
  whatever it holds is laid out on its own and cannot move the text around it.
- **Invisible or layout-breaking characters.** C0/C1 controls, line and paragraph separators
  and zero-width characters that only serve to disguise a name are removed; a one-line value
  has its line breaks turned into spaces.
- **Size.** A value is cut to a length the widget can show before anything else looks at it,
  so a 1 MB name costs a slice, not a layout of a megabyte.
"""

from __future__ import annotations

import re

#: U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE.
FSI = "\u2068"
PDI = "\u2069"
ELLIPSIS = "…"

#: Longest shown, in characters (before the isolates are added).
NAME_CHARS = 64  # display names and pronouns (the core accepts at most 64 for our own)
SPACE_NAME_CHARS = 80  # the core's MAX_SPACE_NAME
LINE_CHARS = 200  # titles, content warnings, space names, reasons in a list
BLOCK_CHARS = 10_000  # descriptions and guidelines (the core's MAX_GUIDELINES)

# Bidi: ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Invisible characters with no place in a name: zero-width space, word joiner and invisible
# operators, BOM, Mongolian vowel separator, soft hyphen. ZWJ and ZWNJ stay (emoji sequences
# and Persian/Arabic spelling need them).
_INVISIBLE = "\u200b\u2060-\u2064\ufeff\u180e\u00ad"
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_DROP = re.compile(f"[{_BIDI}{_INVISIBLE}{_CONTROL}]")
_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029\x85]")
_SPACES = re.compile(r"[ \t]+")

#: Before cleaning, keep this many characters per character shown: enough that a value padded
#: with characters we drop still fills the widget, small enough that a megabyte costs nothing.
_SLACK = 4


def strip_controls(text: str, keep_newlines: bool = False) -> str:
    """Remove bidi controls, C0/C1 controls and invisible characters; tabs become spaces."""
    text = _LINE_BREAKS.sub("\n" if keep_newlines else " ", text)
    return _DROP.sub("", text.replace("\t", " "))


def elide(text: str, limit: int) -> str:
    """At most `limit` characters, the last of them "…" when something was cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)].rstrip() + ELLIPSIS


def one_line(untrusted: str, limit: int = LINE_CHARS) -> str:
    """A single-line value, cleaned and cut, not yet isolated (for places that show it alone,
    such as an editable field or a window title)."""
    head = untrusted[: limit * _SLACK + 16]
    text = _SPACES.sub(" ", strip_controls(head)).strip()
    if len(head) < len(untrusted) and len(text) <= limit:
        text = text.rstrip() + ELLIPSIS  # cut before cleaning: say so
    return elide(text, limit)


def isolate(text: str) -> str:
    """Wrap an already cleaned value so its direction stays inside it."""
    return f"{FSI}{text}{PDI}" if text else ""


def name(untrusted: str) -> str:
    """A display name or pronouns, ready to put inside a sentence."""
    return isolate(one_line(untrusted, NAME_CHARS))


def space_name(untrusted: str) -> str:
    """A space's name, ready to put inside a sentence."""
    return isolate(one_line(untrusted, SPACE_NAME_CHARS))


def line(untrusted: str, limit: int = LINE_CHARS) -> str:
    """A title, content warning, space name or reason, ready to put inside a sentence."""
    return isolate(one_line(untrusted, limit))


def block(untrusted: str, limit: int = BLOCK_CHARS) -> str:
    """Several lines (a description, guidelines): cleaned and cut, line breaks kept. Each
    line is its own bidi paragraph, so no isolates are needed."""
    head = untrusted[: limit * _SLACK + 16]
    text = strip_controls(head, keep_newlines=True).strip()
    if len(head) < len(untrusted) and len(text) <= limit:
        text += ELLIPSIS
    return elide(text, limit)
