"""The feed's first page: the newest threads, with pinned ones, replies and reactions,
read without loading the whole space."""

from __future__ import annotations

from tests.unit.spaces.conftest import Group


def test_page_holds_newest_threads_pinned_ones_and_their_replies(group: Group) -> None:
    owner = group.owner
    sid = group.space_id
    roots = [owner.spaces.post(sid, f"thread {i}") for i in range(12)]
    owner.spaces.pin(sid, roots[0])
    reply = owner.spaces.reply(sid, roots[-1], "a reply to the newest")
    owner.spaces.react(sid, roots[-1], "sending-care")

    page = owner.spaces.read_feed(sid, limit=3)
    bodies = [p.body for p in page]
    assert bodies[0] == "thread 0"  # pinned first
    assert bodies[1:] == ["thread 9", "thread 10", "thread 11"]
    newest = page[-1]
    assert [r.post_id for r in newest.replies] == [reply]
    assert newest.reactions == {"sending-care": 1}

    whole = owner.spaces.read_feed(sid)
    by_id = {p.post_id: p for p in whole}
    for p in page:  # the page agrees with the full feed on every thread it shows
        assert by_id[p.post_id] == p
