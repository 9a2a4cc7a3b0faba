"""SQL for personas, spaces, epoch keys and the per-vault metadata."""

from __future__ import annotations

from dataclasses import dataclass

from haven.store.vault import Connection


@dataclass(frozen=True, repr=False)
class PersonaRow:
    persona_id: bytes
    sign_seed: bytes
    display_name: str
    pronouns: str
    created_ms: int

    def __repr__(self) -> str:
        return f"PersonaRow({self.persona_id.hex()[:16]}…)"


@dataclass(frozen=True)
class SpaceRow:
    space_id: bytes
    kind: str
    persona_id: bytes
    name: str
    current_epoch: int
    created_ms: int


def get_meta(conn: Connection, key: str) -> bytes | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return bytes(row[0]) if row else None


def set_meta(conn: Connection, key: str, value: bytes) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def insert_persona(conn: Connection, row: PersonaRow) -> None:
    conn.execute(
        "INSERT INTO personas (persona_id, sign_seed, display_name, pronouns, created_ms)"
        " VALUES (?,?,?,?,?)",
        (row.persona_id, row.sign_seed, row.display_name, row.pronouns, row.created_ms),
    )


def get_persona(conn: Connection, persona_id: bytes) -> PersonaRow | None:
    row = conn.execute(
        "SELECT persona_id, sign_seed, display_name, pronouns, created_ms FROM personas"
        " WHERE persona_id = ?",
        (persona_id,),
    ).fetchone()
    return PersonaRow(*row) if row else None


def update_persona(conn: Connection, persona_id: bytes, display_name: str, pronouns: str) -> None:
    conn.execute(
        "UPDATE personas SET display_name = ?, pronouns = ? WHERE persona_id = ?",
        (display_name, pronouns, persona_id),
    )


def insert_space(conn: Connection, row: SpaceRow) -> None:
    conn.execute(
        "INSERT INTO spaces (space_id, kind, persona_id, name, current_epoch, created_ms)"
        " VALUES (?,?,?,?,?,?)",
        (row.space_id, row.kind, row.persona_id, row.name, row.current_epoch, row.created_ms),
    )


def get_space(conn: Connection, space_id: bytes) -> SpaceRow | None:
    row = conn.execute(
        "SELECT space_id, kind, persona_id, name, current_epoch, created_ms FROM spaces"
        " WHERE space_id = ?",
        (space_id,),
    ).fetchone()
    return SpaceRow(*row) if row else None


def list_spaces(conn: Connection, kind: str | None = None) -> list[SpaceRow]:
    sql = "SELECT space_id, kind, persona_id, name, current_epoch, created_ms FROM spaces"
    rows = conn.execute(sql + " WHERE kind = ?", (kind,)) if kind else conn.execute(sql)
    return [SpaceRow(*r) for r in rows]


def set_current_epoch(conn: Connection, space_id: bytes, epoch: int) -> None:
    conn.execute("UPDATE spaces SET current_epoch = ? WHERE space_id = ?", (epoch, space_id))


def put_epoch_key(conn: Connection, space_id: bytes, epoch: int, key: bytes) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO epoch_keys (space_id, epoch, key) VALUES (?,?,?)",
        (space_id, epoch, key),
    )


def get_epoch_key(conn: Connection, space_id: bytes, epoch: int) -> bytes | None:
    row = conn.execute(
        "SELECT key FROM epoch_keys WHERE space_id = ? AND epoch = ?", (space_id, epoch)
    ).fetchone()
    return bytes(row[0]) if row else None


def epoch_keys(conn: Connection, space_id: bytes) -> dict[int, bytes]:
    rows = conn.execute("SELECT epoch, key FROM epoch_keys WHERE space_id = ?", (space_id,))
    return {int(e): bytes(k) for e, k in rows}
