"""`session.spaces.gatherings`: community events in a group space (docs/PROTOCOL.md,
"Events"). The rules that apply them in log order are in `rules/gatherings.py`; what is
sealed to whom is in `boxes.py`.

The place is sealed to the organisers' devices when the event is made, and later, by an
organiser's device, to the devices of members who have a place — only once the reveal time
has passed on THAT device's clock (`publish_due`, which `haven sync`, `haven serve` and the
app run). A later change is sealed only to the people attending then: someone removed, or
who withdrew, gets no later update."""

from __future__ import annotations

import builtins
import os
from typing import Any

from haven.core.envelope import unpackb
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.gatherings import boxes
from haven.core.spaces.gatherings.details import REF_BYTES, Details, check, clean_place
from haven.core.spaces.gatherings.model import Attendee, Counts, Gathering
from haven.core.spaces.gatherings.state import (
    all_active,
    attending_keys,
    details_of,
    keys_of,
    organisers_of,
)
from haven.core.spaces.gatherings.upcoming import DEFAULT_LIMIT, Occurrence, Upcoming, upcoming
from haven.core.spaces.lookup import parse_hex_prefix, pick_one
from haven.errors import InvalidInput, NotFound
from haven.store.spaces import gatherings as db
from haven.store.spaces import groups as groups_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.gatherings import GatheringRow
from haven.store.vault import Connection


class Gatherings:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx

    # ----------------------------------------------------------------- organisers

    def create(
        self,
        space_id: bytes,
        content: dict[str, Any],
        place: str | None = None,
    ) -> bytes:
        """`content` as in Details.to_content, without `ref` and `has_place`; returns the id."""
        me = self._ctx.require(space_id, ev.GATHERING, "only admins create events")
        d = check({**content, "ref": os.urandom(REF_BYTES), "has_place": place is not None})
        body = d.to_content()
        with self._ctx.fresh(space_id) as conn:
            _check_organisers(conn, space_id, d.organisers)
            if place is not None:
                keys = keys_of(conn, space_id, {me.member_pk, *d.organisers})
                body["place"] = boxes.seal_place(keys, space_id, d.ref, clean_place(place))
        return self._ctx.append(space_id, ev.GATHERING, body).id

    def edit(
        self, space_id: bytes, gid: bytes, changes: dict[str, Any], place: str | None = None
    ) -> None:
        with self._ctx.fresh(space_id) as conn:
            row = self._organised(conn, space_id, gid)
            old = details_of(row)
            d = check({**old.to_content(), **changes, "has_place": old.has_place or bool(place)})
            if d.organisers != old.organisers:
                if not au.may(self._ctx.me(conn, space_id), ev.GATHERING):
                    raise InvalidInput("only admins name an event's organisers")
                _check_organisers(conn, space_id, d.organisers)
            body = d.to_content()
            text = clean_place(place) if place is not None else row.location
            if text is not None and (place is not None or d.organisers != old.organisers):
                keys = keys_of(conn, space_id, {row.author, *d.organisers})
                body["place"] = boxes.seal_place(keys, space_id, d.ref, text)
        self._ctx.append(space_id, ev.GATHERING_EDIT, body, target=gid)

    def cancel(self, space_id: bytes, gid: bytes) -> None:
        with self._ctx.fresh(space_id) as conn:
            self._organised(conn, space_id, gid)
        self._ctx.append(space_id, ev.GATHERING_CANCEL, {}, target=gid)

    def approve(self, space_id: bytes, gid: bytes, member: bytes, approved: bool = True) -> None:
        with self._ctx.fresh(space_id) as conn:
            row = self._organised(conn, space_id, gid)
            d = details_of(row)
            r = db.get_rsvp(conn, gid, member)
            if r is None or r.answer is None:
                raise InvalidInput("that member has not answered this event")
            if not au.is_active(membership_db.get_member(conn, space_id, member)):
                raise InvalidInput("that person is not a member of this space any more")
            keys = keys_of(conn, space_id, {*organisers_of(row), member})
        sealed = boxes.seal_approval(keys, space_id, d.ref, member, approved)
        self._ctx.append(space_id, ev.GATHERING_APPROVE, {"boxes": sealed}, target=gid)

    def attendees(self, space_id: bytes, gid: bytes) -> list[Attendee]:
        """The guest list: organisers only (nobody else's device can open it)."""
        with self._ctx.fresh(space_id) as conn:
            self._organised(conn, space_id, gid)
            out = []
            for r in db.rsvps(conn, gid):
                m = membership_db.get_member(conn, space_id, r.member_pk)
                if r.answer is None:
                    continue
                out.append(
                    Attendee(
                        r.member_pk,
                        m.display_name if m else "?",
                        r.answer,
                        r.note,
                        bool(r.plus_one),
                        bool(r.approved),
                        bool(r.seated),
                        au.is_active(m),
                    )
                )
            return out

    # ----------------------------------------------------------------- every member

    def rsvp(
        self, space_id: bytes, gid: bytes, answer: str, note: str = "", plus_one: bool = False
    ) -> None:
        if answer not in boxes.ANSWERS:
            raise InvalidInput("an answer is going, maybe or no")
        note = ev.clean_text(note, boxes.MAX_NOTE, "a note", multiline=True)
        me = self._ctx.require(space_id, ev.GATHERING_RSVP, "only members answer events")
        with self._ctx.fresh(space_id) as conn:
            row = self._row(conn, space_id, gid)
            if row.cancelled:
                raise InvalidInput("this event was cancelled")
            d = details_of(row)
            keys = keys_of(conn, space_id, {*organisers_of(row), me.member_pk})
        sealed = boxes.seal_rsvp(keys, space_id, d.ref, me.member_pk, answer, note, plus_one)
        self._ctx.append(space_id, ev.GATHERING_RSVP, {"sealed": sealed}, target=gid)

    def list(self, space_id: bytes) -> list[Gathering]:
        """Every event of the space, soonest first (cancelled ones too, marked)."""
        with self._ctx.fresh(space_id) as conn:
            self._ctx.group(conn, space_id)
            found = [self._view(conn, space_id, r) for r in db.list_in(conn, space_id)]
        return sorted(found, key=lambda g: (g.details.start, g.gathering_id))

    def upcoming(
        self, limit: int = DEFAULT_LIMIT, now_s: int | None = None
    ) -> builtins.list[Occurrence]:
        """The next occurrences of events across every space this person is a member of,
        soonest first (gatherings/upcoming.py): read from the occurrence index."""
        return self.upcoming_view(limit, now_s).occurrences

    def upcoming_view(self, limit: int = DEFAULT_LIMIT, now_s: int | None = None) -> Upcoming:
        """`upcoming`, and which spaces held here it leaves out (the app's Upcoming page
        then skips changes in them that cannot change what it shows)."""
        now = self._ctx.clock() // 1000 if now_s is None else now_s
        with self._ctx.vault.read() as conn:
            space_ids = groups_db.group_ids(conn)
        for sid in space_ids:  # a no-op for a space with nothing new (a left one, mostly)
            self._ctx.refresh(sid)
        with self._ctx.vault.read() as conn:
            return upcoming(conn, self._view, self._is_member, now, limit)

    def _is_member(self, conn: Connection, space_id: bytes) -> bool:
        return au.is_active(self._ctx.me(conn, space_id))

    def show(self, space_id: bytes, gid: bytes) -> Gathering:
        with self._ctx.fresh(space_id) as conn:
            return self._view(conn, space_id, self._row(conn, space_id, gid))

    def resolve(self, space_id: bytes, text: str) -> bytes:
        prefix = parse_hex_prefix(text, "event")
        with self._ctx.fresh(space_id) as conn:
            rows = db.list_in(conn, space_id)
        return pick_one(
            [r.gathering_id for r in rows if r.gathering_id.hex().startswith(prefix)], "event"
        )

    def export_ics(self, space_id: bytes, gid: bytes, with_place: bool = False) -> bytes:
        """One event as an .ics file. The place only on request, and only to someone who
        holds it: an organiser, or an attendee it was revealed to (and, where the event needs
        approval, who is approved now)."""
        g = self.show(space_id, gid)
        if with_place and (g.place is None or not _may_hold(g)):
            raise InvalidInput("the place of this event has not been revealed to you")
        from haven.core.spaces.gatherings.ics import to_ics  # icalendar: only to export

        return to_ics(g, g.place if with_place else None, self._ctx.clock() // 1000)

    def export_going(self, with_place: bool = False) -> tuple[bytes, int]:
        """This person's going-list as one .ics: every event of every space they are a
        member of that they answered "going" (a cancelled one marked). The place goes in only
        on request, and only where it was revealed to them (an attendee who has a place —
        approved, where the event asks for approval — or an organiser). Returns the file
        and how many events are in it."""
        with self._ctx.vault.read() as conn:
            space_ids = groups_db.group_ids(conn)
        going: list[Gathering] = []
        for sid in space_ids:
            with self._ctx.fresh(sid) as conn:
                if not self._is_member(conn, sid):
                    continue
                views = [self._view(conn, sid, r) for r in db.list_in(conn, sid)]
            going += [g for g in views if g.my_answer == "going"]
        going.sort(key=lambda g: (g.details.start, g.gathering_id))
        items = [(g, g.place if with_place and _may_hold(g) else None) for g in going]
        from haven.core.spaces.gatherings.ics import calendar  # icalendar: only to export

        return calendar(items, self._ctx.clock() // 1000), len(items)

    # ----------------------------------------------------------------- the reveal

    def publish_due(self, now_ms: int | None = None) -> int:
        """Seal each place whose reveal time has passed (this device's clock) to the devices
        attending now, where this device organises and they lack the current version.
        Returns how many place events were written."""
        now = (self._ctx.clock() if now_ms is None else now_ms) // 1000
        with self._ctx.vault.read() as conn:
            space_ids = groups_db.group_ids(conn)
        todo: list[tuple[bytes, bytes, dict[str, Any]]] = []
        for sid in space_ids:
            with self._ctx.fresh(sid) as conn:
                me = self._ctx.me(conn, sid)
                if not au.is_active(me) or me is None:
                    continue
                for row in db.list_in(conn, sid):
                    body = _due(conn, row, me.member_pk, now)
                    if body is not None:
                        todo.append((sid, row.gathering_id, body))
        for sid, gid, body in todo:
            self._ctx.append(sid, ev.GATHERING_PLACE, body, target=gid)
        return len(todo)

    # ----------------------------------------------------------------- reading

    def _row(self, conn: Connection, space_id: bytes, gid: bytes) -> GatheringRow:
        self._ctx.group(conn, space_id)
        row = db.get(conn, gid)
        if row is None or row.space_id != space_id:
            raise NotFound("no event with that id in this space")
        return row

    def _organised(self, conn: Connection, space_id: bytes, gid: bytes) -> GatheringRow:
        row = self._row(conn, space_id, gid)
        me = self._ctx.me(conn, space_id)
        if not au.is_active(me) or me is None or me.member_pk not in organisers_of(row):
            raise InvalidInput("only the event's organisers can do this")
        if row.cancelled:
            raise InvalidInput("this event was cancelled")
        return row

    def _view(self, conn: Connection, space_id: bytes, row: GatheringRow) -> Gathering:
        d = details_of(row)
        me = self._ctx.me(conn, space_id)
        mine = db.get_rsvp(conn, row.gathering_id, me.member_pk) if me else None
        organising = me is not None and me.member_pk in organisers_of(row)
        rsvps = db.rsvps(conn, row.gathering_id)
        counts: Counts | None = None
        if organising:
            opened = [r for r in rsvps if r.answer is not None]
            counts = Counts(
                len(rsvps),
                going=sum(1 + r.plus_one for r in opened if r.seated),
                maybe=sum(r.answer == "maybe" for r in opened),
                no=sum(r.answer == "no" for r in opened),
                waiting=sum(  # full, or not approved; not those no longer members
                    r.answer == "going"
                    and not r.seated
                    and au.is_active(membership_db.get_member(conn, space_id, r.member_pk))
                    for r in opened
                ),
            )
        elif not d.hide_counts:
            counts = Counts(len(rsvps))
        names = []
        for pk in sorted(organisers_of(row), key=lambda p: (p != row.author, p)):
            m = membership_db.get_member(conn, space_id, pk)
            names.append((pk, m.display_name if m else "?"))
        return Gathering(
            row.gathering_id,
            space_id,
            d,
            tuple(names),
            bool(row.cancelled),
            organising,
            row.location,
            mine.answer if mine else None,
            bool(mine and mine.plus_one),
            bool(mine and mine.approved),
            counts,
        )


def _may_hold(g: Gathering) -> bool:
    """Whether this person's copy of the place may go into their file: they organise, or
    the event needs no approval, or they were approved (a place kept from before an
    approval was withdrawn stays out)."""
    return g.i_organise or not g.details.approval or g.my_approved


def _check_organisers(conn: Connection, space_id: bytes, organisers: tuple[bytes, ...]) -> None:
    if not all_active(conn, space_id, organisers):
        raise InvalidInput("an organiser must be a member of this space")


def _due(conn: Connection, row: GatheringRow, me: bytes, now: int) -> dict[str, Any] | None:
    """The content of the place event this organiser's device owes now, if any."""
    if row.cancelled or row.location is None or row.location_version is None:
        return None
    if me not in organisers_of(row):
        return None
    d: Details = details_of(row)
    if d.reveal_at is not None and d.reveal_at > now:
        return None
    target = attending_keys(conn, row.space_id, row.gathering_id)
    published = set(unpackb(row.published_to)) if row.published_to else set()
    current = row.published_version == row.location_version and target <= published
    if not target or (current and not db.any_unplaced(conn, row.gathering_id)):
        return None
    sealed = boxes.seal_place(target, row.space_id, d.ref, row.location)
    return {"boxes": sealed, "version": row.location_version}
