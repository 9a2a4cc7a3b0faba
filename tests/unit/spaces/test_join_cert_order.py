"""When a joiner's device certifies its key (issue 10, "join recompute"; PROTOCOL §5.11,
"Signing"): a joining device writes its root `space.device.cert` just before its first event
of its own, not when it accepts the welcome. Written at the welcome, the certificate's clock
sat just above the add, below whatever the members wrote after it, so it reached each of
them as a late event and cost every existing member a full recompute of the space at the
new member's first sync. Written before the first post, after a sync, it sorts after what
the joiner has seen. Counts of recomputes, not timings; real vaults, real sync rounds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from haven.core import device_certs as dc
from haven.core.envelope import VERSION_3, read_header
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.crypto.signing import SigningKeyPair
from haven.store import log_table as lt
from haven.sync.reconcile import Reconciler
from tests.hostile import Hostile
from tests.space_helpers import join, make_session, sync
from tests.sync_helpers import run_round
from tests.unit.spaces.test_recompute_bound import count_recomputes


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[tuple[Session, Session, Session, bytes]]:
    """Ari owns "Circle" with some history, Bea is a member, all in step; Cai is not in."""
    ari, bea, cai = (make_session(tmp_path, n) for n in ("ari", "bea", "cai"))
    space = ari.spaces.create_space("Circle", display_name="Ari")
    join(ari, bea, space, "Bea")
    for n in range(4):
        ari.spaces.post(space, f"history {n}")
    bea.spaces.post(space, "hi all")
    sync(space, ari, bea)
    yield ari, bea, cai, space
    for s in (ari, bea, cai):
        s.lock()


def sync_round(x: Session, y: Session, space: bytes) -> None:
    """One real sync round between two members (each side settles at the round's end)."""
    rep_x, rep_y, wire = run_round(Reconciler(x.log, [space]), Reconciler(y.log, [space]))
    assert not wire.errors and rep_x.complete and rep_y.complete


def own_chain(session: Session, space: bytes) -> list[lt.StoredEvent]:
    with session.vault.read() as conn:
        return [
            e
            for e in lt.events_in_order(conn, space, "space.")
            if e.device == session.identity.device_id_for(e.author)
        ]


def test_a_join_and_the_joiners_first_post_cost_the_members_no_recompute(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    ari, bea, cai, space = circle
    cai_pk = join(ari, cai, space, "Cai")  # the welcome: the log up to Cai's add
    for n in range(3):  # Ari writes on before Cai first syncs
        ari.spaces.post(space, f"news after the add {n}")
    sync(space, ari, bea)
    assert own_chain(cai, space) == []  # Cai's device has written nothing yet
    at_ari, at_bea = count_recomputes(ari), count_recomputes(bea)
    sync_round(cai, ari, space)  # Cai's first sync
    hello = cai.spaces.post(space, "hello from Cai")
    sync_round(cai, ari, space)
    sync_round(ari, bea, space)
    for member in (ari, bea):
        assert "hello from Cai" in [p.body for p in member.spaces.read_feed(space)]
    assert at_ari == [] and at_bea == []  # a certificate at the welcome cost each one here
    # Cai's chain: its root certificate first, then the post, signed with its own key.
    chain = own_chain(cai, space)
    assert [e.type for e in chain] == [ev.DEVICE_CERT, ev.POST]
    assert chain[0].author == cai_pk and chain[1].id == hello
    assert read_header(chain[1].envelope)[0].version == VERSION_3
    # What the members show is what a projection rebuilt from the log shows.
    for member in (ari, bea, cai):
        shown = [p.body for p in member.spaces.read_feed(space)]
        member.log.rebuild_projections(space)
        assert [p.body for p in member.spaces.read_feed(space)] == shown


def test_a_joiners_device_key_signs_nothing_that_counts_before_its_certificate(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    """With no certificate written at the welcome, the joining device's chain is empty: its
    best move is an event signed with a key of its own ahead of that key's certificate. The
    gate holds it (the certificate behind it waits for the gap): it counts nowhere."""
    ari, _bea, cai, space = circle
    join(ari, cai, space, "Cai")
    sync_round(cai, ari, space)
    hostile = Hostile.of(cai, space)
    assert hostile.device_seed is None and hostile.seq == 0  # not certified, nothing written
    keys = SigningKeyPair.generate()
    keyed = replace(hostile, device_seed=keys.seed, keyed_device=hostile.device)
    early = keyed.event(ev.POST, {"title": "", "body": "before my certificate", "cw": ""})
    hostile.seq, hostile.prev, hostile.lamport = keyed.seq, keyed.prev, keyed.lamport
    cert = hostile.event(ev.DEVICE_CERT, dc.DeviceRequest.make(hostile.device, keys).content())
    result = ari.log.ingest([early, cert])
    assert result.accepted == [] and result.held == 2
    assert "before my certificate" not in [p.body for p in ari.spaces.read_feed(space)]
    # The honest device, by contrast, certifies first, and its post counts.
    cai.spaces.post(space, "hello")
    sync_round(cai, ari, space)
    assert "hello" in [p.body for p in ari.spaces.read_feed(space)]


def test_a_joiners_first_event_outside_space_features_is_certified_first(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    """The relay list is written by the relay service, not a space feature: a joiner made
    admin whose first event is one still certifies its key before it and signs it with it."""
    ari, _bea, cai, space = circle
    cai_pk = join(ari, cai, space, "Cai")
    ari.spaces.set_role(space, cai_pk, "admin")
    sync_round(ari, cai, space)
    cai.relays.set_relays(space, ["wss://relay.example/"])
    chain = own_chain(cai, space)
    assert [e.type for e in chain] == [ev.DEVICE_CERT, ev.RELAYS]
    assert read_header(chain[1].envelope)[0].version == VERSION_3
    sync_round(cai, ari, space)
    assert ari.relays.urls(space) == ["wss://relay.example/"]
