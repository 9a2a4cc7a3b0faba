"""A moderator's removal is settled before it erases (docs/PROTOCOL.md §1.7, "Settled before
erased"): it hides the post at once, and the sweep erases the words only a grace period after
this device first saw the removal (its own clock), and only if the removal still counts. So
a demoted moderator's backdated removal that arrives before its demotion hides the post for
a while and erases nothing; the owner's removal and the author's own deletion still erase at
once. Real vaults, events as sync carries them (tests/space_helpers.py), injected clocks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.rules.moderation import GRACE_MS
from haven.store import log_table as lt
from tests.canary_scan import vault_holding
from tests.hostile import Hostile
from tests.space_helpers import Clock, clocked_circle, deliver, sync
from tests.unit.spaces.test_demotion_finality import deliver_only, roles
from tests.unit.spaces.test_redaction import CANARY, post_state
from tests.unit.spaces.test_redaction_wal import _checkpoint, _on_disk
from tests.unit.spaces.test_removal_finality import lamport_of_last

Circle = tuple[list[Session], list[Clock], bytes, bytes]


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[Circle]:
    """Ari owns the space; Mo is a moderator; Bea posted her real name; all in step."""
    people, clocks, sid = clocked_circle(tmp_path, ["ari", "mo", "bea", "cai"])
    ari, _, bea, _ = people
    ari.spaces.set_role(sid, pk_of(ari, sid, "Mo"), "moderator")
    post = bea.spaces.post(sid, f"my real name is {CANARY}")
    sync(sid, *people)
    yield people, clocks, sid, post
    for s in people:
        s.lock()


def pk_of(s: Session, sid: bytes, name: str) -> bytes:
    return next(m.member_pk for m in s.spaces.members(sid) if m.display_name == name)


def later(people: list[Session], clocks: list[Clock], ms: int) -> None:
    """Every device's clock moves on by `ms`, and each runs its sweep (as the supervisor
    does once a minute)."""
    for s, c in zip(people, clocks, strict=True):
        c.now += ms
        s.spaces.disappearing.sweep()


def holds_words(s: Session, sid: bytes) -> bool:
    return "events (decrypted)" in vault_holding(s, sid, CANARY)


def test_a_demoted_moderators_backdated_removal_hides_then_the_post_comes_back(
    circle: Circle,
) -> None:
    people, clocks, sid, post = circle
    ari, mo, _, cai = people
    mo_pk = pk_of(ari, sid, "Mo")
    for i in range(6):  # Ari's clock runs ahead of Mo's
        ari.spaces.post(sid, f"news {i}")
    deliver(ari, cai, sid)  # Cai has the news, not the demotion
    ari.spaces.set_role(sid, mo_pk, "member")
    demotion = lamport_of_last(ari, sid, ev.ROLE)
    deliver(ari, mo, sid)  # Mo's device sees its demotion, then writes a removal below it
    assert roles(mo, sid)[mo_pk] == ("member", "active")
    hostile = Hostile.of(mo, sid)
    removal = hostile.backdate(  # above the post and the promotion, below the demotion
        ev.MODERATE, {"target": post, "reason": "spam"}, lamport=demotion - 1
    )
    assert hostile.tip_lamport < demotion
    assert len(mo.log.ingest([removal]).accepted) == 1
    deliver_only(mo, cai, sid, mo_pk)  # Cai: the removal first
    assert post_state(cai, sid, post) == ("removed", "")  # hidden at once...
    assert holds_words(cai, sid)  # ...its words kept
    later(people, clocks, GRACE_MS // 2)  # half the grace period: nothing erased yet
    assert holds_words(cai, sid)
    deliver(ari, cai, sid)  # the demotion arrives: the removal counts for nothing
    assert post_state(cai, sid, post) == ("visible", f"my real name is {CANARY}")
    sync(sid, *people)
    later(people, clocks, GRACE_MS)  # long after the grace period: still nothing erased
    for s in people:
        assert post_state(s, sid, post) == ("visible", f"my real name is {CANARY}"), s
        assert holds_words(s, sid)
    assert not any(a.action == "remove-post" for a in ari.spaces.moderation_log(sid))


def test_a_moderators_removal_erases_once_the_grace_period_is_over(
    circle: Circle, tmp_path: Path
) -> None:
    people, clocks, sid, post = circle
    ari, mo, bea, cai = people
    clocks[1].now -= 3 * GRACE_MS  # Mo's clock is days behind: never the one counted
    mo.spaces.moderate(sid, post, "doxxing")
    sync(sid, ari, mo, bea)  # Cai is away
    for s in (ari, mo, bea):
        assert post_state(s, sid, post) == ("removed", "")
        assert holds_words(s, sid)
    later(people, clocks, GRACE_MS - 60_000)  # a minute short: kept
    deliver(bea, cai, sid)  # Cai hears of it now, a day after the others
    assert post_state(cai, sid, post) == ("removed", "")
    assert all(holds_words(s, sid) for s in people)
    later(people, clocks, 60_000)  # the grace period is over where it began a day ago
    for s in (ari, mo, bea):
        assert vault_holding(s, sid, CANARY) == [], s
    assert holds_words(cai, sid)  # Cai's began when Cai got it
    with cai.vault.read() as conn:
        original = lt.get_event(conn, post)
    _checkpoint(cai)  # the post's page is in the database file, as after any checkpoint
    assert original is not None and original.envelope in _on_disk(cai, post, tmp_path)
    later(people, clocks, GRACE_MS)
    assert vault_holding(cai, sid, CANARY) == []
    with cai.vault.read() as conn:
        stored = lt.get_event(conn, post)
        assert stored is not None and lt.is_redacted(conn, post)
    # The sweep checkpointed: no page image nor -wal frame from before the erase is left.
    assert set(_on_disk(cai, post, tmp_path)) == {stored.envelope}
    sync(sid, *people)
    for s in people:
        assert post_state(s, sid, post) == ("removed", "")
        assert vault_holding(s, sid, CANARY) == []


def test_the_authors_delete_of_a_post_a_removal_hides_erases_at_once(circle: Circle) -> None:
    """Bea deletes her post while Mo removes it; Cai gets the removal first (hidden, words
    kept for the grace period), then Bea's delete: erased at once."""
    people, _, sid, post = circle
    _, mo, bea, cai = people
    mo.spaces.moderate(sid, post, "doxxing")
    bea.spaces.delete_post(sid, post)
    assert vault_holding(bea, sid, CANARY) == []  # her own delete: at once
    deliver(mo, cai, sid)
    assert post_state(cai, sid, post) == ("removed", "")
    assert holds_words(cai, sid)  # the removal waits to erase
    deliver(bea, cai, sid)
    assert vault_holding(cai, sid, CANARY) == []
    sync(sid, *people)
    for s in people:
        assert vault_holding(s, sid, CANARY) == [], s
