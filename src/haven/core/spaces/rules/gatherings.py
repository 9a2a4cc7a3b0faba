"""The rules for a space's events (gatherings), one log event at a time, in log order
(docs/PROTOCOL.md, "Events").

- `space.gathering`: an admin creates an event; the members it names as organisers must be
  active members. Its author and the named members are its organisers.
- `.edit`, `.cancel`, `.approve`, `.place`: only an organiser who is an active member at that
  point of the log; changing the organiser list also needs an admin.
- `.rsvp`: any active member, while the event is not cancelled.

What a device keeps depends on what it can open: an organiser's device opens RSVP details and
decides seats in log order (the first to answer "going", and to be approved where approval is
asked, get the places up to the capacity; a `+1` takes a second place; a member removed or
gone holds none), kept incrementally by `gatherings/seating.py`. No count, seat or time
written by a peer is believed: every figure is computed here from the events themselves.
A member's own device erases the place when they no longer have one (`_forget_place`)."""

from __future__ import annotations

from dataclasses import replace

from haven.core import redaction
from haven.core.envelope import Event, packb
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.gatherings import boxes, seating
from haven.core.spaces.gatherings.details import Details, check
from haven.core.spaces.gatherings.state import (
    all_active,
    attending_keys,
    details_of,
    organisers_of,
    write_times,
)
from haven.core.spaces.rules import Handler
from haven.crypto.sealing import BoxKeyPair
from haven.store import identity_tables as ids
from haven.store.spaces import gatherings as db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.gatherings import GatheringRow, RsvpRow
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection


def _box(g: GroupRow) -> BoxKeyPair:
    return BoxKeyPair(g.box_secret, g.box_public)


def _i_organise(conn: Connection, g: GroupRow, row: GatheringRow) -> bool:
    space = ids.get_space(conn, g.space_id)
    return space is not None and space.persona_id in organisers_of(row)


def _target(conn: Connection, g: GroupRow, e: Event) -> GatheringRow | None:
    target = ev.target_of(e.content)
    row = db.get(conn, target) if target is not None else None
    return row if row is not None and row.space_id == g.space_id else None


def _organiser_act(
    conn: Connection, g: GroupRow, e: Event, author: MemberRow | None
) -> GatheringRow | None:
    """The event acted on, if the author may act on it as an organiser now."""
    row = _target(conn, g, e)
    if row is None or row.cancelled or not au.is_active(author):
        return None
    return row if e.author in organisers_of(row) else None


def _take_place(conn: Connection, g: GroupRow, e: Event, d: Details, gid: bytes) -> None:
    if "place" in e.content:
        place = boxes.open_place(_box(g), boxes.clean_boxes(e.content["place"]), g.space_id, d.ref)
        if place is not None:
            db.set_location(conn, gid, place, e.id)


def create(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    d = check(e.content)
    if not au.may(author, ev.GATHERING) or not all_active(conn, g.space_id, d.organisers):
        return False
    db.insert(
        conn,
        GatheringRow(
            e.id,
            g.space_id,
            e.author,
            e.lamport,
            packb(d.to_content()),
            packb(list(d.organisers)),
            0,
            None,
            None,
            None,
            None,
        ),
    )
    write_times(conn, g.space_id, e.id, d)
    _take_place(conn, g, e, d, e.id)
    return True


def edit(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    row = _organiser_act(conn, g, e, author)
    if row is None:
        return False
    old, new = details_of(row), check(e.content)
    if new.ref != old.ref:
        return False
    if new.organisers != old.organisers and not (
        au.may(author, ev.GATHERING) and all_active(conn, g.space_id, new.organisers)
    ):
        return False
    db.update_details(conn, row.gathering_id, packb(new.to_content()), packb(list(new.organisers)))
    write_times(conn, g.space_id, row.gathering_id, new)
    _take_place(conn, g, e, new, row.gathering_id)
    edited = db.get(conn, row.gathering_id)
    mine = edited is not None and _i_organise(conn, g, edited)  # only they know the answers
    seating.reseat(conn, g.space_id, new, row.gathering_id, mine, _active(conn, g.space_id))
    return True


def cancel(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    row = _organiser_act(conn, g, e, author)
    if row is None:
        return False
    db.set_cancelled(conn, row.gathering_id)
    return True


# ----------------------------------------------------------------- RSVPs and places


def _active(conn: Connection, space_id: bytes) -> seating.Active:
    return lambda pk: au.is_active(membership_db.get_member(conn, space_id, pk))


def _is_me(conn: Connection, g: GroupRow, member: bytes) -> bool:
    space = ids.get_space(conn, g.space_id)
    return space is not None and space.persona_id == member


def _forget_place(conn: Connection, g: GroupRow, row: GatheringRow, member: bytes) -> None:
    """`member` no longer has a place: if this is their device (and they do not organise),
    it erases its copy of the place, as a redaction erases (docs/THREAT_MODEL.md)."""
    if not _is_me(conn, g, member) or member in organisers_of(row):
        return
    if db.clear_location(conn, row.gathering_id):
        redaction.note_erased(conn)


def rsvp(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    row = _target(conn, g, e)
    sealed = ev.clean_sealed(e.content.get("sealed"))
    if row is None or row.cancelled or not au.may(author, ev.GATHERING_RSVP):
        return False
    d = details_of(row)
    old = db.get_rsvp(conn, row.gathering_id, e.author)
    opened = boxes.open_rsvp(_box(g), sealed, g.space_id, d.ref, e.author)
    answer, note, plus_one = opened if opened is not None else (None, "", False)
    fresh = RsvpRow(
        row.gathering_id,
        e.author,
        e.lamport,
        e.id,
        answer,
        note,
        int(plus_one),
        old.approved if old else 0,
        0,
    )
    mine = _i_organise(conn, g, row)
    seating.write(conn, g.space_id, d, old, fresh, mine, _active(conn, g.space_id))
    if answer is not None and answer != "going":
        _forget_place(conn, g, row, e.author)
    return True


def approve(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    row = _organiser_act(conn, g, e, author)
    sealed = boxes.clean_boxes(e.content.get("boxes"))
    if row is None:
        return False
    d = details_of(row)
    opened = boxes.open_approval(_box(g), sealed, g.space_id, d.ref)
    if opened is None:
        return True  # not for this device: it only learns that someone was approved
    member, approved = opened
    old = db.get_rsvp(conn, row.gathering_id, member)
    if old is None:
        return True
    fresh = replace(old, approved=int(approved))
    mine = _i_organise(conn, g, row)
    seating.write(conn, g.space_id, d, old, fresh, mine, _active(conn, g.space_id))
    if not approved and d.approval:
        _forget_place(conn, g, row, member)
    return True


def member_changed(conn: Connection, g: GroupRow, member: bytes) -> None:
    """A member was removed, left, or was added again (rules/membership.py): on organiser
    devices their places go to whoever waits, or their answers wait for one again; their
    own device, once they are no longer a member, erases every place it held."""
    active = _active(conn, g.space_id)
    for r in db.rsvps_of_member(conn, g.space_id, member):
        row = db.get(conn, r.gathering_id)
        if row is not None and _i_organise(conn, g, row):
            seating.member_changed(conn, g.space_id, details_of(row), r, active)
    if not active(member) and _is_me(conn, g, member):
        for row in db.list_in(conn, g.space_id):
            _forget_place(conn, g, row, member)


def place(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    row = _organiser_act(conn, g, e, author)
    sealed = boxes.clean_boxes(e.content.get("boxes"))
    version = e.content.get("version")
    if row is None or not (isinstance(version, bytes) and len(version) == 32):
        return False
    d = details_of(row)
    opened = boxes.open_place(_box(g), sealed, g.space_id, d.ref)
    if opened is not None and not _i_organise(conn, g, row):
        db.set_location(conn, row.gathering_id, opened, None)
    if _i_organise(conn, g, row):
        to = sorted(attending_keys(conn, g.space_id, row.gathering_id))
        db.set_published(conn, row.gathering_id, version, packb(to))
        db.set_placed(conn, row.gathering_id)
    return True


HANDLERS: dict[str, Handler] = {
    ev.GATHERING: create,
    ev.GATHERING_EDIT: edit,
    ev.GATHERING_CANCEL: cancel,
    ev.GATHERING_RSVP: rsvp,
    ev.GATHERING_APPROVE: approve,
    ev.GATHERING_PLACE: place,
}
