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
