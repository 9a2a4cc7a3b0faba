"""Attack 1 of issue 10 and its relatives, through real sync over direct TCP (127.0.0.1):
an epoch key is installed only from a valid rotation or share that matches the rotation's
commitment (docs/PROTOCOL.md, "Epoch keys"). The attacker's events are crafted with
tests/hostile.py and served from the attacker's own vault."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces import sealed
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from tests.hostile import Hostile
from tests.integration.cli_support import haven, ok
from tests.space_helpers import join, make_session, sync
from tests.sync_helpers import tcp_sync


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[tuple[Session, Session, Session, bytes]]:
    """Ari owns the space, Bea is an admin, Cai a member; all synced."""
    ari, bea, cai = (make_session(tmp_path, n) for n in ("ari", "bea", "cai"))
    space = ari.spaces.create_space("Circle", display_name="Ari")
    join(ari, bea, space, "Bea")
    cai_pk = join(ari, cai, space, "Cai")
    ari.spaces.set_role(space, ari.spaces.members(space)[1].member_pk, "admin")
    sync(space, ari, bea, cai)
    assert cai_pk in {m.member_pk for m in ari.spaces.members(space)}
    yield ari, bea, cai, space
    for s in (ari, bea, cai):
        s.lock()


def key_of(session: Session, space: bytes, epoch: int) -> bytes | None:
    with session.vault.read() as conn:
        return ids.get_epoch_key(conn, space, epoch)


def box_of(session: Session, space: bytes) -> bytes:
    me = session.spaces.space_info(space).my_persona
    return session.spaces.devices(space, me)[0][1]


def epoch_of_post(session: Session, post_id: bytes) -> int:
    with session.vault.read() as conn:
        stored = lt.get_event(conn, post_id)
    assert stored is not None
    return stored.epoch


def plant_share(
    attacker: Session, hostile: Hostile, rotator: Session, epoch: int, victim: Session
) -> bytes:
    """The attacker read `rotator`'s rotation to `epoch` (it is under the old epoch, e.g.
    in a relay mailbox) but keeps it out of its own vault, and writes after it a share of a
    key of its own, sealed to `victim` under the old epoch: the attacker's vault then serves
    the share and not the rotation. Returns the attacker's key."""
    with rotator.vault.read() as conn:
        after_rotation = lt.max_lamport(conn, hostile.space_id) + 1
    fake = os.urandom(32)
    victim_box = box_of(victim, hostile.space_id)
    attacker.log.ingest([hostile.preempt_share(epoch, fake, [victim_box], lamport=after_rotation)])
    return fake


def test_attack_1_a_removed_member_cannot_pre_empt_the_new_epoch_key(
    trio: tuple[Session, Session, Session, bytes],
) -> None:
    ari, bea, cai, space = trio
    cai_pk = cai.spaces.space_info(space).my_persona
    hostile = Hostile.of(cai, space)
    new_epoch = ari.spaces.remove_member(space, cai_pk)
    fake = plant_share(cai, hostile, ari, new_epoch, bea)
    tcp_sync(cai, bea)  # Cai's share reaches Bea first
    assert key_of(bea, space, new_epoch) is None  # held, not installed
    tcp_sync(ari, bea)
    real = key_of(ari, space, new_epoch)
    assert real is not None and real != fake
    assert key_of(bea, space, new_epoch) == real
    assert bea.spaces.space_info(space).epoch == new_epoch
    post = bea.spaces.post(space, "after Cai left")
    assert epoch_of_post(bea, post) == new_epoch
    tcp_sync(ari, bea)
    assert "after Cai left" in {p.body for p in ari.spaces.read_feed(space)}
    assert key_of(cai, space, new_epoch) is None  # Cai cannot read it


def test_a_key_share_that_does_not_match_the_commitment_installs_nothing_and_warns(
    trio: tuple[Session, Session, Session, bytes],
) -> None:
    """An admin in force (Bea's key in hostile hands) seals Cai a key of her choosing for
    the epoch Ari just rotated to, delivered before Ari's rotation: only the commitment
    tells the two apart."""
    ari, bea, cai, space = trio
    hostile = Hostile.of(bea, space)
    new_epoch = ari.spaces.rotate(space)
    plant_share(bea, hostile, ari, new_epoch, cai)
    tcp_sync(bea, cai)  # Bea's vault serves the share but not the rotation
    assert key_of(cai, space, new_epoch) is None  # held, not installed
    tcp_sync(ari, cai)
    real = key_of(ari, space, new_epoch)
    assert real is not None and key_of(cai, space, new_epoch) == real
    warnings = [(w.kind, w.member_name) for w in cai.spaces.warnings(space)]
    assert ("key", "Bea") in warnings


def test_an_admin_showing_different_keys_to_different_members_is_caught(
    trio: tuple[Session, Session, Session, bytes],
) -> None:
    """A split view: a rotation committing to one key, sealing another to Cai."""
    ari, bea, cai, space = trio
    before = cai.spaces.space_info(space).epoch
    hostile = Hostile.of(bea, space)
    epoch, key, commitment = sealed.new_epoch(space)
    other = os.urandom(32)
    keys = [
        *sealed.seal_epoch_key_to_all([box_of(ari, space), box_of(bea, space)], space, epoch, key),
        *sealed.seal_epoch_key_to_all([box_of(cai, space)], space, epoch, other),
    ]
    bea.log.ingest([hostile.event(ev.ROTATE, {"epoch": epoch, "keys": keys, "commit": commitment})])
    tcp_sync(bea, cai)
    tcp_sync(bea, ari)
    assert key_of(ari, space, epoch) == key
    assert key_of(cai, space, epoch) is None  # the key sealed to Cai was not installed
    assert cai.spaces.space_info(space).epoch == before  # Cai cannot write under it
    assert ("key", "Bea") in [(w.kind, w.member_name) for w in cai.spaces.warnings(space)]
    assert not [w for w in ari.spaces.warnings(space) if w.kind == "key"]
    # The same warning in `haven space info` (the app's notice reads the same list).
    data_dir = cai.data_dir
    cai.lock()
    info = json.loads(ok(haven(data_dir, "space", "info", space.hex(), "--json")))
    assert [w["kind"] for w in info["warnings"]] == ["key"]
    text = haven(data_dir, "space", "info", space.hex())
    assert "haven: warning: Bea: sent this device a space key that does not match" in text.stderr
