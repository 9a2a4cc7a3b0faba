"""Timers of disappearing posts, as values: their bounds, how people write them ("1h",
"2d", "1w", "off") and how they are said. Shared by the rules, the service and the CLI."""

from __future__ import annotations

from haven.core.envelope import Event
from haven.core.spaces import events as ev
from haven.errors import InvalidInput

#: A post disappears between an hour and four weeks after a device first stored it.
MIN_S = 3600
MAX_S = 28 * 86400
_UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def valid(value: object) -> bool:
    return type(value) is int and MIN_S <= value <= MAX_S


def clean(value: object) -> int | None:
    """A post's or a setting's `disappear` field: None when absent; InvalidInput when it is
    not a whole number of seconds from an hour to four weeks."""
    if value is None:
        return None
    if not valid(value):
        raise InvalidInput("a disappearing timer is from 1 hour to 4 weeks")
    assert isinstance(value, int)
    return value


def parse(text: str) -> int:
    """'1h', '90m', '2d', '1w' → seconds; 'off' → 0."""
    raw = text.strip().lower()
    if raw in ("off", "0", "never"):
        return 0
    number, unit = raw[:-1], raw[-1:]
    if unit not in _UNITS or not number.isdigit():
        raise InvalidInput("a timer is written like 1h, 12h, 2d or 1w (or off)")
    seconds = int(number) * _UNITS[unit]
    clean(seconds)
    return seconds


def effective(space_s: int, requested_s: int | None) -> int | None:
    """The timer a new post gets: the space's, or a shorter one asked for. Longer than the
    space's is refused (every receiver would refuse the post)."""
    if requested_s is not None:
        clean(requested_s)
        if space_s and requested_s > space_s:
            raise InvalidInput("this space's posts disappear sooner; choose a shorter timer")
        return requested_s
    return space_s or None


def text(seconds: int) -> str:
    for unit, size in (("w", 7 * 86400), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def may_expire(event: Event) -> bool:
    """Whether an event in its expired form may be taken (core/redaction.justify): a post,
    edit or chunk whose own signed core carries a valid timer."""
    return event.type in (ev.POST, ev.EDIT, ev.CHUNK) and valid(event.content.get("disappear"))
