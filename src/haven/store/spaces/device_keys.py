"""SQL for device keys in group spaces: each member's certified device keys and the
revocations of its own devices (core/spaces/device_keys.py)."""

from __future__ import annotations

from dataclasses import dataclass

from haven.store.vault import Connection


@dataclass(frozen=True)
class CertRow:
    device_id: bytes
    device_key: bytes | None  # None: two certificates disagree
    cert_id: bytes
    root_seq: int | None  # a root certificate's place on the device's own chain


@dataclass(frozen=True)
class RevocationRow:
    event_id: bytes
    writer: bytes
    target: bytes
    cut: dict[bytes, int]


def add_cert(conn: Connection, space_id: bytes, author: bytes, row: CertRow) -> None:
    """A root certificate (on the device's own chain, which nobody else can write) binds
    the device's key for good: any other certificate of it is ignored. Otherwise the first
    certificate binds; a later one naming another key makes the device count as uncertified
    (which of the two is genuine cannot be told)."""
    have = conn.execute(
        "SELECT device_key, root_seq FROM space_device_certs"
        " WHERE space_id=? AND author=? AND device_id=?",
        (space_id, author, row.device_id),
    ).fetchone()
    if have is not None and have[1] is not None:
        return  # rooted: nothing else certifies this device
    if have is not None and row.root_seq is not None:
        conn.execute(
            "DELETE FROM space_device_certs WHERE space_id=? AND author=? AND device_id=?",
            (space_id, author, row.device_id),
        )
        have = None
    if have is None:
        conn.execute(
            "INSERT INTO space_device_certs (space_id, author, device_id, device_key, cert_id,"
            " root_seq) VALUES (?,?,?,?,?,?)",
            (
                space_id,
                author,
                row.device_id,
                row.device_key,
                row.cert_id,
                row.root_seq,
            ),
        )
    elif have[0] is not None and bytes(have[0]) != row.device_key:
        conn.execute(
            "UPDATE space_device_certs SET device_key = NULL"
            " WHERE space_id=? AND author=? AND device_id=?",
            (space_id, author, row.device_id),
        )


def certs(conn: Connection, space_id: bytes, author: bytes) -> dict[bytes, CertRow]:
    rows = conn.execute(
        "SELECT device_id, device_key, cert_id, root_seq FROM space_device_certs"
        " WHERE space_id=? AND author=?",
        (space_id, author),
    )
    return {
        bytes(r[0]): CertRow(
            bytes(r[0]),
            bytes(r[1]) if r[1] is not None else None,
            bytes(r[2]),
            int(r[3]) if r[3] is not None else None,
        )
        for r in rows
    }


def certified_keys(conn: Connection, space_id: bytes, author: bytes) -> dict[bytes, bytes | None]:
    return {d: c.device_key for d, c in certs(conn, space_id, author).items()}


def add_revocation(conn: Connection, space_id: bytes, author: bytes, row: RevocationRow) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_device_revocations (space_id, author, event_id, writer,"
        " target) VALUES (?,?,?,?,?)",
        (space_id, author, row.event_id, row.writer, row.target),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO space_device_revocation_cuts (space_id, event_id, device, seq)"
        " VALUES (?,?,?,?)",
        [(space_id, row.event_id, d, s) for d, s in row.cut.items()],
    )


def revocations(conn: Connection, space_id: bytes, author: bytes) -> list[RevocationRow]:
    """Each revocation a member wrote in a space."""
    rows = conn.execute(
        "SELECT event_id, writer, target FROM space_device_revocations"
        " WHERE space_id=? AND author=?",
        (space_id, author),
    ).fetchall()
    found = []
    for event_id, writer, target in rows:
        cut = {
            bytes(d): int(s)
            for d, s in conn.execute(
                "SELECT device, seq FROM space_device_revocation_cuts"
                " WHERE space_id=? AND event_id=?",
                (space_id, event_id),
            )
        }
        found.append(RevocationRow(bytes(event_id), bytes(writer), bytes(target), cut))
    return found


def clear(conn: Connection, space_id: bytes) -> None:
    for table in ("space_device_certs", "space_device_revocations", "space_device_revocation_cuts"):
        conn.execute(f"DELETE FROM {table} WHERE space_id = ?", (space_id,))
