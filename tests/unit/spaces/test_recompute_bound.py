"""Recomputes a sync round may cost (issue 10, "removal recompute cost"): every event that
sorts before what a space already applied — a backdated post, a removal whose cut leaves
out events applied before it — makes the space's projection be recomputed from the whole
log. A peer who chooses the round's batches (one such event per batch) used to buy one full
recompute per event: k events, k × the log. Now a round's ingests leave the recompute to
the round's end (docs/PROTOCOL.md §5.3, "Cost"): one per round, whatever the peer sends,
and what the app shows is the same. Counts, not timings (the figure is in bench/)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.sync.reconcile import Reconciler
from tests.hostile import Hostile
from tests.space_helpers import three_members
from tests.sync_helpers import run_round

LATE = 12


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[tuple[Session, Session, Session, bytes]]:
    ari, bea, cai, space = three_members(tmp_path)
    yield ari, bea, cai, space
    for s in (ari, bea, cai):
        s.lock()


def count_recomputes(session: Session) -> list[int]:
    projector = session.spaces.projector
    calls: list[int] = []
    real = projector.recompute

    def counting(*args: object, **kwargs: object) -> int:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    projector.recompute = counting  # type: ignore[method-assign]
    return calls


def one_event_per_batch(src: Session, dst: Session, space: bytes, at_least: int = 1) -> None:
    a = Reconciler(src.log, [space], max_batch_events=1, window=1)
    b = Reconciler(dst.log, [space], max_batch_events=1, window=1)
    rep_a, rep_b, wire = run_round(a, b)
    assert not wire.errors and rep_a.complete and rep_b.complete
    assert len(wire.batches("ab")) >= at_least  # the peer really sent them one by one


def test_a_round_of_late_events_costs_one_recompute(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    ari, bea, _cai, space = circle
    for n in range(LATE + 5):
        ari.spaces.post(space, f"today {n}")  # Ari's clock moves ahead of Bea's
    bea.spaces.post(space, "hello")  # her chain now starts after her add
    # Bea's best move: many posts, each backdated below everything Ari holds.
    hostile = Hostile.of(bea, space)
    late = [
        hostile.backdate(ev.POST, {"title": "", "body": f"late {i}", "cw": ""}) for i in range(LATE)
    ]
    assert len(bea.log.ingest(late).accepted) == LATE
    recomputes = count_recomputes(ari)
    one_event_per_batch(bea, ari, space, at_least=LATE)
    assert len(recomputes) == 1  # was one per event: LATE
    shown = [p.body for p in ari.spaces.read_feed(space)]
    assert {f"late {i}" for i in range(LATE)} <= set(shown)
    # The same as a projection rebuilt from the log: nothing was left stale.
    ari.log.rebuild_projections(space)
    assert [p.body for p in ari.spaces.read_feed(space)] == shown


def test_a_rotation_and_what_follows_it_arrive_in_the_same_round(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    """While a round leaves the recompute for its end, a rotation it brings is not applied
    yet; the first event under the new epoch brings the recompute forward (once), so it is
    read in this round, not the next."""
    ari, bea, cai, space = circle
    cai.spaces.post(space, "hello")
    hostile = Hostile.of(cai, space)
    late = hostile.backdate(ev.POST, {"title": "", "body": "old", "cw": ""})
    assert len(cai.log.ingest([late]).accepted) == 1
    for n in range(3):  # Ari's clock moves past Cai's
        ari.spaces.post(space, f"news {n}")
    bea.log.ingest(ari.log.envelopes_after(space, bea.log.chain_tips(space), 100))
    ari.log.ingest(cai.log.envelopes_after(space, ari.log.chain_tips(space), 100))
    ari.spaces.remove_member(space, hostile.author)  # removal + rotation to a new epoch
    after = ari.spaces.post(space, "after the rotation")
    recomputes = count_recomputes(bea)

    def round_ingest(envelopes: list[bytes]) -> int:
        opened = bea.log.open_envelopes(envelopes)
        return len(bea.log.ingest_opened([opened], settle_later=True)[0].accepted)

    # Bea gets Cai's late post (the space is stale now), then the removal and rotation
    # (not applied yet), then a post under the new epoch: all in one round.
    mine = bea.log.chain_tips(space)
    assert round_ingest(cai.log.envelopes_after(space, mine, 100)) == 2  # hello, old
    from_ari = ari.log.envelopes_after(space, bea.log.chain_tips(space), 100)
    assert round_ingest(from_ari[:-1]) == len(from_ari) - 1
    assert recomputes == []
    assert round_ingest(from_ari[-1:]) == 1  # under the new epoch: read in this round
    assert len(recomputes) == 1
    bea.log.settle()
    assert after in {p.post_id for p in bea.spaces.read_feed(space)}
    assert len(recomputes) == 1  # settling found it fresh already
