"""Removal finality through sync between real vaults (tests/space_helpers.py): a removal
names the events of the removed member its author had seen (its cut), and only those count
on every replica, whatever clocks the removed member writes and whatever order the events
arrive in (core/spaces/finality.py; docs/PROTOCOL.md, "Removal finality")."""

from __future__ import annotations

from pathlib import Path

from haven.core import envelope as env
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces import finality
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from tests.hostile import Hostile
from tests.space_helpers import Group, deliver, join, make_session, sync


def bodies(s: Session, sid: bytes) -> set[str]:
    return {p.body for p in s.spaces.read_feed(sid)}


def state(s: Session, sid: bytes) -> tuple[object, ...]:
    """What every replica must agree on: members, roles, statuses, names and the feed."""
    members = sorted(
        (m.member_pk, m.role.value, m.status.value, m.display_name)
        for m in s.spaces.members(sid, include_former=True)
    )
    feed = sorted((p.post_id, p.author_name, p.body, p.state) for p in s.spaces.read_feed(sid))
    return tuple(members), tuple(feed)


def lamport_of_last(s: Session, sid: bytes, event_type: str) -> int:
    with s.vault.read() as conn:
        return [e.lamport for e in lt.events_in_order(conn, sid) if e.type == event_type][-1]


def deliver_except(src: Session, dst: Session, sid: bytes, author: bytes) -> None:
    """What `src` holds that `dst` lacks, except the chains of `author` (a route that
    carried the remover's events but not the removed member's)."""
    envelopes = src.log.envelopes_after(sid, dst.log.chain_tips(sid), 100_000)
    dst.log.ingest([e for e in envelopes if env.read_header(e)[0].author != author])


def test_backdated_posts_served_by_the_removed_member_reach_nobody(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    for i in range(8):  # the group talks on; Cai's clock stays behind
        group.owner.spaces.post(sid, f"news {i}")
    group.owner.spaces.remove_member(sid, pk["cai"])
    deliver(group.owner, group.cai, sid)  # Cai sees the removal, then backdates
    hostile = Hostile.of(group.cai, sid)
    removal = lamport_of_last(group.owner, sid, ev.REMOVE)
    posts = [
        hostile.backdate(ev.POST, {"title": "", "body": f"backdated {i}", "cw": ""}, lamport=2)
        for i in range(5)
    ]
    assert hostile.tip_lamport < removal
    assert len(group.cai.log.ingest(posts).accepted) == 5  # Cai's own vault serves them
    group.sync()
    for s in (group.owner, group.bea):
        assert not {b for b in bodies(s, sid) if b.startswith("backdated")}
        assert pk["cai"] not in {m.member_pk for m in s.spaces.members(sid)}


def test_a_late_honest_pre_removal_post_still_counts(group: Group) -> None:
    """Bea receives the removal before the post it names (the cut's event is not here yet):
    when the post arrives it counts; a post the remover never saw does not."""
    sid, pk = group.space_id, group.pk
    group.cai.spaces.post(sid, "seen by Ari")
    deliver(group.cai, group.owner, sid)
    group.cai.spaces.post(sid, "never reached Ari")
    group.owner.spaces.remove_member(sid, pk["cai"])
    deliver_except(group.owner, group.bea, sid, pk["cai"])
    assert pk["cai"] not in {m.member_pk for m in group.bea.spaces.members(sid)}
    assert "seen by Ari" not in bodies(group.bea, sid)
    deliver(group.cai, group.bea, sid)  # late: both of Cai's posts, after the removal
    for s in (group.bea, group.owner):
        sync(sid, group.owner, group.bea)
        assert "seen by Ari" in bodies(s, sid)
        assert "never reached Ari" not in bodies(s, sid)
    assert state(group.owner, sid) == state(group.bea, sid)


def test_a_re_added_member_counts_again_after_the_re_add_only(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    box = group.cai.spaces.devices(sid, pk["cai"])[0][1]
    hostile = Hostile.of(group.cai, sid)
    group.owner.spaces.remove_member(sid, pk["cai"])
    removal = lamport_of_last(group.owner, sid, ev.REMOVE)
    group.owner.spaces.make_add_member(sid, pk["cai"], box, "Cai", device_id=hostile.device)
    with group.owner.vault.read() as conn:  # what the welcome gives Cai
        hostile.epoch_keys.update(ids.epoch_keys(conn, sid))
        hostile.epoch = group.owner.spaces.space_info(sid).epoch
    backdated = hostile.backdate(
        ev.POST, {"title": "", "body": "backdated below the removal", "cw": ""}, lamport=removal - 1
    )
    hostile.learn(group.owner)
    after = hostile.event(ev.POST, {"title": "", "body": "back again", "cw": ""})
    group.owner.log.ingest([backdated, after])
    group.sync(group.owner, group.bea)
    for s in (group.owner, group.bea):
        assert "back again" in bodies(s, sid)
        assert "backdated below the removal" not in bodies(s, sid)
        assert pk["cai"] in {m.member_pk for m in s.spaces.members(sid)}


def test_a_removal_from_before_cuts_keeps_the_clock_rule(group: Group) -> None:
    """A removal with no cut (written by an older version) means what it meant: events
    ordered before it count, events after it do not."""
    sid, pk = group.space_id, group.pk
    group.cai.spaces.post(sid, "hello")
    group.sync(group.owner, group.cai)
    for i in range(3):
        group.owner.spaces.post(sid, f"news {i}")
    cai = Hostile.of(group.cai, sid)
    owner = Hostile.of(group.owner, sid)
    legacy = owner.event(ev.REMOVE, {"member": pk["cai"], "ban": False, "reason": ""})
    group.owner.log.ingest([legacy])
    assert pk["cai"] not in {m.member_pk for m in group.owner.spaces.members(sid)}
    before = cai.backdate(
        ev.POST, {"title": "", "body": "ordered before", "cw": ""}, lamport=owner.lamport - 1
    )
    cai.lamport = owner.lamport
    after = cai.event(ev.POST, {"title": "", "body": "ordered after", "cw": ""})
    group.owner.log.ingest([before, after])
    assert "ordered before" in bodies(group.owner, sid)
    assert "ordered after" not in bodies(group.owner, sid)


def test_a_removal_with_a_malformed_cut_removes_nobody(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    owner = Hostile.of(group.owner, sid)
    bad = owner.event(ev.REMOVE, {"member": pk["cai"], "cut": [[b"x", 1, b"y"]]})
    group.owner.log.ingest([bad])
    assert pk["cai"] in {m.member_pk for m in group.owner.spaces.members(sid)}


def test_concurrent_mutual_removal_converges_whatever_the_order(
    group: Group, tmp_path: Path
) -> None:
    """Bea and Cai, both admins, remove each other at the same time; Ari and Dee receive
    the two removals in opposite orders. Every replica ends with the same members and
    feed: the removal by the admin added first stands, whatever the clocks; the other
    counts for nothing, nor does anything of the loser's that the winner had not seen —
    what the loser wrote before, too (the cut is the winner's knowledge)."""
    sid, pk = group.space_id, group.pk
    dee = make_session(tmp_path, "dee")
    join(group.owner, dee, sid, "Dee")
    group.owner.spaces.set_role(sid, pk["cai"], "admin")
    everyone = (*group.all(), dee)
    sync(sid, *everyone)
    group.bea.spaces.post(sid, "Bea before")
    group.cai.spaces.post(sid, "Cai before")
    group.bea.spaces.remove_member(sid, pk["cai"])
    group.cai.spaces.remove_member(sid, pk["bea"])
    group.bea.spaces.post(sid, "Bea after")
    group.cai.spaces.post(sid, "Cai after")
    deliver(group.bea, group.owner, sid)
    deliver(group.cai, group.owner, sid)
    deliver(group.cai, dee, sid)
    deliver(group.bea, dee, sid)
    sync(sid, group.owner, dee)
    sync(sid, *everyone)
    assert state(group.owner, sid) == state(dee, sid)
    active = {m.member_pk for m in group.owner.spaces.members(sid)}
    assert len(active & {pk["bea"], pk["cai"]}) == 1
    assert pk["bea"] in active  # added before Cai: the longer-standing admin's removal stands
    assert state(group.bea, sid) == state(group.owner, sid)
    shown = bodies(group.owner, sid)
    assert {"Bea before", "Bea after"} <= shown
    assert not {"Cai before", "Cai after"} & shown
    dee.lock()


def test_the_cut_is_bounded_by_the_members_chains(group: Group) -> None:
    """The cut names each chain of the member once: a member writing from many devices
    (a fresh chain each) makes a removal at most MAX_CUT entries long."""
    sid, pk = group.space_id, group.pk
    hostile = Hostile.of(group.cai, sid)
    chains = [hostile.fresh_chain() for _ in range(ev.MAX_CUT + 5)]
    group.owner.log.ingest(
        [
            c.event(ev.POST, {"title": "", "body": f"chain {i}", "cw": ""})
            for i, c in enumerate(chains)
        ]
    )
    group.owner.spaces.remove_member(sid, pk["cai"])
    with group.owner.vault.read() as conn:
        removal = [e for e in lt.events_in_order(conn, sid) if e.type == ev.REMOVE][-1]
        cut = group.owner.log.open_stored(conn, removal).content["cut"]
    assert len(cut) == ev.MAX_CUT
    assert len(removal.envelope) < 4096


def test_a_post_the_remover_had_not_seen_is_withdrawn_when_the_removal_arrives(
    group: Group,
) -> None:
    """Bea shows a post of Cai's that Ari never saw; Ari's removal of Cai then arrives as
    the newest event Bea has. The post is outside the cut: Bea withdraws it, as Ari (who
    gets the post after the removal) never shows it."""
    sid, pk = group.space_id, group.pk
    cai, ari = Hostile.of(group.cai, sid), Hostile.of(group.owner, sid)
    unseen = cai.event(ev.POST, {"title": "", "body": "unseen by Ari", "cw": ""})
    with group.owner.vault.read() as conn:
        cut = ev.cut_content(finality.cut_for(conn, sid, pk["cai"]))
    removal = ari.event(
        ev.REMOVE,
        {"member": pk["cai"], "ban": False, "reason": "", "cut": cut},
        lamport=cai.lamport + 5,
    )
    group.bea.log.ingest([unseen])
    assert "unseen by Ari" in bodies(group.bea, sid)
    group.bea.log.ingest([removal])
    group.owner.log.ingest([removal])
    group.owner.log.ingest([unseen])
    for s in (group.bea, group.owner):
        assert "unseen by Ari" not in bodies(s, sid)
        assert pk["cai"] not in {m.member_pk for m in s.spaces.members(sid)}
    assert state(group.bea, sid) == state(group.owner, sid)


def test_a_removed_admin_cannot_remove_its_remover_by_backdating(group: Group) -> None:
    """Bea removes Cai (both admins; Bea was added first). Cai answers with "remove Bea"
    backdated below her removal: once claiming it was concurrent (a cut from before it saw
    its removal), once with a cut that holds its removal (it had seen it). Neither counts,
    whatever the clock, on every replica."""
    sid, pk = group.space_id, group.pk
    group.owner.spaces.set_role(sid, pk["cai"], "admin")
    group.sync()
    with group.cai.vault.read() as conn:
        cut_before = ev.cut_content(finality.cut_for(conn, sid, pk["bea"]))
    for i in range(6):  # Bea's clock runs ahead of Cai's
        group.bea.spaces.post(sid, f"news {i}")
    group.bea.spaces.remove_member(sid, pk["cai"])
    removal = lamport_of_last(group.bea, sid, ev.REMOVE)
    deliver(group.bea, group.cai, sid)
    with group.cai.vault.read() as conn:
        cut_after = ev.cut_content(finality.cut_for(conn, sid, pk["bea"]))
    hostile = Hostile.of(group.cai, sid)
    for cut in (cut_before, cut_after):
        hostile = hostile.fresh_chain()
        retaliation = hostile.backdate(
            ev.REMOVE,
            {"member": pk["bea"], "ban": False, "reason": "", "cut": cut},
            lamport=removal - 1,
        )
        assert hostile.tip_lamport < removal
        group.cai.log.ingest([retaliation])
    group.sync()
    for s in (group.owner, group.bea):
        active = {m.member_pk for m in s.spaces.members(sid)}
        assert pk["bea"] in active and pk["cai"] not in active
    assert state(group.owner, sid) == state(group.bea, sid)


def test_a_mutual_removal_arriving_last_is_judged_as_a_recompute_would(group: Group) -> None:
    """Ari holds Cai's removal of Bea when Bea's concurrent removal of Cai arrives as the
    newest event (Bea's clock ran ahead): it is not simply invalid because Bea is removed
    there; Bea was added first, so hers stands, as a full recompute says."""
    sid, pk = group.space_id, group.pk
    group.owner.spaces.set_role(sid, pk["cai"], "admin")
    group.sync()
    for i in range(5):
        group.bea.spaces.post(sid, f"news {i}")
    deliver(group.bea, group.owner, sid)
    group.cai.spaces.remove_member(sid, pk["bea"])
    deliver(group.cai, group.owner, sid)
    assert pk["bea"] not in {m.member_pk for m in group.owner.spaces.members(sid)}
    group.bea.spaces.remove_member(sid, pk["cai"])
    deliver(group.bea, group.owner, sid)
    seen = state(group.owner, sid)
    with group.owner.vault.transaction() as conn:
        group.owner.spaces.projector.recompute(conn, sid, group.owner.log)
    assert state(group.owner, sid) == seen
    active = {m.member_pk for m in group.owner.spaces.members(sid)}
    assert pk["bea"] in active and pk["cai"] not in active


def test_a_chain_forked_against_the_cut_counts_nothing_where_the_other_branch_is_held(
    group: Group,
) -> None:
    """Cai shows Ari one event and Bea another with the same number; Ari's removal names
    Ari's. Bea, holding the other branch at the cut's position, cannot tell which of Cai's
    events Ari had seen below it, so none of that chain counts there; Ari keeps its own."""
    sid, pk = group.space_id, group.pk
    group.cai.spaces.post(sid, "hello")
    group.sync()
    hostile = Hostile.of(group.cai, sid)
    post = {"title": "", "cw": ""}
    a, b = hostile.equivocate(ev.POST, {**post, "body": "branch A"}, {**post, "body": "branch B"})
    group.owner.log.ingest([a])
    group.bea.log.ingest([b])
    assert "branch B" in bodies(group.bea, sid)
    group.owner.spaces.remove_member(sid, pk["cai"])
    deliver(group.owner, group.bea, sid)
    assert {"hello", "branch A"} <= bodies(group.owner, sid)
    assert not {"hello", "branch A", "branch B"} & bodies(group.bea, sid)
