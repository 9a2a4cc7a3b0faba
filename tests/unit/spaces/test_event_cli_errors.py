"""`haven event` in-process (no subprocess: the journey over a relay is
tests/integration/test_event_cli_journey.py): every mistake a person can make is one
`haven: error:` line with exit code 2 or 9 and nothing written; the JSON of `show` carries the
place for the organiser who holds it; an export never overwrites a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from haven.cli import main
from haven.cli.event_format import TEST_NOW_ENV
from haven.core.spaces.gatherings.details import local_to_utc
from haven.errors import InvalidInput, NotFound
from tests.helpers import PASSPHRASE, new_session

BASE = ["event", "create", "Circle", "--title", "Tea", "--tz", "Europe/London"]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    s = new_session(tmp_path / "ari", "Ari")
    s.spaces.create_space("Circle", display_name="Ari")
    s.lock()
    monkeypatch.setenv("HAVEN_PASSPHRASE", PASSPHRASE)

    def go(*args: str) -> tuple[int, str, str]:
        code = main.main(["--data-dir", str(tmp_path / "ari"), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return go


MISTAKES = [
    (["--start", "2027-03-28T01:30"], "does not exist in Europe/London"),
    (["--start", "2027-03-01T18:00", "--tz", "Mars/Olympus"], "unknown time zone"),
    (["--start", "next tuesday"], "not a date and time"),
    (["--start", "2027-03-01T18:00", "--reveal-at", "2027-02-28T18:00"], "needs --location"),
    (["--start", "2027-03-01T18:00", "--repeat", "weekly"], "at least twice"),
    (["--start", "2027-03-01T18:00", "--end", "2027-03-01T17:00"], "ends after it starts"),
    (["--start", "2027-03-01T18:00", "--capacity", "-3"], "--capacity"),
]


def test_a_mistake_is_one_clear_line_and_nothing_is_made(run) -> None:
    for extra, words in MISTAKES:
        code, out, err = run(*BASE, *extra)
        assert code == InvalidInput.exit_code and out == "", extra
        assert err.startswith("haven: error:") and words in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    assert json.loads(run("event", "list", "Circle", "--json")[1]) == []


def test_show_export_and_unknown_events(run, tmp_path: Path) -> None:
    code, out, _ = run(*BASE, "--start", "2027-03-01T18:00", "--location", "12 Hidden St")
    gid = out.strip()
    assert code == 0 and len(gid) == 64
    shown = json.loads(
        run("event", "show", "Circle", gid[:6], "--json", "--in-tz", "Asia/Beirut")[1]
    )
    assert shown["location"] == "12 Hidden St" and shown["i_organise"]
    assert shown["start"] == "2027-03-01T18:00:00+00:00" and "20:00" in shown["start_local"]
    dest = tmp_path / "tea.ics"
    assert run("event", "export", "Circle", gid[:6], str(dest))[0] == 0
    before = dest.read_bytes()
    assert b"LOCATION" not in before
    code, _, err = run("event", "export", "Circle", gid[:6], str(dest), "--with-location")
    assert code == InvalidInput.exit_code and "already exists" in err
    assert dest.read_bytes() == before
    code, _, err = run("event", "rsvp", "Circle", "abcdef12", "going")
    assert code == NotFound.exit_code and "no event" in err
    assert run("event", "show", "Circle", gid[:6], "--in-tz", "Nowhere/Else")[0] == 2


def test_upcoming_lists_every_space_soonest_first(run) -> None:
    assert run("event", "upcoming")[1].strip() == "No upcoming events in your spaces."
    run(*BASE, "--start", "2027-04-01T18:00", "--title", "Later")
    run(*BASE, "--start", "2027-03-01T18:00", "--repeat", "weekly", "--times", "2")
    code, out, _ = run("event", "upcoming", "--json", "--in-tz", "Asia/Beirut")
    rows = json.loads(out)
    assert code == 0 and [r["title"] for r in rows] == ["Tea", "Tea", "Later"]
    assert rows[0]["space"]["name"] == "Circle" and "location" not in rows[0]
    assert rows[0]["occurrence_start"] == "Mon 01 Mar 2027 20:00 EET"
    assert rows[1]["occurrence_start"] == "Mon 08 Mar 2027 20:00 EET"
    text = run("event", "upcoming", "--limit", "1", "--in-tz", "Europe/London")[1]
    assert text.strip().endswith("Mon 01 Mar 2027 18:00 GMT  Circle: Tea")
    code, _, err = run("event", "upcoming", "--limit", "0")
    assert code == InvalidInput.exit_code and err.startswith("haven: error: --limit")


def test_list_and_show_give_a_repeating_events_next_occurrence(run, monkeypatch) -> None:
    """Not its first date: on 27 March a weekly event from 1 March is next on the 29th (18:00
    in London, now summer time: 17:00 UTC); an event that is over comes after it."""
    run(*BASE, "--start", "2027-03-01T18:00", "--repeat", "weekly", "--times", "10")
    run(*BASE, "--start", "2027-03-10T18:00", "--title", "Past")
    monkeypatch.setenv(TEST_NOW_ENV, str(local_to_utc("2027-03-27T12:00", "UTC") * 1000))
    lines = run("event", "list", "Circle", "--in-tz", "Europe/London")[1].splitlines()
    assert [line.split("  ", 1)[1] for line in lines] == [
        "Mon 29 Mar 2027 18:00 BST  Tea",
        "Wed 10 Mar 2027 18:00 GMT  Past",
    ]
    gid = lines[0].split()[0]
    shown = json.loads(run("event", "show", "Circle", gid, "--json")[1])
    assert shown["start"] == "2027-03-01T18:00:00+00:00"  # the event as set
    assert shown["next_start"] == "2027-03-29T17:00:00+00:00"
    assert shown["next_end"] == "2027-03-29T19:00:00+00:00"
    text = run("event", "show", "Circle", gid, "--in-tz", "Europe/London")[1]
    assert "When: Mon 29 Mar 2027 18:00 BST – Mon 29 Mar 2027 20:00 BST" in text
    assert "Repeats: weekly, 10 times, from Mon 01 Mar 2027 18:00 GMT" in text
    monkeypatch.setenv(TEST_NOW_ENV, str(local_to_utc("2027-06-01T12:00", "UTC") * 1000))
    past = json.loads(run("event", "show", "Circle", gid, "--json")[1])
    assert past["next_start"] is None and "Mon 01 Mar 2027" in past["start_local"]
