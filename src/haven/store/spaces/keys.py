"""SQL for epoch keys: the epoch in force, and which device box keys each epoch was sealed
to (what healing compares with the membership)."""

from __future__ import annotations

from collections.abc import Iterable

from haven.store.vault import Connection


def set_inforce_epoch(conn: Connection, space_id: bytes, epoch: int) -> None:
    conn.execute("UPDATE space_state SET inforce_epoch = ? WHERE space_id = ?", (epoch, space_id))


def add_recipients(
    conn: Connection, space_id: bytes, epoch: int, box_keys: Iterable[bytes]
) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO space_epoch_recipients (space_id, epoch, box_pk) VALUES (?,?,?)",
        [(space_id, epoch, pk) for pk in box_keys],
    )


def epochs_held(conn: Connection, space_id: bytes, box_pk: bytes) -> list[int]:
    """Epochs whose key was delivered to this device key."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT epoch FROM space_epoch_recipients"
            " WHERE space_id = ? AND box_pk = ? ORDER BY epoch",
            (space_id, box_pk),
        )
    ]


def recipients(conn: Connection, space_id: bytes, epoch: int) -> set[bytes]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT box_pk FROM space_epoch_recipients WHERE space_id = ? AND epoch = ?",
            (space_id, epoch),
        )
    }


def set_commitment(conn: Connection, space_id: bytes, epoch: int, commitment: bytes) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_epoch_commitments (space_id, epoch, commitment)"
        " VALUES (?,?,?)",
        (space_id, epoch, commitment),
    )


def commitment(conn: Connection, space_id: bytes, epoch: int) -> bytes | None:
    row = conn.execute(
        "SELECT commitment FROM space_epoch_commitments WHERE space_id = ? AND epoch = ?",
        (space_id, epoch),
    ).fetchone()
    return bytes(row[0]) if row else None


def any_commitment(conn: Connection, space_id: bytes) -> bool:
    """Whether the space has committed to an epoch key yet (from then on, every rotation
    must carry a commitment)."""
    return (
        conn.execute(
            "SELECT 1 FROM space_epoch_commitments WHERE space_id = ? LIMIT 1", (space_id,)
        ).fetchone()
        is not None
    )


def add_conflict(
    conn: Connection, space_id: bytes, event_id: bytes, author: bytes, epoch: int
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_key_conflicts (space_id, event_id, author, epoch)"
        " VALUES (?,?,?,?)",
        (space_id, event_id, author, epoch),
    )


def conflicts(conn: Connection, space_id: bytes) -> list[tuple[bytes, int]]:
    """(author, epoch) of each key conflict seen, oldest first (bounded by the log)."""
    return [
        (bytes(r[0]), int(r[1]))
        for r in conn.execute(
            "SELECT author, epoch FROM space_key_conflicts WHERE space_id = ?"
            " ORDER BY epoch, event_id LIMIT 100",
            (space_id,),
        )
    ]
