"""Posts, threads, reactions, pins, content warnings, moderation and reports; and what each
reader keeps to themselves (mute words, blocks, unread counts)."""

from __future__ import annotations

import os

import pytest

from haven.core.envelope import seal_event
from haven.core.spaces import events as ev
from haven.errors import InvalidInput, NotFound
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from tests.space_helpers import Group


def test_posts_replies_and_reactions_reach_everyone(group: Group) -> None:
    sid = group.space_id
    root = group.cai.spaces.post(
        sid, "I came out to my sister today.", title="News", cw="family conflict"
    )
    group.sync()
    reply = group.bea.spaces.reply(sid, root, "**so** proud of you")
    group.sync()
    nested = group.owner.spaces.reply(sid, reply, "same here")  # attaches to the thread root
    group.owner.spaces.react(sid, root, "proud-of-you")
    group.bea.spaces.react(sid, root, "proud-of-you")
    group.bea.spaces.react(sid, root, "proud-of-you")  # one of each kind per member
    group.bea.spaces.react(sid, root, "sending-care")
    group.sync()
    for s in group.all():
        [post] = s.spaces.read_feed(sid)
        assert (post.title, post.cw, post.author_name) == ("News", "family conflict", "Cai")
        assert post.reactions == {"sending-care": 1, "proud-of-you": 2}
        assert [r.post_id for r in post.replies] == [reply, nested]
        assert post.replies[0].body == "**so** proud of you"  # Markdown kept as text
    assert group.bea.spaces.read_feed(sid)[0].my_reactions == ("proud-of-you", "sending-care")
    group.bea.spaces.unreact(sid, root, "proud-of-you")
    group.sync()
    assert group.cai.spaces.read_feed(sid)[0].reactions == {"sending-care": 1, "proud-of-you": 1}
    with pytest.raises(InvalidInput, match="a reaction is one of"):
        group.bea.spaces.react(sid, root, "angry")


def test_edit_and_delete_only_your_own(group: Group) -> None:
    sid = group.space_id
    post = group.cai.spaces.post(sid, "typo here")
    group.sync()
    with pytest.raises(InvalidInput, match="only your own"):
        group.bea.spaces.edit_post(sid, post, body="mine now")
    with pytest.raises(InvalidInput, match="only your own"):
        group.bea.spaces.delete_post(sid, post)
    # Forged edit/delete from someone else are ignored by every device.
    group.bea.log.append(sid, ev.EDIT, {"body": "forged"}, target=post)
    group.bea.log.append(sid, ev.DELETE, {}, target=post)
    group.cai.spaces.edit_post(sid, post, body="fixed", cw="mild")
    group.sync()
    for s in group.all():
        [p] = s.spaces.read_feed(sid)
        assert (p.body, p.cw, p.state) == ("fixed", "mild", "visible")
        assert p.edited_ms is not None
    group.cai.spaces.delete_post(sid, post)
    group.sync()
    for s in group.all():
        [p] = s.spaces.read_feed(sid)
        assert (p.state, p.body) == ("deleted", "")
    with pytest.raises(InvalidInput, match="deleted or removed"):
        group.cai.spaces.edit_post(sid, post, body="back")


def test_bad_posts_are_refused_with_nothing_written(group: Group) -> None:
    sid = group.space_id
    before = group.cai.log.count(sid)
    for body, kwargs, match in [
        ("   ", {}, "cannot be empty"),
        ("x" * (ev.MAX_BODY + 1), {}, "at most"),
        ("ok", {"title": "t" * 300}, "at most"),
        ("ok", {"cw": "c" * 300}, "at most"),
    ]:
        with pytest.raises(InvalidInput, match=match):
            group.cai.spaces.post(sid, body, **kwargs)
    with pytest.raises(NotFound):
        group.cai.spaces.reply(sid, bytes(32), "to nothing")
    assert group.cai.log.count(sid) == before
    # Malformed content from a peer is ignored, not fatal.
    group.bea.log.append(sid, ev.POST, {"body": 42, "title": ["x"]})
    group.bea.log.append(sid, ev.REACT, {"kind": "me-too"}, target=b"short")
    group.sync()
    assert group.cai.spaces.read_feed(sid) == []


def test_pins_need_a_moderator(group: Group) -> None:
    sid = group.space_id
    post = group.cai.spaces.post(sid, "resources: helplines")
    later = group.cai.spaces.post(sid, "later post")
    group.sync()
    with pytest.raises(InvalidInput, match="only moderators"):
        group.cai.spaces.pin(sid, later)
    group.cai.log.append(sid, ev.PIN, {"pinned": True}, target=later)  # forged
    group.bea.spaces.pin(sid, post)
    group.sync()
    feed = group.cai.spaces.read_feed(sid)
    assert [p.post_id for p in feed] == [post, later] and feed[0].pinned
    assert not feed[1].pinned


def test_moderators_remove_posts_with_a_reason_and_see_the_log(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    post = group.cai.spaces.post(sid, "something hurtful")
    group.sync()
    with pytest.raises(InvalidInput, match="only moderators"):
        group.cai.spaces.moderate(sid, post, "no")
    with pytest.raises(InvalidInput, match="cannot be empty"):
        group.bea.spaces.moderate(sid, post, "  ")
    group.bea.spaces.moderate(sid, post, "against guideline 2")
    group.sync()
    for s in group.all():
        [p] = s.spaces.read_feed(sid)
        assert (p.state, p.body, p.removed_reason) == ("removed", "", "against guideline 2")
    actions = [(a.actor_name, a.action) for a in group.owner.spaces.moderation_log(sid)]
    assert ("Bea", "remove-post") in actions and ("Ari", "role") in actions
    with pytest.raises(InvalidInput, match="only moderators"):
        group.cai.spaces.moderation_log(sid)
    assert pk["cai"] in [
        a.subject for a in group.owner.spaces.moderation_log(sid) if a.action == "add"
    ]


def test_reports_are_readable_by_moderators_only(group: Group) -> None:
    sid = group.space_id
    post = group.bea.spaces.post(sid, "a post someone dislikes")
    group.sync()
    report_id = group.cai.spaces.report(sid, post, "this feels unsafe")
    group.sync()
    for mod in (group.owner, group.bea):
        [r] = mod.spaces.reports(sid)
        assert (r.report_id, r.target_id, r.reason, r.reporter_name) == (
            report_id,
            post,
            "this feels unsafe",
            "Cai",
        )
    with pytest.raises(InvalidInput, match="only moderators"):
        group.cai.spaces.reports(sid)
    # A member reading the raw event learns that a report exists, never its target or text.
    with group.cai.vault.read() as conn:
        stored = lt.get_event(conn, report_id)
        assert stored is not None and stored.target is None
        event = group.cai.log.open_stored(conn, stored)
    assert set(event.content) == {"reports"}
    assert b"this feels unsafe" not in stored.envelope


def test_mute_words_block_and_unread_are_local(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    group.owner.spaces.post(sid, "Talking about my DEADNAME today")
    group.bea.spaces.post(sid, "ordinary post")
    group.sync()
    assert group.cai.spaces.unread(sid) == 2
    group.cai.spaces.set_mute_words(sid, ["deadname", " "])
    group.cai.spaces.block(sid, pk["bea"])
    assert group.cai.spaces.read_feed(sid) == []
    hidden = {p.hidden_reason for p in group.cai.spaces.read_feed(sid, include_hidden=True)}
    assert hidden == {"muted", "blocked"}
    assert len(group.owner.spaces.read_feed(sid)) == 2  # nobody else is affected
    assert [m.blocked for m in group.cai.spaces.members(sid) if m.member_pk == pk["bea"]] == [True]
    group.cai.spaces.mark_read(sid)
    assert group.cai.spaces.unread(sid) == 0
    group.bea.spaces.post(sid, "new")
    group.sync()
    assert group.cai.spaces.unread(sid) == 1
    assert [s.unread for s in group.cai.spaces.list_spaces()] == [1]
    group.cai.spaces.block(sid, pk["bea"], blocked=False)
    assert len(group.cai.spaces.read_feed(sid)) == 2
    with pytest.raises(NotFound):
        group.cai.spaces.block(sid, bytes(32))


def test_a_forked_chain_raises_a_warning(group: Group) -> None:
    sid = group.space_id
    first = group.cai.spaces.post(sid, "one version")
    group.sync()
    with group.cai.vault.read() as conn:
        stored = lt.get_event(conn, first)
        key = ids.get_epoch_key(conn, sid, stored.epoch) if stored else None
        assert stored is not None and key is not None
        header = group.cai.log.open_stored(conn, stored).header
        device_seed = dt.get_sign_seed(conn, header.device)  # Cai's device key (§5.11)
    assert device_seed is not None and header.signer is not None
    twin = seal_event(header, ev.POST, 1, {"body": "another version"}, device_seed, key)
    result = group.owner.log.ingest([twin.envelope])
    assert result.equivocations == 1
    [warning] = group.owner.spaces.warnings(sid)
    assert warning.kind == "fork" and warning.member_name == "Cai"
    assert group.bea.spaces.warnings(sid) == []


def test_recomputing_gives_the_same_projection(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    post = group.cai.spaces.post(sid, "x")
    group.sync()
    group.bea.spaces.react(sid, post, "me-too")
    laptop = os.urandom(16)
    group.bea.spaces.add_device(sid, laptop, os.urandom(32))
    group.bea.spaces.remove_device(sid, pk["bea"], laptop)  # a drop with a cut
    group.bea.spaces.remove_member(sid, pk["cai"])
    group.sync(group.owner, group.bea)
    group.bea.spaces.leave(sid)  # a leave with a cut
    group.sync(group.owner, group.bea)
    before = (
        group.owner.spaces.members(sid, True),
        group.owner.spaces.read_feed(sid),
        group.owner.spaces.space_info(sid),
    )
    with group.owner.vault.transaction() as conn:
        n = group.owner.spaces.projector.recompute(conn, sid, group.owner.log)
    assert n == group.owner.log.count(sid)
    after = (
        group.owner.spaces.members(sid, True),
        group.owner.spaces.read_feed(sid),
        group.owner.spaces.space_info(sid),
    )
    assert before == after


JUNK: list[dict[str, object]] = [
    {},
    {"member": 5},
    {"member": b"x" * 32, "role": 3},
    {"name": "x", "topics": 5},
    {"name": "x", "topics": "abc"},
    {"name": ["x"]},
    {"profile": [1]},
    {"profile": {"name": 1}},
    {"member": b"m" * 32, "profile": {"name": "M"}, "devices": "x"},
    {"member": b"m" * 32, "profile": {"name": "M"}, "devices": [[b"d" * 16, b"b" * 31]]},
    {"epoch": -1, "keys": []},
    {"epoch": 2**63 - 1, "keys": [[1, 2]]},  # (beyond 64 bits: refused at decode)
    {"epoch": 5, "keys": "k"},
    {"reports": "zz"},
    {"reports": [[b"b" * 32, 7]]},
    {"kind": None, "target": b"x" * 32},
    {"body": "x", "parent": b"\0" * 32},
    {"body": "x", "parent": "p"},
    {"pinned": "yes"},
    {"reason": 5, "target": 5},
    {"ban": "maybe", "member": None},
    {"body": None, "cw": 1},
]


def test_junk_content_from_an_admin_never_breaks_a_batch(group: Group) -> None:
    sid = group.space_id
    keep = group.cai.spaces.post(sid, "survives")
    group.sync()
    before = (group.cai.spaces.members(sid, True), group.cai.spaces.space_info(sid))
    # Some junk is a valid leave or profile change; those two types are tested elsewhere.
    for event_type in sorted(ev.KNOWN_TYPES - {ev.GENESIS, ev.LEAVE, ev.PROFILE}):
        for content in JUNK:
            group.owner.log.append(sid, event_type, dict(content))
    envelopes = group.owner.log.envelopes_after(sid, group.cai.log.chain_tips(sid), 10_000)
    result = group.cai.log.ingest(envelopes)
    assert len(result.accepted) == len(envelopes) and not result.rejected
    assert (group.cai.spaces.members(sid, True), group.cai.spaces.space_info(sid)) == before
    assert [p.post_id for p in group.cai.spaces.read_feed(sid)] == [keep]


def test_a_rolled_back_write_does_not_stop_later_updates(group: Group) -> None:
    sid, pk = group.space_id, group.pk

    class Boom(Exception):
        pass

    try:
        with group.owner.vault.transaction():
            group.owner.spaces.post(sid, "never saved")
            raise Boom
    except Boom:
        pass
    assert group.owner.spaces.read_feed(sid) == []
    group.cai.spaces.leave(sid)
    before = group.owner.spaces.space_info(sid).epoch
    group.sync(group.cai, group.owner)  # the owner's device heals after this commit
    assert group.owner.spaces.space_info(sid).epoch != before
    assert pk["cai"] not in [m.member_pk for m in group.owner.spaces.members(sid)]
