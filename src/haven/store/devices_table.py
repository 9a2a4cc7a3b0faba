"""SQL for this device's key pair and the projection of linked devices."""

from __future__ import annotations

from dataclasses import dataclass

from haven.store.vault import Connection


@dataclass(frozen=True)
class DeviceRow:
    device_id: bytes
    box_public: bytes
    label: str
    linked_ms: int
    unlinked_lamport: int | None


def put_device_keys(conn: Connection, device_id: bytes, secret: bytes, public: bytes) -> None:
    conn.execute(
        "INSERT INTO device_keys (device_id, box_secret, box_public) VALUES (?,?,?)",
        (device_id, secret, public),
    )


def get_device_keys(conn: Connection, device_id: bytes) -> tuple[bytes, bytes] | None:
    row = conn.execute(
        "SELECT box_secret, box_public FROM device_keys WHERE device_id = ?", (device_id,)
    ).fetchone()
    return (bytes(row[0]), bytes(row[1])) if row else None


def upsert_device(conn: Connection, row: DeviceRow) -> None:
    """A device links once; a second link event for it changes only its label."""
    conn.execute(
        "INSERT INTO linked_devices (device_id, box_public, label, linked_ms) VALUES (?,?,?,?)"
        " ON CONFLICT (device_id) DO UPDATE SET label = excluded.label",
        (row.device_id, row.box_public, row.label, row.linked_ms),
    )


def mark_unlinked(conn: Connection, device_id: bytes, lamport: int) -> None:
    conn.execute(
        "UPDATE linked_devices SET unlinked_lamport = min(coalesce(unlinked_lamport, ?), ?)"
        " WHERE device_id = ?",
        (lamport, lamport, device_id),
    )


def get_device(conn: Connection, device_id: bytes) -> DeviceRow | None:
    row = conn.execute(
        "SELECT device_id, box_public, label, linked_ms, unlinked_lamport FROM linked_devices"
        " WHERE device_id = ?",
        (device_id,),
    ).fetchone()
    return DeviceRow(bytes(row[0]), bytes(row[1]), row[2], row[3], row[4]) if row else None


def list_devices(conn: Connection) -> list[DeviceRow]:
    rows = conn.execute(
        "SELECT device_id, box_public, label, linked_ms, unlinked_lamport FROM linked_devices"
        " ORDER BY linked_ms, device_id"
    )
    return [DeviceRow(bytes(r[0]), bytes(r[1]), r[2], r[3], r[4]) for r in rows]


def clear_devices(conn: Connection) -> None:
    conn.execute("DELETE FROM linked_devices")


def delete_events_after(
    conn: Connection, space_id: bytes, author: bytes, device: bytes, lamport: int
) -> int:
    """Remove a device's events not ordered before its unlinking (they are invalid)."""
    cur = conn.execute(
        "DELETE FROM events WHERE space_id=? AND author=? AND device=? AND lamport>=?",
        (space_id, author, device, lamport),
    )
    return int(cur.rowcount)
