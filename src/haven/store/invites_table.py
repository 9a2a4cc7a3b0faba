"""SQL for invites, the join requests they receive and this device's own outgoing requests
(schema/0005_invites.sql). Every row is LOCAL to this device, though a relay invite's row
and its answers are also written by the space's invite rules when another admin device made
or answered the invite (core/spaces/rules/invites.py).

A relay invite also has a host seed (the key pair the invite's requests are sealed to and
its offers signed with, shared with the space's admin devices): it is kept after the
32-byte secret in the same `secret` column, so no schema change was needed; likewise an
invite voided because an admin who held its keys left has `revoked = 2`."""

from __future__ import annotations

from dataclasses import dataclass

from haven.store.vault import Connection


@dataclass(frozen=True, repr=False)
class InviteRow:
    invite_id: bytes
    space_id: bytes
    secret: bytes
    max_uses: int
    uses: int
    created_ms: int
    expires_ms: int
    revoked: bool
    host_seed: bytes | None = None  # relay invites only
    #: Void: an admin device that held its keys is no longer one (rules/invites.py). Kept as
    #: `revoked = 2` in the same column, so no schema change was needed.
    void: bool = False

    def __repr__(self) -> str:  # never print the secret
        return f"InviteRow({self.invite_id.hex()[:8]})"


@dataclass(frozen=True, repr=False)
class RequestRow:
    request_id: bytes
    invite_id: bytes
    space_id: bytes
    persona_pk: bytes
    box_pk: bytes
    device_id: bytes
    display_name: str
    pronouns: str
    colour: str
    status: str
    welcome: bytes | None
    delivered: bool
    created_ms: int
    decided_ms: int | None

    def __repr__(self) -> str:
        return f"RequestRow({self.request_id.hex()[:8]}, {self.status})"


_INVITE_COLS = "invite_id, space_id, secret, max_uses, uses, created_ms, expires_ms, revoked"
_REQUEST_COLS = (
    "request_id, invite_id, space_id, persona_pk, box_pk, device_id, display_name,"
    " pronouns, colour, status, welcome, delivered, created_ms, decided_ms"
)


SECRET_BYTES = 32
#: The `revoked` column's value for a void invite (1: revoked by an admin).
VOID = 2


def _invite(row: tuple[object, ...]) -> InviteRow:
    stored = row[2]
    assert isinstance(stored, bytes)
    secret, seed = stored[:SECRET_BYTES], stored[SECRET_BYTES:] or None
    revoked, void = bool(row[7]), row[7] == VOID
    return InviteRow(row[0], row[1], secret, *row[3:7], revoked, seed, void)  # type: ignore[arg-type, call-arg]


def _request(row: tuple[object, ...]) -> RequestRow:
    values = list(row)
    values[11] = bool(values[11])
    return RequestRow(*values)  # type: ignore[arg-type]


# ----------------------------------------------------------------- invites


def insert_invite(conn: Connection, row: InviteRow) -> None:
    conn.execute(
        f"INSERT OR IGNORE INTO space_invites ({_INVITE_COLS}) VALUES (?,?,?,?,?,?,?,?)",
        (
            row.invite_id,
            row.space_id,
            row.secret + (row.host_seed or b""),
            row.max_uses,
            row.uses,
            row.created_ms,
            row.expires_ms,
            VOID if row.void else int(row.revoked),
        ),
    )


def get_invite(conn: Connection, invite_id: bytes) -> InviteRow | None:
    row = conn.execute(
        f"SELECT {_INVITE_COLS} FROM space_invites WHERE invite_id = ?", (invite_id,)
    ).fetchone()
    return _invite(row) if row else None


def list_invites(conn: Connection, space_id: bytes | None = None) -> list[InviteRow]:
    if space_id is None:
        rows = conn.execute(f"SELECT {_INVITE_COLS} FROM space_invites ORDER BY created_ms")
    else:
        rows = conn.execute(
            f"SELECT {_INVITE_COLS} FROM space_invites WHERE space_id = ? ORDER BY created_ms",
            (space_id,),
        )
    return [_invite(r) for r in rows]


def revoke_invite(conn: Connection, invite_id: bytes) -> None:
    conn.execute(
        "UPDATE space_invites SET revoked = 1 WHERE invite_id = ? AND revoked = 0", (invite_id,)
    )


def void_invite(conn: Connection, space_id: bytes, invite_id: bytes) -> None:
    """The invite stops for good: a device that held its keys is not an admin's any more."""
    conn.execute(
        "UPDATE space_invites SET revoked = ? WHERE space_id = ? AND invite_id = ?",
        (VOID, space_id, invite_id),
    )


def recount_uses(conn: Connection, invite_id: bytes) -> int:
    """Uses = the people admitted through the invite, whichever admin device approved them
    (two devices approving one person count once)."""
    conn.execute(
        "UPDATE space_invites SET uses = (SELECT count(*) FROM space_join_requests r"
        " WHERE r.invite_id = space_invites.invite_id AND r.status = 'approved')"
        " WHERE invite_id = ?",
        (invite_id,),
    )
    row = conn.execute("SELECT uses FROM space_invites WHERE invite_id = ?", (invite_id,))
    found = row.fetchone()
    return int(found[0]) if found else 0


# ----------------------------------------------------------------- who holds an invite's keys


def add_recipients(
    conn: Connection, space_id: bytes, invite_id: bytes, box_pks: list[bytes]
) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO space_invite_recipients (space_id, invite_id, box_pk)"
        " VALUES (?,?,?)",
        [(space_id, invite_id, pk) for pk in box_pks],
    )


def recipients(conn: Connection, space_id: bytes, invite_id: bytes) -> set[bytes]:
    """Every device some `space.invite` event of the space sealed this invite's keys to."""
    rows = conn.execute(
        "SELECT box_pk FROM space_invite_recipients WHERE space_id = ? AND invite_id = ?",
        (space_id, invite_id),
    )
    return {bytes(r[0]) for r in rows}


def void_invites(conn: Connection, space_id: bytes, now_ms: int) -> int:
    """How many of the space's invites on this device are void and not yet expired."""
    row = conn.execute(
        "SELECT COUNT(*) FROM space_invites WHERE space_id = ? AND revoked = ? AND expires_ms > ?",
        (space_id, VOID, now_ms),
    ).fetchone()
    return int(row[0])


def recipients_by_invite(conn: Connection, space_id: bytes) -> dict[bytes, set[bytes]]:
    """{invite id: every device its keys were sealed to} for the space's invites."""
    out: dict[bytes, set[bytes]] = {}
    for invite_id, pk in conn.execute(
        "SELECT invite_id, box_pk FROM space_invite_recipients WHERE space_id = ?", (space_id,)
    ):
        out.setdefault(bytes(invite_id), set()).add(bytes(pk))
    return out


def record_revocation(conn: Connection, space_id: bytes, invite_id: bytes) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_invite_revocations (space_id, invite_id) VALUES (?,?)",
        (space_id, invite_id),
    )


def was_revoked(conn: Connection, space_id: bytes, invite_id: bytes) -> bool:
    row = conn.execute(
        "SELECT 1 FROM space_invite_revocations WHERE space_id = ? AND invite_id = ?",
        (space_id, invite_id),
    ).fetchone()
    return row is not None


def forget_invites(conn: Connection, space_id: bytes) -> int:
    """Drop this device's copies of a space's invite keys (and the requests they hold):
    its persona is no longer an admin there. → how many invites were dropped."""
    cur = conn.execute("DELETE FROM space_invites WHERE space_id = ?", (space_id,))
    return int(cur.rowcount)


# ----------------------------------------------------------------- requests received


def insert_request(conn: Connection, row: RequestRow) -> None:
    conn.execute(
        f"INSERT INTO space_join_requests ({_REQUEST_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            row.request_id,
            row.invite_id,
            row.space_id,
            row.persona_pk,
            row.box_pk,
            row.device_id,
            row.display_name,
            row.pronouns,
            row.colour,
            row.status,
            row.welcome,
            int(row.delivered),
            row.created_ms,
            row.decided_ms,
        ),
    )


def get_request(conn: Connection, request_id: bytes) -> RequestRow | None:
    row = conn.execute(
        f"SELECT {_REQUEST_COLS} FROM space_join_requests WHERE request_id = ?", (request_id,)
    ).fetchone()
    return _request(row) if row else None


def find_request(conn: Connection, invite_id: bytes, persona_pk: bytes) -> RequestRow | None:
    row = conn.execute(
        f"SELECT {_REQUEST_COLS} FROM space_join_requests WHERE invite_id = ? AND persona_pk = ?",
        (invite_id, persona_pk),
    ).fetchone()
    return _request(row) if row else None


def list_requests(
    conn: Connection, space_id: bytes | None = None, invite_id: bytes | None = None
) -> list[RequestRow]:
    sql = f"SELECT {_REQUEST_COLS} FROM space_join_requests WHERE 1 = 1"
    args: list[bytes] = []
    if space_id is not None:
        sql += " AND space_id = ?"
        args.append(space_id)
    if invite_id is not None:
        sql += " AND invite_id = ?"
        args.append(invite_id)
    return [_request(r) for r in conn.execute(sql + " ORDER BY created_ms", args)]


def decide_request(
    conn: Connection, request_id: bytes, status: str, welcome: bytes | None, now_ms: int
) -> None:
    conn.execute(
        "UPDATE space_join_requests SET status = ?, welcome = ?, decided_ms = ?,"
        " delivered = 0 WHERE request_id = ?",
        (status, welcome, now_ms, request_id),
    )


def record_answer(
    conn: Connection,
    request_id: bytes,
    invite_id: bytes,
    space_id: bytes,
    persona_pk: bytes,
    status: str,
    now_ms: int,
) -> None:
    """An answer another admin device gave (a space event): this device has nothing to send
    for it (`delivered`). Approval wins over denial, whatever order the two arrive in; a
    request not yet seen here gets a row without its details, filled when it arrives."""
    conn.execute(
        "INSERT INTO space_join_requests (request_id, invite_id, space_id, persona_pk,"
        " box_pk, device_id, display_name, status, delivered, created_ms, decided_ms)"
        " VALUES (?,?,?,?,x'',x'','',?,1,?,?)"
        " ON CONFLICT (invite_id, persona_pk) DO UPDATE SET status = excluded.status,"
        " decided_ms = excluded.decided_ms, welcome = NULL, delivered = 1"
        " WHERE space_join_requests.status = 'pending'"
        " OR (excluded.status = 'approved' AND space_join_requests.status = 'denied')",
        (request_id, invite_id, space_id, persona_pk, status, now_ms, now_ms),
    )


def fill_request(conn: Connection, request_id: bytes, details: RequestRow) -> None:
    """The details of a request first known from another device's answer."""
    conn.execute(
        "UPDATE space_join_requests SET box_pk = ?, device_id = ?, display_name = ?,"
        " pronouns = ?, colour = ? WHERE request_id = ? AND box_pk = x''",
        (
            details.box_pk,
            details.device_id,
            details.display_name,
            details.pronouns,
            details.colour,
            request_id,
        ),
    )


def deny_pending(conn: Connection, invite_id: bytes, now_ms: int) -> None:
    """The invite was revoked or used up: nobody else gets in through it."""
    conn.execute(
        "UPDATE space_join_requests SET status = 'denied', decided_ms = ?"
        " WHERE invite_id = ? AND status = 'pending'",
        (now_ms, invite_id),
    )


def mark_delivered(conn: Connection, request_id: bytes) -> None:
    """The joiner heard the answer: the sealed welcome is no longer needed here."""
    conn.execute(
        "UPDATE space_join_requests SET delivered = 1, welcome = NULL WHERE request_id = ?",
        (request_id,),
    )


# ----------------------------------------------------------------- admission settings


def auto_admit(conn: Connection, space_id: bytes) -> bool:
    row = conn.execute(
        "SELECT auto_admit FROM space_admission WHERE space_id = ?", (space_id,)
    ).fetchone()
    return bool(row[0]) if row else False


def set_auto_admit(conn: Connection, space_id: bytes, on: bool) -> None:
    conn.execute(
        "INSERT INTO space_admission (space_id, auto_admit) VALUES (?, ?)"
        " ON CONFLICT (space_id) DO UPDATE SET auto_admit = excluded.auto_admit",
        (space_id, int(on)),
    )


# ----------------------------------------------------------------- this device's requests


def insert_outgoing(
    conn: Connection, invite_id: bytes, persona_pk: bytes, space_name: str, now_ms: int
) -> None:
    conn.execute(
        "INSERT INTO space_outgoing_joins (invite_id, persona_pk, space_name,"
        " created_ms) VALUES (?,?,?,?)",
        (invite_id, persona_pk, space_name, now_ms),
    )


def get_outgoing(conn: Connection, invite_id: bytes) -> tuple[bytes, str] | None:
    """(persona_pk, space_name) of this device's request made with that invite."""
    row = conn.execute(
        "SELECT persona_pk, space_name FROM space_outgoing_joins WHERE invite_id = ?", (invite_id,)
    ).fetchone()
    return (row[0], row[1]) if row else None


def delete_outgoing(conn: Connection, invite_id: bytes) -> None:
    conn.execute("DELETE FROM space_outgoing_joins WHERE invite_id = ?", (invite_id,))


def forget_persona(conn: Connection, persona_pk: bytes) -> None:
    """Drop a persona made for a join that will not happen (its pending device key and
    outgoing request go with it, by cascade)."""
    conn.execute("DELETE FROM personas WHERE persona_id = ?", (persona_pk,))


def waiting_welcomes(conn: Connection, space_id: bytes) -> list[tuple[bytes, bytes]]:
    """(request id, welcome) of every welcome of the space its joiner has not collected."""
    rows = conn.execute(
        "SELECT request_id, welcome FROM space_join_requests"
        " WHERE space_id = ? AND welcome IS NOT NULL",
        (space_id,),
    )
    return [(bytes(r[0]), bytes(r[1])) for r in rows]


def replace_welcome(conn: Connection, request_id: bytes, welcome: bytes) -> None:
    conn.execute(
        "UPDATE space_join_requests SET welcome = ? WHERE request_id = ?", (welcome, request_id)
    )
