"""Erasures a moderator's removal asks for, waiting to be settled (docs/PROTOCOL.md §1.7,
"Settled before erased"): `space_pending_erasures`, this device's record, kept across
rebuilds of the projection, of when it first saw each such removal."""

from __future__ import annotations

from haven.store.vault import Connection


def hold(conn: Connection, space_id: bytes, redaction_id: bytes, post_id: bytes) -> None:
    """A removal that erases later; its grace period starts when `start` runs (the next
    sweep, just after the commit). Kept if already there: a rebuild never restarts it."""
    conn.execute(
        "INSERT OR IGNORE INTO space_pending_erasures (redaction_id, space_id, post_id)"
        " VALUES (?,?,?)",
        (redaction_id, space_id, post_id),
    )


def start(conn: Connection, now_ms: int) -> int:
    cur = conn.execute(
        "UPDATE space_pending_erasures SET received_ms = ? WHERE received_ms IS NULL", (now_ms,)
    )
    return cur.rowcount


def due(conn: Connection, before_ms: int, limit: int) -> list[tuple[bytes, bytes]]:
    """(space id, redaction id) of removals first seen at or before `before_ms`."""
    return [
        (bytes(r[0]), bytes(r[1]))
        for r in conn.execute(
            "SELECT space_id, redaction_id FROM space_pending_erasures"
            " WHERE received_ms <= ? ORDER BY received_ms LIMIT ?",
            (before_ms, limit),
        )
    ]


def drop(conn: Connection, redaction_id: bytes) -> None:
    conn.execute("DELETE FROM space_pending_erasures WHERE redaction_id = ?", (redaction_id,))
