"""`haven campaign create|done|list|update|close|remove`: campaigns in a group space — an
action for the space to take and an "I did this" count of distinct members
(docs/PROTOCOL.md §5.10; `close` and `remove` are in cause_ending.py)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haven.cli import cause_ending, output
from haven.cli.cmd_fundraiser import SHORT, print_updates, updates_json
from haven.cli.context import Context
from haven.core.spaces.fundraisers.content import KINDS


def register(subparsers: Any) -> None:
    cmd = subparsers.add_parser("campaign", help="campaigns in a space: an action, and who did it")
    sub = cmd.add_subparsers(dest="campaign_command", metavar="ACTION", required=True)

    create = sub.add_parser("create", help="start a campaign (prints its id)")
    create.add_argument("space")
    create.add_argument("--title", required=True)
    create.add_argument("--kind", choices=KINDS, default="other")
    create.add_argument(
        "--action", required=True, metavar="TEXT", help="what to do: sign, send, show up"
    )
    create.add_argument("--where", default="", metavar="TEXT", help="a link or instructions")
    create.add_argument("--date", default="", metavar="DATE", help="YYYY-MM-DD")
    create.set_defaults(handler=cmd_create)

    done = sub.add_parser("done", help='say "I did this" (once)')
    done.add_argument("space")
    done.add_argument("campaign", metavar="ID")
    done.set_defaults(handler=cmd_done)

    lst = sub.add_parser("list", help="the space's campaigns, counts and updates")
    lst.add_argument("space")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(handler=cmd_list)

    update = sub.add_parser("update", help="post an update (organisers)")
    update.add_argument("space")
    update.add_argument("campaign", metavar="ID")
    update.add_argument("text", help="the update ('-' reads standard input)")
    update.set_defaults(handler=cmd_update)
    cause_ending.register(sub, "campaign")


def cmd_create(args: argparse.Namespace, ctx: Context) -> int:
    spaces = ctx.open().spaces
    sid = spaces.resolve_space(args.space)
    cid = spaces.campaigns.create(sid, args.title, args.kind, args.action, args.where, args.date)
    print(cid.hex())
    return 0


def cmd_done(args: argparse.Namespace, ctx: Context) -> int:
    spaces = ctx.open().spaces
    sid = spaces.resolve_space(args.space)
    spaces.campaigns.done(sid, spaces.campaigns.resolve(sid, args.campaign))
    print("thank you: counted once")
    return 0


def cmd_update(args: argparse.Namespace, ctx: Context) -> int:
    spaces = ctx.open().spaces
    sid = spaces.resolve_space(args.space)
    cid = spaces.campaigns.resolve(sid, args.campaign)
    print(spaces.campaigns.update(sid, cid, output.read_text(args.text)).hex())
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    spaces = ctx.open().spaces
    items = spaces.campaigns.listing(spaces.resolve_space(args.space))
    if args.json:
        output.print_json(
            [
                {
                    "id": c.campaign_id.hex(),
                    "title": c.title,
                    "kind": c.kind,
                    "action": c.action,
                    "where": c.place,
                    "date": c.date or None,
                    "organiser": c.creator_name,
                    "you_organise": c.you_organise,
                    "done": c.done_count,
                    "you_did": c.you_did,
                    "closed": c.closed,
                    "updates": updates_json(c.updates),
                }
                for c in items
            ]
        )
        return 0
    for c in items:
        date = f", on {c.date}" if c.date else ""
        mine = " (you did)" if c.you_did else ""
        mine += " (closed)" if c.closed else ""
        print(
            f"{c.campaign_id.hex()[:SHORT]}  {output.clean(c.title)} [{c.kind}{date}]:"
            f" {c.done_count} did this{mine}"
        )
        print(f"  action: {output.clean(c.action)}")
        if c.place:
            print(f"  where: {output.clean(c.place)}")
        print_updates(c.updates)
    if not items:
        print("No campaigns.", file=sys.stderr)
    return 0
