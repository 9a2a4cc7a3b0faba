"""SQL for a space's details as its log sets them: name, description, topics, guidelines
and the genesis event."""

from __future__ import annotations

from collections.abc import Iterable

from haven.store.vault import Connection


def set_info(
    conn: Connection,
    space_id: bytes,
    name: str,
    description: str,
    topics: Iterable[str],
    guidelines: str,
) -> None:
    conn.execute(
        "UPDATE space_state SET name = ?, description = ?, topics = ?, guidelines = ?"
        " WHERE space_id = ?",
        (name, description, "\n".join(topics), guidelines, space_id),
    )
    conn.execute("UPDATE spaces SET name = ? WHERE space_id = ?", (name, space_id))


def set_genesis(conn: Connection, space_id: bytes, genesis_id: bytes, epoch: int) -> None:
    conn.execute(
        "UPDATE space_state SET genesis_id = ?, inforce_epoch = ? WHERE space_id = ?",
        (genesis_id, epoch, space_id),
    )
