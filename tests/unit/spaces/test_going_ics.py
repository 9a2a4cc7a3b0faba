"""A person's going-list as one .ics (core/spaces/gatherings/service.py `export_going`, ics.py
`calendar`): every event they answered "going" in every space, parsed back by `icalendar` with
the same times; no place unless asked, and then only the places revealed to them — never one
of an event that needs approval they lack; the CLI never overwrites a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import icalendar
import pytest

from haven.cli import main
from haven.core import session as core_session
from haven.errors import InvalidInput
from tests.helpers import PASSPHRASE
from tests.space_helpers import T0, clocked_circle, sync

NOW = T0 // 1000
DAY = 86_400


def _event(title: str, start: int, **extra: Any) -> dict[str, Any]:
    return {"kind": "in_person", "title": title, "start": start, "end": start + 3600,
            "tz": "Europe/London", **extra}  # fmt: skip


def _events(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_the_going_list_and_its_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (ari, bea), _, circle = clocked_circle(tmp_path, ["ari", "bea"])
    other = ari.spaces.create_space("Elsewhere", display_name="Ari")
    g = ari.spaces.gatherings
    open_ = g.create(circle, _event("Open", NOW + DAY), place="Qzplaceopen, 1 Road")
    gated = g.create(circle, _event("Gated", NOW + 2 * DAY, approval=True), place="Qzplacegated")
    plain = g.create(circle, _event("Plain", NOW + 3 * DAY, repeat="weekly", repeat_count=2))
    maybe = g.create(circle, _event("Maybe", NOW + 4 * DAY))
    g.create(other, _event("Not hers", NOW + DAY))  # a space she is not in
    sync(circle, ari, bea)
    b = bea.spaces.gatherings
    for gid in (open_, gated, plain):
        b.rsvp(circle, gid, "going")
    b.rsvp(circle, maybe, "maybe")
    sync(circle, ari, bea)
    assert g.publish_due() == 1  # the open event's place, to the one who has a place
    sync(circle, ari, bea)
    assert b.show(circle, open_).place is not None and b.show(circle, gated).place is None

    data, count = b.export_going()
    found = _events(data)
    assert count == 3 and set(found) == {"Open", "Gated", "Plain"}
    assert b"Qzplace" not in data and all("LOCATION" not in e for e in found.values())
    assert found["Plain"]["RRULE"]["COUNT"] == [2]
    assert int(found["Open"].decoded("DTSTART").timestamp()) == NOW + DAY  # times round-trip
    assert str(found["Open"].decoded("DTSTART").tzinfo) == "Europe/London"

    asked, _ = b.export_going(with_place=True)
    found = _events(asked)
    assert str(found["Open"]["LOCATION"]) == "Qzplaceopen, 1 Road"
    assert "LOCATION" not in found["Gated"] and b"Qzplacegated" not in asked
    # Approved, she gets the gated place; once the approval is withdrawn her device erases
    # its copy: it is in neither her file nor her vault.
    bea_pk = next(m.member_pk for m in ari.spaces.members(circle) if m.display_name == "Bea")
    g.approve(circle, gated, bea_pk)
    sync(circle, ari, bea)
    assert g.publish_due() == 1
    sync(circle, ari, bea)
    assert "LOCATION" in _events(b.export_going(with_place=True)[0])["Gated"]
    g.approve(circle, gated, bea_pk, approved=False)
    sync(circle, ari, bea)
    assert b.show(circle, gated).place is None and not b.show(circle, gated).my_approved
    with bea.vault.read() as conn:
        assert not conn.execute(
            "SELECT 1 FROM space_gatherings WHERE location LIKE '%Qzplacegated%'"
        ).fetchall()
    assert b"Qzplacegated" not in b.export_going(with_place=True)[0]
    with pytest.raises(InvalidInput, match="not been revealed"):  # nor in the one-event file
        b.export_ics(circle, gated, with_place=True)
    # The organiser going to her own event gets its place (she holds it).
    g.rsvp(circle, gated, "going")
    assert str(_events(g.export_going(with_place=True)[0])["Gated"]["LOCATION"]) == "Qzplacegated"

    # Through the CLI: one line to stderr, never over an existing file.
    bea.lock()
    monkeypatch.setenv("HAVEN_PASSPHRASE", PASSPHRASE)
    dest = tmp_path / "going.ics"
    args = ["--data-dir", str(tmp_path / "bea"), "event", "export-going", str(dest)]
    assert main.main(args) == 0 and "Wrote 3 events" in capsys.readouterr().err
    assert b"Qzplace" not in dest.read_bytes() and len(_events(dest.read_bytes())) == 3
    assert dest.stat().st_mode & 0o777 == 0o600  # a calendar may hold a place: this user's only
    assert main.main(args) == InvalidInput.exit_code
    assert "already exists" in capsys.readouterr().err

    # Removed from the space, she has no going-list there any more.
    bea = core_session.unlock(tmp_path / "bea", PASSPHRASE)
    ari.spaces.remove_member(circle, bea_pk)
    sync(circle, ari, bea)
    assert bea.spaces.gatherings.export_going()[1] == 0
    bea.lock()
