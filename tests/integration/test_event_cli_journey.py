"""One journey through the real `haven event` CLI over a real relay on 127.0.0.1: an organiser
makes an event with a hidden place; three members answer; one is approved; the place reaches
only her, and only once the organiser's clock (injected: HAVEN_TEST_NOW_MS) passes the reveal
time; the relay's files hold none of the words; she is removed, another member approved and the
place changed: the new place reaches the new attendee and not her; the .ics export parses with
`icalendar`. The members' own syncs run in-process through the same relay (each vault is used
by one process at a time)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import icalendar

from haven.cli.event_format import TEST_NOW_ENV
from haven.core import session as core_session
from haven.core.session import Session
from haven.errors import InvalidInput
from tests.helpers import PASSPHRASE, new_session
from tests.integration.cli_support import haven, ok
from tests.integration.relay_sync_support import (
    NO_LAN,
    Relay,
    assert_relay_learned_nothing,
)
from tests.integration.test_relay_erasure_sync import relay_round
from tests.space_helpers import join

T = TypeVar("T")
TITLE = "Qztitlecanary support evening"
PLACE = "Qzplacecanary back room, 12 Hidden St"
NEW_PLACE = "Qznewplacecanary upstairs, 14 Hidden St"
NOTES = {"bea": "Qznotebea step-free please", "cai": "Qznotecai", "dan": "Qznotedan"}
BEFORE = int(datetime(2027, 2, 28, 17, 0, tzinfo=UTC).timestamp() * 1000)
AFTER = int(datetime(2027, 2, 28, 18, 0, tzinfo=UTC).timestamp() * 1000)


def _cli(folder: Path, *args: str, now: int = BEFORE) -> str:
    return ok(haven(folder, *args, extra_env={**NO_LAN, TEST_NOW_ENV: str(now)}))


def _as(folder: Path, relay: Relay, act: Callable[[Session], T]) -> T:
    """Open the vault in this process, sync it through the relay, act, sync, lock."""
    s = core_session.unlock(folder, PASSPHRASE)
    try:
        relay_round(s, relay.url)
        out = act(s)
        relay_round(s, relay.url)
        return out
    finally:
        s.lock()


def test_a_hidden_place_reaches_only_approved_attendees_through_cli_and_relay(
    tmp_path: Path,
) -> None:
    relay = Relay(tmp_path / "relay")
    names = ("ari", "bea", "cai", "dan")
    dirs = {n: tmp_path / n for n in names}
    try:
        people = {n: new_session(dirs[n], n.capitalize()) for n in names}
        space = people["ari"].spaces.create_space("Circle", display_name="Ari")
        pks = {n: join(people["ari"], people[n], space, n.capitalize()) for n in names[1:]}
        people["ari"].relays.set_relays(space, [relay.url])
        for n in names:
            relay_round(people[n], relay.url)
        for n in names:  # the relay list reached every member
            relay_round(people[n], relay.url)
            people[n].lock()

        ari, bea, cai = dirs["ari"], dirs["bea"], dirs["cai"]
        gid = _cli(
            ari,
            "event",
            "create",
            "Circle",
            "--title",
            TITLE,
            "--start",
            "2027-03-01T18:00",
            "--tz",
            "Europe/London",
            "--location",
            PLACE,
            "--reveal-at",
            "2027-02-28T18:00",
            "--approval",
            "--capacity",
            "10",
        ).strip()
        _as(ari, relay, lambda s: None)
        _as(bea, relay, lambda s: None)
        _cli(bea, "event", "rsvp", "Circle", gid[:8], "going", "--note", NOTES["bea"])
        _as(bea, relay, lambda s: None)
        for n in ("cai", "dan"):
            _as(
                dirs[n],
                relay,
                lambda s, n=n: s.spaces.gatherings.rsvp(
                    space, bytes.fromhex(gid), "going", NOTES[n]
                ),
            )

        # The organiser reads the guest list and approves Bea, before the reveal time.
        _as(ari, relay, lambda s: None)
        guests = json.loads(_cli(ari, "event", "attendees", "Circle", gid[:8], "--json"))
        assert {g["name"]: g["note"] for g in guests} == {
            "Bea": NOTES["bea"],
            "Cai": NOTES["cai"],
            "Dan": NOTES["dan"],
        }
        _cli(ari, "event", "approve", "Circle", gid[:8], "Bea")
        _cli(ari, "sync")  # runs the reveal step too: not yet the time on its clock
        seen = _as(bea, relay, lambda s: s.spaces.gatherings.show(space, bytes.fromhex(gid)))
        assert seen.my_approved and seen.place is None, "approved, but not yet the time"

        # The organiser's clock passes the reveal time: its sync seals the place to Bea.
        _cli(ari, "sync", now=AFTER)
        _as(bea, relay, lambda s: None)
        shown = json.loads(_cli(bea, "event", "show", "Circle", gid[:8], "--json"))
        assert shown["location"] == PLACE and shown["title"] == TITLE
        for n in ("cai", "dan"):
            g = _as(dirs[n], relay, lambda s: s.spaces.gatherings.show(space, bytes.fromhex(gid)))
            assert g.place is None and not g.my_approved
        unapproved = json.loads(_cli(cai, "event", "show", "Circle", gid[:8], "--json"))
        assert "location" not in unapproved and unapproved["place_hidden"]
        assert unapproved["reveal_at"] == "2027-02-28T18:00:00+00:00"

        # Bea is removed; Cai approved; the place changes: only Cai gets the new one.
        _as(ari, relay, lambda s: s.spaces.remove_member(space, pks["bea"]))
        _as(
            ari, relay, lambda s: s.spaces.gatherings.approve(space, bytes.fromhex(gid), pks["cai"])
        )
        _cli(ari, "event", "edit", "Circle", gid[:8], "--location", NEW_PLACE, now=AFTER)
        _as(ari, relay, lambda s: None)  # the edit sealed the new place to Cai; send it
        assert (
            _as(cai, relay, lambda s: s.spaces.gatherings.show(space, bytes.fromhex(gid))).place
            == NEW_PLACE
        )
        s = core_session.unlock(bea, PASSPHRASE)
        try:
            relay_round(s, relay.url)
            # Removed, her device erased the place it held, and got no new one.
            assert s.spaces.gatherings.show(space, bytes.fromhex(gid)).place is None
        finally:
            s.lock()
        assert_relay_learned_nothing(relay, [TITLE, PLACE, NEW_PLACE, *NOTES.values()], [])

        # The calendar file: the place only for an attendee who asks; none for Dan.
        _cli(
            cai, "event", "export", "Circle", gid[:8], str(tmp_path / "tea.ics"), "--with-location"
        )
        (vevent,) = icalendar.Calendar.from_ical((tmp_path / "tea.ics").read_bytes()).walk("VEVENT")
        assert str(vevent["location"]) == NEW_PLACE
        assert vevent.decoded("dtstart") == datetime(2027, 3, 1, 18, 0, tzinfo=UTC)

        def refuse(s: Session) -> None:
            try:
                s.spaces.gatherings.export_ics(space, bytes.fromhex(gid), with_place=True)
            except InvalidInput as exc:
                assert "not been revealed to you" in str(exc)
            else:
                raise AssertionError("Dan got a place he was never given")

        _as(dirs["dan"], relay, refuse)
    finally:
        relay.stop()
