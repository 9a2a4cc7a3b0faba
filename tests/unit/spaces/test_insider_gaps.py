"""Attacks 1-3 of issue 10 (docs/THREAT_MODEL.md, the insider table), the attacker's events
crafted with tests/hostile.py. Attack 1 (key pre-emption) is defended by key commitments
(also through real sync: tests/integration/test_key_commitments_sync.py). Attacks 2 and 3
are NOT defended yet: each asserts the secure outcome and is marked as an expected failure
(strict), so the day a defence lands the suite fails until the marker is removed and the
test becomes that defence's regression test."""

from __future__ import annotations

import os

import pytest

from haven.core.spaces import events as ev
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from tests.hostile import Hostile
from tests.space_helpers import Group, deliver

NOT_DEFENDED = pytest.mark.xfail(
    strict=True, reason="not defended yet: removal finality (issue 10)"
)


def _lamport_of(session, space_id: bytes, event_type: str) -> int:  # type: ignore[no-untyped-def]
    with session.vault.read() as conn:
        clocks = [e.lamport for e in lt.events_in_order(conn, space_id) if e.type == event_type]
    assert clocks
    return clocks[-1]


@NOT_DEFENDED
def test_attack_3_a_removed_member_cannot_post_by_backdating(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    hostile = Hostile.of(group.cai, sid)  # what Cai's device holds before the removal
    group.owner.spaces.remove_member(sid, pk["cai"])
    group.sync(group.owner, group.bea)
    removal = _lamport_of(group.owner, sid, ev.REMOVE)
    backdated = hostile.backdate(
        ev.POST, {"title": "", "body": "written after my removal", "cw": ""}, lamport=removal - 1
    )
    assert hostile.tip_lamport < removal  # the chain rules allow it
    group.owner.log.ingest([backdated])
    assert "written after my removal" not in {p.body for p in group.owner.spaces.read_feed(sid)}


@NOT_DEFENDED
def test_attack_2_a_removed_admin_cannot_add_a_puppet_by_backdating(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    hostile = Hostile.of(group.bea, sid)  # Bea is an admin
    for i in range(5):  # the group talks on; Bea's clock stays behind
        group.owner.spaces.post(sid, f"news {i}")
    group.owner.spaces.remove_member(sid, pk["bea"])
    removal = _lamport_of(group.owner, sid, ev.REMOVE)
    puppet = os.urandom(32)
    add = hostile.backdate(
        ev.ADD,
        {
            "member": puppet,
            "profile": {"name": "Puppet", "pronouns": "", "colour": ""},
            "devices": [[os.urandom(16), os.urandom(32)]],
            "key_epoch": hostile.epoch,
        },
        lamport=removal - 1,
    )
    assert hostile.tip_lamport < removal  # the chain rules allow it
    group.owner.log.ingest([add])
    active = {m.display_name for m in group.owner.spaces.members(sid)}
    assert "Puppet" not in active


def test_attack_1_a_removed_member_cannot_pre_empt_the_new_epoch_key(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    bea_box = group.bea.spaces.devices(sid, pk["bea"])[0][1]
    group.owner.spaces.remove_member(sid, pk["cai"])
    new_epoch = group.owner.spaces.space_info(sid).epoch
    deliver(group.owner, group.cai, sid)  # Cai reads the rotation (old epoch), not the key
    hostile = Hostile.of(group.cai, sid)
    share = hostile.preempt_share(new_epoch, os.urandom(32), [bea_box])
    group.bea.log.ingest([share])  # delivered first (a relay that withholds the real one)
    group.sync(group.owner, group.bea)
    with group.bea.vault.read() as conn:
        bea_key = ids.get_epoch_key(conn, sid, new_epoch)
    with group.owner.vault.read() as conn:
        real_key = ids.get_epoch_key(conn, sid, new_epoch)
    assert bea_key == real_key
