"""`haven event …`: community events in a group space — create, edit, cancel, answer, approve,
read the guest list (organisers), export an .ics. The place is sealed: `show` prints it only
once it has been revealed to you. Every command first lets this device reveal places whose
time has come, where it organises (docs/PROTOCOL.md §5.9)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haven.cli import event_upcoming, output
from haven.cli.context import Context
from haven.cli.event_format import (
    event_dict,
    local_when,
    next_when,
    now_for_reveal,
    reveal_due,
    shown_when,
    write_new_file,
)
from haven.core.session import Session
from haven.core.spaces.gatherings.details import KINDS, default_end, local_to_utc, zone
from haven.core.spaces.gatherings.model import Attendee
from haven.errors import InvalidInput


def register(subparsers: Any) -> None:
    event = subparsers.add_parser("event", help="community events in a group space")
    sub = event.add_subparsers(dest="event_command", metavar="ACTION", required=True)

    create = sub.add_parser(
        "create",
        help="create an event (admins); prints its id",
        description="Times are local times in --tz. The place (--location) is sealed to the "
        "organisers, then to the people who have a place, from --reveal-at on.",
    )
    create.add_argument("space", help="the space's name or id")
    _details_options(create, required=True)
    create.add_argument("--kind", choices=KINDS, default="in_person")
    create.add_argument("--capacity", type=int, default=0, help="places (0: no limit)")
    create.add_argument("--approval", action="store_true", help="organisers approve each guest")
    create.add_argument(
        "--hide-counts", action="store_true", help="members see no numbers of answers"
    )
    create.add_argument("--repeat", choices=("weekly", "monthly"), default="")
    create.add_argument("--times", type=int, default=0, help="how many times it happens")
    create.add_argument(
        "--organiser", action="append", default=[], metavar="MEMBER", help="another organiser"
    )
    create.set_defaults(handler=cmd_create)

    edit = sub.add_parser("edit", help="change an event (organisers)")
    _space_event(edit)
    _details_options(edit, required=False)
    edit.add_argument("--capacity", type=int)
    edit.set_defaults(handler=cmd_edit)

    lst = sub.add_parser("list", help="a space's events, soonest first")
    lst.add_argument("space", help="the space's name or id")
    _reading_options(lst)
    lst.set_defaults(handler=cmd_list)

    show = sub.add_parser("show", help="one event (its place only once revealed to you)")
    _space_event(show)
    _reading_options(show)
    show.set_defaults(handler=cmd_show)

    rsvp = sub.add_parser("rsvp", help="answer an event (sealed to its organisers)")
    _space_event(rsvp)
    rsvp.add_argument("answer", choices=("going", "maybe", "no"))
    rsvp.add_argument("--note", default="", help="a note to the organisers only")
    rsvp.add_argument("--plus-one", action="store_true", help="you bring someone")
    rsvp.set_defaults(handler=cmd_rsvp)

    att = sub.add_parser("attendees", help="the guest list (organisers only)")
    _space_event(att)
    att.add_argument("--json", action="store_true", help="print JSON")
    att.set_defaults(handler=cmd_attendees)

    approve = sub.add_parser("approve", help="approve a guest (organisers)")
    _space_event(approve)
    approve.add_argument("member", help="the member's name or id")
    approve.add_argument("--revoke", action="store_true", help="withdraw the approval")
    approve.set_defaults(handler=cmd_approve)

    cancel = sub.add_parser("cancel", help="cancel an event (organisers)")
    _space_event(cancel)
    cancel.set_defaults(handler=cmd_cancel)

    export = sub.add_parser(
        "export",
        help="write an event as an .ics calendar file",
        description="Writes DEST (never overwrites). The place goes in only with "
        "--with-location, and only if it was revealed to you. The file is outside the "
        "encrypted vault.",
    )
    _space_event(export)
    export.add_argument("dest", help="the new .ics file")
    export.add_argument("--with-location", action="store_true", help="include the place")
    export.set_defaults(handler=cmd_export)
    event_upcoming.register(sub)


def _space_event(p: argparse.ArgumentParser) -> None:
    p.add_argument("space", help="the space's name or id")
    p.add_argument("event", help="the event's id (at least 4 hex digits)")


def _details_options(p: argparse.ArgumentParser, *, required: bool) -> None:
    p.add_argument("--title", required=required)
    p.add_argument("--description", help="Markdown, shown as text")
    p.add_argument("--start", required=required, help="local time, e.g. 2027-03-01T18:00")
    p.add_argument("--end", help="local time (default: two hours after the start)")
    p.add_argument("--tz", required=required, help="IANA time zone, e.g. Europe/London")
    p.add_argument("--location", help="the place: address, room or call link (sealed)")
    p.add_argument("--reveal-at", help="local time from which attendees get the place")


def _reading_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--in-tz", help="show times in this IANA zone (default: this computer's)")


# ----------------------------------------------------------------- helpers


def _open(ctx: Context, args: argparse.Namespace) -> tuple[Session, bytes]:
    session = ctx.open()
    reveal_due(session)
    return session, session.spaces.resolve_space(args.space)


def _event_id(session: Session, space: bytes, args: argparse.Namespace) -> bytes:
    return session.spaces.gatherings.resolve(space, args.event)


def _times(args: argparse.Namespace, tz: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if args.start is not None:
        out["start"] = local_to_utc(args.start, tz)
    if args.end is not None:
        out["end"] = local_to_utc(args.end, tz)
    elif "start" in out:
        out["end"] = default_end(out["start"])
    if args.reveal_at is not None:
        out["reveal_at"] = local_to_utc(args.reveal_at, tz)
    return out


def _capacity(value: int | None) -> dict[str, Any]:
    if value is None:
        return {}
    if value < 0:
        raise InvalidInput("--capacity is 0 (no limit) or more")
    return {"capacity": value}


# ----------------------------------------------------------------- organisers


def cmd_create(args: argparse.Namespace, ctx: Context) -> int:
    session, space = _open(ctx, args)
    zone(args.tz)
    if args.reveal_at is not None and args.location is None:
        raise InvalidInput("--reveal-at needs --location (the place it reveals)")
    content: dict[str, Any] = {
        "kind": args.kind,
        "title": args.title,
        "description": args.description or "",
        "tz": args.tz,
        "repeat": args.repeat,
        "repeat_count": args.times,
        "approval": args.approval,
        "hide_counts": args.hide_counts,
        "organisers": [session.spaces.resolve_member(space, m) for m in args.organiser],
        **_times(args, args.tz),
        **_capacity(args.capacity),
    }
    gid = session.spaces.gatherings.create(space, content, place=args.location)
    print(gid.hex())
    return 0


def cmd_edit(args: argparse.Namespace, ctx: Context) -> int:
    session, space = _open(ctx, args)
    gid = _event_id(session, space, args)
    current = session.spaces.gatherings.show(space, gid).details
    tz = args.tz or current.tz
    changes: dict[str, Any] = {**_times(args, tz), **_capacity(args.capacity)}
    if args.tz is not None:
        changes["tz"] = tz
    if args.title is not None:
        changes["title"] = args.title
    if args.description is not None:
        changes["description"] = args.description
    session.spaces.gatherings.edit(space, gid, changes, place=args.location)
    reveal_due(session)  # a new place after the reveal time goes out now
    print("Changed.", file=sys.stderr)
    return 0


def cmd_cancel(args: argparse.Namespace, ctx: Context) -> int:
    session, space = _open(ctx, args)
    session.spaces.gatherings.cancel(space, _event_id(session, space, args))
    print("Cancelled.", file=sys.stderr)
    return 0


def cmd_approve(args: argparse.Namespace, ctx: Context) -> int:
    session, space = _open(ctx, args)
    gid = _event_id(session, space, args)
    member = session.spaces.resolve_member(space, args.member)
    session.spaces.gatherings.approve(space, gid, member, approved=not args.revoke)
    reveal_due(session)  # an approval after the reveal time: the place goes out now
    print("Approval withdrawn." if args.revoke else "Approved.", file=sys.stderr)
    return 0


def cmd_attendees(args: argparse.Namespace, ctx: Context) -> int:
    session, space = _open(ctx, args)
    guests = session.spaces.gatherings.attendees(space, _event_id(session, space, args))
    if args.json:
        output.print_json([_attendee_dict(a) for a in guests])
        return 0
    for a in guests:
        flags = [a.answer] + (["+1"] if a.plus_one else []) + (["approved"] if a.approved else [])
        flags += ["has a place" if a.has_place else "no place"]
        flags += [] if a.active else ["no longer a member"]
        note = f" — {output.clean(a.note)}" if a.note else ""
        print(f"{output.clean(a.name)} ({', '.join(flags)}){note}")
    return 0


def _attendee_dict(a: Attendee) -> dict[str, Any]:
    return {
        "member": a.member_pk.hex(),
        "name": a.name,
        "answer": a.answer,
        "note": a.note,
        "plus_one": a.plus_one,
        "approved": a.approved,
        "has_place": a.has_place,
        "member_now": a.active,
    }


# ----------------------------------------------------------------- every member


def cmd_rsvp(args: argparse.Namespace, ctx: Context) -> int:
    session, space = _open(ctx, args)
    gid = _event_id(session, space, args)
    session.spaces.gatherings.rsvp(space, gid, args.answer, args.note, args.plus_one)
    print("Answered (only the organisers see your answer).", file=sys.stderr)
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    session, space = _open(ctx, args)
    if args.in_tz:
        zone(args.in_tz)
    now = now_for_reveal() // 1000
    events = session.spaces.gatherings.list(space)
    # Soonest first by the next occurrence (a repeating event by its next date), as the
    # Events tab lists them; those over or cancelled after.
    events.sort(key=lambda g: (g.cancelled or next_when(g, now) is None, shown_when(g, now)[0]))
    if args.json:
        output.print_json([event_dict(g, args.in_tz, now) for g in events])
        return 0
    for g in events:
        state = " [cancelled]" if g.cancelled else ""
        print(
            f"{g.gathering_id.hex()[: output.SHORT_ID_CHARS]}"
            f"  {local_when(shown_when(g, now)[0], args.in_tz)}"
            f"  {output.clean(g.details.title)}{state}"
        )
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    session, space = _open(ctx, args)
    if args.in_tz:
        zone(args.in_tz)
    g = session.spaces.gatherings.show(space, _event_id(session, space, args))
    now = now_for_reveal() // 1000
    if args.json:
        output.print_json(event_dict(g, args.in_tz, now))
        return 0
    d = g.details
    print(output.clean(d.title) + (" [cancelled]" if g.cancelled else ""))
    first, last = shown_when(g, now)
    start, end = local_when(first, args.in_tz), local_when(last, args.in_tz)
    print(f"When: {start} – {end} (set in {d.tz})" if end else f"When: {start} (set in {d.tz})")
    if d.repeat:
        over = "" if next_when(g, now) else "; all are over"
        since = local_when(d.start, args.in_tz)
        print(f"Repeats: {d.repeat}, {d.repeat_count} times, from {since}{over}")
    print(f"Kind: {d.kind.replace('_', ' ')}")
    print("Organisers: " + ", ".join(output.clean(n) for _, n in g.organisers))
    if g.place is not None:
        print(f"Place: {output.clean(g.place)}")
    elif d.has_place:
        when = local_when(d.reveal_at, args.in_tz) if d.reveal_at else "once you have a place"
        print(f"Place: revealed on {when}, to people with a place")
    if g.counts is not None:
        c = g.counts
        figures = f"{c.responses} answered"
        if c.going is not None:
            figures += f"; going {c.going}, maybe {c.maybe}, no {c.no}, waiting {c.waiting}"
        print(f"Answers: {figures}" + (f" (capacity {d.capacity})" if d.capacity else ""))
    if g.my_answer is not None:
        print(f"You: {g.my_answer}" + (", approved" if g.my_approved else ""))
    if d.description:
        print()
        print(output.clean(d.description))
    return 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    session, space = _open(ctx, args)
    gid = _event_id(session, space, args)
    data = session.spaces.gatherings.export_ics(space, gid, with_place=args.with_location)
    dest = write_new_file(args.dest, data)
    print(f"Wrote {dest} — outside the encrypted vault.", file=sys.stderr)
    return 0
