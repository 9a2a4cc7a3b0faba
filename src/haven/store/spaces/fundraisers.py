"""SQL for fundraisers and campaigns in a group space (schema/0019_fundraisers.sql): the
projection of `space.fundraiser*` and `space.campaign*` events. Amounts are integers in the
currency's minor units."""

from __future__ import annotations

from dataclasses import dataclass

from haven.store.vault import Connection

#: A space's listing shows at most this many fundraisers or campaigns (the newest).
LIST_LIMIT = 200
#: Updates read per fundraiser or campaign (the newest).
UPDATES_LIMIT = 50


@dataclass(frozen=True)
class FundraiserRow:
    fundraiser_id: bytes
    space_id: bytes
    lamport: int
    creator: bytes
    title: str
    purpose: str
    give: str
    goal: int
    currency: str
    deadline: str
    created_ms: int
    tally_id: bytes | None
    tally_total: int
    tally_received: int
    tally_supporters: int
    tally_by: bytes | None
    tally_mismatch: int | None


@dataclass(frozen=True)
class PledgeRow:
    fundraiser_id: bytes
    member_pk: bytes
    event_id: bytes
    lamport: int
    amount: int | None
    counted: int
    received: bool


@dataclass(frozen=True)
class CampaignRow:
    campaign_id: bytes
    space_id: bytes
    lamport: int
    creator: bytes
    title: str
    kind: str
    action: str
    place: str
    date: str
    created_ms: int


_FUND_COLS = (
    "fundraiser_id, space_id, lamport, creator, title, purpose, give, goal, currency,"
    " deadline, created_ms, tally_id, tally_total, tally_received, tally_supporters, tally_by,"
    " tally_mismatch"
)
_CAMP_COLS = "campaign_id, space_id, lamport, creator, title, kind, action, place, date, created_ms"


# ----------------------------------------------------------------- fundraisers


def insert_fundraiser(conn: Connection, row: FundraiserRow) -> None:
    conn.execute(
        f"INSERT OR IGNORE INTO space_fundraisers ({_FUND_COLS})"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            row.fundraiser_id,
            row.space_id,
            row.lamport,
            row.creator,
            row.title,
            row.purpose,
            row.give,
            row.goal,
            row.currency,
            row.deadline,
            row.created_ms,
            row.tally_id,
            row.tally_total,
            row.tally_received,
            row.tally_supporters,
            row.tally_by,
            row.tally_mismatch,
        ),
    )


def get_fundraiser(conn: Connection, fundraiser_id: bytes) -> FundraiserRow | None:
    row = conn.execute(
        f"SELECT {_FUND_COLS} FROM space_fundraisers WHERE fundraiser_id = ?", (fundraiser_id,)
    ).fetchone()
    return FundraiserRow(*row) if row else None


def list_fundraisers(
    conn: Connection, space_id: bytes, limit: int = LIST_LIMIT
) -> list[FundraiserRow]:
    """The newest `limit`, newest first."""
    return [
        FundraiserRow(*r)
        for r in conn.execute(
            f"SELECT {_FUND_COLS} FROM space_fundraisers WHERE space_id = ?"
            " ORDER BY lamport DESC, fundraiser_id DESC LIMIT ?",
            (space_id, limit),
        )
    ]


def find_cause_ids(conn: Connection, space_id: bytes, table: str, prefix: str) -> list[bytes]:
    """Ids of the space's fundraisers or campaigns whose hex starts with `prefix`."""
    column = {"space_fundraisers": "fundraiser_id", "space_campaigns": "campaign_id"}[table]
    low = bytes.fromhex(prefix[: len(prefix) // 2 * 2])
    return [
        r[0]
        for r in conn.execute(
            f"SELECT {column} FROM {table} WHERE space_id = ? AND {column} >= ?"
            f" ORDER BY {column} LIMIT 64",
            (space_id, low),
        )
        if r[0].hex().startswith(prefix)
    ]


def set_tally(
    conn: Connection,
    fundraiser_id: bytes,
    tally_id: bytes,
    by: bytes,
    total: int,
    received: int,
    supporters: int,
    mismatch: int | None,
) -> None:
    conn.execute(
        "UPDATE space_fundraisers SET tally_id = ?, tally_by = ?, tally_total = ?,"
        " tally_received = ?, tally_supporters = ?, tally_mismatch = ? WHERE fundraiser_id = ?",
        (tally_id, by, total, received, supporters, mismatch, fundraiser_id),
    )


# ----------------------------------------------------------------- pledges


def put_pledge(
    conn: Connection,
    space_id: bytes,
    fundraiser_id: bytes,
    member_pk: bytes,
    event_id: bytes,
    lamport: int,
    amount: int | None,
) -> None:
    """The member's pledge is now this event (a newer one replaces it; not yet counted)."""
    conn.execute(
        "INSERT INTO space_pledges (fundraiser_id, member_pk, space_id, event_id, lamport,"
        " amount, counted) VALUES (?,?,?,?,?,?,0) ON CONFLICT (fundraiser_id, member_pk)"
        " DO UPDATE SET event_id = excluded.event_id, lamport = excluded.lamport,"
        " amount = excluded.amount, counted = 0",
        (fundraiser_id, member_pk, space_id, event_id, lamport, amount),
    )


def pledges(conn: Connection, fundraiser_id: bytes) -> list[PledgeRow]:
    """Every member's current pledge (a space has at most a few hundred members)."""
    return [
        PledgeRow(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]))
        for r in conn.execute(
            "SELECT p.fundraiser_id, p.member_pk, p.event_id, p.lamport, p.amount, p.counted,"
            " r.pledge_event_id IS NOT NULL FROM space_pledges p"
            " LEFT JOIN space_pledges_received r ON r.pledge_event_id = p.event_id"
            " WHERE p.fundraiser_id = ? ORDER BY p.lamport, p.member_pk",
            (fundraiser_id,),
        )
    ]


def uncounted_fundraisers(conn: Connection, space_id: bytes) -> list[bytes]:
    """Fundraisers of the space with a pledge this device read that no valid tally covers
    (few, usually none)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT fundraiser_id FROM space_pledges"
            " WHERE space_id = ? AND counted = 0 AND amount IS NOT NULL",
            (space_id,),
        )
    ]


def mark_counted(conn: Connection, fundraiser_id: bytes, covered: set[bytes]) -> None:
    """The pledges a tally covers are counted, the others not: two statements, the covered
    ones found through the event index."""
    conn.execute(
        "UPDATE space_pledges SET counted = 0 WHERE fundraiser_id = ? AND counted = 1",
        (fundraiser_id,),
    )
    conn.executemany(
        "UPDATE space_pledges SET counted = 1 WHERE event_id = ? AND fundraiser_id = ?",
        [(event_id, fundraiser_id) for event_id in covered],
    )


@dataclass(frozen=True)
class PledgeFigures:
    pledges: int  # current pledges (a withdrawal is a pledge of 0)
    uncounted: int  # of them, how many no valid tally covers
    mine: int | None  # `me`'s amount, where this device opened it


def pledge_figures(
    conn: Connection, space_id: bytes, me: bytes | None
) -> dict[bytes, PledgeFigures]:
    """Per fundraiser of the space, in one pass over its pledges (not one query each)."""
    return {
        r[0]: PledgeFigures(int(r[1]), int(r[2]), r[3])
        for r in conn.execute(
            "SELECT fundraiser_id, count(*), total(counted = 0),"
            " max(CASE WHEN member_pk = ? THEN amount END)"
            " FROM space_pledges WHERE space_id = ? GROUP BY fundraiser_id",
            (me, space_id),
        )
    }


def mark_received(
    conn: Connection, space_id: bytes, fundraiser_id: bytes, pledge_event_id: bytes
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_pledges_received (pledge_event_id, fundraiser_id,"
        " space_id) VALUES (?,?,?)",
        (pledge_event_id, fundraiser_id, space_id),
    )
    # the tally's received sum is out of date until an organiser publishes a new one
    conn.execute("UPDATE space_pledges SET counted = 0 WHERE event_id = ?", (pledge_event_id,))


# ----------------------------------------------------------------- campaigns


def insert_campaign(conn: Connection, row: CampaignRow) -> None:
    conn.execute(
        f"INSERT OR IGNORE INTO space_campaigns ({_CAMP_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            row.campaign_id,
            row.space_id,
            row.lamport,
            row.creator,
            row.title,
            row.kind,
            row.action,
            row.place,
            row.date,
            row.created_ms,
        ),
    )


def get_campaign(conn: Connection, campaign_id: bytes) -> CampaignRow | None:
    row = conn.execute(
        f"SELECT {_CAMP_COLS} FROM space_campaigns WHERE campaign_id = ?", (campaign_id,)
    ).fetchone()
    return CampaignRow(*row) if row else None


def list_campaigns(conn: Connection, space_id: bytes, limit: int = LIST_LIMIT) -> list[CampaignRow]:
    return [
        CampaignRow(*r)
        for r in conn.execute(
            f"SELECT {_CAMP_COLS} FROM space_campaigns WHERE space_id = ?"
            " ORDER BY lamport DESC, campaign_id DESC LIMIT ?",
            (space_id, limit),
        )
    ]


def add_done(
    conn: Connection, space_id: bytes, campaign_id: bytes, member_pk: bytes, event_id: bytes
) -> bool:
    """Record a member's "I did this"; False if they already had one."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO space_campaign_done (campaign_id, member_pk, space_id, event_id)"
        " VALUES (?,?,?,?)",
        (campaign_id, member_pk, space_id, event_id),
    )
    return cur.rowcount == 1


def done_in(conn: Connection, space_id: bytes, me: bytes | None) -> dict[bytes, tuple[int, bool]]:
    """Per campaign of the space: how many said "I did this", and whether `me` did."""
    return {
        r[0]: (int(r[1]), bool(r[2]))
        for r in conn.execute(
            "SELECT campaign_id, count(*), max(member_pk = ?) FROM space_campaign_done"
            " WHERE space_id = ? GROUP BY campaign_id",
            (me, space_id),
        )
    }


def has_done(conn: Connection, campaign_id: bytes, member_pk: bytes) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM space_campaign_done WHERE campaign_id = ? AND member_pk = ?",
            (campaign_id, member_pk),
        ).fetchone()
        is not None
    )


# ----------------------------------------------------------------- updates


def add_update(
    conn: Connection,
    space_id: bytes,
    cause_id: bytes,
    event_id: bytes,
    lamport: int,
    author: bytes,
    text: str,
    created_ms: int,
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_cause_updates (event_id, space_id, cause_id, lamport,"
        " author, text, created_ms) VALUES (?,?,?,?,?,?,?)",
        (event_id, space_id, cause_id, lamport, author, text, created_ms),
    )


def updates(
    conn: Connection, cause_id: bytes, limit: int = UPDATES_LIMIT
) -> list[tuple[bytes, bytes, str, int]]:
    """(event id, author, text, created_ms) of the newest `limit`, oldest of them first (one
    bounded read of the cause's index: a space-wide read would sort every update)."""
    rows = conn.execute(
        "SELECT event_id, author, text, created_ms FROM space_cause_updates"
        " WHERE cause_id = ? ORDER BY lamport DESC, event_id DESC LIMIT ?",
        (cause_id, limit),
    ).fetchall()
    return [(r[0], r[1], r[2], r[3]) for r in reversed(rows)]
