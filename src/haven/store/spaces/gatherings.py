"""SQL for a space's events (gatherings; schema/0018_gatherings.sql): the events, and the
last RSVP of each member as far as this device could open it."""

from __future__ import annotations

from dataclasses import dataclass

from haven.store.vault import Connection


@dataclass(frozen=True)
class GatheringRow:
    gathering_id: bytes
    space_id: bytes
    author: bytes
    lamport: int
    details: bytes
    organisers: bytes
    cancelled: int
    location: str | None
    location_version: bytes | None
    published_version: bytes | None
    published_to: bytes | None


@dataclass(frozen=True)
class RsvpRow:
    gathering_id: bytes
    member_pk: bytes
    lamport: int
    event_id: bytes  # with lamport: the RSVP's place in the log's total order
    answer: str | None
    note: str
    plus_one: int
    approved: int
    seated: int
    waiting: int = 0  # going, approved where asked, active, and no place yet (schema 0024)
    placed: int = 0  # the last place this device sealed went to them (schema 0024)


_G_COLS = (
    "gathering_id, space_id, author, lamport, details, organisers, cancelled, location,"
    " location_version, published_version, published_to"
)
_R_COLS = (
    "gathering_id, member_pk, lamport, event_id, answer, note, plus_one, approved, seated,"
    " waiting, placed"
)


def insert(conn: Connection, row: GatheringRow) -> None:
    conn.execute(
        f"INSERT OR IGNORE INTO space_gatherings ({_G_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            row.gathering_id,
            row.space_id,
            row.author,
            row.lamport,
            row.details,
            row.organisers,
            row.cancelled,
            row.location,
            row.location_version,
            row.published_version,
            row.published_to,
        ),
    )


def get(conn: Connection, gathering_id: bytes) -> GatheringRow | None:
    row = conn.execute(
        f"SELECT {_G_COLS} FROM space_gatherings WHERE gathering_id = ?", (gathering_id,)
    ).fetchone()
    return GatheringRow(*row) if row else None


def list_in(conn: Connection, space_id: bytes) -> list[GatheringRow]:
    return [
        GatheringRow(*r)
        for r in conn.execute(
            f"SELECT {_G_COLS} FROM space_gatherings WHERE space_id = ? ORDER BY lamport,"
            " gathering_id",
            (space_id,),
        )
    ]


def update_details(
    conn: Connection, gathering_id: bytes, details: bytes, organisers: bytes
) -> None:
    conn.execute(
        "UPDATE space_gatherings SET details = ?, organisers = ? WHERE gathering_id = ?",
        (details, organisers, gathering_id),
    )


def set_cancelled(conn: Connection, gathering_id: bytes) -> None:
    conn.execute(
        "UPDATE space_gatherings SET cancelled = 1 WHERE gathering_id = ?", (gathering_id,)
    )


def set_location(
    conn: Connection, gathering_id: bytes, location: str, version: bytes | None
) -> None:
    """The place this device opened; `version` (organiser devices) names the create or edit
    that set it, None when it came in a location event (keeps the version)."""
    conn.execute(
        "UPDATE space_gatherings SET location = ?,"
        " location_version = COALESCE(?, location_version) WHERE gathering_id = ?",
        (location, version, gathering_id),
    )


def set_published(conn: Connection, gathering_id: bytes, version: bytes, to: bytes) -> None:
    conn.execute(
        "UPDATE space_gatherings SET published_version = ?, published_to = ?"
        " WHERE gathering_id = ?",
        (version, to, gathering_id),
    )


# ----------------------------------------------------------------- RSVPs


def put_rsvp(conn: Connection, space_id: bytes, row: RsvpRow) -> None:
    conn.execute(
        f"INSERT OR REPLACE INTO space_gathering_rsvps ({_R_COLS}, space_id)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            row.gathering_id,
            row.member_pk,
            row.lamport,
            row.event_id,
            row.answer,
            row.note,
            row.plus_one,
            row.approved,
            row.seated,
            row.waiting,
            row.placed,
            space_id,
        ),
    )


def get_rsvp(conn: Connection, gathering_id: bytes, member_pk: bytes) -> RsvpRow | None:
    row = conn.execute(
        f"SELECT {_R_COLS} FROM space_gathering_rsvps WHERE gathering_id = ? AND member_pk = ?",
        (gathering_id, member_pk),
    ).fetchone()
    return RsvpRow(*row) if row else None


def rsvps(conn: Connection, gathering_id: bytes) -> list[RsvpRow]:
    """In log order (Lamport clock, then event id, as the log's total order) of each
    member's last RSVP."""
    return [
        RsvpRow(*r)
        for r in conn.execute(
            f"SELECT {_R_COLS} FROM space_gathering_rsvps WHERE gathering_id = ?"
            " ORDER BY lamport, event_id",
            (gathering_id,),
        )
    ]


# ----------------------------------------------------------------- places (schema 0024)


def taken(conn: Connection, gathering_id: bytes) -> int:
    row = conn.execute(
        "SELECT taken FROM space_gatherings WHERE gathering_id = ?", (gathering_id,)
    ).fetchone()
    return int(row[0]) if row else 0


def set_taken(conn: Connection, gathering_id: bytes, n: int) -> None:
    conn.execute("UPDATE space_gatherings SET taken = ? WHERE gathering_id = ?", (n, gathering_id))


def first_waiting(conn: Connection, gathering_id: bytes, plus_one: int) -> RsvpRow | None:
    """The earliest answer in log order waiting for a place, of one size (index order)."""
    row = conn.execute(
        f"SELECT {_R_COLS} FROM space_gathering_rsvps"
        " WHERE gathering_id = ? AND plus_one = ? AND waiting = 1"
        " ORDER BY lamport, event_id LIMIT 1",
        (gathering_id, plus_one),
    ).fetchone()
    return RsvpRow(*row) if row else None


def clear_seats(conn: Connection, gathering_id: bytes) -> None:
    conn.execute(
        "UPDATE space_gathering_rsvps SET seated = 0, waiting = 0"
        " WHERE gathering_id = ? AND (seated = 1 OR waiting = 1)",
        (gathering_id,),
    )
    set_taken(conn, gathering_id, 0)


def seated_members(conn: Connection, gathering_id: bytes) -> list[bytes]:
    return [
        bytes(r[0])
        for r in conn.execute(
            "SELECT member_pk FROM space_gathering_rsvps WHERE gathering_id = ? AND seated = 1",
            (gathering_id,),
        )
    ]


def set_placed(conn: Connection, gathering_id: bytes) -> None:
    """A location event went to everyone who has a place now."""
    conn.execute(
        "UPDATE space_gathering_rsvps SET placed = seated WHERE gathering_id = ?",
        (gathering_id,),
    )


def any_unplaced(conn: Connection, gathering_id: bytes) -> bool:
    """Whether someone who has a place was not sent the last location event."""
    row = conn.execute(
        "SELECT 1 FROM space_gathering_rsvps"
        " WHERE gathering_id = ? AND seated = 1 AND placed = 0 LIMIT 1",
        (gathering_id,),
    ).fetchone()
    return row is not None


def rsvps_of_member(conn: Connection, space_id: bytes, member_pk: bytes) -> list[RsvpRow]:
    return [
        RsvpRow(*r)
        for r in conn.execute(
            f"SELECT {_R_COLS} FROM space_gathering_rsvps WHERE space_id = ? AND member_pk = ?",
            (space_id, member_pk),
        )
    ]


def clear_location(conn: Connection, gathering_id: bytes) -> bool:
    """Forget the place this device held; whether there was one."""
    cur = conn.execute(
        "UPDATE space_gatherings SET location = NULL"
        " WHERE gathering_id = ? AND location IS NOT NULL",
        (gathering_id,),
    )
    return cur.rowcount > 0


# ----------------------------------------------------------------- times (schema 0021)


def set_times(
    conn: Connection, space_id: bytes, gathering_id: bytes, times: list[tuple[int, int]]
) -> None:
    """An event's occurrences (start, end), replacing what an earlier version said."""
    conn.execute("DELETE FROM space_gathering_times WHERE gathering_id = ?", (gathering_id,))
    conn.executemany(
        "INSERT OR IGNORE INTO space_gathering_times (gathering_id, start_s, space_id, end_s)"
        " VALUES (?,?,?,?)",
        [(gathering_id, start, space_id, end) for start, end in times],
    )


def times_from(
    conn: Connection, space_id: bytes, after: tuple[int, bytes], limit: int
) -> list[tuple[int, bytes, int]]:
    """A page of (start, gathering id, end) of a space's events, in time order, strictly
    after the key `after` (start, gathering id): read in index order."""
    return [
        (int(r[0]), bytes(r[1]), int(r[2]))
        for r in conn.execute(
            "SELECT start_s, gathering_id, end_s FROM space_gathering_times"
            " WHERE space_id = ? AND (start_s, gathering_id) > (?, ?)"
            " ORDER BY start_s, gathering_id LIMIT ?",
            (space_id, after[0], after[1], limit),
        )
    ]
