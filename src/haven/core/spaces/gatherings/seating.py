"""Who has a place at an event, kept incrementally on an organiser's device (schema 0024).

The rule (docs/PROTOCOL.md, "Events"): an answer can hold a place while it says "going", is
approved where the event asks for approval, and its member is an active member. Places are
given in log order: an answer takes a place when it is written if one is free (a `+1` needs
two); whenever places come free, those waiting get them, earliest first, each that fits; an
edit (capacity or approval changed) gives every place again from the start, in log order.

The cost per answer is a few index look-ups whatever the number of answers: the places taken
are a counter, and those waiting are an index in log order (`waiting`). The first waiting
answer that fits is the first of its size, so a freed place costs one look-up per place
given. A member flooding answers makes each organiser's device do constant work per
answer; only an organiser's edit walks every answer (once)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from haven.core.spaces.gatherings.details import Details
from haven.store.spaces import gatherings as db
from haven.store.spaces.gatherings import RsvpRow
from haven.store.vault import Connection

#: Whether a member is an active member of the space now.
Active = Callable[[bytes], bool]


def size(r: RsvpRow | None) -> int:
    return 1 + r.plus_one if r is not None else 0


def may_hold(d: Details, r: RsvpRow, active: Active) -> bool:
    return r.answer == "going" and (not d.approval or bool(r.approved)) and active(r.member_pk)


def _fits(d: Details, taken: int, r: RsvpRow) -> bool:
    return not d.capacity or taken + size(r) <= d.capacity


def write(
    conn: Connection,
    space_id: bytes,
    d: Details,
    old: RsvpRow | None,
    fresh: RsvpRow,
    organising: bool,
    active: Active,
) -> RsvpRow:
    """Store a member's new answer or approval (`fresh`, replacing `old`), with a place if it
    may hold one and one is free (its old place counts as free); then give the places that
    came free. Devices that do not organise keep no places. Returns the row."""
    gid = fresh.gathering_id
    held = size(old) if old is not None and old.seated else 0
    row = replace(fresh, seated=0, waiting=0, placed=old.placed if old is not None else 0)
    if not organising:
        db.put_rsvp(conn, space_id, row)
        return row
    taken = db.taken(conn, gid) - held
    if may_hold(d, row, active):
        if _fits(d, taken, row):
            row = replace(row, seated=1, placed=row.placed if held else 0)
            taken += size(row)
        else:
            row = replace(row, waiting=1)
    if not row.seated:
        row = replace(row, placed=0)
    db.put_rsvp(conn, space_id, row)
    db.set_taken(conn, gid, taken)
    fill(conn, space_id, d, gid)
    return row


def fill(conn: Connection, space_id: bytes, d: Details, gid: bytes) -> None:
    """Give free places to those waiting, in log order: while two or more are free, the
    first waiting answer takes one or two; with one free, the first single answer."""
    taken = db.taken(conn, gid)
    while True:
        free = d.capacity - taken if d.capacity else 2
        if free <= 0:
            break
        single = db.first_waiting(conn, gid, 0)
        pair = db.first_waiting(conn, gid, 1) if free >= 2 else None
        found = [r for r in (single, pair) if r is not None]
        if not found:
            break
        r = min(found, key=lambda o: (o.lamport, o.event_id))
        db.put_rsvp(conn, space_id, replace(r, seated=1, waiting=0, placed=0))
        taken += size(r)
    db.set_taken(conn, gid, taken)


def reseat(
    conn: Connection, space_id: bytes, d: Details, gid: bytes, organising: bool, active: Active
) -> None:
    """Give every place again from the start, in log order (after an edit). A device that
    no longer organises the event drops the places it kept."""
    if not organising:
        db.clear_seats(conn, gid)
        return
    placed = {r.member_pk for r in db.rsvps(conn, gid) if r.placed}
    db.clear_seats(conn, gid)
    taken = 0
    for r in db.rsvps(conn, gid):
        if not may_hold(d, r, active):
            continue
        if _fits(d, taken, r):
            taken += size(r)
            db.put_rsvp(conn, space_id, replace(r, seated=1, placed=int(r.member_pk in placed)))
        else:
            db.put_rsvp(conn, space_id, replace(r, waiting=1, placed=0))
    db.set_taken(conn, gid, taken)


def member_changed(
    conn: Connection, space_id: bytes, d: Details, r: RsvpRow, active: Active
) -> None:
    """A member was removed, left or was added again: their answer `r` loses its place (and
    the place goes to whoever waits), or waits for one again."""
    gid = r.gathering_id
    if may_hold(d, r, active):
        if not r.seated and not r.waiting:
            db.put_rsvp(conn, space_id, replace(r, waiting=1))
    elif r.seated or r.waiting:
        db.put_rsvp(conn, space_id, replace(r, seated=0, waiting=0, placed=0))
        if r.seated:
            db.set_taken(conn, gid, db.taken(conn, gid) - size(r))
    fill(conn, space_id, d, gid)
