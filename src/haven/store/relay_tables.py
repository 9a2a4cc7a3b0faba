"""SQL for relay sync: per-space relay lists, the outbox (acknowledged sequence numbers),
read cursors per relay mailbox, and each space's last sync."""

from __future__ import annotations

from haven.store.vault import Connection


def get_relay_list(conn: Connection, space_id: bytes) -> tuple[list[str], int, bytes] | None:
    """(urls, lamport, event id) of the list in force, or None if the space has none."""
    row = conn.execute(
        "SELECT urls, lamport, event_id FROM relay_lists WHERE space_id = ?", (space_id,)
    ).fetchone()
    if row is None:
        return None
    return [u for u in str(row[0]).split("\n") if u], int(row[1]), bytes(row[2])


def put_relay_list(
    conn: Connection, space_id: bytes, urls: list[str], lamport: int, event_id: bytes
) -> None:
    conn.execute(
        "INSERT INTO relay_lists (space_id, urls, lamport, event_id) VALUES (?,?,?,?)"
        " ON CONFLICT (space_id) DO UPDATE SET urls = excluded.urls,"
        " lamport = excluded.lamport, event_id = excluded.event_id",
        (space_id, "\n".join(urls), lamport, event_id),
    )


def clear_relay_list(conn: Connection, space_id: bytes) -> None:
    conn.execute("DELETE FROM relay_lists WHERE space_id = ?", (space_id,))


def get_acked(conn: Connection, relay: str, space_id: bytes) -> int:
    row = conn.execute(
        "SELECT acked_seq FROM relay_acked WHERE relay = ? AND space_id = ?", (relay, space_id)
    ).fetchone()
    return int(row[0]) if row else 0


def clear_acked(conn: Connection) -> None:
    """Forget every relay's acknowledgements (this device starts new chains: its outbox
    numbers named the old ones)."""
    conn.execute("DELETE FROM relay_acked")


def set_acked(conn: Connection, relay: str, space_id: bytes, seq: int) -> None:
    """Only ever moves forward, so a slow writer cannot undo a faster one's progress."""
    conn.execute(
        "INSERT INTO relay_acked (relay, space_id, acked_seq) VALUES (?,?,?)"
        " ON CONFLICT (relay, space_id) DO UPDATE SET"
        " acked_seq = max(acked_seq, excluded.acked_seq)",
        (relay, space_id, seq),
    )


def get_cursor(conn: Connection, relay: str, mailbox: bytes) -> int:
    row = conn.execute(
        "SELECT cursor FROM relay_cursors WHERE relay = ? AND mailbox = ?", (relay, mailbox)
    ).fetchone()
    return int(row[0]) if row else 0


def set_cursor(conn: Connection, relay: str, mailbox: bytes, cursor: int) -> None:
    conn.execute(
        "INSERT INTO relay_cursors (relay, mailbox, cursor) VALUES (?,?,?)"
        " ON CONFLICT (relay, mailbox) DO UPDATE SET cursor = max(cursor, excluded.cursor)",
        (relay, mailbox, cursor),
    )


def unerased(
    conn: Connection, relay: str, space_id: bytes, limit: int
) -> list[tuple[int, bytes, int, bytes]]:
    """(queue seq, event id, epoch, redacted envelope) of this person's own redacted events
    of the space that `relay` has not yet been asked to erase, in queue order: one seek in
    the queue's index past the relay's progress mark, never a read of older entries."""
    rows = conn.execute(
        "SELECT q.seq, e.id, e.epoch, e.envelope FROM relay_erase_queue q"
        " JOIN events e ON e.id = q.event_id WHERE q.space_id = ? AND q.seq >"
        " coalesce((SELECT p.done_seq FROM relay_erase_progress p WHERE p.relay = ?"
        " AND p.space_id = ?), 0) ORDER BY q.seq LIMIT ?",
        (space_id, relay, space_id, limit),
    )
    return [(int(r[0]), bytes(r[1]), int(r[2]), bytes(r[3])) for r in rows]


def mark_erased(conn: Connection, relay: str, space_id: bytes, done_seq: int) -> None:
    """`relay` has been asked about every queue entry of the space up to `done_seq`; only
    ever moves forward."""
    conn.execute(
        "INSERT INTO relay_erase_progress (relay, space_id, done_seq) VALUES (?,?,?)"
        " ON CONFLICT (relay, space_id) DO UPDATE SET"
        " done_seq = max(done_seq, excluded.done_seq)",
        (relay, space_id, done_seq),
    )


def record_sync(conn: Connection, space_id: bytes, transport: str, at_ms: int) -> None:
    conn.execute(
        "INSERT INTO sync_status (space_id, transport, at_ms) VALUES (?,?,?)"
        " ON CONFLICT (space_id) DO UPDATE SET transport = excluded.transport,"
        " at_ms = excluded.at_ms",
        (space_id, transport, at_ms),
    )


def last_sync(conn: Connection, space_id: bytes) -> tuple[str, int] | None:
    row = conn.execute(
        "SELECT transport, at_ms FROM sync_status WHERE space_id = ?", (space_id,)
    ).fetchone()
    return (str(row[0]), int(row[1])) if row else None
