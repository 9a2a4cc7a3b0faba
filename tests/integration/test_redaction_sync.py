"""Issue 10, attack 5, through real sync over direct TCP (127.0.0.1): a moderator's removal
reaches the other replicas by sync rounds and erases the post there; a member who was
offline all along then syncs and receives the post redacted — nothing that crosses the
connection opens to the removed words (docs/PROTOCOL.md, "Redaction")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.envelope import open_event, read_header
from haven.core.session import Session
from tests.canary_scan import envelopes_holding, epoch_keys, vault_holding
from tests.space_helpers import join, make_session, sync
from tests.sync_helpers import record_received, tcp_sync

CANARY = "Qzvarnikel"


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[tuple[Session, Session, Session, bytes, Path]]:
    ari, bea, cai = (make_session(tmp_path, n) for n in ("ari", "bea", "cai"))
    space = ari.spaces.create_space("Circle", display_name="Ari")
    join(ari, bea, space, "Bea")
    join(ari, cai, space, "Cai")
    dan = make_session(tmp_path, "dan")
    join(ari, dan, space, "Dan")
    sync(space, ari, bea, cai, dan)
    yield ari, bea, cai, dan, space
    for s in (ari, bea, cai, dan):
        s.lock()


def test_a_removal_erases_through_tcp_sync_and_later_sync_carries_nothing(trio) -> None:
    ari, bea, cai, dan, space = trio
    post = cai.spaces.post(space, f"my real name is {CANARY}")
    tcp_sync(ari, cai)
    tcp_sync(ari, bea)
    assert "events (decrypted)" in vault_holding(bea, space, CANARY)
    ari.spaces.moderate(space, post, "doxxing")
    tcp_sync(ari, bea)
    assert vault_holding(bea, space, CANARY) == []
    tcp_sync(bea, cai)  # the author hears of it from Bea
    assert vault_holding(cai, space, CANARY) == []
    received = record_received(dan)  # Dan was offline for the post and its removal
    tcp_sync(bea, dan)
    tcp_sync(cai, dan)
    keys = epoch_keys(ari, space)
    carried = [open_event(e, keys[read_header(e)[0].epoch]) for e in received]
    assert [e.redacted for e in carried if e.id == post] == [True]  # the post came, empty
    assert envelopes_holding(received, keys, CANARY) == 0
    for s in (ari, bea, cai, dan):
        assert vault_holding(s, space, CANARY) == []
        feed = s.spaces.read_feed(space, include_hidden=True)
        assert [(p.state, p.body) for p in feed if p.post_id == post] == [("removed", "")]
    heads = {tuple(sorted(s.log.chain_heads(space).items())) for s in (ari, bea, cai, dan)}
    assert len(heads) == 1


def test_a_removed_fundraiser_reaches_an_offline_member_empty_through_tcp_sync(trio) -> None:
    """A fundraiser whose "where to give" points to a scam, with an update and a pledge:
    the owner removes it; Dan, offline all along, receives all three redacted (§5.10) and
    never shows it; the modlog entry is the same on every moderator's device."""
    ari, bea, cai, dan, space = trio
    fid = cai.spaces.fundraisers.create(
        space, "Rent", f"for {CANARY}", f"pay {CANARY}-scam.example", 900, "EUR"
    )
    tcp_sync(ari, cai)
    cai.spaces.fundraisers.update(space, fid, f"still {CANARY}")
    tcp_sync(ari, cai)
    tcp_sync(ari, bea)
    bea.spaces.fundraisers.pledge(space, fid, 300)
    tcp_sync(ari, bea)
    ari.spaces.fundraisers.remove(space, fid, "a scam")
    tcp_sync(ari, bea)
    tcp_sync(bea, cai)
    received = record_received(dan)
    tcp_sync(bea, dan)
    keys = epoch_keys(ari, space)
    carried = {e.id: e for e in (open_event(x, keys[read_header(x)[0].epoch]) for x in received)}
    assert carried[fid].redacted
    assert envelopes_holding(received, keys, CANARY) == 0
    for s in (ari, bea, cai, dan):
        assert vault_holding(s, space, CANARY) == []
        assert s.spaces.fundraisers.listing(space) == []
    assert ("remove-fundraiser", "a scam") in [
        (a.action, a.detail) for a in ari.spaces.moderation_log(space)
    ]
