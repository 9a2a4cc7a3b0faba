"""An event as an RFC 5545 calendar file, written by the `icalendar` library: DTSTART/DTEND in
the event's own zone with its VTIMEZONE, the repeat as an RRULE, a cancelled event as
STATUS:CANCELLED. The place goes in only when the caller asks and this device holds it. A
person's going-list is one calendar of several such events (`calendar`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import icalendar

from haven.core.spaces.gatherings.details import FREQS, in_zone
from haven.core.spaces.gatherings.model import Gathering

PRODID = "-//Haven//Events//EN"


def to_ics(g: Gathering, place: str | None, now_s: int) -> bytes:
    return calendar([(g, place)], now_s)


def calendar(items: Sequence[tuple[Gathering, str | None]], now_s: int) -> bytes:
    """One calendar of several events (a person's going-list), each with its place or None."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    for g, place in items:
        cal.add_component(_event(g, place, now_s))
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def _event(g: Gathering, place: str | None, now_s: int) -> icalendar.Event:
    d = g.details
    event = icalendar.Event()
    event.add("uid", f"{g.gathering_id.hex()}@haven.invalid")
    event.add("dtstamp", datetime.fromtimestamp(now_s, UTC))
    event.add("summary", d.title)
    if d.description:
        event.add("description", d.description)
    event.add("dtstart", in_zone(d.start, d.tz))
    if d.end is not None:
        event.add("dtend", in_zone(d.end, d.tz))
    if d.repeat:
        assert d.repeat in FREQS
        event.add("rrule", {"freq": d.repeat.upper(), "count": d.repeat_count})
    if g.cancelled:
        event.add("status", "CANCELLED")
    if place is not None:
        event.add("location", place)
    return event
