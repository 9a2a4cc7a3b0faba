"""SQL for fundraisers' and campaigns' states (schema/0027_cause_states.sql): closed by an
organiser, erased and removed by a moderator. A projection, rebuilt from the log; a
fundraiser or campaign with no row here is open."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from haven.store.id_lists import batches
from haven.store.vault import Connection


@dataclass(frozen=True)
class CauseState:
    closed: bool = False
    erased: bool = False
    removed: bool = False

    @property
    def gone(self) -> bool:
        """Not to be shown nor acted on: erased, or removed by a moderator whose removal
        waits to erase it (docs/PROTOCOL.md §1.7, "Settled before erased")."""
        return self.erased or self.removed


OPEN = CauseState()


def _set(conn: Connection, space_id: bytes, cause_id: bytes, column: str) -> None:
    assert column in ("closed", "erased", "removed")
    conn.execute(
        f"INSERT INTO space_cause_states (cause_id, space_id, {column}) VALUES (?,?,1)"
        f" ON CONFLICT (cause_id) DO UPDATE SET {column} = 1",
        (cause_id, space_id),
    )


def set_closed(conn: Connection, space_id: bytes, cause_id: bytes) -> None:
    _set(conn, space_id, cause_id, "closed")


def set_removed(conn: Connection, space_id: bytes, cause_id: bytes) -> None:
    _set(conn, space_id, cause_id, "removed")


def state(conn: Connection, cause_id: bytes) -> CauseState:
    row = conn.execute(
        "SELECT closed, erased, removed FROM space_cause_states WHERE cause_id = ?", (cause_id,)
    ).fetchone()
    return CauseState(bool(row[0]), bool(row[1]), bool(row[2])) if row else OPEN


def states_of(conn: Connection, cause_ids: Sequence[bytes]) -> dict[bytes, CauseState]:
    """The states of the fundraisers or campaigns a listing shows, a key seek each."""
    out: dict[bytes, CauseState] = {}
    for marks, chunk in batches(cause_ids):
        for r in conn.execute(
            "SELECT cause_id, closed, erased, removed FROM space_cause_states"
            f" WHERE cause_id IN ({marks})",
            chunk,
        ):
            out[r[0]] = CauseState(bool(r[1]), bool(r[2]), bool(r[3]))
    return out


def erase(conn: Connection, space_id: bytes, cause_id: bytes) -> None:
    """Drop a fundraiser's or campaign's words from the projection (its title, what it is
    for, where to give or act, its updates) and its pledges, received marks and "I did
    this" rows, and mark it erased: what a moderator's removal leaves of it."""
    _set(conn, space_id, cause_id, "erased")
    conn.execute(
        "UPDATE space_fundraisers SET title = '', purpose = '', give = '' WHERE fundraiser_id = ?",
        (cause_id,),
    )
    conn.execute(
        "UPDATE space_campaigns SET title = '', action = '', place = '' WHERE campaign_id = ?",
        (cause_id,),
    )
    conn.execute("DELETE FROM space_cause_updates WHERE cause_id = ?", (cause_id,))
    conn.execute("DELETE FROM space_pledges WHERE fundraiser_id = ?", (cause_id,))
    conn.execute("DELETE FROM space_pledges_received WHERE fundraiser_id = ?", (cause_id,))
    conn.execute("DELETE FROM space_campaign_done WHERE campaign_id = ?", (cause_id,))
