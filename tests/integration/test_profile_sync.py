"""The persona's name and pronouns, and each device's name, reach the person's other linked
devices through real sync rounds over TCP on 127.0.0.1 (core/profile.py): the newest rename
by the log's order wins everywhere, whatever the devices' wall clocks say; a malformed rename
changes nothing; a rename undone by an unlink goes away again."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from haven.core.changes import Change, ProfileChanged
from haven.core.clock import now_ms
from haven.core.linking import create_linked, make_bundle
from haven.core.profile import PROFILE
from haven.core.session import Session
from tests.helpers import PASSPHRASE, new_session
from tests.sync_helpers import tcp_sync

YEAR_MS = 365 * 24 * 3600 * 1000


def fast_clock() -> int:
    return now_ms() + YEAR_MS


def shown(s: Session) -> tuple[str, str]:
    persona = s.identity.primary()
    return persona.display_name, persona.pronouns


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    """Two linked devices of one person; the laptop's wall clock runs a year fast."""
    desk = new_session(tmp_path / "desk", "Robin", "they/them")
    laptop = create_linked(
        tmp_path / "laptop", PASSPHRASE, make_bundle(desk), "laptop", clock=fast_clock
    )
    tcp_sync(desk, laptop)
    yield desk, laptop
    for s in (desk, laptop):
        s.lock()


def test_a_rename_reaches_the_linked_device_and_says_so(pair: tuple[Session, Session]) -> None:
    desk, laptop = pair
    heard: list[Sequence[Change]] = []
    laptop.changes.subscribe(heard.append)
    assert desk.profile.update("  Robin   Ash ", "she/they") == desk.identity.primary()
    assert shown(desk) == ("Robin Ash", "she/they")
    tcp_sync(desk, laptop)
    assert shown(laptop) == ("Robin Ash", "she/they")
    assert any(isinstance(c, ProfileChanged) for batch in heard for c in batch)
    # And back the other way, with the device's own name too.
    laptop.profile.update("Ash", "")
    laptop.devices.rename_this_device("old laptop")
    tcp_sync(desk, laptop)
    assert shown(desk) == ("Ash", "")
    labels = {d.device_id: d.label for d in desk.devices.list()}
    assert labels[laptop.identity.device_id] == "old laptop"


def test_the_later_rename_wins_by_the_log_not_the_wall_clock(
    pair: tuple[Session, Session],
) -> None:
    desk, laptop = pair
    # The laptop's clock is a year ahead: its rename *says* it was written later.
    laptop.profile.update("Written on the fast laptop", "")
    tcp_sync(desk, laptop)
    # The desk has seen it, so the desk's rename comes after it in the log, and wins on
    # both devices although its wall clock is a year behind.
    desk.profile.update("Written after, on the desk", "")
    tcp_sync(desk, laptop)
    assert shown(desk) == shown(laptop) == ("Written after, on the desk", "")


def test_renames_made_apart_settle_the_same_on_both(pair: tuple[Session, Session]) -> None:
    desk, laptop = pair
    desk.profile.update("Desk name", "")
    laptop.profile.update("Laptop name", "")
    tcp_sync(desk, laptop)
    assert shown(desk) == shown(laptop)
    assert shown(desk)[0] in ("Desk name", "Laptop name")
    # A rebuild of the projections keeps the same winner.
    for s in (desk, laptop):
        s.log.rebuild_projections(s.journal.space_id)
    assert shown(desk) == shown(laptop)


@pytest.mark.parametrize(
    "content",
    [
        {"display_name": "   ", "pronouns": ""},
        {"display_name": "x" * 65, "pronouns": ""},
        {"display_name": "Fine", "pronouns": "p" * 33},
        {"display_name": 7, "pronouns": ""},
        {"pronouns": "she/her"},
    ],
)
def test_a_malformed_rename_changes_nothing(
    pair: tuple[Session, Session], content: dict[str, object]
) -> None:
    desk, laptop = pair
    before = shown(desk)
    laptop.log.append(laptop.journal.space_id, PROFILE, content)  # a buggy or hostile device
    tcp_sync(desk, laptop)
    assert shown(desk) == before
    assert shown(laptop) == before


def test_a_rename_written_after_an_unlink_is_undone(tmp_path: Path) -> None:
    desk = new_session(tmp_path / "desk", "Robin", "they/them")
    phone = create_linked(tmp_path / "phone", PASSPHRASE, make_bundle(desk), "phone")
    stolen = create_linked(tmp_path / "stolen", PASSPHRASE, make_bundle(desk), "laptop")
    for x, y in ((desk, phone), (desk, stolen), (phone, stolen)):
        tcp_sync(x, y)
    for n in range(3):  # the stolen laptop's clock runs ahead of the unlink below
        stolen.journal.add(f"entry {n}")
    stolen.profile.update("Not your name", "")
    tcp_sync(phone, stolen)
    assert shown(phone) == ("Not your name", "")
    desk.devices.unlink(stolen.identity.device_id)  # never saw the laptop's rename
    tcp_sync(desk, phone)
    assert shown(phone) == shown(desk) == ("Robin", "they/them")
    for s in (desk, phone, stolen):
        s.lock()
