"""What an event (a gathering) says about itself, checked: kind, title, description, times in
an IANA zone, recurrence, capacity and the organisers' choices.

Times are stored as UTC seconds plus the zone the organiser named (`zoneinfo`), so an event at
18:00 in Europe/London stays at 18:00 there across a clock change, and every reader sees it in
their own zone. A local time the clocks skip (the spring gap) is refused; one they repeat (the
autumn overlap) is its first occurrence (`fold=0`), as calendar programs do. Recurrences are
expanded by `dateutil.rrule` in the event's zone (wall-clock repeats, RFC 5545 semantics).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import rrule

from haven.core.spaces import events as ev
from haven.errors import InvalidInput

KINDS = ("in_person", "online", "hybrid")
FREQS = {"weekly": rrule.WEEKLY, "monthly": rrule.MONTHLY}
MAX_DESCRIPTION = 10_000
MAX_PLACE = 2_000
MAX_CAPACITY = 100_000
MAX_REPEATS = 520
MAX_ORGANISERS = 32
#: How long an event without an end is taken to last; how long one lasts at most (longer:
#: repeat it); how long a new one lasts unless told.
NO_END_S = 3600
LONGEST_S = 31 * 86400
DEFAULT_LENGTH_S = 2 * 3600
REF_BYTES = 16
#: Times outside these years are refused (a peer's 9999-12-31 or year 1 breaks nothing).
MIN_YEAR, MAX_YEAR = 2000, 2200


@dataclass(frozen=True)
class Details:
    ref: bytes  # random, chosen at creation: what sealed boxes of this event are bound to
    kind: str
    title: str
    description: str
    start: int  # UTC seconds
    end: int | None
    tz: str
    repeat: str  # "", "weekly" or "monthly"
    repeat_count: int
    capacity: int  # 0: no limit
    approval: bool
    hide_counts: bool
    has_place: bool
    reveal_at: int | None  # UTC seconds; None: as soon as someone is attending
    organisers: tuple[bytes, ...]  # named besides the author

    def to_content(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "kind": self.kind,
            "title": self.title,
            "description": self.description,
            "start": self.start,
            "end": self.end,
            "tz": self.tz,
            "repeat": self.repeat,
            "repeat_count": self.repeat_count,
            "capacity": self.capacity,
            "approval": self.approval,
            "hide_counts": self.hide_counts,
            "has_place": self.has_place,
            "reveal_at": self.reveal_at,
            "organisers": list(self.organisers),
        }

    def with_changes(self, **changes: Any) -> Details:
        return check(replace(self, **changes).to_content())


def zone(name: object) -> ZoneInfo:
    if not isinstance(name, str) or not name or len(name) > 64:
        raise InvalidInput("a time zone is an IANA name such as Europe/London")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            f"unknown time zone: {name!r} (use a name such as Europe/London)"
        ) from None


def _utc_seconds(value: object, what: str) -> int:
    if type(value) is not int:
        raise InvalidInput(f"malformed {what}")
    low = int(datetime(MIN_YEAR, 1, 1, tzinfo=UTC).timestamp())
    high = int(datetime(MAX_YEAR, 1, 1, tzinfo=UTC).timestamp())
    if not low <= value < high:
        raise InvalidInput(f"{what} is outside the years {MIN_YEAR}–{MAX_YEAR}")
    return value


def local_to_utc(text: str, tz: str) -> int:
    """'2027-03-01T18:00' in `tz` → UTC seconds. Refuses a time the clocks skip there."""
    try:
        naive = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"not a date and time: {text!r} (write 2027-03-01T18:00)") from None
    if naive.tzinfo is not None:
        raise InvalidInput("give the time without an offset, and the zone with --tz")
    z = zone(tz)
    aware = naive.replace(tzinfo=z, fold=0)
    back = aware.astimezone(UTC).astimezone(z).replace(tzinfo=None)
    if back != naive:
        raise InvalidInput(
            f"{naive:%Y-%m-%d %H:%M} does not exist in {tz}: the clocks go forward then"
        )
    return _utc_seconds(int(aware.timestamp()), "the time")


def in_zone(utc_s: int, tz: str) -> datetime:
    """A stored time as the wall-clock time in `tz` (the reader's zone)."""
    return datetime.fromtimestamp(utc_s, UTC).astimezone(zone(tz))


def occurrences(d: Details, limit: int = MAX_REPEATS) -> list[tuple[int, int | None]]:
    """(start, end) in UTC seconds of each occurrence, the first one included. A repeat keeps
    the wall-clock time in the event's zone, so its UTC time moves with the clocks."""
    if not d.repeat:
        return [(d.start, d.end)]
    first = in_zone(d.start, d.tz)
    length = None if d.end is None else d.end - d.start
    rule = rrule.rrule(FREQS[d.repeat], dtstart=first.replace(tzinfo=None), count=d.repeat_count)
    out: list[tuple[int, int | None]] = []
    for naive in list(rule)[:limit]:
        start = int(naive.replace(tzinfo=zone(d.tz), fold=0).timestamp())
        out.append((start, None if length is None else start + length))
    return out


def next_occurrence(d: Details, now_s: int) -> tuple[int, int | None] | None:
    """The first occurrence that has not ended by `now_s` (None: all are over)."""
    for start, end in occurrences(d):
        if (end if end is not None else start + NO_END_S) > now_s:
            return start, end
    return None


def _bool(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput(f"malformed {what}")
    return value


def _count(value: object, high: int, what: str) -> int:
    if type(value) is not int or not 0 <= value <= high:
        raise InvalidInput(f"{what} is a whole number from 0 to {high}")
    return value


def check(content: dict[str, Any]) -> Details:
    """Details from an event's content (a peer's or ours); InvalidInput if anything is off."""
    ref = content.get("ref")
    if not (isinstance(ref, bytes) and len(ref) == REF_BYTES):
        raise InvalidInput("malformed event reference")
    kind = content.get("kind")
    if kind not in KINDS:
        raise InvalidInput("an event is in person, online or hybrid")
    tz = content.get("tz")
    zone(tz)
    assert isinstance(tz, str)
    start = _utc_seconds(content.get("start"), "the start")
    end_raw = content.get("end")
    end = None if end_raw is None else _utc_seconds(end_raw, "the end")
    if end is not None and end <= start:
        raise InvalidInput("an event ends after it starts")
    if end is not None and end - start > LONGEST_S:
        raise InvalidInput("an event lasts at most 31 days (repeat it instead)")
    repeat = content.get("repeat", "")
    if repeat not in ("", *FREQS):
        raise InvalidInput("an event repeats weekly or monthly")
    count = _count(content.get("repeat_count", 0), MAX_REPEATS, "the number of repeats")
    if repeat and count < 2:
        raise InvalidInput("a repeating event happens at least twice")
    reveal_raw = content.get("reveal_at")
    reveal = None if reveal_raw is None else _utc_seconds(reveal_raw, "the reveal time")
    organisers = content.get("organisers", [])
    if not (
        isinstance(organisers, list)
        and len(organisers) <= MAX_ORGANISERS
        and all(isinstance(o, bytes) and len(o) == ev.KEY_BYTES for o in organisers)
    ):
        raise InvalidInput("malformed organiser list")
    return Details(
        ref=ref,
        kind=str(kind),
        title=ev.clean_text(content.get("title"), ev.MAX_TITLE, "a title", required=True),
        description=ev.clean_text(
            content.get("description", ""), MAX_DESCRIPTION, "a description", multiline=True
        ),
        start=start,
        end=end,
        tz=tz,
        repeat=str(repeat),
        repeat_count=count if repeat else 0,
        capacity=_count(content.get("capacity", 0), MAX_CAPACITY, "the capacity"),
        approval=_bool(content.get("approval", False), "approval flag"),
        hide_counts=_bool(content.get("hide_counts", False), "counts flag"),
        has_place=_bool(content.get("has_place", False), "place flag"),
        reveal_at=reveal,
        organisers=tuple(dict.fromkeys(organisers)),
    )


def clean_place(text: object) -> str:
    return ev.clean_text(text, MAX_PLACE, "a place", multiline=True, required=True)


def default_end(start: int) -> int:
    return start + DEFAULT_LENGTH_S
