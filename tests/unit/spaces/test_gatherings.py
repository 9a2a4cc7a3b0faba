"""Community events between real vaults with injected clocks (docs/PROTOCOL.md, "Events"):
who may create, edit, approve and reveal; RSVP details sealed to the organisers; places
decided in log order whatever order events arrived in; the place sealed only to attendees and
only after the reveal time on the organiser's clock; no later update for someone removed or
withdrawn; and each attacker's best move (a forged approval, a forged place, a lifted RSVP)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from haven.core import session as core_session
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.gatherings import boxes
from haven.core.spaces.gatherings.details import local_to_utc
from haven.crypto.sealing import BoxKeyPair
from haven.errors import InvalidInput
from haven.store import log_table as lt
from haven.store.spaces import groups as groups_db
from tests.helpers import PASSPHRASE
from tests.space_helpers import deliver, join, sync

T0 = 1_800_000_000_000  # 2027-01-15, before every event below
PLACE = "Back room, Qzplacecanary Books, 12 Hidden St"
NOTE = "Qznotecanary: I use a wheelchair"


class Clock:
    def __init__(self, now: int = T0) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[tuple[list[Session], list[Clock], bytes, list[bytes]]]:
    clocks = [Clock() for _ in range(4)]
    people = [
        core_session.create(tmp_path / n, PASSPHRASE, n.capitalize(), clock=c)
        for n, c in zip(("ari", "bea", "cai", "dan"), clocks, strict=True)
    ]
    ari, bea, cai, dan = people
    space = ari.spaces.create_space("Circle", display_name="Ari")
    pks = [ari.spaces.members(space)[0].member_pk]
    pks += [join(ari, s, space, n) for s, n in ((bea, "Bea"), (cai, "Cai"), (dan, "Dan"))]
    sync(space, *people)
    yield people, clocks, space, pks
    for s in people:
        s.lock()


def _event(**extra: Any) -> dict[str, Any]:
    start = local_to_utc("2027-03-01T18:00", "Europe/London")
    return {
        "kind": "in_person",
        "title": "Tea evening",
        "description": "**Bring** a mug",
        "start": start,
        "end": start + 7200,
        "tz": "Europe/London",
        **extra,
    }


REVEAL = local_to_utc("2027-02-28T18:00", "Europe/London")


def test_only_organisers_read_the_guest_list_and_a_lifted_answer_counts_for_nothing(circle) -> None:
    (ari, bea, cai, dan), _, space, pks = circle
    gid = ari.spaces.gatherings.create(space, _event(), place=PLACE)
    sync(space, ari, bea, cai, dan)
    bea.spaces.gatherings.rsvp(space, gid, "going", note=NOTE, plus_one=True)
    cai.spaces.gatherings.rsvp(space, gid, "maybe")
    sync(space, ari, bea, cai, dan)

    seen = dan.spaces.gatherings.show(space, gid)
    assert seen.details.title == "Tea evening" and seen.organisers[0][1] == "Ari"
    assert seen.counts is not None and seen.counts.responses == 2 and seen.counts.going is None
    assert seen.place is None and seen.details.has_place
    with pytest.raises(InvalidInput, match="organisers"):
        dan.spaces.gatherings.attendees(space, gid)
    mine = bea.spaces.gatherings.show(space, gid)
    assert (mine.my_answer, mine.my_plus_one) == ("going", True)

    org = ari.spaces.gatherings.show(space, gid)
    assert org.place == PLACE and org.counts is not None
    assert (org.counts.going, org.counts.maybe, org.counts.waiting) == (2, 1, 0)
    guests = {a.name: a for a in ari.spaces.gatherings.attendees(space, gid)}
    assert (
        guests["Bea"].note == NOTE and guests["Bea"].has_place and guests["Cai"].answer == "maybe"
    )
    # Dan's vault holds neither the note nor the place (sealed to other devices).
    assert not _vault_holds(dan, NOTE) and not _vault_holds(dan, PLACE)

    # Cai's best move: copy Bea's sealed answer into an RSVP of her own. It names Bea.
    with bea.vault.read() as conn:
        rsvps = lt.events_in_order(conn, space, ev.GATHERING_RSVP)
        (stored,) = [e for e in rsvps if e.author == pks[1]]
        bea_event = bea.log.open_stored(conn, stored)
    cai.log.append(space, ev.GATHERING_RSVP, {"sealed": bea_event.content["sealed"]}, target=gid)
    sync(space, ari, bea, cai, dan)
    guests = {a.name: a for a in ari.spaces.gatherings.attendees(space, gid)}
    assert set(guests) == {"Bea"}, "Cai's last answer opens to nothing"


def _vault_holds(s: Session, text: str) -> bool:
    with s.vault.read() as conn:
        rows = conn.execute("SELECT location FROM space_gatherings").fetchall()
        rows += conn.execute("SELECT note FROM space_gathering_rsvps").fetchall()
    return any(text in (r[0] or "") for r in rows)


def test_hidden_counts_and_who_may_create_edit_cancel(circle) -> None:
    (ari, bea, cai, dan), _, space, pks = circle
    with pytest.raises(InvalidInput, match="admins"):
        bea.spaces.gatherings.create(space, _event())
    # A member writes the event herself, past the service: every device ignores it.
    forged = _event(ref=b"r" * 16)
    bea.log.append(space, ev.GATHERING, forged)
    gid = ari.spaces.gatherings.create(space, _event(hide_counts=True, organisers=[pks[2]]))
    sync(space, ari, bea, cai, dan)
    assert [g.gathering_id for g in dan.spaces.gatherings.list(space)] == [gid]
    assert dan.spaces.gatherings.show(space, gid).counts is None

    # Bea is no organiser: her edit and cancel, written past the service, change nothing.
    with pytest.raises(InvalidInput, match="organisers"):
        bea.spaces.gatherings.cancel(space, gid)
    details = dan.spaces.gatherings.show(space, gid).details.to_content()
    bea.log.append(space, ev.GATHERING_EDIT, {**details, "title": "Moved!"}, target=gid)
    bea.log.append(space, ev.GATHERING_CANCEL, {}, target=gid)
    # Cai, a named organiser, may edit; not name organisers (she is no admin).
    cai.spaces.gatherings.edit(space, gid, {"title": "Tea and cake"})
    with pytest.raises(InvalidInput, match="admins"):
        cai.spaces.gatherings.edit(space, gid, {"organisers": [pks[2], pks[3]]})
    sync(space, ari, bea, cai, dan)
    g = dan.spaces.gatherings.show(space, gid)
    assert g.details.title == "Tea and cake" and not g.cancelled
    ari.spaces.gatherings.cancel(space, gid)
    sync(space, ari, bea, cai, dan)
    assert dan.spaces.gatherings.show(space, gid).cancelled
    with pytest.raises(InvalidInput, match="cancelled"):
        dan.spaces.gatherings.rsvp(space, gid, "going")


def test_places_go_in_log_order_whatever_the_arrival_order(circle) -> None:
    (ari, bea, cai, dan), _, space, pks = circle
    _ari_pk, bea_pk, cai_pk, dan_pk = pks
    gid = ari.spaces.gatherings.create(space, _event(capacity=2, organisers=[dan_pk]))
    sync(space, ari, bea, cai, dan)
    bea.spaces.gatherings.rsvp(space, gid, "going", plus_one=True)
    cai.spaces.gatherings.rsvp(space, gid, "going")
    # Ari hears Cai first, Dan hears Bea first: both organisers end with the same seats.
    deliver(cai, ari, space), deliver(bea, ari, space)
    deliver(bea, dan, space), deliver(cai, dan, space)
    first = _rsvp_order(ari, space)[0]
    assert _rsvp_order(dan, space)[0] == first
    for org in (ari, dan):
        seated = {a.member_pk for a in org.spaces.gatherings.attendees(space, gid) if a.has_place}
        assert seated == {first}, "the first in log order takes the places"
    # Raising the capacity seats again in log order: both fit; lowered again, only the first.
    ari.spaces.gatherings.edit(space, gid, {"capacity": 3})
    sync(space, ari, dan)
    assert all(a.has_place for a in dan.spaces.gatherings.attendees(space, gid))
    ari.spaces.gatherings.edit(space, gid, {"capacity": 2})
    sync(space, ari, dan)
    seated = {a.member_pk for a in dan.spaces.gatherings.attendees(space, gid) if a.has_place}
    assert seated == {first}
    # A +1 counts: capacity is never a peer's number. When the first withdraws, the other
    # gets the place.
    who = bea if first == bea_pk else cai
    who.spaces.gatherings.rsvp(space, gid, "no")
    sync(space, ari, bea, cai, dan)
    seated = {a.member_pk for a in ari.spaces.gatherings.attendees(space, gid) if a.has_place}
    assert seated == {bea_pk, cai_pk} - {first}
    # A removed member's place is no longer taken: Dan and his +1 fit.
    (other,) = seated
    ari.spaces.remove_member(space, other)
    sync(space, ari, dan)
    dan.spaces.gatherings.rsvp(space, gid, "going", plus_one=True)
    sync(space, ari, dan)
    for org in (ari, dan):
        guests = {a.member_pk: a for a in org.spaces.gatherings.attendees(space, gid)}
        assert guests[dan_pk].has_place and not guests[other].active


def _rsvp_order(s: Session, space: bytes) -> list[bytes]:
    """Authors of RSVPs in the log's total order (Lamport clock, then id)."""
    with s.vault.read() as conn:
        return [e.author for e in lt.events_in_order(conn, space, ev.GATHERING_RSVP)]


def test_the_place_reaches_approved_attendees_only_after_the_reveal_time(circle) -> None:
    (ari, bea, cai, dan), clocks, space, pks = circle
    _ari_pk, bea_pk, cai_pk, dan_pk = pks
    gid = ari.spaces.gatherings.create(space, _event(approval=True, reveal_at=REVEAL), place=PLACE)
    sync(space, ari, bea, cai, dan)
    for s in (bea, cai, dan):
        s.spaces.gatherings.rsvp(space, gid, "going")
    sync(space, ari, bea, cai, dan)
    ari.spaces.gatherings.approve(space, gid, bea_pk)
    ari.spaces.gatherings.approve(space, gid, dan_pk)
    # Cai's best move: approve herself, past the service (she is no organiser).
    sealed = boxes.seal_approval(_all_keys(cai, space), space, _ref(cai, space, gid), cai_pk, True)
    cai.log.append(space, ev.GATHERING_APPROVE, {"boxes": sealed}, target=gid)
    sync(space, ari, bea, cai, dan)
    assert bea.spaces.gatherings.show(space, gid).my_approved
    assert not cai.spaces.gatherings.show(space, gid).my_approved
    assert {a.name for a in ari.spaces.gatherings.attendees(space, gid) if a.has_place} == {
        "Bea",
        "Dan",
    }

    # Before the reveal time on the organiser's clock, nothing is sent.
    clocks[0].now = REVEAL * 1000 - 1
    assert ari.spaces.gatherings.publish_due() == 0
    clocks[0].now = REVEAL * 1000
    assert ari.spaces.gatherings.publish_due() == 1
    assert ari.spaces.gatherings.publish_due() == 0, "once per version and audience"
    # Cai's best move: a place of her own making, sealed to Bea (a phishing address).
    fake = boxes.seal_place(_keys(cai, space, bea_pk), space, _ref(cai, space, gid), "Fake St")
    cai.log.append(space, ev.GATHERING_PLACE, {"boxes": fake, "version": gid}, target=gid)
    sync(space, ari, bea, cai, dan)
    assert bea.spaces.gatherings.show(space, gid).place == PLACE
    assert dan.spaces.gatherings.show(space, gid).place == PLACE
    assert cai.spaces.gatherings.show(space, gid).place is None

    # Dan withdraws, Bea is removed: the next change reaches neither.
    dan.spaces.gatherings.rsvp(space, gid, "no")
    sync(space, ari, bea, cai, dan)
    ari.spaces.remove_member(space, bea_pk)
    cai.spaces.gatherings.rsvp(space, gid, "going")  # and is approved: the one attendee
    sync(space, ari, cai, dan)
    ari.spaces.gatherings.approve(space, gid, cai_pk)
    ari.spaces.gatherings.edit(space, gid, {}, place="Upstairs, 14 Hidden St")
    assert ari.spaces.gatherings.publish_due() == 1
    sync(space, ari, bea, cai, dan)
    assert cai.spaces.gatherings.show(space, gid).place == "Upstairs, 14 Hidden St"
    # What they held before is erased from their vaults (withdrawn; removed).
    assert dan.spaces.gatherings.show(space, gid).place is None
    assert not _vault_holds(dan, PLACE) and not _vault_holds(bea, PLACE)
    assert not _vault_holds(bea, "Upstairs") and not _vault_holds(dan, "Upstairs")
    # Not only unreadable for want of the new epoch key: not sealed to them at all.
    with ari.vault.read() as conn:
        last = list(lt.events_in_order(conn, space, ev.GATHERING_PLACE))[-1]
        update = ari.log.open_stored(conn, last).content["boxes"]
    assert len(update) == 1
    for s in (bea, dan):
        with s.vault.read() as conn:
            group = groups_db.get_group(conn, space)
        assert group is not None
        key = BoxKeyPair(group.box_secret, group.box_public)
        assert boxes.open_place(key, update, space, _ref(ari, space, gid)) is None


def _ref(s: Session, space: bytes, gid: bytes) -> bytes:
    return s.spaces.gatherings.show(space, gid).details.ref


def _keys(s: Session, space: bytes, member: bytes) -> list[bytes]:
    return [box for _, box in s.spaces.devices(space, member)]


def _all_keys(s: Session, space: bytes) -> list[bytes]:
    return [k for m in s.spaces.members(space) for k in _keys(s, space, m.member_pk)]


def test_a_freed_place_goes_to_who_waits_and_a_returning_attendee_gets_the_place_again(
    circle,
) -> None:
    """A removal gives the removed member's place to the first waiting, with no other
    answer to prompt it; someone who withdrew (and whose device erased the place) and comes
    back is sent the place again."""
    (ari, bea, cai, dan), clocks, space, pks = circle
    _ari_pk, bea_pk, _cai_pk, _dan_pk = pks
    gid = ari.spaces.gatherings.create(space, _event(capacity=2), place=PLACE)
    sync(space, ari, bea, cai, dan)
    for s in (bea, dan, cai):
        s.spaces.gatherings.rsvp(space, gid, "going")
        sync(space, ari, bea, cai, dan)  # each answer after the last, in log order
    seated = {a.name for a in ari.spaces.gatherings.attendees(space, gid) if a.has_place}
    assert seated == {"Bea", "Dan"}
    ari.spaces.remove_member(space, bea_pk)
    seated = {a.name for a in ari.spaces.gatherings.attendees(space, gid) if a.has_place}
    assert seated == {"Dan", "Cai"}, "Cai had been waiting: Bea's place is hers"
    counts = ari.spaces.gatherings.show(space, gid).counts
    assert counts is not None and (counts.going, counts.waiting) == (2, 0)

    clocks[0].now = local_to_utc("2027-03-01T17:00", "Europe/London") * 1000
    assert ari.spaces.gatherings.publish_due() == 1
    sync(space, ari, cai, dan)
    assert cai.spaces.gatherings.show(space, gid).place == PLACE
    dan.spaces.gatherings.rsvp(space, gid, "maybe")
    sync(space, ari, dan)
    assert dan.spaces.gatherings.show(space, gid).place is None and not _vault_holds(dan, PLACE)
    assert ari.spaces.gatherings.publish_due() == 0, "nobody new has a place"
    dan.spaces.gatherings.rsvp(space, gid, "going")
    sync(space, ari, dan)
    assert ari.spaces.gatherings.publish_due() == 1, "Dan came back: the place again"
    sync(space, ari, dan)
    assert dan.spaces.gatherings.show(space, gid).place == PLACE

    # Bea is added again: her last answer waits for a place (both are taken), and gets the
    # one Cai frees.
    device, box = ari.spaces.devices(space, bea_pk)[0]
    ari.spaces.make_add_member(space, bea_pk, box, "Bea", device_id=device)
    counts = ari.spaces.gatherings.show(space, gid).counts
    assert counts is not None and (counts.going, counts.waiting) == (2, 1)
    cai.spaces.gatherings.rsvp(space, gid, "no")
    sync(space, ari, cai)
    seated = {a.name for a in ari.spaces.gatherings.attendees(space, gid) if a.has_place}
    assert seated == {"Dan", "Bea"}
