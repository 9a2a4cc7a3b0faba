"""Replies and reactions are written near the end of their indexes (schema 17, issue 18):
both lead with the log position of the thread or post they belong to, so a batch of replies
to, and reactions on, recent threads shares a few index pages instead of dirtying one
random page per row (each page written is encrypted, written to the WAL and copied back).

Counted in WAL frames (pages a transaction wrote), which do not depend on how busy the
machine is: no timing here."""

from __future__ import annotations

import random

from haven.store.spaces import posts as posts_db
from haven.store.spaces.posts import PostRow
from tests.space_helpers import Group

ROOTS, OLD_REPLIES = 2_000, 3  # a space with history: ~150 leaf pages of replies
BATCH = 200  # replies, and as many reactions, to the newest RECENT threads
RECENT = 100


def _row(post_id: bytes, sid: bytes, me: bytes, parent: bytes | None, lamport: int) -> PostRow:
    return PostRow(post_id, sid, me, parent, "", "words", "", 0, None, lamport, 0, "visible", "")


def _history(g: Group, rng: random.Random) -> tuple[list[PostRow], int]:
    """ROOTS threads with OLD_REPLIES replies each and a reaction on each root, written
    straight into the log's index columns and the projection (signing thousands of events
    would only slow the test: what is counted is the projection's writes)."""
    owner, sid = g.owner, g.space_id
    me = owner.spaces.space_info(sid).my_persona
    device, roots, lamport = rng.randbytes(16), [], 1_000
    with owner.vault.transaction() as conn:
        for i in range(ROOTS):
            lamport += 1
            root = _row(rng.randbytes(32), sid, me, None, lamport)
            conn.execute(
                "INSERT INTO events (id, space_id, author, device, seq, lamport, epoch, type,"
                " created_ms, envelope) VALUES (?, ?, ?, ?, ?, ?, 0, 'space.post', 0, x'')",
                (root.post_id, sid, me, device, i + 1, lamport),
            )
            posts_db.insert_post(conn, root)
            posts_db.set_reaction(conn, root, rng.randbytes(32), "sending-care", True)
            roots.append(root)
        for _ in range(ROOTS * OLD_REPLIES):
            lamport += 1
            parent = rng.choice(roots).post_id
            posts_db.insert_post(conn, _row(rng.randbytes(32), sid, me, parent, lamport))
    return roots, lamport


def _frames(g: Group, write: object) -> int:
    """WAL frames `write(conn)` commits, with the WAL emptied before and no checkpoint."""
    conn = g.owner.vault._conn
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        with g.owner.vault.transaction() as tx:
            write(tx)  # type: ignore[operator]
        return int(conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1])
    finally:
        conn.execute("PRAGMA wal_autocheckpoint = 1000")


def test_replies_and_reactions_to_recent_threads_share_pages(group: Group) -> None:
    rng = random.Random(17)
    roots, lamport = _history(group, rng)
    sid, recent = group.space_id, roots[-RECENT:]
    me = group.owner.spaces.space_info(sid).my_persona
    replies = []

    def write(conn: object) -> None:
        nonlocal lamport
        for _ in range(BATCH):
            lamport += 1
            reply = _row(rng.randbytes(32), sid, me, rng.choice(recent).post_id, lamport)
            posts_db.insert_post(conn, reply)
            replies.append(reply)
            posts_db.set_reaction(conn, rng.choice(recent), rng.randbytes(32), "thank-you", True)

    frames = _frames(group, write)
    # 400 rows: the posts table, its order indexes and the replies' and reactions' ends
    # (54 pages). With the replies index keyed by the root's id first, as before schema 17,
    # the same batch wrote 141; with reactions keyed by the post's id first, 102.
    assert frames < 70, frames

    # And the rows are where the reads find them: a thread's replies in order, paged.
    thread = max(recent, key=lambda r: sum(x.parent_id == r.post_id for x in replies))
    mine = [x.post_id for x in replies if x.parent_id == thread.post_id]
    page = group.owner.spaces.read_thread(sid, thread.post_id, limit=len(mine))
    assert [r.post_id for r in page.replies] == mine and page.older
    with group.owner.vault.read() as conn:
        found = posts_db.reactions_for(conn, recent)
        assert len(found) == RECENT + BATCH
        assert len(posts_db.reactions(conn, sid)) == ROOTS + BATCH
