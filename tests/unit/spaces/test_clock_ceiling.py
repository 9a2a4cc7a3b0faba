"""One event with a Lamport clock at the top of its range must not brick a space.

Before the bound, a member (or anyone holding the epoch key and a chain) wrote a post at
Lamport 2**63-1; every replica that took it could never write in that space again (the next
clock, one above, does not fit the log's integer), through sync, for every member. Now an
event may move its author's chain clock ahead by at most MAX_CLOCK_STEP, and this device's
own clock stays within the same bound, so climbing to the top takes about 2**31 events of one
chain (docs/PROTOCOL.md §1)."""

from __future__ import annotations

from haven.core.envelope import INT_MAX
from haven.core.eventlog import MAX_CLOCK_STEP
from haven.core.spaces import events as ev
from haven.store import log_table as lt
from tests.hostile import Hostile
from tests.space_helpers import Group


def _post(body: str) -> dict[str, str]:
    return {"title": "", "body": body, "cw": ""}


def _feed(session, space_id: bytes) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.body for p in session.spaces.read_feed(space_id)}


def test_an_event_at_the_top_of_the_clock_is_refused_alone(group: Group) -> None:
    sid = group.space_id
    hostile = Hostile.of(group.cai, sid)
    honest = hostile.event(ev.POST, _post("an honest post first"))
    sky = hostile.event(ev.POST, _post("to the sky"), lamport=INT_MAX)
    result = group.owner.log.ingest([honest, sky])
    assert len(result.accepted) == 1
    assert any("clock" in reason for reason in result.rejected)
    assert "an honest post first" in _feed(group.owner, sid)
    assert "to the sky" not in _feed(group.owner, sid)
    group.owner.spaces.post(sid, "the space still works")  # raised OverflowError before
    assert "the space still works" in _feed(group.owner, sid)


def test_the_largest_allowed_step_still_leaves_the_space_writable(group: Group) -> None:
    """A member who jumps as far as allowed is accepted; this device's next event stays
    within its own bound (it cannot follow the jump further than a step), is accepted by
    the others, and the chain rules hold on every replica."""
    sid = group.space_id
    hostile = Hostile.of(group.cai, sid)
    first = hostile.event(ev.POST, _post("first"))
    leap = hostile.event(ev.POST, _post("leap"), lamport=hostile.tip_lamport + MAX_CLOCK_STEP)
    result = group.owner.log.ingest([first, leap])
    assert len(result.accepted) == 2, result.rejected
    further = hostile.event(
        ev.POST, _post("further"), lamport=hostile.tip_lamport + MAX_CLOCK_STEP + 1
    )
    assert not group.owner.log.ingest([further]).accepted
    group.owner.spaces.post(sid, "after the leap")
    group.sync(group.owner, group.bea)
    assert {"leap", "after the leap"} <= _feed(group.bea, sid)
    with group.owner.vault.read() as conn:
        owner_pk = next(e.author for e in lt.events_in_order(conn, sid) if e.type == ev.GENESIS)
        mine = [e for e in lt.events_in_order(conn, sid) if e.author == owner_pk]
    assert mine[-1].lamport - mine[-2].lamport <= MAX_CLOCK_STEP
