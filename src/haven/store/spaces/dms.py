"""SQL for direct messages (schema/0023_direct_messages.sql): which group spaces are direct
conversations, and the offers of one this device has yet to look at."""

from __future__ import annotations

from dataclasses import dataclass

from haven.store.vault import Connection


@dataclass(frozen=True)
class DmRow:
    space_id: bytes
    parent_id: bytes
    opener: bytes
    partner: bytes
    genesis_id: bytes
    created_ms: int

    def other(self, me: bytes) -> bytes:
        return self.partner if me == self.opener else self.opener


_COLUMNS = "space_id, parent_id, opener, partner, genesis_id, created_ms"


def insert_dm(conn: Connection, row: DmRow) -> None:
    conn.execute(
        f"INSERT INTO space_dms ({_COLUMNS}) VALUES (?,?,?,?,?,?)",
        (row.space_id, row.parent_id, row.opener, row.partner, row.genesis_id, row.created_ms),
    )


def get_dm(conn: Connection, space_id: bytes) -> DmRow | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM space_dms WHERE space_id = ?", (space_id,))
    found = row.fetchone()
    return DmRow(*found) if found else None


def list_dms(conn: Connection) -> list[DmRow]:
    return [
        DmRow(*r)
        for r in conn.execute(f"SELECT {_COLUMNS} FROM space_dms ORDER BY created_ms, space_id")
    ]


def dm_ids(conn: Connection) -> set[bytes]:
    return {r[0] for r in conn.execute("SELECT space_id FROM space_dms")}


def dms_with(conn: Connection, parent_id: bytes, a: bytes, b: bytes) -> list[DmRow]:
    """The conversations between personas `a` and `b` that started in `parent_id`."""
    return [
        DmRow(*r)
        for r in conn.execute(
            f"SELECT {_COLUMNS} FROM space_dms WHERE parent_id = ?"
            " AND ((opener = ? AND partner = ?) OR (opener = ? AND partner = ?))",
            (parent_id, a, b, b, a),
        )
    ]


def record_offer(conn: Connection, space_id: bytes, event_id: bytes, author: bytes) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_dm_offers (space_id, event_id, author) VALUES (?,?,?)",
        (space_id, event_id, author),
    )


def unhandled_offers(conn: Connection, space_id: bytes) -> list[tuple[bytes, bytes]]:
    """(event id, author) of the valid offers in a space this device has not tried."""
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT o.event_id, o.author FROM space_dm_offers o WHERE o.space_id = ?"
            " AND NOT EXISTS (SELECT 1 FROM space_dm_offers_tried t"
            " WHERE t.space_id = o.space_id AND t.event_id = o.event_id)",
            (space_id,),
        )
    ]


def mark_handled(conn: Connection, space_id: bytes, event_id: bytes) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_dm_offers_tried (space_id, event_id) VALUES (?,?)",
        (space_id, event_id),
    )
