"""`haven event upcoming`: the next events across every space this person is a member of,
soonest first, in the reader's zone (core/spaces/gatherings/upcoming.py)."""

from __future__ import annotations

import argparse
from typing import Any

from haven.cli import output
from haven.cli.context import Context
from haven.cli.event_format import event_dict, local_when, reveal_due
from haven.core.spaces.gatherings.details import zone
from haven.core.spaces.gatherings.upcoming import MAX_LIMIT
from haven.errors import InvalidInput


def register(sub: Any) -> None:
    p = sub.add_parser("upcoming", help="your next events across every space, soonest first")
    p.add_argument("--limit", type=int, default=20, help=f"how many (1–{MAX_LIMIT})")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--in-tz", help="show times in this IANA zone (default: this computer's)")
    p.set_defaults(handler=cmd_upcoming)


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
