"""SQL for keeping a space kind: reports (opened by this moderator device), the moderation
log, and what each reader keeps for themselves (blocks, mute words)."""

from __future__ import annotations

from haven.store.vault import Connection


def set_mute_words(conn: Connection, space_id: bytes, words: str) -> None:
    conn.execute("UPDATE group_spaces SET mute_words = ? WHERE space_id = ?", (words, space_id))


def set_block(conn: Connection, space_id: bytes, member_pk: bytes, blocked: bool) -> None:
    if blocked:
        conn.execute(
            "INSERT OR IGNORE INTO space_blocks (space_id, member_pk) VALUES (?,?)",
            (space_id, member_pk),
        )
    else:
        conn.execute(
            "DELETE FROM space_blocks WHERE space_id = ? AND member_pk = ?", (space_id, member_pk)
        )


def blocked(conn: Connection, space_id: bytes) -> set[bytes]:
    return {
        r[0]
        for r in conn.execute("SELECT member_pk FROM space_blocks WHERE space_id = ?", (space_id,))
    }


def insert_report(
    conn: Connection,
    report_id: bytes,
    space_id: bytes,
    reporter: bytes,
    target_id: bytes,
    reason: str,
    created_ms: int,
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_reports (report_id, space_id, reporter, target_id,"
        " reason, created_ms) VALUES (?,?,?,?,?,?)",
        (report_id, space_id, reporter, target_id, reason, created_ms),
    )


def list_reports(
    conn: Connection, space_id: bytes, limit: int = -1
) -> list[tuple[bytes, bytes, bytes, str, int]]:
    """The newest `limit` reports (-1: all), oldest of them first."""
    rows = [
        tuple(r)
        for r in conn.execute(
            "SELECT report_id, reporter, target_id, reason, created_ms FROM space_reports"
            " WHERE space_id = ? ORDER BY created_ms DESC, report_id DESC LIMIT ?",
            (space_id, limit),
        )
    ]
    return rows[::-1]


def insert_modlog(
    conn: Connection,
    event_id: bytes,
    space_id: bytes,
    lamport: int,
    actor: bytes,
    action: str,
    subject: bytes | None,
    detail: str,
    created_ms: int,
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_modlog (event_id, space_id, lamport, actor, action,"
        " subject, detail, created_ms) VALUES (?,?,?,?,?,?,?,?)",
        (event_id, space_id, lamport, actor, action, subject, detail, created_ms),
    )


def counts(conn: Connection, event_id: bytes) -> bool:
    """Whether this event stands in the moderation log (it counted when last applied)."""
    row = conn.execute("SELECT 1 FROM space_modlog WHERE event_id = ?", (event_id,))
    return row.fetchone() is not None


def valid_adds(conn: Connection, space_id: bytes, member: bytes) -> set[bytes]:
    """The ids of the adds of `member` that counted where they stand in the log (the
    projection logs each valid add as action 'add')."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT event_id FROM space_modlog WHERE space_id = ? AND action = 'add'"
            " AND subject = ?",
            (space_id, member),
        )
    }


def list_modlog(
    conn: Connection, space_id: bytes, limit: int = -1
) -> list[tuple[bytes, bytes, str, bytes | None, str, int]]:
    """The newest `limit` moderation actions (-1: all), in log order."""
    rows = [
        tuple(r)
        for r in conn.execute(
            "SELECT event_id, actor, action, subject, detail, created_ms FROM space_modlog"
            " WHERE space_id = ? ORDER BY lamport DESC, event_id DESC LIMIT ?",
            (space_id, limit),
        )
    ]
    return rows[::-1]
