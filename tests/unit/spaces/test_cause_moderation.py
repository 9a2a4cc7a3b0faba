"""Closing and removing fundraisers and campaigns between real vaults (docs/PROTOCOL.md
§5.10): only organisers close, and a closed one takes no more pledges or "I did this"; only
moderators remove, by the redaction posts use: hidden at once, and the words (title, what it
is for, where to give), the updates and the sealed pledges erased from every replica's log
and from the vault's files at once if the owner removed it, else once settled (§1.7,
"Settled before erased": a grace period by each device's own clock, injected here); the
insider's best moves — a member closing or removing someone else's fundraiser, a demoted
moderator's removal (backdated or not), an emptied copy with a forged redaction."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.fundraisers import content as fc
from haven.core.spaces.model import Role
from haven.core.spaces.rules.moderation import GRACE_MS
from haven.core.spaces.sealed import seal_detail
from haven.errors import InvalidInput, NotFound
from haven.store import log_table as lt
from haven.store.spaces import groups as groups_db
from tests.canary_scan import vault_holding
from tests.hostile import Hostile
from tests.space_helpers import Clock, clocked_circle, deliver, sync
from tests.unit.spaces.test_demotion_finality import deliver_only, roles
from tests.unit.spaces.test_fundraisers import _view
from tests.unit.spaces.test_redaction_wal import _checkpoint, _on_disk
from tests.unit.spaces.test_removal_finality import lamport_of_last
from tests.unit.spaces.test_settled_erasure import later

CANARY = "Qzvarnikel"
Circle = tuple[list[Session], bytes, bytes, list[Clock]]


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[Circle]:
    """As tests/unit/spaces/test_fundraisers.py's circle (Ari owns the space, Bea started a
    fundraiser, Cai and Dan are members), with a clock each for the settled sweep."""
    people, clocks, space = clocked_circle(tmp_path, ["ari", "bea", "cai", "dan"])
    sync(space, *people)
    fid = people[1].spaces.fundraisers.create(
        space, "Rent for Sam", "two months' rent", "ask Bea for the account", 50_000, "eur"
    )
    sync(space, *people)
    yield people, space, fid, clocks
    for s in people:
        s.lock()


def _pk(s, space: bytes, name: str) -> bytes:  # type: ignore[no-untyped-def]
    return next(m.member_pk for m in s.spaces.members(space) if m.display_name == name)


def _ids(s, space: bytes) -> list[bytes]:  # type: ignore[no-untyped-def]
    return [f.fundraiser_id for f in s.spaces.fundraisers.listing(space)]


def _modlog(s, space: bytes) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(a.action, a.detail) for a in s.spaces.moderation_log(space)]


def test_only_organisers_close_and_a_closed_cause_takes_no_pledge_nor_i_did_this(
    circle: Circle,
) -> None:
    (ari, bea, cai, dan), space, fid, _ = circle
    cai.spaces.fundraisers.pledge(space, fid, 1_000)
    sync(space, ari, bea, cai, dan)
    with pytest.raises(InvalidInput, match="organisers"):
        cai.spaces.fundraisers.close(space, fid)
    mallory = Hostile.of(cai, space)  # a member's keys close Bea's fundraiser anyway
    dan.log.ingest([mallory.forge(ev.FUNDRAISER_CLOSE, {"target": fid})])
    assert _view(dan, space, fid).closed is False
    bea.spaces.fundraisers.close(space, fid)  # its creator closes it
    sync(space, ari, bea, cai, dan)
    for s in (ari, bea, cai, dan):
        assert _view(s, space, fid).closed is True
    with pytest.raises(InvalidInput, match="closed"):
        dan.spaces.fundraisers.pledge(space, fid, 500)
    with pytest.raises(InvalidInput, match="closed already"):
        ari.spaces.fundraisers.close(space, fid)
    # a pledge written past the app's refusal counts for nothing: the rules refuse it
    with bea.vault.read() as conn:
        bea_box = groups_db.get_group(conn, space).box_public  # type: ignore[union-attr]
    seal = [[bea_box, seal_detail(bea_box, fc.PLEDGE_DOMAIN, space, [fid, fc.amount_bytes(9)])]]
    bea.log.ingest([Hostile.of(dan, space).event(ev.PLEDGE, {"sealed": seal, "target": fid})])
    assert [p.member_name for p in bea.spaces.fundraisers.pledges(space, fid)] == ["Cai"]
    # updates and the count go on after closing
    bea.spaces.fundraisers.update(space, fid, "thank you all")
    assert [u.text for u in _view(bea, space, fid).updates] == ["thank you all"]

    # a campaign: a member cannot close it; once an admin has, "I did this" is refused
    cid = cai.spaces.campaigns.create(space, "Write to the council", "letter", "Send it")
    sync(space, ari, bea, cai, dan)
    bea.spaces.campaigns.done(space, cid)
    sync(space, ari, bea)  # Ari has seen Bea's "I did this" before closing
    with pytest.raises(InvalidInput, match="organisers"):
        dan.spaces.campaigns.close(space, cid)
    ari.spaces.campaigns.close(space, cid)  # an admin (the owner) closes it
    sync(space, ari, bea, cai, dan)
    with pytest.raises(InvalidInput, match="closed"):
        dan.spaces.campaigns.done(space, cid)
    ari.log.ingest([Hostile.of(dan, space).event(ev.CAMPAIGN_DONE, {"target": cid})])
    (c,) = ari.spaces.campaigns.listing(space)
    assert (c.closed, c.done_count) == (True, 1)


def test_a_moderator_removes_a_fundraiser_and_its_words_are_erased_everywhere(
    circle: Circle,
    tmp_path: Path,
) -> None:
    people, space, _, clocks = circle
    ari, bea, cai, dan = people
    ari.spaces.set_role(space, _pk(ari, space, "Cai"), Role.MODERATOR)
    fid = bea.spaces.fundraisers.create(
        space, f"Rent {CANARY}", f"for {CANARY}", f"give to {CANARY}-scam", 1_000, "EUR"
    )
    sync(space, ari, bea, cai, dan)
    bea.spaces.fundraisers.update(space, fid, f"update {CANARY}")
    dan.spaces.fundraisers.pledge(space, fid, 700)
    sync(space, ari, bea, cai, dan)
    with ari.vault.read() as conn:
        original = lt.get_event(conn, fid)
    assert original is not None and "events (decrypted)" in vault_holding(ari, space, CANARY)
    # a plain member cannot remove it, even with forged keys
    with pytest.raises(InvalidInput, match="moderators"):
        dan.spaces.fundraisers.remove(space, fid, "spam")
    dan_forged = Hostile.of(dan, space).forge(ev.MODERATE, {"target": fid, "reason": "spam"})
    ari.log.ingest([dan_forged])
    assert fid in _ids(ari, space) and vault_holding(ari, space, CANARY)
    # a moderator does: hidden at once everywhere; once the grace period is over, the
    # text, the update and the pledge are erased on every replica
    _checkpoint(ari)
    cai.spaces.fundraisers.remove(space, fid, "a scam")
    sync(space, ari, bea, cai, dan)
    for s in people:
        assert fid not in _ids(s, space)
        assert "events (decrypted)" in vault_holding(s, space, CANARY)
    with pytest.raises(NotFound, match="no fundraiser"):  # nor acted on meanwhile
        dan.spaces.fundraisers.pledge(space, fid, 5)
    later(people, clocks, GRACE_MS - 60_000)
    assert all(vault_holding(s, space, CANARY) for s in people)
    later(people, clocks, 60_000)
    for s in people:
        assert vault_holding(s, space, CANARY) == []
        assert fid not in _ids(s, space)
    for s in (ari, cai):  # the moderators' log says who removed it and why
        assert ("remove-fundraiser", "a scam") in _modlog(s, space)
    with ari.vault.read() as conn:  # the sealed pledge boxes went with it
        pledges = lt.events_in_order(conn, space, ev.PLEDGE)
        assert pledges and all(lt.is_redacted(conn, e.id) for e in pledges)
    states = _on_disk(ari, fid, tmp_path)  # nor does any page or -wal frame keep it
    assert original.envelope not in states and states[-1] is not None
    with pytest.raises(NotFound, match="no fundraiser"):
        dan.spaces.fundraisers.pledge(space, fid, 5)

    # Cai removes another one while Ari removes Cai from the space (concurrently, outside
    # the removal's cut): Bea applies the removal of the fundraiser first (valid then:
    # hidden, its erasure waiting), Dan Cai's removal first (the moderation counts for
    # nothing there). Once both have both, it counts nowhere: shown again, and the words
    # stay past the grace period (§1.7, "Settled before erased").
    fid = bea.spaces.fundraisers.create(space, "Rent", f"pay {CANARY}", "here", 1_000, "EUR")
    sync(space, ari, bea, cai, dan)
    ari.spaces.post(space, "news")  # so that Cai's removal sorts after the moderation
    ari.spaces.remove_member(space, _pk(ari, space, "Cai"))
    cai.spaces.fundraisers.remove(space, fid, "racing")
    deliver(cai, bea, space)
    deliver(ari, bea, space)
    deliver(ari, dan, space)
    deliver(cai, dan, space)
    sync(space, ari, bea, dan)
    later(people, clocks, 2 * GRACE_MS)
    for s in (ari, bea, dan):
        assert "events (decrypted)" in vault_holding(s, space, CANARY)
        assert _view(s, space, fid).purpose == f"pay {CANARY}"
    assert ("remove-fundraiser", "racing") not in _modlog(ari, space)


def test_a_demoted_moderators_removal_nor_an_emptied_copy_counts(circle: Circle) -> None:
    """A demoted moderator's removal, as for posts (PROTOCOL §1.7): not valid — no
    moderation-log entry, the campaign not marked removed, nothing erased. And an emptied
    copy with a forged redaction is refused."""
    (ari, bea, cai, dan), space, _, _ = circle
    cid = bea.spaces.campaigns.create(space, f"March {CANARY}", "show-up", "Come")
    cai_pk = _pk(ari, space, "Cai")
    ari.spaces.set_role(space, cai_pk, Role.MODERATOR)
    sync(space, ari, bea, cai, dan)
    mallory = Hostile.of(cai, space)
    ari.spaces.set_role(space, cai_pk, Role.MEMBER)
    sync(space, ari, bea, cai, dan)
    mallory.learn(cai)
    late = mallory.event(ev.MODERATE, {"target": cid, "reason": "mine now"})
    ari.log.ingest([late])
    assert [a for a, _ in _modlog(ari, space) if a == "remove-campaign"] == []
    assert vault_holding(ari, space, CANARY)  # nor erased, as a post would not be
    assert f"March {CANARY}" in [c.title for c in ari.spaces.campaigns.listing(space)]

    # Dan is handed an emptied copy of Bea's new campaign with the proof of a removal by
    # Bea's keys (never a moderator) or of a "delete" they signed (a creator cannot erase it
    # that way either): Dan refuses it and later gets the real campaign.
    cid = bea.spaces.campaigns.create(space, f"Sign {CANARY}", "petition", "Sign it")
    deliver(bea, cai, space)
    with cai.vault.read() as conn:
        stored = lt.get_event(conn, cid)
    assert stored is not None
    for kind, content in (
        (ev.MODERATE, {"target": cid, "reason": "gone"}),
        (ev.DELETE, {"target": cid}),
    ):
        hostile = Hostile.of(bea, space).fresh_chain()
        forged = hostile.forge(kind, content)
        result = dan.log.ingest([forged, hostile.emptied_copy(stored.envelope, forged)])
        assert not [e for e in result.accepted if e.id == cid]
        assert any("redaction" in r for r in result.rejected)
    deliver(bea, dan, space)
    assert f"Sign {CANARY}" in [c.title for c in dan.spaces.campaigns.listing(space)]


def test_a_demoted_moderators_backdated_removal_hides_a_fundraiser_then_it_comes_back(
    circle: Circle,
) -> None:
    """Cai, a moderator, is demoted; Cai's device writes a removal of Bea's fundraiser
    backdated below the demotion, and Dan gets it before the demotion: hidden at once, its
    words kept; the demotion brings it back with its text, erased nowhere even long after.
    Then the owner's removal erases at once, with no grace period."""
    people, space, _, clocks = circle
    ari, bea, cai, dan = people
    cai_pk = _pk(ari, space, "Cai")
    ari.spaces.set_role(space, cai_pk, Role.MODERATOR)
    fid = bea.spaces.fundraisers.create(space, "Rent", f"for {CANARY}", "here", 1_000, "EUR")
    sync(space, *people)
    for i in range(6):  # Ari's clock runs ahead of Cai's
        ari.spaces.post(space, f"news {i}")
    deliver(ari, dan, space)  # Dan has the news, not the demotion
    ari.spaces.set_role(space, cai_pk, Role.MEMBER)
    demotion = lamport_of_last(ari, space, ev.ROLE)
    deliver(ari, cai, space)
    assert roles(cai, space)[cai_pk] == ("member", "active")
    hostile = Hostile.of(cai, space)
    removal = hostile.backdate(ev.MODERATE, {"target": fid, "reason": "mine"}, lamport=demotion - 1)
    assert len(cai.log.ingest([removal]).accepted) == 1
    deliver_only(cai, dan, space, cai_pk)  # Dan: the removal first
    assert fid not in _ids(dan, space)  # hidden at once...
    assert "events (decrypted)" in vault_holding(dan, space, CANARY)  # ...its words kept
    later(people, clocks, GRACE_MS // 2)
    deliver(ari, dan, space)  # the demotion arrives: the removal counts for nothing
    assert _view(dan, space, fid).purpose == f"for {CANARY}"
    sync(space, *people)
    later(people, clocks, 2 * GRACE_MS)
    for s in people:
        assert _view(s, space, fid).purpose == f"for {CANARY}", s
        assert "events (decrypted)" in vault_holding(s, space, CANARY)
    assert not any(a == "remove-fundraiser" for a, _ in _modlog(ari, space))

    ari.spaces.fundraisers.remove(space, fid, "the owner's call")  # erased at once
    assert vault_holding(ari, space, CANARY) == []
    deliver(ari, dan, space)
    assert vault_holding(dan, space, CANARY) == [] and fid not in _ids(dan, space)
