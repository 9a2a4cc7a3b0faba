"""SQL for a space's settings (schema/0011_attachments.sql): the attachment size limit and
the disappearing timer admins set with `space.settings`, and this device's timer for each
disappearing post (`space_post_timers`, kept across rebuilds of the projection)."""

from __future__ import annotations

from haven.store import id_lists
from haven.store.vault import Connection


def attach_limit(conn: Connection, space_id: bytes) -> int | None:
    row = conn.execute(
        "SELECT attach_limit FROM space_settings WHERE space_id = ?", (space_id,)
    ).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def disappear_s(conn: Connection, space_id: bytes) -> int:
    row = conn.execute(
        "SELECT disappear_s FROM space_settings WHERE space_id = ?", (space_id,)
    ).fetchone()
    return int(row[0]) if row else 0


def set_attach_limit(conn: Connection, space_id: bytes, limit: int) -> None:
    conn.execute(
        "INSERT INTO space_settings (space_id, attach_limit) VALUES (?, ?)"
        " ON CONFLICT (space_id) DO UPDATE SET attach_limit = excluded.attach_limit",
        (space_id, limit),
    )


def set_disappear_s(conn: Connection, space_id: bytes, seconds: int) -> None:
    conn.execute(
        "INSERT INTO space_settings (space_id, disappear_s) VALUES (?, ?)"
        " ON CONFLICT (space_id) DO UPDATE SET disappear_s = excluded.disappear_s",
        (space_id, seconds),
    )


# ----------------------------------------------------------------- this device's timers


def add_timer(conn: Connection, space_id: bytes, post_id: bytes, seconds: int) -> None:
    """A disappearing post was stored; its clock starts when `start_timers` runs (just after
    the commit). Kept if already there: a rebuild never restarts a timer."""
    conn.execute(
        "INSERT OR IGNORE INTO space_post_timers (post_id, space_id, seconds) VALUES (?,?,?)",
        (post_id, space_id, seconds),
    )


def start_timers(conn: Connection, now_ms: int) -> int:
    cur = conn.execute(
        "UPDATE space_post_timers SET deadline_ms = ? + seconds * 1000 WHERE deadline_ms IS NULL",
        (now_ms,),
    )
    return cur.rowcount


def due(conn: Connection, now_ms: int, limit: int) -> list[tuple[bytes, bytes]]:
    """(space id, post id) of timers that ran out, oldest first."""
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT space_id, post_id FROM space_post_timers WHERE deadline_ms <= ?"
            " ORDER BY deadline_ms LIMIT ?",
            (now_ms, limit),
        )
    ]


def timer_of(conn: Connection, post_id: bytes) -> tuple[int, int | None] | None:
    """(seconds, deadline) of a post's timer on this device."""
    row = conn.execute(
        "SELECT seconds, deadline_ms FROM space_post_timers WHERE post_id = ?", (post_id,)
    ).fetchone()
    return (int(row[0]), row[1]) if row else None


def deadlines(conn: Connection, post_ids: list[bytes]) -> dict[bytes, int]:
    """When each of these posts disappears on this device (those whose clock started): one
    statement for a page of posts, a seek per post (id_lists)."""
    out: dict[bytes, int] = {}
    for marks, ids in id_lists.batches(post_ids):
        for post_id, deadline in conn.execute(
            "SELECT post_id, deadline_ms FROM space_post_timers"
            f" WHERE post_id IN ({marks}) AND deadline_ms IS NOT NULL",
            ids,
        ):
            out[bytes(post_id)] = int(deadline)
    return out


def is_due(conn: Connection, post_id: bytes, now_ms: int) -> bool:
    """Whether this post's time is up on this device (erased or not yet)."""
    row = conn.execute(
        "SELECT 1 FROM space_post_timers WHERE post_id = ? AND deadline_ms <= ?",
        (post_id, now_ms),
    ).fetchone()
    return row is not None


def drop_timer(conn: Connection, post_id: bytes) -> None:
    conn.execute("DELETE FROM space_post_timers WHERE post_id = ?", (post_id,))


def mark_expired(conn: Connection, space_id: bytes, post_id: bytes) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_expired_posts (post_id, space_id) VALUES (?, ?)",
        (post_id, space_id),
    )


def is_expired(conn: Connection, post_id: bytes) -> bool:
    row = conn.execute("SELECT 1 FROM space_expired_posts WHERE post_id = ?", (post_id,))
    return row.fetchone() is not None


def expired_among(conn: Connection, post_ids: list[bytes]) -> set[bytes]:
    """Which of these posts disappeared here: one statement for a page (id_lists)."""
    out: set[bytes] = set()
    for marks, ids in id_lists.batches(post_ids):
        out.update(
            bytes(r[0])
            for r in conn.execute(
                f"SELECT post_id FROM space_expired_posts WHERE post_id IN ({marks})", ids
            )
        )
    return out
