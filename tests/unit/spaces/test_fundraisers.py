"""Fundraisers and campaigns between real vaults (docs/PROTOCOL.md, "Fundraisers and
campaigns"): pledges sealed to the organisers, totals only from an organiser's signed
tally that covers current pledges, and the insider's best moves against each rule — a
forged or impossible total, a pledge by a removed member, a non-organiser marking a pledge
received, amounts past the cap, a second "I did this"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from haven.core.changes import CausesChanged, changes_of
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.fundraisers import Fundraiser, money
from haven.core.spaces.fundraisers import content as fc
from haven.core.spaces.sealed import seal_detail
from haven.errors import InvalidInput
from haven.store import log_table as lt
from haven.store.spaces import fundraisers as db
from haven.store.spaces import groups as groups_db
from tests.helpers import statements
from tests.hostile import Hostile
from tests.space_helpers import deliver, join, make_session, sync


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[tuple[list[Session], bytes, bytes]]:
    """Ari owns the space; Bea (a plain member) starts a fundraiser, so Bea and Ari
    organise it; Cai and Dan are members."""
    people = [make_session(tmp_path, n) for n in ("ari", "bea", "cai", "dan")]
    ari = people[0]
    space = ari.spaces.create_space("Circle", display_name="Ari")
    for s, name in zip(people[1:], ("Bea", "Cai", "Dan"), strict=True):
        join(ari, s, space, name)
    sync(space, *people)
    fid = people[1].spaces.fundraisers.create(
        space, "Rent for Sam", "two months' rent", "ask Bea for the account", 50_000, "eur"
    )
    sync(space, *people)
    yield people, space, fid
    for s in people:
        s.lock()


def _view(s: Session, space: bytes, fid: bytes) -> Fundraiser:
    (f,) = [f for f in s.spaces.fundraisers.listing(space) if f.fundraiser_id == fid]
    return f


def _events(s: Session, space: bytes, event_type: str) -> list[bytes]:
    with s.vault.read() as conn:
        return [e.id for e in lt.events_in_order(conn, space, event_type)]


def _pledge_ids(s: Session, space: bytes) -> list[bytes]:
    return _events(s, space, ev.PLEDGE)


def _sealed_lengths(s: Session, space: bytes) -> list[list[int]]:
    with s.vault.read() as conn:
        opened = [s.log.open_stored(conn, e) for e in lt.events_in_order(conn, space, ev.PLEDGE)]
    return [[len(box) for _, box in e.content["sealed"]] for e in opened]


def test_members_see_the_total_and_only_organisers_see_who_pledged_what(circle) -> None:
    (ari, bea, cai, dan), space, fid = circle
    assert _view(cai, space, fid).currency == "EUR"
    cai.spaces.fundraisers.pledge(space, fid, 1)
    sync(space, ari, bea, cai, dan)  # an organiser's device tallies on arrival
    cai.spaces.fundraisers.pledge(space, fid, money.MAX_AMOUNT)  # one pledge, updated
    dan.spaces.fundraisers.pledge(space, fid, 2_500)
    sync(space, ari, bea, cai, dan)
    for s in (ari, bea, cai, dan):
        f = _view(s, space, fid)
        assert (f.total, f.supporters, f.pledgers, f.pending) == (money.MAX_AMOUNT + 2_500, 2, 2, 0)
    assert _view(cai, space, fid).your_pledge == money.MAX_AMOUNT
    assert _view(dan, space, fid).your_pledge == 2_500
    assert _view(bea, space, fid).you_organise and _view(bea, space, fid).mismatch is False
    for organiser in (ari, bea):
        seen = {p.member_name: p.amount for p in organiser.spaces.fundraisers.pledges(space, fid)}
        assert seen == {"Cai": money.MAX_AMOUNT, "Dan": 2_500}
    for member in (cai, dan):
        with pytest.raises(InvalidInput, match="only the fundraiser's organisers"):
            member.spaces.fundraisers.pledges(space, fid)
    # Dan's vault does not know Cai's amount; the sealed boxes are the same length for a
    # pledge of 1 and of the cap (a shorter encoding of small numbers would tell members)
    with dan.vault.read() as conn:
        amounts = {p.member_pk: p.amount for p in db.pledges(conn, fid)}
    assert sorted(a for a in amounts.values() if a is not None) == [2_500]
    lengths = _sealed_lengths(dan, space)
    assert len({n for per_event in lengths for n in per_event}) == 1
    with dan.vault.read() as conn:  # the app's space view hears of them
        pledges = [dan.log.open_stored(conn, e) for e in lt.events_in_order(conn, space, ev.PLEDGE)]
    assert changes_of(pledges) == [CausesChanged(space)]
    # a withdrawal is a pledge of 0: it leaves the total and looks like any other change
    cai.spaces.fundraisers.withdraw(space, fid)
    sync(space, ari, bea, cai, dan)
    f = _view(dan, space, fid)
    assert (f.total, f.supporters) == (2_500, 1)
    assert len({n for per_event in _sealed_lengths(dan, space) for n in per_event}) == 1
    _amounts_past_the_cap_or_malformed_are_refused(bea, cai, dan, space, fid)


def test_a_forged_total_counts_for_nothing_and_a_wrong_one_is_flagged(circle) -> None:
    """A tally from a non-organiser, past what its pledges can add up to, covering no pledge
    or a replaced one is void; an organiser's wrong total is flagged by the others."""
    (ari, bea, cai, dan), space, fid = circle
    cai.spaces.fundraisers.pledge(space, fid, 1_000)
    sync(space, ari, bea, cai, dan)
    (pledge_id,) = _pledge_ids(dan, space)
    mallory = Hostile.of(dan, space)
    forged = {"total": 49_000, "received": 0, "supporters": 1, "covers": [pledge_id]}
    dan_tally = mallory.forge(ev.TALLY, {**forged, "target": fid})
    # an organiser's tally past what its pledges can add up to, or covering no pledge
    hostile_ari = Hostile.of(ari, space)
    too_big = {**forged, "total": money.MAX_AMOUNT + 1, "target": fid}
    phantom = {**forged, "covers": [b"\x01" * 32], "target": fid}
    envelopes = [dan_tally, hostile_ari.forge(ev.TALLY, too_big)]
    envelopes.append(hostile_ari.forge(ev.TALLY, phantom))
    for s in (bea, cai, dan):
        s.log.ingest(envelopes)
        assert _view(s, space, fid).total == 1_000
    # an organiser's wrong total: members take it, the other organisers' devices flag it
    lie = {"total": 40_000, "received": 0, "supporters": 1, "covers": [pledge_id], "target": fid}
    envelope = hostile_ari.forge(ev.TALLY, lie)
    for s in (bea, dan):
        s.log.ingest([envelope])
    # members trust an organiser's signed total (they cannot read the amounts) ...
    assert _view(dan, space, fid).total == 40_000
    assert _view(dan, space, fid).mismatch is None
    # ... and an honest organiser's device, which opened the pledge, says it differs
    assert _view(bea, space, fid).mismatch is True
    # a tally covering a pledge Cai has since replaced is void
    deliver(dan, cai, space)
    cai.spaces.fundraisers.pledge(space, fid, 3_000)
    deliver(cai, dan, space)
    stale = {"total": 1_000, "received": 0, "supporters": 1, "covers": [pledge_id], "target": fid}
    hostile_ari.learn(dan)
    dan.log.ingest([hostile_ari.forge(ev.TALLY, stale)])
    f = _view(dan, space, fid)
    assert (f.total, f.pending) == (40_000, 1)  # the last valid tally; the new pledge pending


def test_a_removed_member_cannot_pledge_and_a_member_cannot_mark_received(circle) -> None:
    (ari, bea, cai, dan), space, fid = circle
    cai.spaces.fundraisers.pledge(space, fid, 1_000)
    sync(space, ari, bea, cai, dan)
    with pytest.raises(InvalidInput, match="organisers"):
        dan.spaces.fundraisers.mark_received(space, fid, cai.spaces.members(space)[2].member_pk)
    cai_pk = next(m.member_pk for m in bea.spaces.members(space) if m.display_name == "Cai")
    (pledge_id,) = _pledge_ids(dan, space)
    with bea.vault.read() as conn:
        bea_box = groups_db.get_group(conn, space).box_public  # type: ignore[union-attr]
    sealed = [[bea_box, seal_detail(bea_box, fc.RECEIVED_DOMAIN, space, [fid, pledge_id])]]
    mallory = Hostile.of(dan, space)
    bea.log.ingest([mallory.forge(ev.RECEIVED, {"sealed": sealed, "target": fid})])
    assert [p.received for p in bea.spaces.fundraisers.pledges(space, fid)] == [False]
    # an organiser's mark is taken, and the next tally carries it to members
    bea.spaces.fundraisers.mark_received(space, fid, cai_pk)
    sync(space, ari, bea, cai, dan)
    assert [p.received for p in ari.spaces.fundraisers.pledges(space, fid)] == [True]
    assert _view(cai, space, fid).received == 1_000
    # Dan is removed; a pledge Dan's keys write afterwards counts for nothing
    dan_pk = next(m.member_pk for m in ari.spaces.members(space) if m.display_name == "Dan")
    mallory.learn(dan)
    ari.spaces.remove_member(space, dan_pk)
    sync(space, ari, bea, cai)
    seal = [[bea_box, seal_detail(bea_box, fc.PLEDGE_DOMAIN, space, [fid, fc.amount_bytes(9)])]]
    bea.log.ingest([mallory.event(ev.PLEDGE, {"sealed": seal, "target": fid})])
    assert [p.member_name for p in bea.spaces.fundraisers.pledges(space, fid)] == ["Cai"]
    sync(space, dan, ari)
    with pytest.raises(InvalidInput, match="not a member"):
        dan.spaces.fundraisers.pledge(space, fid, 5)


def _amounts_past_the_cap_or_malformed_are_refused(
    bea: Session, cai: Session, dan: Session, space: bytes, fid: bytes
) -> None:
    for bad in (-1, money.MAX_AMOUNT + 1, True, 2**64):
        with pytest.raises(InvalidInput):
            cai.spaces.fundraisers.pledge(space, fid, bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        bea.spaces.fundraisers.create(space, "x", "y", "z", money.MAX_AMOUNT + 1, "EUR")
    with pytest.raises(InvalidInput, match="ISO 4217"):
        bea.spaces.fundraisers.create(space, "x", "y", "z", 100, "EUX")
    past = bea.spaces.fundraisers.create(space, "x", "y", "z", 100, "EUR", "2001-01-01")
    deliver(bea, cai, space)
    with pytest.raises(InvalidInput, match="deadline"):  # by this device's own calendar
        cai.spaces.fundraisers.pledge(space, past, 5)
    # a forged pledge whose sealed amount is past the cap: the organiser cannot read it,
    # so no total is published from it
    with bea.vault.read() as conn:
        bea_box = groups_db.get_group(conn, space).box_public  # type: ignore[union-attr]
    huge = (2**64 - 1).to_bytes(8, "big")
    seal = [[bea_box, seal_detail(bea_box, fc.PLEDGE_DOMAIN, space, [fid, huge])]]
    bea.log.ingest([Hostile.of(cai, space).event(ev.PLEDGE, {"sealed": seal, "target": fid})])
    assert {p.member_name: p.amount for p in bea.spaces.fundraisers.pledges(space, fid)} == {
        "Cai": None,
        "Dan": 2_500,
    }
    assert _view(bea, space, fid).pending == 1  # no total is published from it
    # ... and it does not stop the total: Dan's next pledge is tallied without it
    dan.spaces.fundraisers.pledge(space, fid, 4_000)
    deliver(dan, bea, space)
    f = _view(bea, space, fid)
    assert (f.total, f.supporters, f.pending) == (4_000, 1, 1)
    tallies = len(_events(bea, space, ev.TALLY))
    bea.spaces.post(space, "thank you all")  # a commit: the unreadable pledge is not "due"
    assert len(_events(bea, space, ev.TALLY)) == tallies


def test_money_parses_and_prints_without_floats_or_locale() -> None:
    assert money.parse_amount("12.50", "EUR") == 1250
    assert money.parse_amount("12.5", "eur".upper()) == 1250
    assert money.parse_amount(" 500 ", "JPY") == 500
    assert money.parse_amount("1.234", "KWD") == 1234
    assert money.parse_amount("١٢.٥", "EUR") == 1250  # Arabic-Indic digits
    for bad, cur in (("1.005", "EUR"), ("5.5", "JPY"), ("-5", "EUR"), ("1e3", "EUR"),
                     ("NaN", "EUR"), ("1,50", "EUR"), ("", "EUR"), ("0.1e1", "EUR"),
                     ("10000000001", "EUR"),
                     ("1." + "0" * 30 + "1", "EUR"), ("1" * 41, "EUR")):  # fmt: skip
        with pytest.raises(InvalidInput):
            money.parse_amount(bad, cur)
    assert money.format_amount(1250, "EUR") == "12.50 EUR"
    assert money.format_amount(500, "JPY") == "500 JPY"
    assert money.format_amount(1, "KWD") == "0.001 KWD"
    assert "12" in money.format_local(1250, "EUR", "ar") and "€" in money.format_local(
        1250, "EUR", "ar"
    )
    assert money.clean_currency(" usd ") == "USD"


def test_campaign_counts_distinct_members_once_and_only_organisers_update(circle) -> None:
    (ari, bea, cai, dan), space, _ = circle
    cid = cai.spaces.campaigns.create(
        space, "Write to the council", "letter", "send the letter", "template in the post"
    )
    sync(space, ari, bea, cai, dan)
    for s in (bea, dan):
        s.spaces.campaigns.done(space, cid)
    with pytest.raises(InvalidInput, match="already"):
        dan.spaces.campaigns.done(space, cid)
    # Dan's keys say it again (and again from a second device): still one
    mallory = Hostile.of(dan, space)
    again = [mallory.event(ev.CAMPAIGN_DONE, {"target": cid})]
    again.append(mallory.fresh_chain().event(ev.CAMPAIGN_DONE, {"target": cid}))
    with pytest.raises(InvalidInput, match="organisers"):
        dan.spaces.campaigns.update(space, cid, "we won")
    again.append(mallory.event(ev.CAMPAIGN_UPDATE, {"text": "we won", "target": cid}))
    sync(space, ari, bea, cai, dan)
    for s in (ari, cai):
        s.log.ingest(again)
    cai.spaces.campaigns.update(space, cid, "42 letters sent")
    ari.spaces.campaigns.update(space, cid, "the council replied")  # an admin organises too
    sync(space, ari, bea, cai, dan)
    for s in (ari, bea, cai, dan):
        (c,) = s.spaces.campaigns.listing(space)
        assert c.done_count == 2
        assert [u.text for u in c.updates] in (
            ["42 letters sent", "the council replied"],
            ["the council replied", "42 letters sent"],
        )
    assert [c.you_did for c in dan.spaces.campaigns.listing(space)] == [True]
    assert [c.you_did for c in ari.spaces.campaigns.listing(space)] == [False]


def _reads(s: Session, run: Callable[[], object]) -> int:
    """Statements `run` executes that read pledges or "I did this" marks."""
    found = statements(s.vault._conn, run)
    return sum("space_pledges" in q or "space_campaign_done" in q for q in found)


def test_listing_reads_pledges_at_once_not_once_per_fundraiser(tmp_path: Path) -> None:
    """The fundraisers' and campaigns' listings (the space view's snapshot) read the pledges
    and the "I did this" marks in one query each for the space: 12 fundraisers and
    campaigns cost as many such reads as 2 (it was one per fundraiser, and two per
    campaign; updates stay one bounded index read per cause)."""
    ari = make_session(tmp_path, "ari")
    space = ari.spaces.create_space("Circle", display_name="Ari")
    f, c = ari.spaces.fundraisers, ari.spaces.campaigns

    def more(n: int) -> None:
        for i in range(n):
            fid = f.create(space, f"Rent {i}", "rent", "ask", 1_000, "eur")
            f.pledge(space, fid, 100 + i)
            f.update(space, fid, f"update {i}")
            cid = c.create(space, f"Letter {i}", "letter", "write to them")
            c.done(space, cid)

    more(2)
    few = (_reads(ari, lambda: f.listing(space)), _reads(ari, lambda: c.listing(space)))
    more(10)
    many = (_reads(ari, lambda: f.listing(space)), _reads(ari, lambda: c.listing(space)))
    assert many == few == (1, 1), (few, many)
    listed = f.listing(space)
    assert len(listed) == 12 and {x.your_pledge for x in listed} == set(range(100, 110))
    assert {(x.pledgers, x.pending) for x in listed} == {(1, 0)}  # tallied as they came
    assert all(len(x.updates) == 1 for x in listed)
    assert all(x.done_count == 1 and x.you_did for x in c.listing(space))
    ari.lock()
