"""Parsing and printing shared by the CLI commands: dates, moods, text from stdin, entry
lines and JSON. Printing strips terminal control characters, so no entry text (which may
have come from another device) can move the cursor or rewrite the screen."""

from __future__ import annotations

import datetime
import json
import re
import sys
from collections.abc import Iterable
from typing import Any

from haven.core.export import entry_to_dict
from haven.core.journal import JournalEntry
from haven.errors import InvalidInput

TITLE_COLUMN_CHARS = 48
SHORT_ID_CHARS = 12
# Terminal controls, and bidi controls (a title "report\u202etxt.exe" must not print reversed
# in a terminal that lays text out bidirectionally).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_C1_IN_JSON = re.compile(r"[\x7f-\x9f]")


def parse_mood(text: str | None) -> int | None:
    if text is None:
        return None
    if not re.fullmatch(r"\s*[1-5]\s*", text):
        raise InvalidInput("mood is a whole number from 1 to 5")
    return int(text)


def parse_limit(text: str | None) -> int:
    if text is None:
        return -1
    if not re.fullmatch(r"\s*\d+\s*", text) or int(text) < 1:
        raise InvalidInput("--limit is a whole number of at least 1")
    return int(text)


def parse_since(text: str) -> int:
    """DATE (YYYY-MM-DD, from the start of that local day) or an ISO-8601 date-time."""
    return _parse_moment(text, "--since", end_of_day=False)


def parse_until(text: str) -> int:
    """Exclusive bound in ms: a DATE includes that whole local day; a date-time includes
    that instant."""
    return _parse_moment(text, "--until", end_of_day=True)


def _parse_moment(text: str, flag: str, *, end_of_day: bool) -> int:
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError:
            raise InvalidInput(f"{flag}: {text} is not a valid date") from None
        if end_of_day:
            day += datetime.timedelta(days=1)
        moment = datetime.datetime.combine(day, datetime.time()).astimezone()
        return int(moment.timestamp() * 1000)
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            f"{flag}: use a date like 2026-03-31 or a date-time like 2026-03-31T18:30"
        ) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a naive time means local time
    ms = int(moment.timestamp() * 1000)
    return ms + 1 if end_of_day else ms


def read_text(arg: str) -> str:
    """The argument itself, or all of stdin (UTF-8) when it is `-`."""
    if arg != "-":
        return arg
    if sys.stdin.isatty():
        print("Write your entry; end it with Ctrl-D on a line of its own.", file=sys.stderr)
    try:
        return sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("the text on standard input is not UTF-8") from None


def clean(text: str) -> str:
    """Replace terminal and bidi control characters (newlines and tabs are kept), visibly."""
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", text)


def local_time(ms: int) -> str:
    return datetime.datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d %H:%M")


def summary(entry: JournalEntry) -> str:
    """Title, or else the first non-empty line of the body, on one short line."""
    text = entry.title or next((ln for ln in entry.body.splitlines() if ln.strip()), "")
    text = " ".join(clean(text).split())
    if len(text) > TITLE_COLUMN_CHARS:
        text = text[: TITLE_COLUMN_CHARS - 1] + "…"
    return text


def entry_line(entry: JournalEntry) -> str:
    mood = f"mood {entry.mood}" if entry.mood is not None else "      "
    tags = " ".join("#" + t for t in entry.tags)
    line = (
        f"{entry.entry_id.hex()[:SHORT_ID_CHARS]}  {local_time(entry.created_ms)}  {mood}"
        f"  {summary(entry):<{TITLE_COLUMN_CHARS}}  {clean(tags)}"
    )
    return line.rstrip()


def print_entries(entries: Iterable[JournalEntry], as_json: bool) -> None:
    items = list(entries)
    if as_json:
        print_json([entry_to_dict(e) for e in items])
        return
    for entry in items:
        print(entry_line(entry))
    if not items:
        print("No entries.", file=sys.stderr)


def print_entry(entry: JournalEntry, as_json: bool) -> None:
    if as_json:
        print_json(entry_to_dict(entry))
        return
    print(f"id:      {entry.entry_id.hex()}")
    print(f"created: {local_time(entry.created_ms)}")
    if entry.updated_ms != entry.created_ms:
        print(f"updated: {local_time(entry.updated_ms)}")
    if entry.mood is not None:
        print(f"mood:    {entry.mood}")
    if entry.tags:
        print(f"tags:    {clean(' '.join('#' + t for t in entry.tags))}")
    if entry.title:
        print(f"title:   {' '.join(clean(entry.title).split())}")
    print()
    print(clean(entry.body))


def print_json(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    # json escapes C0 controls; escape C1 too (some terminals act on them).
    print(_C1_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def and_list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def warn(message: str) -> None:
    print(f"haven: warning: {message}", file=sys.stderr)


def warn_other_copy(events: int) -> None:
    """Another copy of this vault wrote events (an older backup put back, a copied folder)."""
    if events:
        warn(
            f"another copy of this vault wrote {events} event(s) this copy had not seen (a"
            " copied data folder, or an older backup put back by hand?); they were fetched"
            " now. Keep using only one copy: two copies writing at once fork its history. To"
            " move to another computer, use haven backup and haven restore."
        )


def note_newer_events(events: int) -> None:
    """Events of a type this version does not know arrived (a member runs a newer Haven)."""
    if events:
        warn(
            f"{events} event(s) came from a newer version of Haven; they were kept and are"
            " passed on to your other peers, but this version cannot show them. Update Haven"
            " to see them."
        )
