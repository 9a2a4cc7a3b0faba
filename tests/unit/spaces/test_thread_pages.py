"""A thread is read a page at a time (issue 18): the feed holds each thread's newest replies,
and `read_thread` pages older and newer ones by keyset. A thread flooded with replies (a
hostile member can write as many as their device can sign) opens with the work of one page.

The cost is counted in SQLite virtual-machine steps (a progress handler), which depend on
the rows a statement touches, not on how busy the machine is: no timing here."""

from __future__ import annotations

import random

import pytest

from haven.core.eventlog import Draft
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.posts import MAX_THREAD_PAGE
from haven.errors import InvalidInput, NotFound
from haven.store.spaces import posts as posts_db
from haven.store.spaces.posts import PostRow
from tests.space_helpers import Group


def _replies(s: Session, sid: bytes, root: bytes, n: int) -> list[bytes]:
    drafts = [
        Draft(ev.POST, ev.post_to_content(ev.post_content("", f"reply {i}", "", root)))
        for i in range(n)
    ]
    return [e.id for e in s.log.append_many(sid, drafts)]


def test_pages_walk_the_whole_thread_both_ways(group: Group) -> None:
    owner, sid = group.owner, group.space_id
    root = owner.spaces.post(sid, "a long thread")
    ids = _replies(owner, sid, root, 23)
    owner.spaces.react(sid, ids[-1], "sending-care")

    newest = owner.spaces.read_thread(sid, root, limit=7)
    assert newest.root.post_id == root and newest.older and not newest.newer
    assert [r.post_id for r in newest.replies] == ids[-7:]
    assert newest.replies[-1].reactions == {"sending-care": 1}

    seen, page = list(newest.replies), newest
    while page.older:  # "load older replies" from the first reply shown
        page = owner.spaces.read_thread(sid, root, before=page.replies[0].post_id, limit=7)
        assert page.newer
        seen[:0] = page.replies
    assert [r.post_id for r in seen] == ids
    assert len(page.replies) == 23 % 7

    seen, page = list(page.replies), page
    while page.newer:  # and "load newer replies" from the last one shown
        page = owner.spaces.read_thread(sid, root, after=page.replies[-1].post_id, limit=7)
        assert page.older
        seen += page.replies
    assert [r.post_id for r in seen] == ids

    # The feed holds each thread's newest page and says whether there is more.
    feed = owner.spaces.read_feed(sid, limit=5)
    thread = next(p for p in feed if p.post_id == root)
    assert thread.older_replies is False  # 23 replies fit the feed's page of 100
    assert [r.post_id for r in thread.replies] == ids


def test_a_cursor_must_be_a_reply_of_this_thread(group: Group) -> None:
    owner, sid = group.owner, group.space_id
    one, two = owner.spaces.post(sid, "one"), owner.spaces.post(sid, "two")
    [theirs] = _replies(owner, sid, two, 1)
    with pytest.raises(NotFound):
        owner.spaces.read_thread(sid, one, before=theirs)
    with pytest.raises(NotFound):  # a reply is not a thread
        owner.spaces.read_thread(sid, theirs)
    with pytest.raises(NotFound):
        owner.spaces.read_thread(sid, b"\x01" * 32)
    with pytest.raises(InvalidInput):
        owner.spaces.read_thread(sid, one, limit=MAX_THREAD_PAGE + 1)
    with pytest.raises(InvalidInput):
        owner.spaces.read_thread(sid, two, before=theirs, after=theirs)
    assert owner.spaces.read_thread(sid, two).replies[0].post_id == theirs


def test_the_page_holding_a_post_ends_with_it(group: Group) -> None:
    """Opening a reported reply: the page that holds it, whichever page that is, and the
    reply it ends before (to read it again); a post of another space is not found."""
    owner, sid = group.owner, group.space_id
    root = owner.spaces.post(sid, "a long thread")
    ids = _replies(owner, sid, root, 12)

    page, later, after = owner.spaces.thread_page_holding(sid, ids[3], limit=5)
    assert later == ids[4] and page.root.post_id == root and after == root
    assert [r.post_id for r in page.replies] == ids[:4] and not page.older and page.newer
    page, later, after = owner.spaces.thread_page_holding(sid, ids[9], limit=5)
    assert later == ids[10] and [r.post_id for r in page.replies] == ids[5:10] and page.older
    assert after == ids[4]
    page, later, after = owner.spaces.thread_page_holding(sid, ids[-1], limit=5)  # the newest
    assert later is None and [r.post_id for r in page.replies] == ids[-5:]
    # Read again from `after`: the same page (how the app refreshes the newest page of a
    # thread its feed does not hold); from the first post itself, the first replies.
    again = owner.spaces.read_thread(sid, root, after=after, limit=5)
    assert after == ids[-6] and again.replies == page.replies and again.older
    first = owner.spaces.read_thread(sid, root, after=root, limit=5)
    assert [r.post_id for r in first.replies] == ids[:5] and not first.older and first.newer
    page, later, after = owner.spaces.thread_page_holding(sid, root, limit=5)  # a first post
    assert later is None and page.root.post_id == root
    short = owner.spaces.post(sid, "a short thread")
    two = _replies(owner, sid, short, 2)
    page, later, after = owner.spaces.thread_page_holding(sid, two[-1], limit=5)
    assert (later, after, page.older) == (None, short, False)

    other = owner.spaces.create_space("Elsewhere", display_name="Ari")
    elsewhere = owner.spaces.post(other, "not in this space")
    for wrong in (elsewhere, b"\x01" * 32):
        with pytest.raises(NotFound):
            owner.spaces.thread_page_holding(sid, wrong)

    # The moderators' queue reads reported posts by id: only posts of this space.
    found = owner.spaces.posts_by_id(sid, [ids[3], elsewhere, b"\x01" * 32, ids[3]])
    assert list(found) == [ids[3]] and found[ids[3]].body == "reply 3"


def _flood(s: Session, sid: bytes, root: bytes, n: int) -> None:
    """`n` replies written straight into the log's index columns and the projection
    (signing 20,000 events would only slow the test: what is measured is the read)."""
    rng = random.Random(n)
    me = s.spaces.space_info(sid).my_persona
    base = s.spaces.read_thread(sid, root).root
    device = rng.randbytes(16)
    with s.vault.transaction() as conn:
        for i in range(n):
            post_id, lamport = rng.randbytes(32), 10 + i
            conn.execute(
                "INSERT INTO events (id, space_id, author, device, seq, lamport, epoch, type,"
                " created_ms, envelope) VALUES (?, ?, ?, ?, ?, ?, 0, 'space.post', 0, x'')",
                (post_id, sid, me, device, i + 1, lamport),
            )
            post = PostRow(
                post_id, sid, me, root, "", f"flood {i}", "", base.created_ms,
                None, lamport, 0, "visible", "",
            )  # fmt: skip
            posts_db.insert_post(conn, post)


def _steps(s: Session, read: object) -> int:
    """SQLite VM steps (in hundreds) that `read()` costs."""
    count = 0

    def tick() -> int:
        nonlocal count
        count += 1
        return 0

    conn = s.vault._conn
    conn.set_progress_handler(tick, 100)
    try:
        read()  # type: ignore[operator]
    finally:
        conn.set_progress_handler(None, 0)
    return count


def test_a_flooded_thread_costs_a_page_not_the_thread(group: Group) -> None:
    owner, sid = group.owner, group.space_id
    small, big = owner.spaces.post(sid, "small"), owner.spaces.post(sid, "flooded")
    _flood(owner, sid, small, 200)
    _flood(owner, sid, big, 20_000)

    def thread(root: bytes) -> int:
        return _steps(owner, lambda: owner.spaces.read_thread(sid, root))

    def older(root: bytes) -> int:
        page = owner.spaces.read_thread(sid, root)
        return _steps(
            owner, lambda: owner.spaces.read_thread(sid, root, before=page.replies[0].post_id)
        )

    def whole(root: bytes) -> int:
        def read() -> None:
            with owner.vault.read() as conn:
                posts_db.list_replies(conn, [root])

        return _steps(owner, read)

    # A page of the 20,000-reply thread costs what a page of the 200-reply one does (the
    # same rows are touched), and a small part of reading the whole thread.
    assert thread(big) <= thread(small) * 1.2
    assert older(big) <= older(small) * 1.2
    assert thread(big) * 20 < whole(big)
    page = owner.spaces.read_thread(sid, big)
    assert len(page.replies) == 100 and page.older and not page.newer
    assert page.replies[-1].body == "flood 19999"

    # The feed holds the flooded thread's newest page only, and says older ones exist.
    feed = owner.spaces.read_feed(sid, limit=50)
    flooded = next(p for p in feed if p.post_id == big)
    assert len(flooded.replies) == 100 and flooded.older_replies
    feed_cost = _steps(owner, lambda: owner.spaces.read_feed(sid, limit=50))
    assert feed_cost * 20 < whole(big) + whole(small)
