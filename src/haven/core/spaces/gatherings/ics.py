"""An event as an RFC 5545 calendar file, written by the `icalendar` library: DTSTART/DTEND in
the event's own zone with its VTIMEZONE, the repeat as an RRULE, a cancelled event as
STATUS:CANCELLED. The place goes in only when the caller asks and this device holds it."""

from __future__ import annotations

from datetime import UTC, datetime

import icalendar

from haven.core.spaces.gatherings.details import FREQS, in_zone
from haven.core.spaces.gatherings.model import Gathering

PRODID = "-//Haven//Events//EN"


def to_ics(g: Gathering, place: str | None, now_s: int) -> bytes:
    d = g.details
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
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
    cal.add_component(event)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())
