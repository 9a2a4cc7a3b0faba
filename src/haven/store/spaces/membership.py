"""SQL for who is in a space: members, their roles and status, and each member's devices
with their box keys (the recipients of the next key)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from haven.store.vault import Connection


@dataclass(frozen=True)
class MemberRow:
    member_pk: bytes
    role: str
    status: str
    display_name: str
    pronouns: str
    colour: str
    since_lamport: int


_MEMBER_COLS = "member_pk, role, status, display_name, pronouns, colour, since_lamport"


def get_member(conn: Connection, space_id: bytes, member_pk: bytes) -> MemberRow | None:
    row = conn.execute(
        f"SELECT {_MEMBER_COLS} FROM space_members WHERE space_id = ? AND member_pk = ?",
        (space_id, member_pk),
    ).fetchone()
    return MemberRow(*row) if row else None


def put_member(conn: Connection, space_id: bytes, m: MemberRow) -> None:
    conn.execute(
        f"INSERT INTO space_members (space_id, {_MEMBER_COLS}) VALUES (?,?,?,?,?,?,?,?)"
        " ON CONFLICT (space_id, member_pk) DO UPDATE SET role = excluded.role,"
        " status = excluded.status, display_name = excluded.display_name,"
        " pronouns = excluded.pronouns, colour = excluded.colour,"
        " since_lamport = excluded.since_lamport",
        (
            space_id,
            m.member_pk,
            m.role,
            m.status,
            m.display_name,
            m.pronouns,
            m.colour,
            m.since_lamport,
        ),
    )
    if m.status == "active" and m.role in _MODERATING:
        conn.execute(
            "INSERT OR IGNORE INTO space_moderators (space_id, member_pk) VALUES (?,?)",
            (space_id, m.member_pk),
        )


#: Roles that may remove posts (core/spaces/authority.py).
_MODERATING = ("moderator", "admin", "owner")


def has_moderated(conn: Connection, space_id: bytes, member_pk: bytes) -> bool:
    """Whether `member_pk` has held the moderator role or above at some point of the log
    applied so far (docs/PROTOCOL.md, "Redaction")."""
    row = conn.execute(
        "SELECT 1 FROM space_moderators WHERE space_id = ? AND member_pk = ?",
        (space_id, member_pk),
    ).fetchone()
    return row is not None


def list_members(conn: Connection, space_id: bytes, status: str | None = None) -> list[MemberRow]:
    sql = f"SELECT {_MEMBER_COLS} FROM space_members WHERE space_id = ?"
    args: tuple[object, ...] = (space_id,)
    if status is not None:
        sql, args = sql + " AND status = ?", (space_id, status)
    return [MemberRow(*r) for r in conn.execute(sql + " ORDER BY since_lamport, member_pk", args)]


def put_devices(
    conn: Connection, space_id: bytes, member_pk: bytes, devices: Iterable[tuple[bytes, bytes]]
) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO space_member_devices (space_id, member_pk, device_id, box_pk)"
        " VALUES (?,?,?,?)",
        [(space_id, member_pk, d, b) for d, b in devices],
    )


def delete_devices(conn: Connection, space_id: bytes, member_pk: bytes) -> None:
    conn.execute(
        "DELETE FROM space_member_devices WHERE space_id = ? AND member_pk = ?",
        (space_id, member_pk),
    )


def member_devices(
    conn: Connection, space_id: bytes, member_pk: bytes
) -> list[tuple[bytes, bytes]]:
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT device_id, box_pk FROM space_member_devices"
            " WHERE space_id = ? AND member_pk = ? ORDER BY device_id",
            (space_id, member_pk),
        )
    ]


def active_box_keys(
    conn: Connection, space_id: bytes, min_rank_roles: Iterable[str] | None = None
) -> set[bytes]:
    sql = (
        "SELECT d.box_pk FROM space_member_devices d JOIN space_members m"
        " ON m.space_id = d.space_id AND m.member_pk = d.member_pk"
        " WHERE d.space_id = ? AND m.status = 'active'"
    )
    args: list[object] = [space_id]
    if min_rank_roles is not None:
        roles = list(min_rank_roles)
        sql += " AND m.role IN (" + ",".join("?" * len(roles)) + ")"
        args += roles
    return {r[0] for r in conn.execute(sql, args)}


def member_box_keys(conn: Connection, space_id: bytes, member_pk: bytes) -> set[bytes]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT box_pk FROM space_member_devices WHERE space_id = ? AND member_pk = ?",
            (space_id, member_pk),
        )
    }


def member_chain_ends(
    conn: Connection, space_id: bytes, member_pk: bytes
) -> list[tuple[bytes, int, bytes]]:
    """(device, highest seq, that event's id) of each device chain this vault's log holds
    for a member, longest chain first: what a removal's cut names. (Chains are stored
    gap-free, so the highest seq is the end of what this device has seen.)"""
    return [
        (bytes(r[0]), int(r[1]), bytes(r[2]))
        for r in conn.execute(
            "SELECT device, max(seq), id FROM events WHERE space_id = ? AND author = ?"
            " GROUP BY device ORDER BY max(seq) DESC, device",
            (space_id, member_pk),
        )
    ]
