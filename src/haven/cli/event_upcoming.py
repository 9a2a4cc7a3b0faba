"""Events across every space this person is a member of: `haven event upcoming` (the next
ones, soonest first, in the reader's zone: core/spaces/gatherings/upcoming.py) and `haven event
export-going` (their going-list as one .ics file)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haven.cli import output
from haven.cli.context import Context
from haven.cli.event_format import event_dict, local_when, reveal_due, write_new_file
from haven.core.spaces.gatherings.details import zone
from haven.core.spaces.gatherings.upcoming import MAX_LIMIT
from haven.errors import InvalidInput


def register(sub: Any) -> None:
    p = sub.add_parser("upcoming", help="your next events across every space, soonest first")
    p.add_argument("--limit", type=int, default=20, help=f"how many (1–{MAX_LIMIT})")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--in-tz", help="show times in this IANA zone (default: this computer's)")
    p.set_defaults(handler=cmd_upcoming)

    going = sub.add_parser(
        "export-going",
        help="write every event you are going to, in every space, as one .ics file",
        description="Writes DEST (never overwrites), outside the encrypted vault. Places go in "
        "only with --with-location, and only those revealed to you (approved, where the "
        "event asks for approval).",
    )
    going.add_argument("dest", help="the new .ics file")
    going.add_argument("--with-location", action="store_true", help="include the places")
    going.set_defaults(handler=cmd_export_going)


def cmd_upcoming(args: argparse.Namespace, ctx: Context) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise InvalidInput(f"--limit is from 1 to {MAX_LIMIT}")
    if args.in_tz:
        zone(args.in_tz)
    session = ctx.open()
    reveal_due(session)
    found = session.spaces.gatherings.upcoming(args.limit)
    if args.json:
        rows: list[dict[str, Any]] = []
        for o in found:
            row = event_dict(o.gathering, args.in_tz)
            row.update(
                space={"id": o.gathering.space_id.hex(), "name": o.space_name},
                occurrence_start=local_when(o.start, args.in_tz),
                occurrence_end=local_when(o.end, args.in_tz),
            )
            rows.append(row)
        output.print_json(rows)
        return 0
    for o in found:
        g = o.gathering
        state = " [cancelled]" if g.cancelled else ""
        print(
            f"{g.gathering_id.hex()[: output.SHORT_ID_CHARS]}  {local_when(o.start, args.in_tz)}"
            f"  {output.clean(o.space_name)}: {output.clean(g.details.title)}"
            f"{state}"
        )
    if not found:
        print("No upcoming events in your spaces.")
    return 0


def cmd_export_going(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    reveal_due(session)
    data, count = session.spaces.gatherings.export_going(with_place=args.with_location)
    dest = write_new_file(args.dest, data)
    events = "event" if count == 1 else "events"
    print(f"Wrote {count} {events} to {dest} — outside the encrypted vault.", file=sys.stderr)
    return 0
