"""Attacks 1-3 of issue 10 (docs/THREAT_MODEL.md, the insider table), the attacker's events
crafted with tests/hostile.py. Attack 1 (key pre-emption) is defended by key commitments
(also through real sync: tests/integration/test_key_commitments_sync.py). Attacks 2 and 3
by removal finality: a removal names the removed member's events its author had seen (its
cut), and nothing else of that member counts, whatever its clock (core/spaces/finality.py;
through real sync: tests/unit/spaces/test_removal_finality.py and
tests/integration/test_removal_finality_sync.py)."""

from __future__ import annotations

import os

from haven.core.spaces import events as ev
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import keys as keys_db
from tests.hostile import Hostile
from tests.space_helpers import Group, deliver


def _lamport_of(session, space_id: bytes, event_type: str) -> int:  # type: ignore[no-untyped-def]
    with session.vault.read() as conn:
        clocks = [e.lamport for e in lt.events_in_order(conn, space_id) if e.type == event_type]
    assert clocks
    return clocks[-1]


def _bodies(session, space_id: bytes) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.body for p in session.spaces.read_feed(space_id)}


def _sealed_to(session, space_id: bytes) -> set[bytes]:  # type: ignore[no-untyped-def]
    """Every device box key any epoch's key was sealed to, by a rotation, share or add that
    counted on this device."""
    with session.vault.read() as conn:
        epochs = ids.epoch_keys(conn, space_id)
        return {pk for e in epochs for pk in keys_db.recipients(conn, space_id, e)}


def test_attack_3_a_removed_member_cannot_post_by_backdating(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    hostile = Hostile.of(group.cai, sid)  # what Cai's device holds before the removal
    group.owner.spaces.post(sid, "news")  # the group talks on; Cai's clock stays behind
    group.owner.spaces.remove_member(sid, pk["cai"])
    group.sync(group.owner, group.bea)
    removal = _lamport_of(group.owner, sid, ev.REMOVE)
    backdated = hostile.backdate(
        ev.POST, {"title": "", "body": "written after my removal", "cw": ""}, lamport=removal - 1
    )
    assert hostile.tip_lamport < removal  # the chain rules allow it
    group.owner.log.ingest([backdated])
    assert "written after my removal" not in {p.body for p in group.owner.spaces.read_feed(sid)}


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


def test_attack_2_key_healing_never_seals_to_the_puppet(group: Group) -> None:
    """The owner's device heals after every commit (shares the key in force with member
    devices that lack it): the backdated add must not make the puppet one of them, nor may
    the puppet's own events (a post, a share) count."""
    sid, pk = group.space_id, group.pk
    hostile = Hostile.of(group.bea, sid)
    group.owner.spaces.post(sid, "news")
    group.owner.spaces.remove_member(sid, pk["bea"])
    removal = _lamport_of(group.owner, sid, ev.REMOVE)
    puppet_box = os.urandom(32)
    add = hostile.backdate(
        ev.ADD,
        {
            "member": os.urandom(32),
            "profile": {"name": "Puppet", "pronouns": "", "colour": ""},
            "devices": [[os.urandom(16), puppet_box]],
            "key_epoch": hostile.epoch,
        },
        lamport=removal - 1,
    )
    group.owner.log.ingest([add])
    group.sync(group.owner, group.cai)
    for s in (group.owner, group.cai):
        assert puppet_box not in _sealed_to(s, sid)
        assert "Puppet" not in {m.display_name for m in s.spaces.members(sid, True)}
    with group.owner.vault.read() as conn:
        shares = [e for e in lt.events_in_order(conn, sid) if e.type in (ev.SHARE, ev.ROTATE)]
        opened = [group.owner.log.open_stored(conn, e) for e in shares]
    assert all(puppet_box not in [k[0] for k in o.content["keys"]] for o in opened)


def test_attack_3_a_removed_member_cannot_rename_itself_by_backdating(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    group.cai.spaces.post(sid, "hello from Cai")
    hostile = Hostile.of(group.cai, sid)
    group.sync(group.owner, group.cai)
    group.owner.spaces.remove_member(sid, pk["cai"])
    removal = _lamport_of(group.owner, sid, ev.REMOVE)
    rename = hostile.backdate(
        ev.PROFILE,
        {"profile": {"name": "Ari (owner)", "pronouns": "", "colour": ""}},
        lamport=removal - 1,
    )
    group.owner.log.ingest([rename])
    group.sync()
    for s in group.all()[:2]:
        names = {p.author_name for p in s.spaces.read_feed(sid)}
        assert "Ari (owner)" not in names and "Cai" in names
        assert "Ari (owner)" not in {m.display_name for m in s.spaces.members(sid, True)}


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
