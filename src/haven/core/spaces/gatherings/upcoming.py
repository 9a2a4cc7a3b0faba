"""The reader's upcoming events across every space ("Upcoming"): the next occurrences, soonest
first, of the events of each space this person is still a member of.

Read from the occurrence index (schema 0021, `space_gathering_times`), space by space for the
spaces this person is still a member of, in time order, a page at a time, from "now less the
longest an event may last" (31 days), so an event under way is listed too: each read is a
seek on the space's key that stops at its LIMIT (tests/integration/test_query_plans.py checks
the plan), occurrences already over are passed over, and the spaces' next ones are merged.
Times stay UTC seconds here; the CLI and the app show them in the reader's zone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from haven.core.spaces.gatherings.details import LONGEST_S
from haven.core.spaces.gatherings.model import Gathering
from haven.store.spaces import gatherings as db
from haven.store.spaces import groups as groups_db
from haven.store.spaces.gatherings import GatheringRow
from haven.store.vault import Connection

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
#: Rows read per query: a page of the index.
_PAGE = 200


@dataclass(frozen=True)
class Occurrence:
    """One time an event happens (a repeating event is listed once per occurrence)."""

    gathering: Gathering
    space_name: str  # as the space's members named it: peer text, shown as plain text
    start: int  # UTC seconds
    end: int  # UTC seconds


@dataclass(frozen=True)
class Upcoming:
    """What the Upcoming view shows, and the spaces it leaves out."""

    occurrences: list[Occurrence]
    #: spaces held here whose events are not listed (the person left or was removed): a
    #: change in one of them, other than to its members, cannot change the view
    not_member: frozenset[bytes]


ViewFn = Callable[[Connection, bytes, GatheringRow], Gathering]


def upcoming(
    conn: Connection,
    view: ViewFn,
    member_of: Callable[[Connection, bytes], bool],
    now_s: int,
    limit: int = DEFAULT_LIMIT,
) -> Upcoming:
    """The next `limit` occurrences not over at `now_s`, soonest first (then by event id);
    a cancelled event's too, marked in its Gathering, so that whoever planned on it sees.
    Each space this person is a member of is read on its own (at most `limit` occurrences
    of it), so a space they were removed from costs nothing however many events it holds."""
    limit = max(1, min(limit, MAX_LIMIT))
    times: list[tuple[int, bytes, int, bytes]] = []
    names: dict[bytes, str] = {}
    not_member: set[bytes] = set()
    for sid in groups_db.group_ids(conn):
        state = groups_db.get_state(conn, sid)
        if state is None:
            continue  # not read yet: not known to be left either
        if not member_of(conn, sid):
            not_member.add(sid)
            continue
        names[sid] = state.name
        times += _next_in(conn, sid, now_s, limit)
    times.sort()
    out: list[Occurrence] = []
    views: dict[bytes, Gathering | None] = {}
    for start, gid, end, sid in times[:limit]:
        if gid not in views:
            row = db.get(conn, gid)
            views[gid] = None if row is None else view(conn, sid, row)
        g = views[gid]
        if g is not None:
            out.append(Occurrence(g, names[sid], start, end))
    return Upcoming(out, frozenset(not_member))


def _next_in(
    conn: Connection, space_id: bytes, now_s: int, limit: int
) -> list[tuple[int, bytes, int, bytes]]:
    """A space's next `limit` occurrences not over at `now_s`, read a page at a time."""
    out: list[tuple[int, bytes, int, bytes]] = []
    # An occurrence that started more than LONGEST_S ago is over (details.check).
    key: tuple[int, bytes] = (now_s - LONGEST_S - 1, b"\xff" * 32)
    while len(out) < limit:
        page = db.times_from(conn, space_id, key, _PAGE)
        out += [(start, gid, end, space_id) for start, gid, end in page if end > now_s]
        if len(page) < _PAGE:
            break
        key = (page[-1][0], page[-1][1])
    return out[:limit]
