"""Event times (core/spaces/gatherings/details.py, ics.py): stored as UTC plus the IANA zone,
shown in the reader's zone; clock changes in Europe/London and Asia/Beirut (skipped times
refused, repeated ones their first occurrence, repeats keeping the wall-clock time); a
peer's malformed details refused; the .ics parsed back by `icalendar` with the same times."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import icalendar
import pytest

from haven.core.spaces.gatherings.details import check, in_zone, local_to_utc, occurrences
from haven.core.spaces.gatherings.ics import to_ics
from haven.core.spaces.gatherings.model import Gathering
from haven.errors import InvalidInput


def _utc(*parts: int) -> int:
    return int(datetime(*parts, tzinfo=UTC).timestamp())


def _details(**extra: Any) -> dict[str, Any]:
    start = local_to_utc("2027-03-21T18:00", "Europe/London")
    return {
        "ref": b"r" * 16,
        "kind": "hybrid",
        "title": "Support evening",
        "start": start,
        "end": start + 5400,
        "tz": "Europe/London",
        **extra,
    }


def test_london_and_beirut_clock_changes() -> None:
    # London: clocks go forward at 01:00 GMT on 2027-03-28, back at 02:00 BST on 2027-10-31.
    with pytest.raises(InvalidInput, match="does not exist"):
        local_to_utc("2027-03-28T01:30", "Europe/London")
    assert local_to_utc("2027-10-31T01:30", "Europe/London") == _utc(2027, 10, 31, 0, 30)
    # Beirut: forward at 00:00 on the last Sunday of March, back at 00:00 on October's.
    with pytest.raises(InvalidInput, match="does not exist"):
        local_to_utc("2027-03-28T00:30", "Asia/Beirut")
    assert local_to_utc("2027-10-30T23:30", "Asia/Beirut") == _utc(2027, 10, 30, 20, 30)
    # An evening across London's change lasts its real length.
    start = local_to_utc("2027-03-28T00:30", "Europe/London")
    end = local_to_utc("2027-03-28T03:00", "Europe/London")
    assert end - start == 90 * 60
    # Shown in the reader's zone.
    assert in_zone(start, "Asia/Beirut").strftime("%H:%M") == "03:30"  # already summer time there


def test_a_weekly_repeat_keeps_its_wall_clock_time_across_the_change() -> None:
    d = check(_details(repeat="weekly", repeat_count=3))
    starts = [s for s, _ in occurrences(d)]
    assert starts == [_utc(2027, 3, 21, 18), _utc(2027, 3, 28, 17), _utc(2027, 4, 4, 17)]
    beirut = check(
        _details(
            start=local_to_utc("2027-10-24T18:00", "Asia/Beirut"),
            end=None,
            tz="Asia/Beirut",
            repeat="monthly",
            repeat_count=2,
        )
    )
    assert [in_zone(s, "Asia/Beirut").hour for s, _ in occurrences(beirut)] == [18, 18]
    assert [s for s, _ in occurrences(beirut)] == [_utc(2027, 10, 24, 15), _utc(2027, 11, 24, 16)]


@pytest.mark.parametrize(
    "bad",
    [
        {"tz": "Mars/Olympus"},
        {"start": 2**70},
        {"start": -5},
        {"end": 0},
        {"capacity": -1},
        {"capacity": True},
        {"kind": "secret"},
        {"repeat": "hourly", "repeat_count": 3},
        {"organisers": ["me"]},
        {"ref": b"short"},
        {"title": ""},
        {"approval": "yes"},
    ],
)
def test_a_peers_malformed_details_are_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(InvalidInput):
        check(_details(**bad))


def _gathering(**extra: Any) -> Gathering:
    return Gathering(
        b"\x01" * 32,
        b"\x02" * 16,
        check(_details(**extra)),
        ((b"\x03" * 32, "Ari"),),
        False,
        True,
        "12 Hidden St",
        None,
        False,
        False,
        None,
    )


def test_the_ics_parses_and_round_trips_times() -> None:
    g = _gathering(repeat="weekly", repeat_count=3, description="Line one\nLine two")
    cal = icalendar.Calendar.from_ical(to_ics(g, None, _utc(2027, 1, 1)))
    (event,) = cal.walk("VEVENT")
    assert event.decoded("dtstart").timestamp() == g.details.start
    assert event.decoded("dtend").timestamp() == g.details.end
    assert str(event.decoded("dtstart").tzinfo) == "Europe/London"
    assert cal.walk("VTIMEZONE"), "a TZID needs its VTIMEZONE (RFC 5545 3.2.19)"
    assert event["rrule"]["FREQ"] == ["WEEKLY"] and event["rrule"]["COUNT"] == [3]
    assert "LOCATION" not in event
    assert str(event["summary"]) == "Support evening"
    with_place = icalendar.Calendar.from_ical(to_ics(g, "12 Hidden St", _utc(2027, 1, 1)))
    assert str(with_place.walk("VEVENT")[0]["location"]) == "12 Hidden St"
