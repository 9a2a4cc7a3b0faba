"""Forward compatibility (issue 10, "total ingest"): an event of a type this version does not
know — a newer version's feature — is stored, counted as unknown, passed on to peers and
ignored by the projection; a malformed event of a known type costs only itself. Through real
sync: direct TCP on 127.0.0.1 from the writer to a second store, then the same protocol on to
a third store that never met the writer (docs/PROTOCOL.md §5.2, "Types from newer
versions"). The newer version's events are crafted by hand with tests/hostile.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core import envelope as env
from haven.core.redaction import EXPIRED
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.store import log_table as lt
from tests.hostile import Hostile
from tests.space_helpers import three_members
from tests.sync_helpers import tcp_sync

NEWER = "space.future.feature"  # a type no version of this code knows
assert NEWER not in ev.KNOWN_TYPES


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[tuple[Session, Session, Session, bytes]]:
    ari, bea, cai, space = three_members(tmp_path)
    yield ari, bea, cai, space
    for s in (ari, bea, cai):
        s.lock()


def types_held(session: Session, space: bytes) -> list[str]:
    with session.vault.read() as conn:
        return [s.type for s in lt.events_in_order(conn, space)]


def bodies(session: Session, space: bytes) -> list[str]:
    return [p.body for p in session.spaces.read_feed(space, include_hidden=True)]


def test_a_newer_type_is_kept_passed_on_and_ignored_and_a_malformed_one_costs_itself(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    ari, bea, cai, space = circle
    # Bea runs a newer Haven: on her own chain, an event of a type this version lacks, a
    # post whose content this version finds malformed, then ordinary posts.
    newer = Hostile.of(bea, space)
    gathering = newer.event(NEWER, {"title": "Picnic", "when": 1_900_000_000_000, "who": []})
    malformed = newer.event(ev.POST, {"title": "", "body": 42, "cw": ""})
    taken = bea.log.ingest([gathering, malformed])
    assert len(taken.accepted) == 2 and taken.unknown == 1
    after = bea.spaces.post(space, "see you at the picnic")
    bea.spaces.post(space, "bring a blanket")

    report = tcp_sync(bea, ari)  # Bea serves, Ari connects: real TCP on 127.0.0.1
    assert report.unknown == 1
    assert report.rejected == 0
    assert sum(s.held for s in report.spaces) == 0
    # Stored, in Bea's chain as she wrote it: nothing stalls behind it.
    assert ari.log.chain_heads(space) == bea.log.chain_heads(space)
    assert types_held(ari, space).count(NEWER) == 1
    # Ignored by the projection: the feed shows the posts after it, not the malformed one.
    assert bodies(ari, space) == ["see you at the picnic", "bring a blanket"]
    assert after in {p.post_id for p in ari.spaces.read_feed(space)}

    # Ari writes after it and passes it on to Cai, who never met Bea.
    ari.spaces.post(space, "I'll bring tea")
    report = tcp_sync(ari, cai)
    assert report.unknown == 1 and report.rejected == 0
    assert cai.log.chain_heads(space) == bea.log.chain_heads(space) | ari.log.chain_heads(space)
    assert types_held(cai, space).count(NEWER) == 1
    assert bodies(cai, space) == bodies(ari, space)
    # A recompute from the whole log (a late event makes one) ends the same; so does Bea's.
    assert cai.log.rebuild_projections(space) == ari.log.count(space)
    assert bodies(cai, space) == ["see you at the picnic", "bring a blanket", "I'll bring tea"]
    # And the next sync back moves it no more: a duplicate, not a new unknown.
    assert tcp_sync(cai, bea).unknown == 0
    assert bodies(bea, space) == bodies(cai, space)


def test_another_prefix_in_a_group_space_is_refused_and_never_reaches_the_journal(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    """The journal's projectors act on `journal.` events: a member who writes one into the
    group space must not put an entry into another member's journal. Only `space.` types
    are taken there."""
    ari, bea, _cai, space = circle
    hostile = Hostile.of(bea, space).fresh_chain()
    entry = hostile.event("journal.entry.create", {"title": "x", "body": "planted", "tags": []})
    result = ari.log.ingest([entry])
    assert not result.accepted and result.rejected_count == 1
    assert ari.journal.list() == []


def test_a_redacted_newer_event_is_taken_on_its_authors_proof_only(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    """A newer version may make its type erasable and send only the redacted form: this
    version takes it on its author's deletion (else that chain would stall here for good),
    and refuses an emptied copy vouched for by someone without the right to erase it."""
    ari, bea, cai, space = circle
    newer = Hostile.of(bea, space)
    gathering = newer.event(NEWER, {"title": "at my address"})
    gathering_id = bea.log.ingest([gathering]).accepted[0].id
    # Cai (a plain member, never a moderator) forges a "removal" and hands out an empty copy.
    cai_hostile = Hostile.of(cai, space).fresh_chain()
    forged = cai_hostile.forge(ev.MODERATE, {"target": gathering_id, "reason": "gone"})
    emptied = cai_hostile.emptied_copy(gathering, forged)
    result = ari.log.ingest([forged, emptied])
    assert gathering_id not in {e.id for e in result.accepted}
    assert any("redaction" in r for r in result.rejected)
    # Bea's own deletion vouches for the redacted form.
    delete = newer.event(ev.DELETE, {"target": gathering_id})
    redacted = newer.emptied_copy(gathering, delete)
    result = ari.log.ingest([redacted, delete])
    assert len(result.accepted) == 2 and result.rejected_count == 0
    assert result.accepted[0].id == gathering_id and result.accepted[0].redacted
    assert result.unknown == 1
    assert ari.log.chain_heads(space) == bea.log.chain_heads(space) | ari.log.chain_heads(space)


def test_an_expired_newer_event_is_taken_only_with_a_timer_that_holds(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    """A newer type's disappearing event may arrive already expired: taken when its signed
    core carries a valid timer, refused when the timer is malformed or out of range."""
    ari, bea, _cai, space = circle

    def expired(timer: object) -> bytes:  # each at the next place of Bea's chain
        newer = Hostile.of(bea, space)
        envelope = newer.event(NEWER, {"title": "gone soon", "disappear": timer})
        epoch = env.read_header(envelope)[0].epoch
        return env.redacted_envelope(envelope, newer.epoch_keys[epoch], EXPIRED)

    for bad in ("forever", 10**12, 1):
        result = ari.log.ingest([expired(bad)])
        assert not result.accepted and "not set to disappear" in result.rejected[0]
    result = ari.log.ingest([expired(3600)])
    assert len(result.accepted) == 1 and result.accepted[0].redacted
