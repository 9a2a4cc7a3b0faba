"""The feed's first page: the newest threads, with pinned ones, replies and reactions,
read without loading the whole space."""

from __future__ import annotations

from tests.space_helpers import Group


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


def test_device_ids_differ_per_space_persona(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Members of two spaces see different device ids for the same device, so a device id in
    an event header cannot link one person's personas across spaces."""
    from tests.helpers import new_session

    s = new_session(tmp_path / "x")
    one, two = s.spaces.create_space("One"), s.spaces.create_space("Two")
    s.spaces.post(one, "in one")
    s.spaces.post(two, "in two")
    devices = {space: {device for (_, device) in s.log.chain_tips(space)} for space in (one, two)}
    journal_devices = {device for (_, device) in s.log.chain_tips(s.journal.space_id)}
    assert devices[one].isdisjoint(devices[two])
    assert journal_devices == {s.identity.device_id}
    assert s.identity.device_id not in devices[one] | devices[two]
    s.lock()
