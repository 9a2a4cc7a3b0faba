"""Reading an event's projected state: its details, its organisers, who has a place. Shared
by the rules (rules/gatherings.py) and the service."""

from __future__ import annotations

from collections.abc import Iterable

from haven.core.envelope import unpackb
from haven.core.spaces import authority as au
from haven.core.spaces.gatherings.details import NO_END_S, Details, check, occurrences
from haven.store.spaces import gatherings as db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.gatherings import GatheringRow
from haven.store.vault import Connection


def organisers_of(row: GatheringRow) -> set[bytes]:
    return {row.author, *unpackb(row.organisers)}


def details_of(row: GatheringRow) -> Details:
    return check(unpackb(row.details))


def all_active(conn: Connection, space_id: bytes, members: Iterable[bytes]) -> bool:
    return all(au.is_active(membership_db.get_member(conn, space_id, m)) for m in members)


def keys_of(conn: Connection, space_id: bytes, members: Iterable[bytes]) -> set[bytes]:
    """The devices of those of `members` who are active members."""
    out: set[bytes] = set()
    for m in members:
        if au.is_active(membership_db.get_member(conn, space_id, m)):
            out |= membership_db.member_box_keys(conn, space_id, m)
    return out


def attending_keys(conn: Connection, space_id: bytes, gid: bytes) -> set[bytes]:
    """The devices of the members who have a place now (organiser devices know this)."""
    return keys_of(conn, space_id, db.seated_members(conn, gid))


def write_times(conn: Connection, space_id: bytes, gid: bytes, d: Details) -> None:
    """Index an event's occurrences for the Upcoming view (schema 0021)."""
    times = [(s, e if e is not None else s + NO_END_S) for s, e in occurrences(d)]
    db.set_times(conn, space_id, gid, times)
