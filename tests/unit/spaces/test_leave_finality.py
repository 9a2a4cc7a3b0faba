"""Finality for members who leave and devices dropped from a member (core/spaces/finality.py;
docs/PROTOCOL.md, "Leaving and dropped devices"): a leave names its author's own chains, a
device list that drops a device names that device's chain, and nothing outside the cut
counts afterwards, whatever its clock — on every replica, incremental or recomputed."""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.store import log_table as lt
from tests.hostile import Hostile
from tests.space_helpers import Group, deliver, join, make_session, sync
from tests.unit.spaces.test_removal_finality import bodies, lamport_of_last, state
from tests.unit.spaces.test_removal_finality_property import everything, scatter


def recomputed(s: Session, sid: bytes) -> tuple[object, ...]:
    """The state after a full recompute (must equal what the incremental path gave)."""
    with s.vault.transaction() as conn:
        s.spaces.projector.recompute(conn, sid, s.log)
    return state(s, sid)


def post(body: str) -> dict[str, str]:
    return {"title": "", "body": body, "cw": ""}


def test_a_member_who_left_cannot_post_from_another_chain_below_its_leave(group: Group) -> None:
    """Cai leaves (its leave names its chain), then writes as itself from another device
    id with a clock below the leave: nobody shows it."""
    sid, pk = group.space_id, group.pk
    for i in range(6):
        group.owner.spaces.post(sid, f"news {i}")
    group.sync()
    group.cai.spaces.leave(sid)
    leave = lamport_of_last(group.cai, sid, ev.LEAVE)
    other = Hostile.of(group.cai, sid).fresh_chain()
    backdated = other.event(ev.POST, post("backdated after leaving"), lamport=leave - 2)
    profile = {"name": "Ari (owner)", "pronouns": "", "colour": ""}
    renamed = other.event(ev.PROFILE, {"profile": profile}, lamport=leave - 1)
    group.cai.log.ingest([backdated, renamed])
    group.sync()
    for s in (group.owner, group.bea):
        assert "backdated after leaving" not in bodies(s, sid)
        assert pk["cai"] not in {m.member_pk for m in s.spaces.members(sid)}
        assert "Ari (owner)" not in {m.display_name for m in s.spaces.members(sid, True)}
        assert state(s, sid) == recomputed(s, sid)
    assert state(group.owner, sid) == state(group.bea, sid)


def test_a_post_the_leaver_had_not_seen_is_withdrawn_when_the_leave_arrives(
    group: Group,
) -> None:
    """Bea shows a post from another chain of Cai's that Cai's leaving device never held;
    the leave then arrives as Bea's newest event: the post is outside the leave's cut, so
    Bea withdraws it (as a recompute, and Ari, do)."""
    sid = group.space_id
    other = Hostile.of(group.cai, sid).fresh_chain()
    unseen = other.event(ev.POST, post("unseen by the leaving device"))
    group.bea.log.ingest([unseen])
    assert "unseen by the leaving device" in bodies(group.bea, sid)
    for i in range(3):  # the leave sorts after the post
        group.cai.spaces.post(sid, f"bye {i}")
    group.cai.spaces.leave(sid)
    deliver(group.cai, group.bea, sid)
    group.owner.log.ingest([unseen])
    deliver(group.cai, group.owner, sid)
    for s in (group.bea, group.owner):
        shown = bodies(s, sid)
        assert "unseen by the leaving device" not in shown
        assert {"bye 0", "bye 2"} <= shown  # inside the cut: they count
        assert state(s, sid) == recomputed(s, sid)
    assert state(group.bea, sid) == state(group.owner, sid)


def test_a_leave_from_before_cuts_keeps_the_clock_rule(group: Group) -> None:
    sid = group.space_id
    for i in range(4):
        group.owner.spaces.post(sid, f"news {i}")
    group.sync()
    cai = Hostile.of(group.cai, sid)
    legacy = cai.event(ev.LEAVE, {})
    other = cai.fresh_chain()
    before = other.event(ev.POST, post("ordered before"), lamport=cai.tip_lamport - 1)
    group.owner.log.ingest([legacy, before])
    assert group.pk["cai"] not in {m.member_pk for m in group.owner.spaces.members(sid)}
    assert "ordered before" in bodies(group.owner, sid)


def test_a_re_added_leaver_counts_again_after_the_re_add(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    box = group.cai.spaces.devices(sid, pk["cai"])[0][1]
    hostile = Hostile.of(group.cai, sid)
    group.cai.spaces.leave(sid)
    deliver(group.cai, group.owner, sid)
    group.owner.spaces.make_add_member(sid, pk["cai"], box, "Cai", device_id=hostile.device)
    hostile = Hostile.of(group.cai, sid)
    hostile.learn(group.owner)
    back = hostile.event(ev.POST, post("back again"))
    group.owner.log.ingest([back])
    assert "back again" in bodies(group.owner, sid)
    assert state(group.owner, sid) == recomputed(group.owner, sid)


def _linked_device(group: Group) -> Hostile:
    """A second device of Cai's, announced in the space and synced; it has posted once."""
    sid = group.space_id
    group.cai.spaces.add_device(sid, os.urandom(16), os.urandom(32))
    laptop_id = [d for d, _ in group.cai.spaces.devices(sid, group.pk["cai"])]
    laptop = Hostile.of(group.cai, sid)
    mine = laptop.device
    laptop = laptop.fresh_chain()
    laptop.device = next(d for d in laptop_id if d != mine)
    group.cai.log.ingest([laptop.event(ev.POST, post("from the laptop"))])
    group.sync()
    assert "from the laptop" in bodies(group.owner, sid)
    return laptop


def test_a_dropped_device_cannot_post_by_backdating(group: Group) -> None:
    """An admin drops Cai's laptop (seized); the laptop writes on its chain with a clock
    below the drop, and with the present clock: neither counts anywhere, its post from
    before the drop still does."""
    sid, pk = group.space_id, group.pk
    laptop = _linked_device(group)
    for i in range(6):
        group.owner.spaces.post(sid, f"news {i}")
    group.owner.spaces.remove_device(sid, pk["cai"], laptop.device)
    drop = lamport_of_last(group.owner, sid, ev.DEVICES)
    backdated = laptop.backdate(ev.POST, post("backdated by the laptop"), lamport=2)
    assert laptop.tip_lamport < drop
    laptop.lamport = drop + 3
    present = laptop.event(ev.POST, post("the laptop after the drop"))
    group.bea.log.ingest([backdated])  # before the drop reaches Bea
    group.sync(group.owner, group.bea)
    for s in (group.owner, group.bea):
        s.log.ingest([present])  # the newest event each holds: the incremental path
        shown = bodies(s, sid)
        assert "from the laptop" in shown
        assert not {"backdated by the laptop", "the laptop after the drop"} & shown
        assert pk["cai"] in {m.member_pk for m in s.spaces.members(sid)}
        assert state(s, sid) == recomputed(s, sid)
    assert state(group.owner, sid) == state(group.bea, sid)


def test_a_device_listed_again_counts_again(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    laptop = _linked_device(group)
    box = dict(group.owner.spaces.devices(sid, pk["cai"]))[laptop.device]
    group.owner.spaces.remove_device(sid, pk["cai"], laptop.device)
    group.sync()
    group.cai.spaces.add_device(sid, laptop.device, box)
    group.sync()
    with group.cai.vault.read() as conn:
        laptop.lamport = lt.max_lamport(conn, sid)
    laptop.learn(group.cai)
    group.owner.log.ingest([laptop.event(ev.POST, post("listed again"))])
    assert "listed again" in bodies(group.owner, sid)
    assert state(group.owner, sid) == recomputed(group.owner, sid)


def test_a_dropped_device_cannot_list_itself_again_from_its_own_chain(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    laptop = _linked_device(group)
    devices = group.owner.spaces.devices(sid, pk["cai"])
    group.owner.spaces.remove_device(sid, pk["cai"], laptop.device)
    group.sync()
    laptop.learn(group.cai)
    relist = laptop.event(
        ev.DEVICES, {"member": pk["cai"], "devices": [[d, b] for d, b in devices]}
    )
    after = laptop.event(ev.POST, post("the laptop listed itself"))
    group.owner.log.ingest([relist, after])
    assert laptop.device not in dict(group.owner.spaces.devices(sid, pk["cai"]))
    assert "the laptop listed itself" not in bodies(group.owner, sid)
    assert state(group.owner, sid) == recomputed(group.owner, sid)


def test_dropping_the_device_one_writes_from_counts_everywhere(group: Group) -> None:
    """Cai drops the device it is writing on (keeping its laptop): the drop lies on the
    dropped chain, and is inside its own cut, so it counts as it did when written."""
    sid, pk = group.space_id, group.pk
    laptop = _linked_device(group)
    main = Hostile.of(group.cai, sid).device
    group.cai.spaces.remove_device(sid, pk["cai"], main)
    group.sync()
    for s in group.all():
        assert [d for d, _ in s.spaces.devices(sid, pk["cai"])] == [laptop.device]
        assert state(s, sid) == recomputed(s, sid)
        assert [d for d, _ in s.spaces.devices(sid, pk["cai"])] == [laptop.device]


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    shifts=hs.lists(hs.tuples(hs.sampled_from(["post", "rename"]), hs.integers(-4, 2)), max_size=4),
    seed=hs.integers(0, 2**32 - 1),
)
def test_replicas_agree_on_a_leaver_whatever_the_order(
    shifts: list[tuple[str, int]], seed: int
) -> None:
    """Cai leaves, then writes from fresh chains around its leave's clock; every replica
    receives everything in its own random order and batches: all agree (incremental path
    and recompute alike) and none shows anything crafted."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="haven-leave-") as tmp:
        root = Path(tmp)
        ari, bea, cai, dee = (make_session(root, n) for n in ("ari", "bea", "cai", "dee"))
        sid = ari.spaces.create_space("Circle", display_name="Ari")
        for name, s in (("bea", bea), ("cai", cai), ("dee", dee)):
            join(ari, s, sid, name.capitalize())
        sync(sid, ari, bea, cai, dee)
        cai.spaces.post(sid, "before leaving")
        cai.spaces.leave(sid)
        leave = lamport_of_last(cai, sid, ev.LEAVE)
        hostile = Hostile.of(cai, sid)
        crafted = []
        for kind, shift in shifts:
            fresh = hostile.fresh_chain()
            lamport = max(1, leave + shift)
            if kind == "post":
                crafted.append(fresh.event(ev.POST, post("crafted"), lamport=lamport))
            else:
                profile = {"name": "Ari (owner)", "pronouns": "", "colour": ""}
                crafted.append(fresh.event(ev.PROFILE, {"profile": profile}, lamport=lamport))
        cai.log.ingest(crafted)
        envelopes = everything((ari, cai), sid)
        for s in (ari, bea, dee):
            scatter(s, sid, envelopes, rng)
        views = [state(s, sid) for s in (ari, bea, dee)]
        assert views[0] == views[1] == views[2] == recomputed(dee, sid)
        members, feed = views[0]
        assert "Ari (owner)" not in {name for *_, name in members}
        assert {body for _, _, body, _ in feed} == {"before leaving"}
        for s in (ari, bea, cai, dee):
            s.lock()
