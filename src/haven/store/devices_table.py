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


# ----------------------------------------------------------------- device signing keys


def put_sign_seed(conn: Connection, device_id: bytes, seed: bytes) -> None:
    conn.execute(
        "INSERT INTO device_sign_keys (device_id, sign_seed) VALUES (?,?)", (device_id, seed)
    )


def get_sign_seed(conn: Connection, device_id: bytes) -> bytes | None:
    row = conn.execute(
        "SELECT sign_seed FROM device_sign_keys WHERE device_id = ?", (device_id,)
    ).fetchone()
    return bytes(row[0]) if row else None


@dataclass(frozen=True)
class CertRow:
    device_id: bytes
    device_key: bytes | None  # None: conflicting certificates
    cert_id: bytes
    issuer: bytes
    root: bool


def add_cert(conn: Connection, row: CertRow) -> None:
    """The first certificate of a device binds its key; a later one that names another key
    makes the device count as uncertified (which of the two is genuine cannot be told)."""
    have = get_cert(conn, row.device_id)
    if have is None:
        conn.execute(
            "INSERT INTO device_certs (device_id, device_key, cert_id, issuer, root)"
            " VALUES (?,?,?,?,?)",
            (row.device_id, row.device_key, row.cert_id, row.issuer, int(row.root)),
        )
    elif have.device_key is not None and have.device_key != row.device_key:
        conn.execute(
            "UPDATE device_certs SET device_key = NULL WHERE device_id = ?", (row.device_id,)
        )


def get_cert(conn: Connection, device_id: bytes) -> CertRow | None:
    row = conn.execute(
        "SELECT device_id, device_key, cert_id, issuer, root FROM device_certs WHERE device_id = ?",
        (device_id,),
    ).fetchone()
    if row is None:
        return None
    key = bytes(row[1]) if row[1] is not None else None
    return CertRow(bytes(row[0]), key, bytes(row[2]), bytes(row[3]), bool(row[4]))


@dataclass(frozen=True)
class CertPlace:
    """Where a device's certificate is: its place in the log's order (Lamport clock, event
    id: who was certified first), and the chain and seq that hold it."""

    standing: tuple[int, bytes]
    chain: bytes
    seq: int


def cert_places(conn: Connection) -> dict[bytes, CertPlace]:
    rows = conn.execute(
        "SELECT c.device_id, e.lamport, e.id, e.device, e.seq FROM device_certs c"
        " JOIN events e ON e.id = c.cert_id"
    )
    return {
        bytes(d): CertPlace((int(lamport), bytes(i)), bytes(chain), int(seq))
        for d, lamport, i, chain, seq in rows
    }


def certified_keys(conn: Connection) -> dict[bytes, bytes | None]:
    rows = conn.execute("SELECT device_id, device_key FROM device_certs")
    return {bytes(r[0]): (bytes(r[1]) if r[1] is not None else None) for r in rows}


def add_revocation(
    conn: Connection,
    event_id: bytes,
    target: bytes,
    device: bytes,
    seq: int,
    cut: dict[bytes, int],
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO device_revocations (event_id, target, device, seq) VALUES (?,?,?,?)",
        (event_id, target, device, seq),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO device_revocation_cuts (event_id, device, seq) VALUES (?,?,?)",
        [(event_id, d, s) for d, s in cut.items()],
    )


@dataclass(frozen=True)
class RevocationRow:
    event_id: bytes
    target: bytes
    device: bytes
    seq: int
    cut: dict[bytes, int]


def revocations(conn: Connection) -> list[RevocationRow]:
    rows = conn.execute("SELECT event_id, target, device, seq FROM device_revocations").fetchall()
    cuts: dict[bytes, dict[bytes, int]] = {}
    for event_id, device, seq in conn.execute(
        "SELECT event_id, device, seq FROM device_revocation_cuts"
    ):
        cuts.setdefault(bytes(event_id), {})[bytes(device)] = int(seq)
    return [
        RevocationRow(bytes(e), bytes(t), bytes(d), int(s), cuts.get(bytes(e), {}))
        for e, t, d, s in rows
    ]


def revoked_devices(conn: Connection) -> set[bytes]:
    return {bytes(r[0]) for r in conn.execute("SELECT DISTINCT target FROM device_revocations")}


def clear_certs(conn: Connection) -> None:
    conn.execute("DELETE FROM device_certs")
    conn.execute("DELETE FROM device_revocations")


def chain_events(
    conn: Connection, space_id: bytes, author: bytes, device: bytes, after_seq: int
) -> list[tuple[bytes, int, bytes]]:
    """(id, seq, envelope) of one chain's events after `after_seq`, in order."""
    rows = conn.execute(
        "SELECT id, seq, envelope FROM events WHERE space_id=? AND author=? AND device=?"
        " AND seq>? ORDER BY seq",
        (space_id, author, device, after_seq),
    )
    return [(bytes(r[0]), int(r[1]), bytes(r[2])) for r in rows]


def chain_devices(conn: Connection, space_id: bytes, author: bytes) -> list[bytes]:
    rows = conn.execute(
        "SELECT DISTINCT device FROM events WHERE space_id=? AND author=?", (space_id, author)
    )
    return [bytes(r[0]) for r in rows]


def delete_chain_from(
    conn: Connection, space_id: bytes, author: bytes, device: bytes, seq: int
) -> int:
    """Remove a chain's events from `seq` on (they do not count)."""
    cur = conn.execute(
        "DELETE FROM events WHERE space_id=? AND author=? AND device=? AND seq>=?",
        (space_id, author, device, seq),
    )
    return int(cur.rowcount)
