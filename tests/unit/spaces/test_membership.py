"""Membership and roles: who may do what, decided against the ordered log, and the same on
every device whatever order events arrive in."""

from __future__ import annotations

import pytest

from haven.core.spaces import events as ev
from haven.core.spaces.model import Role, Status
from haven.errors import InvalidInput
from haven.store import log_table as lt
from tests.space_helpers import Group, join, make_session


def roles(session, space_id):  # type: ignore[no-untyped-def]
    return {
        m.display_name: (m.role.value, m.status.value)
        for m in session.spaces.members(space_id, include_former=True)
    }


def test_genesis_makes_the_creator_owner_with_a_fresh_persona(group: Group) -> None:
    info = group.owner.spaces.space_info(group.space_id)
    assert info.my_role is Role.OWNER and info.owner == info.my_persona
    # A new persona by default: not the vault's primary persona.
    assert info.my_persona != group.owner.identity.primary().persona_id
    assert info.name == "Circle" and info.topics == ("coming out",)
    for s in group.all():
        assert roles(s, group.space_id) == {
            "Ari": ("owner", "active"),
            "Bea": ("admin", "active"),
            "Cai": ("member", "active"),
        }


def test_two_spaces_get_two_unlinkable_personas(group: Group) -> None:
    other = group.owner.spaces.create_space("Second", display_name="Ari")
    a = group.owner.spaces.space_info(group.space_id).my_persona
    b = group.owner.spaces.space_info(other).my_persona
    assert a != b
    reused = group.owner.spaces.create_space("Third", persona_id=a)
    assert group.owner.spaces.space_info(reused).my_persona == a


def test_service_refuses_what_the_rules_forbid(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    with pytest.raises(InvalidInput, match="only admins"):
        group.cai.spaces.set_role(sid, pk["cai"], "admin")
    with pytest.raises(InvalidInput, match="only admins"):
        group.cai.spaces.remove_member(sid, pk["bea"])
    with pytest.raises(InvalidInput, match="cannot be removed"):
        group.bea.spaces.remove_member(sid, pk["ari"])
    with pytest.raises(InvalidInput, match="cannot be changed"):
        group.bea.spaces.set_role(sid, pk["ari"], "member")
    with pytest.raises(InvalidInput, match="ownership is transferred"):
        group.owner.spaces.set_role(sid, pk["cai"], "owner")
    with pytest.raises(InvalidInput, match="a role is one of"):
        group.owner.spaces.set_role(sid, pk["cai"], "emperor")
    with pytest.raises(InvalidInput, match="only the owner"):
        group.bea.spaces.transfer_ownership(sid, pk["cai"])


def test_forged_admin_actions_from_a_member_are_ignored_everywhere(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    # Cai signs events only admins may write, bypassing the service's checks.
    group.cai.log.append(sid, ev.REMOVE, {"member": pk["bea"], "ban": True, "reason": "x"})
    group.cai.log.append(sid, ev.ROLE, {"member": pk["cai"], "role": "admin"})
    group.cai.log.append(sid, ev.INFO, {"name": "Hijacked"})
    group.sync()
    for s in group.all():
        assert roles(s, sid)["Bea"] == ("admin", "active")
        assert roles(s, sid)["Cai"] == ("member", "active")
        assert s.spaces.space_info(sid).name == "Circle"


def test_a_moderator_cannot_manage_roles_but_can_moderate(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    group.owner.spaces.set_role(sid, pk["cai"], Role.MODERATOR)
    group.sync()
    with pytest.raises(InvalidInput):
        group.cai.spaces.set_role(sid, pk["bea"], "member")
    post = group.bea.spaces.post(sid, "pin me")
    group.sync()
    group.cai.spaces.pin(sid, post)
    group.sync()
    assert all(s.spaces.read_feed(sid)[0].pinned for s in group.all())


def test_two_admins_removing_each_other_the_longer_standing_admin_wins(group: Group) -> None:
    """Not the clock: Bea was added before Cai, so her removal stands whichever sorts first
    (PROTOCOL.md §5.3, "Mutual removals")."""
    sid, pk = group.space_id, group.pk
    group.owner.spaces.set_role(sid, pk["cai"], "admin")
    group.sync()
    # Concurrent: neither has seen the other's removal.
    group.bea.spaces.remove_member(sid, pk["cai"])
    group.cai.spaces.remove_member(sid, pk["bea"])
    group.sync()
    views = [roles(s, sid) for s in (group.owner, group.bea, group.cai)]
    assert views[0] == views[1] == views[2]
    assert views[0]["Cai"][1] == "removed"
    assert views[0]["Bea"][1] == "active"


def test_a_post_racing_a_removal_is_hidden_unless_the_remover_had_seen_it(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    early = group.cai.spaces.post(sid, "before anything")
    group.sync()
    removal_epoch = group.bea.spaces.remove_member(sid, pk["cai"])
    # Cai has not heard yet and posts three times. Both sides started from the same log, so
    # Cai's first post has the removal's clock value and may sort before it; none of the
    # three is in the removal's cut (Bea had not seen them), so none counts.
    racing = [group.cai.spaces.post(sid, f"racing {i}") for i in range(3)]
    group.sync()
    with group.owner.vault.read() as conn:
        removal = [e for e in lt.events_in_order(conn, sid, ev.REMOVE)][-1]
        clocks = [lt.get_event(conn, r) for r in racing]
    assert [c.lamport for c in clocks if c] == [
        removal.lamport,
        removal.lamport + 1,
        removal.lamport + 2,
    ]
    for s in group.all():
        assert [p.body for p in s.spaces.read_feed(sid)] == ["before anything"]
    assert group.owner.spaces.space_info(sid).epoch == removal_epoch
    assert early in [p.post_id for p in group.owner.spaces.read_feed(sid)]


def test_leave_passes_ownership_to_the_senior_admin(group: Group) -> None:
    sid = group.space_id
    group.owner.spaces.leave(sid)
    group.sync()
    for s in (group.bea, group.cai):
        r = roles(s, sid)
        assert r["Ari"] == ("member", "left") and r["Bea"] == ("owner", "active")
    with pytest.raises(InvalidInput, match=r"not .*member"):
        group.owner.spaces.post(sid, "still here?")


def test_transfer_ownership(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    group.owner.spaces.transfer_ownership(sid, pk["cai"])
    group.sync()
    r = roles(group.bea, sid)
    assert r["Cai"] == ("owner", "active") and r["Ari"] == ("admin", "active")
    group.cai.spaces.remove_member(sid, pk["ari"])  # the new owner may remove the old one
    group.sync()
    assert roles(group.bea, sid)["Ari"] == ("member", "removed")


def test_ban_is_final_but_a_removed_member_can_be_added_again(group: Group, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sid, pk = group.space_id, group.pk
    group.owner.spaces.remove_member(sid, pk["cai"], ban=True, reason="harassment")
    assert roles(group.owner, sid)["Cai"] == ("member", "banned")
    with pytest.raises(InvalidInput, match="banned"):
        group.owner.spaces.make_add_member(sid, pk["cai"], bytes(32), "Cai")
    dee = make_session(tmp_path, "dee")
    dee_pk = join(group.owner, dee, sid, "Dee")
    group.owner.spaces.remove_member(sid, dee_pk)
    assert roles(group.owner, sid)["Dee"] == ("member", "removed")
    req_box = group.owner.spaces.members(sid, include_former=True)
    assert any(m.status is Status.REMOVED for m in req_box)
    dee.lock()


def test_profiles_are_per_space(group: Group) -> None:
    sid = group.space_id
    group.cai.spaces.update_persona(sid, "Cai (they)", "they/them", "#123456")
    group.sync()
    m = {m.display_name: m for m in group.owner.spaces.members(sid)}
    assert m["Cai (they)"].pronouns == "they/them" and m["Cai (they)"].colour == "#123456"
    assert group.cai.identity.primary().display_name == "Cai"  # the vault's own is untouched
    with pytest.raises(InvalidInput, match="colour"):
        group.cai.spaces.update_persona(sid, "Cai", colour="red")


def test_member_and_space_ids_resolve_by_prefix_or_name(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    assert group.owner.spaces.resolve_space(sid.hex()[:8]) == sid
    assert group.owner.spaces.resolve_space("Circle") == sid
    assert group.owner.spaces.resolve_member(sid, "Cai") == pk["cai"]
    assert group.owner.spaces.resolve_member(sid, pk["bea"].hex()[:10]) == pk["bea"]
    with pytest.raises(InvalidInput, match="hexadecimal"):
        group.owner.spaces.resolve_member(sid, "zz-not-hex")
    with pytest.raises(InvalidInput, match="at least"):
        group.owner.spaces.resolve_space("ab")


def test_bad_space_details_are_refused_and_nothing_is_written(tmp_path) -> None:  # type: ignore[no-untyped-def]
    s = make_session(tmp_path, "eve")
    before = s.log.count()
    with pytest.raises(InvalidInput, match="cannot be empty"):
        s.spaces.create_space("   ")
    with pytest.raises(InvalidInput, match="at most"):
        s.spaces.create_space("x" * 500)
    with pytest.raises(InvalidInput, match="topics"):
        s.spaces.create_space("ok", topics=[f"t{i}" for i in range(20)])
    assert s.log.count() == before and s.spaces.list_spaces() == []
    s.lock()


def test_concurrent_role_changes_converge(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    group.cai.spaces.post(sid, "one")
    group.bea.spaces.set_role(sid, pk["cai"], "moderator")
    group.owner.spaces.set_role(sid, pk["bea"], "member")  # concurrent with Bea's action
    group.sync()
    views = [roles(s, sid) for s in group.all()]
    assert views[0] == views[1] == views[2]
    assert views[0]["Bea"] == ("member", "active")
    # Bea's promotion of Cai is valid only if it sorts before her demotion.
    assert views[0]["Cai"][0] in ("member", "moderator")
