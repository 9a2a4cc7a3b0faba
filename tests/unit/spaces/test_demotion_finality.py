"""Demotion finality through sync between three real vaults (tests/space_helpers.py): a
demotion (and a handover of ownership) names the events of the demoted member its author had
seen (its cut); the member's events outside it keep only the new rank, whatever their clock
and whatever order the events arrive in (core/spaces/cutting_events.py, finality.py;
docs/PROTOCOL.md §5.3, "Demotion finality")."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from haven.core import envelope as env
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces import finality
from haven.store import identity_tables as ids
from tests.hostile import Hostile
from tests.space_helpers import Group, deliver, sync, three_members
from tests.unit.spaces.test_gatherings import _event as gathering
from tests.unit.spaces.test_removal_finality import lamport_of_last, state


def roles(s: Session, sid: bytes) -> dict[bytes, tuple[str, str]]:
    return {
        m.member_pk: (m.role.value, m.status.value)
        for m in s.spaces.members(sid, include_former=True)
    }


def channels(s: Session, sid: bytes) -> set[str]:
    return {c.name for c in s.spaces.channels.list_channels(sid, include_archived=True)}


def deliver_only(src: Session, dst: Session, sid: bytes, author: bytes) -> None:
    """Only `author`'s events that `src` holds and `dst` lacks (a route that carried the
    demoted member's events ahead of everything else)."""
    envelopes = src.log.envelopes_after(sid, dst.log.chain_tips(sid), 100_000)
    dst.log.ingest([e for e in envelopes if env.read_header(e)[0].author == author])


def cut_of(s: Session, sid: bytes, member: bytes) -> list[list[object]]:
    with s.vault.read() as conn:
        return ev.cut_content(finality.cut_for(conn, sid, member))


def puppet_add(hostile: Hostile, name: str = "Puppet") -> dict[str, object]:
    return {
        "member": os.urandom(32),
        "profile": {"name": name, "pronouns": "", "colour": ""},
        "devices": [[os.urandom(16), os.urandom(32)]],
        "key_epoch": hostile.epoch,
    }


def demote_bea_then_backdate(group: Group) -> tuple[list[bytes], int]:
    """Ari (owner) demotes Bea (admin) to member; Bea's device sees it and writes, from
    its own chain, an add of a puppet, a promotion of Cai (her sock puppet, say) to admin, a
    removal of Cai, an event (a gathering) and a channel — all with clocks below the
    demotion."""
    sid, pk = group.space_id, group.pk
    for i in range(6):  # Ari's clock runs ahead of Bea's
        group.owner.spaces.post(sid, f"news {i}")
    deliver(group.owner, group.cai, sid)  # Cai has the news, not the demotion
    group.owner.spaces.set_role(sid, pk["bea"], "member")
    demotion = lamport_of_last(group.owner, sid, ev.ROLE)
    deliver(group.owner, group.bea, sid)  # Bea's device sees its demotion
    assert roles(group.bea, sid)[pk["bea"]] == ("member", "active")
    hostile = Hostile.of(group.bea, sid)
    crafted = [  # below the demotion, above Bea's promotion (where she was an admin)
        hostile.backdate(ev.ADD, puppet_add(hostile), lamport=demotion - 5),
        hostile.backdate(ev.ROLE, {"member": pk["cai"], "role": "admin", "cut": []}),
        hostile.backdate(
            ev.REMOVE,
            {
                "member": pk["cai"],
                "ban": False,
                "reason": "",
                "cut": cut_of(group.bea, sid, pk["cai"]),
            },
        ),
        hostile.backdate(ev.GATHERING, gathering(ref=b"r" * 16)),
        hostile.backdate(ev.CHANNEL_CREATE, {"name": "backroom", "kind": "chat"}),
    ]
    assert hostile.tip_lamport < demotion  # every one sorts before the demotion
    assert len(group.bea.log.ingest(crafted).accepted) == 5  # her vault serves them
    return crafted, demotion


def assert_none_counts(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    for s in group.all():
        members = roles(s, sid)
        names = {m.display_name for m in s.spaces.members(sid, include_former=True)}
        assert "Puppet" not in names
        assert members[pk["bea"]] == ("member", "active")
        assert members[pk["cai"]] == ("member", "active")
        assert s.spaces.gatherings.list(sid) == []
        assert "backroom" not in channels(s, sid)
    assert state(group.owner, sid) == state(group.bea, sid) == state(group.cai, sid)


def test_backdated_acts_arriving_before_the_demotion_count_nowhere(group: Group) -> None:
    """Cai gets Bea's backdated acts first (they count there at first: Bea is an admin in
    Cai's state), then Ari's demotion: Cai withdraws them all, as Ari and Bea never count
    them."""
    sid, pk = group.space_id, group.pk
    demote_bea_then_backdate(group)
    deliver_only(group.bea, group.cai, sid, pk["bea"])
    assert "Puppet" in {m.display_name for m in group.cai.spaces.members(sid)}  # for now
    assert len(group.cai.spaces.gatherings.list(sid)) == 1  # well formed: counted, for now
    assert "backroom" in channels(group.cai, sid)
    deliver(group.owner, group.cai, sid)  # the demotion arrives last, as the newest event
    assert_none_counts(group)  # before any further sync: Cai alone already agrees
    group.sync()
    assert_none_counts(group)


def test_backdated_acts_arriving_after_the_demotion_count_nowhere(group: Group) -> None:
    sid = group.space_id
    demote_bea_then_backdate(group)
    deliver(group.owner, group.cai, sid)  # the demotion first
    deliver(group.bea, group.cai, sid)  # then Bea's backdated acts (sorted below it)
    group.sync()
    assert_none_counts(group)


def test_acts_the_demoter_had_seen_count_and_unseen_concurrent_ones_do_not(
    group: Group,
) -> None:
    """Bea, still an admin, adds a puppet and Ari syncs it before demoting her: inside the
    demotion's cut, it stands. Bea's removal of Cai written concurrently (before she saw the
    demotion), which Ari had not seen, is dropped on every replica, in both orders — the
    price of finality, as for a removal (PROTOCOL §5.3)."""
    sid, pk = group.space_id, group.pk
    hostile = Hostile.of(group.bea, sid)
    group.owner.log.ingest([hostile.event(ev.ADD, puppet_add(hostile, "Seen"))])
    group.bea.log.ingest(hostile.written[-1:])
    assert "Seen" in {m.display_name for m in group.owner.spaces.members(sid)}
    group.bea.spaces.remove_member(sid, pk["cai"])  # concurrent: Bea has not seen it
    for i in range(3):
        group.owner.spaces.post(sid, f"news {i}")
    group.owner.spaces.set_role(sid, pk["bea"], "member")
    deliver_only(group.bea, group.cai, sid, pk["bea"])  # Cai: the removal first
    deliver(group.owner, group.cai, sid)
    group.sync()
    for s in group.all():
        names = {m.display_name for m in s.spaces.members(sid)}
        assert "Seen" in names
        assert roles(s, sid)[pk["cai"]] == ("member", "active")
        assert roles(s, sid)[pk["bea"]] == ("member", "active")
    assert state(group.owner, sid) == state(group.bea, sid) == state(group.cai, sid)


def test_a_demoted_admin_cannot_demote_its_demoter_by_backdating(group: Group) -> None:
    """Bea (admin, added first) demotes Cai (admin); Cai, having seen it, answers with a
    demotion of Bea backdated below his own. Its cut holds Bea's demotion of him: void on
    every replica, in both orders."""
    sid, pk = group.space_id, group.pk
    group.owner.spaces.set_role(sid, pk["cai"], "admin")
    group.sync()
    for i in range(6):
        group.bea.spaces.post(sid, f"news {i}")
    group.bea.spaces.set_role(sid, pk["cai"], "member")
    demotion = lamport_of_last(group.bea, sid, ev.ROLE)
    deliver(group.bea, group.cai, sid)
    hostile = Hostile.of(group.cai, sid)
    cut = cut_of(group.cai, sid, pk["bea"])
    retaliation = hostile.backdate(
        ev.ROLE, {"member": pk["bea"], "role": "member", "cut": cut}, lamport=demotion - 1
    )
    assert hostile.tip_lamport < demotion
    group.cai.log.ingest([retaliation])
    deliver_only(group.cai, group.owner, sid, pk["cai"])  # Ari: the retaliation first
    deliver(group.bea, group.owner, sid)
    group.sync()
    for s in group.all():
        assert roles(s, sid)[pk["bea"]] == ("admin", "active")
        assert roles(s, sid)[pk["cai"]] == ("member", "active")
    assert state(group.owner, sid) == state(group.bea, sid) == state(group.cai, sid)


@pytest.mark.parametrize("late_first", [True, False])
def test_an_old_owner_cannot_hand_over_again_from_another_chain(
    group: Group, late_first: bool
) -> None:
    """Ari hands the space to Bea; from a fresh chain of the same persona, having seen
    that, Ari writes a handover to Cai backdated below the real one (its cut holds it):
    void, and Bea owns the space on every replica, in both orders."""
    sid, pk = group.space_id, group.pk
    for i in range(4):
        group.owner.spaces.post(sid, f"news {i}")
    group.owner.spaces.transfer_ownership(sid, pk["bea"])
    handover = lamport_of_last(group.owner, sid, ev.TRANSFER)
    other = Hostile.of(group.owner, sid).fresh_chain()
    other.device_seed = None
    seen = cut_of(group.owner, sid, pk["ari"])  # holds the real handover
    backdated = other.backdate(
        ev.TRANSFER, {"member": pk["cai"], "cut": seen}, lamport=handover - 1
    )
    assert other.tip_lamport < handover
    first: Callable[[], None] = lambda: group.cai.log.ingest([backdated])  # noqa: E731
    if late_first:
        first()
        deliver(group.owner, group.cai, sid)
    else:
        deliver(group.owner, group.cai, sid)
        first()
    group.owner.log.ingest([backdated])
    sync(sid, *group.all())
    for s in group.all():
        assert roles(s, sid)[pk["bea"]] == ("owner", "active")
        assert roles(s, sid)[pk["cai"]] == ("member", "active")
        assert roles(s, sid)[pk["ari"]] == ("admin", "active")
    assert state(group.owner, sid) == state(group.bea, sid) == state(group.cai, sid)


def test_an_owner_who_got_the_space_back_may_hand_it_over_again(tmp_path: Path) -> None:
    """Ari hands the space to Bea, Bea hands it back, Ari hands it to Cai: the last handover
    holds the first in its cut, but the first was before Ari was owner again, so it is no
    sign of a backdated one. Cai owns the space live and after a full recompute on every
    replica (found in review: the recompute gave it back to Ari)."""
    ari, bea, cai, space = three_members(tmp_path)

    def pk(s: Session) -> bytes:
        with s.vault.read() as conn:
            row = ids.get_space(conn, space)
        assert row is not None
        return row.persona_id

    ari.spaces.transfer_ownership(space, pk(bea))
    sync(space, ari, bea, cai)
    bea.spaces.transfer_ownership(space, pk(ari))
    sync(space, ari, bea, cai)
    ari.spaces.transfer_ownership(space, pk(cai))
    sync(space, ari, bea, cai)
    for s in (ari, bea, cai):
        with s.vault.transaction() as conn:
            s.spaces.projector.recompute(conn, space, s.log)
    for s in (ari, bea, cai):
        owners = [m.display_name for m in s.spaces.members(space) if m.role.value == "owner"]
        assert owners == ["Cai"]
