"""SQL for posts: threads, replies, edits, tombstones, pins, reactions, pages of the feed and
the reader's unread marker."""

from __future__ import annotations

from dataclasses import dataclass

from haven.store import id_prefix
from haven.store.vault import Connection


@dataclass(frozen=True)
class PostRow:
    post_id: bytes
    space_id: bytes
    author: bytes
    parent_id: bytes | None
    title: str
    body: str
    cw: str
    created_ms: int
    edited_ms: int | None
    lamport: int
    pinned: int
    state: str
    removed_reason: str


def set_read_lamport(conn: Connection, space_id: bytes, lamport: int) -> None:
    conn.execute(
        "UPDATE group_spaces SET read_lamport = max(read_lamport, ?) WHERE space_id = ?",
        (lamport, space_id),
    )


_POST_COLS = (
    "post_id, space_id, author, parent_id, title, body, cw, created_ms, edited_ms,"
    " lamport, pinned, state, removed_reason"
)
#: A post found by its id: space_posts has no index on post_id (a random key puts every
#: new post on a random index page, schema/0014_ordered_keys.sql). The event that wrote
#: the post gives its place in space_posts_by_order: one seek in the log's id index, which
#: the log keeps anyway, then one in the posts' order.
_BY_ID = "(space_id, lamport, post_id) = (SELECT space_id, lamport, id FROM events WHERE id = ?)"
#: A thread's replies by its root's id: the root's (space_id, lamport, id) leads
#: space_posts_replies, so replies to recent threads are written near the index's end
#: (schema/0017_thread_order.sql). A post's reactions are keyed the same way.
_THREAD = (
    "(space_id, root_lamport, parent_id) = (SELECT space_id, lamport, id FROM events WHERE id = ?)"
)
_REACTIONS_OF = (
    "(space_id, post_lamport, post_id) = (SELECT space_id, lamport, id FROM events WHERE id = ?)"
)


def insert_post(conn: Connection, p: PostRow) -> None:
    """A post; a reply also keeps its root's lamport (read from the root's event), its
    thread's place in space_posts_replies."""
    conn.execute(
        f"INSERT OR IGNORE INTO space_posts ({_POST_COLS}, root_lamport)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?, (SELECT lamport FROM events WHERE id = ?))",
        (
            p.post_id,
            p.space_id,
            p.author,
            p.parent_id,
            p.title,
            p.body,
            p.cw,
            p.created_ms,
            p.edited_ms,
            p.lamport,
            p.pinned,
            p.state,
            p.removed_reason,
            p.parent_id,
        ),
    )


def get_post(conn: Connection, post_id: bytes) -> PostRow | None:
    row = conn.execute(
        f"SELECT {_POST_COLS} FROM space_posts WHERE {_BY_ID}", (post_id,)
    ).fetchone()
    return PostRow(*row) if row else None


def edit_post(
    conn: Connection, post_id: bytes, title: str, body: str, cw: str, edited_ms: int
) -> None:
    conn.execute(
        f"UPDATE space_posts SET title = ?, body = ?, cw = ?, edited_ms = ? WHERE {_BY_ID}",
        (title, body, cw, edited_ms, post_id),
    )


def tombstone_post(conn: Connection, post_id: bytes, state: str, reason: str) -> None:
    """Drop the text for good; keep the row so the thread keeps its shape."""
    _drop_channel_extras(conn, post_id)
    conn.execute(
        "UPDATE space_posts SET title = '', body = '', cw = '', state = ?,"
        f" removed_reason = ?, pinned = 0 WHERE {_BY_ID}",
        (state, reason, post_id),
    )
    conn.execute(f"DELETE FROM space_reactions WHERE {_REACTIONS_OF}", (post_id,))


def erase_text(conn: Connection, post_id: bytes) -> None:
    """The words of a post whose events were erased (its state is the rules' to set)."""
    _drop_channel_extras(conn, post_id)
    conn.execute(
        f"UPDATE space_posts SET title = '', body = '', cw = '' WHERE {_BY_ID}", (post_id,)
    )


def _drop_channel_extras(conn: Connection, post_id: bytes) -> None:
    """A channel message's quote and mentions go with its words (who it named is content):
    a seek in space_channel_extras, and for a message that mentioned someone, one per name."""
    row = conn.execute(
        "SELECT x.space_id, x.post_lamport, x.mentions, p.parent_id FROM space_channel_extras x"
        " JOIN space_posts p ON (p.space_id, p.lamport, p.post_id) ="
        " (x.space_id, x.post_lamport, x.post_id)"
        " WHERE (x.space_id, x.post_lamport, x.post_id) ="
        " (SELECT space_id, lamport, id FROM events WHERE id = ?)",
        (post_id,),
    ).fetchone()
    if row is None:
        return
    space_id, lamport, mentions, channel_id = row
    for i in range(0, len(mentions), 32):
        conn.execute(
            "DELETE FROM space_channel_mentions WHERE space_id = ? AND member_pk = ?"
            " AND channel_id = ? AND post_lamport = ? AND post_id = ?",
            (space_id, mentions[i : i + 32], channel_id, lamport, post_id),
        )
    conn.execute(
        "DELETE FROM space_channel_extras WHERE space_id = ? AND post_lamport = ? AND post_id = ?",
        (space_id, lamport, post_id),
    )


def set_pinned(conn: Connection, post_id: bytes, pinned: bool) -> None:
    conn.execute(f"UPDATE space_posts SET pinned = ? WHERE {_BY_ID}", (int(pinned), post_id))


def list_posts(conn: Connection, space_id: bytes) -> list[PostRow]:
    return [
        PostRow(*r)
        for r in conn.execute(
            f"SELECT {_POST_COLS} FROM space_posts WHERE space_id = ? ORDER BY lamport, post_id",
            (space_id,),
        )
    ]


def list_thread_page(
    conn: Connection, space_id: bytes, limit: int, replies: int
) -> tuple[list[PostRow], set[bytes]]:
    """The newest `limit` threads (root posts) plus every pinned one, each with its newest
    `replies` replies: what a feed shows first, without reading the whole space or a whole
    thread. Also the roots that have older replies than those. Each query is a range of one
    index (schema/0007_bounded_reads.sql, 0013_thread_pages.sql)."""
    roots = [
        PostRow(*r)
        for r in conn.execute(
            f"SELECT {_POST_COLS} FROM space_posts WHERE space_id = ? AND parent_id IS NULL"
            " ORDER BY lamport DESC, post_id DESC LIMIT ?",
            (space_id, limit),
        )
    ]
    seen = {r.post_id for r in roots}
    roots += [p for p in list_pinned(conn, space_id) if p.post_id not in seen]
    rows, older = list(roots), set()
    for root in roots:
        page, more = replies_page(conn, root.post_id, replies)
        rows += page
        if more:
            older.add(root.post_id)
    rows.sort(key=lambda p: (p.lamport, p.post_id))
    return rows, older


def list_replies(conn: Connection, root_ids: list[bytes]) -> list[PostRow]:
    """Every reply to these threads, however many (`space read --all` and exports only:
    screens read `replies_page`)."""
    rows: list[PostRow] = []
    for root_id in root_ids:
        rows += [
            PostRow(*r)
            for r in conn.execute(
                f"SELECT {_POST_COLS} FROM space_posts WHERE {_THREAD} ORDER BY lamport, post_id",
                (root_id,),
            )
        ]
    return rows


def reply_key(conn: Connection, root_id: bytes, reply_id: bytes) -> tuple[int, bytes] | None:
    """Where a reply of this thread sits in it (a page cursor), or None if it is not one."""
    row = conn.execute(
        f"SELECT lamport, post_id FROM space_posts WHERE {_BY_ID} AND parent_id = ?",
        (reply_id, root_id),
    ).fetchone()
    return (int(row[0]), bytes(row[1])) if row else None


def replies_page(
    conn: Connection,
    root_id: bytes,
    limit: int,
    before: tuple[int, bytes] | None = None,
    after: tuple[int, bytes] | None = None,
) -> tuple[list[PostRow], bool]:
    """Up to `limit` replies of one thread in log order: the newest ones, those just before
    the key `before`, or those just after `after` (keyset pagination on space_posts_replies:
    the cost follows `limit`, not the thread). Also whether more lie beyond the page, on the
    side it was read from (older for the newest page and `before`, newer for `after`)."""
    if after is not None:
        sql = (
            f"SELECT {_POST_COLS} FROM space_posts WHERE {_THREAD} AND (lamport, post_id)"
            " > (?, ?) ORDER BY lamport, post_id LIMIT ?"
        )
        rows = [PostRow(*r) for r in conn.execute(sql, (root_id, *after, limit + 1))]
        return rows[:limit], len(rows) > limit
    where = _THREAD
    args: tuple[object, ...] = (root_id,)
    if before is not None:
        where += " AND (lamport, post_id) < (?, ?)"
        args = (root_id, *before)
    sql = (
        f"SELECT {_POST_COLS} FROM space_posts WHERE {where}"
        " ORDER BY lamport DESC, post_id DESC LIMIT ?"
    )
    rows = [PostRow(*r) for r in conn.execute(sql, (*args, limit + 1))]
    return rows[:limit][::-1], len(rows) > limit


def list_pinned(conn: Connection, space_id: bytes) -> list[PostRow]:
    """Pinned threads (root posts), in log order."""
    return [
        PostRow(*r)
        for r in conn.execute(
            f"SELECT {_POST_COLS} FROM space_posts WHERE space_id = ? AND parent_id IS NULL"
            " AND pinned = 1 ORDER BY lamport, post_id",
            (space_id,),
        )
    ]


def reactions_for(conn: Connection, posts: list[PostRow]) -> list[tuple[bytes, bytes, str]]:
    """(post id, member, kind) of these posts' reactions: one seek per post, by its key."""
    out: list[tuple[bytes, bytes, str]] = []
    for start in range(0, len(posts), 300):
        chunk = posts[start : start + 300]
        keys = [v for p in chunk for v in (p.space_id, p.lamport, p.post_id)]
        out += [
            (r[0], r[1], r[2])
            for r in conn.execute(
                "SELECT post_id, member_pk, kind FROM space_reactions"
                " WHERE (space_id, post_lamport, post_id) IN"
                f" (VALUES {','.join(['(?,?,?)'] * len(chunk))})",
                keys,
            )
        ]
    return out


def find_post_ids(conn: Connection, space_id: bytes, hex_prefix: str) -> list[bytes]:
    """Up to a few posts of this space whose id starts with `hex_prefix`."""
    where, args = id_prefix.range_sql("e.id", hex_prefix)
    return [
        bytes(r[0])
        for r in conn.execute(
            "SELECT e.id FROM events e JOIN space_posts p ON p.space_id = e.space_id"
            f" AND p.lamport = e.lamport AND p.post_id = e.id WHERE {where}"
            " AND +e.space_id = ? LIMIT ?",
            (*args, space_id, id_prefix.MATCHES),
        )
    ]


def count_unread(
    conn: Connection,
    space_id: bytes,
    me: bytes,
    after_lamport: int,
    cap: int = -1,
    now_ms: int | None = None,
) -> int:
    """Visible posts (not channel messages) by others after `after_lamport`, counting at
    most `cap` of them (-1: no cap), and none whose disappearing timer ran out by `now_ms`
    (the sweep may not have erased it yet). Read from the covering index
    space_posts_unread, newest first; each candidate costs one lookup in space_post_timers' key."""
    due = (
        " AND NOT EXISTS (SELECT 1 FROM space_post_timers t WHERE t.post_id ="
        " space_posts.post_id AND t.deadline_ms <= ?)"
        if now_ms is not None
        else ""
    )
    args = (space_id, after_lamport, me, *(() if now_ms is None else (now_ms,)), cap)
    return int(
        conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM space_posts WHERE space_id = ? AND lamport > ?"
            " AND author != ? AND state = 'visible' AND channel = 0"
            f"{due} ORDER BY lamport DESC LIMIT ?)",
            args,
        ).fetchone()[0]
    )


def max_post_lamport(conn: Connection, space_id: bytes) -> int:
    row = conn.execute(
        "SELECT max(lamport) FROM space_posts WHERE space_id = ?", (space_id,)
    ).fetchone()
    return int(row[0] or 0)


def set_reaction(conn: Connection, post: PostRow, member_pk: bytes, kind: str, on: bool) -> None:
    key = (post.space_id, post.lamport, post.post_id, member_pk, kind)
    if on:
        conn.execute(
            "INSERT OR IGNORE INTO space_reactions"
            " (space_id, post_lamport, post_id, member_pk, kind) VALUES (?,?,?,?,?)",
            key,
        )
    else:
        conn.execute(
            "DELETE FROM space_reactions WHERE space_id = ? AND post_lamport = ?"
            " AND post_id = ? AND member_pk = ? AND kind = ?",
            key,
        )


def reactions(conn: Connection, space_id: bytes) -> list[tuple[bytes, bytes, str]]:
    return [
        (r[0], r[1], r[2])
        for r in conn.execute(
            "SELECT post_id, member_pk, kind FROM space_reactions WHERE space_id = ?",
            (space_id,),
        )
    ]
