"""SQL for join requests this device made and is waiting on: the new persona and the device
key a welcome will be sealed to."""

from __future__ import annotations

from haven.store.vault import Connection


def insert_pending(
    conn: Connection,
    persona_pk: bytes,
    box_secret: bytes,
    box_public: bytes,
    colour: str,
    now_ms: int,
) -> None:
    conn.execute(
        "INSERT INTO space_pending_joins (persona_pk, box_secret, box_public, colour,"
        " created_ms) VALUES (?,?,?,?,?)",
        (persona_pk, box_secret, box_public, colour, now_ms),
    )


def get_pending_by_box(conn: Connection, box_public: bytes) -> tuple[bytes, bytes, str] | None:
    """(persona_pk, box_secret, colour) of the pending join request with this box key."""
    row = conn.execute(
        "SELECT persona_pk, box_secret, colour FROM space_pending_joins WHERE box_public = ?",
        (box_public,),
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def get_pending_box(conn: Connection, persona_pk: bytes) -> tuple[bytes, bytes] | None:
    """(box_secret, box_public) of the pending join request made as this persona."""
    row = conn.execute(
        "SELECT box_secret, box_public FROM space_pending_joins WHERE persona_pk = ?",
        (persona_pk,),
    ).fetchone()
    return (row[0], row[1]) if row else None


def pending_box_keys(conn: Connection) -> list[tuple[bytes, bytes]]:
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT box_secret, box_public FROM space_pending_joins ORDER BY created_ms"
        )
    ]


def delete_pending(conn: Connection, persona_pk: bytes) -> None:
    conn.execute("DELETE FROM space_pending_joins WHERE persona_pk = ?", (persona_pk,))
