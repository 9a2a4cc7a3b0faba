"""`haven fundraiser create|pledge|withdraw|list|update|received|pledges|close|remove`:
fundraisers in a group space (docs/PROTOCOL.md §5.10; `close` and `remove` are in
cause_ending.py). Amounts are read as text with Decimal and printed in
the currency's minor units, the same in every locale; peers' text is printed as plain text
with control characters made visible."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haven.cli import cause_ending, output
from haven.cli.context import Context
from haven.core.spaces.fundraisers import CauseUpdate, Fundraiser, money

SHORT = 12


def register(subparsers: Any) -> None:
    cmd = subparsers.add_parser(
        "fundraiser", help="fundraisers in a space: pledge privately, see the total"
    )
    sub = cmd.add_subparsers(dest="fundraiser_command", metavar="ACTION", required=True)

    create = sub.add_parser(
        "create",
        help="start a fundraiser (prints its id)",
        description="Haven moves no money: --give says where and how to give, in your words.",
    )
    create.add_argument("space")
    create.add_argument("--title", required=True)
    create.add_argument("--goal", required=True, metavar="AMOUNT", help="e.g. 500 or 499.50")
    create.add_argument("--currency", required=True, metavar="CODE", help="ISO 4217, e.g. EUR")
    create.add_argument("--deadline", default="", metavar="DATE", help="YYYY-MM-DD")
    create.add_argument("--for", dest="purpose", required=True, metavar="TEXT")
    create.add_argument("--give", required=True, metavar="TEXT", help="a link or instructions")
    create.set_defaults(handler=cmd_create)

    pledge = sub.add_parser(
        "pledge", help="pledge an amount (only the organisers see it; again to change it)"
    )
    pledge.add_argument("space")
    pledge.add_argument("fundraiser", metavar="ID")
    pledge.add_argument("amount", metavar="AMOUNT")
    pledge.set_defaults(handler=cmd_pledge)

    withdraw = sub.add_parser("withdraw", help="withdraw your pledge")
    withdraw.add_argument("space")
    withdraw.add_argument("fundraiser", metavar="ID")
    withdraw.set_defaults(handler=cmd_withdraw)

    lst = sub.add_parser("list", help="the space's fundraisers, totals and updates")
    lst.add_argument("space")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(handler=cmd_list)

    update = sub.add_parser("update", help="post an update (organisers)")
    update.add_argument("space")
    update.add_argument("fundraiser", metavar="ID")
    update.add_argument("text", help="the update ('-' reads standard input)")
    update.set_defaults(handler=cmd_update)

    received = sub.add_parser("received", help="mark a member's pledge received (organisers)")
    received.add_argument("space")
    received.add_argument("fundraiser", metavar="ID")
    received.add_argument("member", metavar="MEMBER", help="their name or id prefix")
    received.set_defaults(handler=cmd_received)

    pledges = sub.add_parser("pledges", help="who pledged what (organisers only)")
    pledges.add_argument("space")
    pledges.add_argument("fundraiser", metavar="ID")
    pledges.add_argument("--json", action="store_true", help="print JSON")
    pledges.set_defaults(handler=cmd_pledges)
    cause_ending.register(sub, "fundraiser")


def cmd_create(args: argparse.Namespace, ctx: Context) -> int:
    currency = money.clean_currency(args.currency)
    goal = money.parse_amount(args.goal, currency)
    spaces = ctx.open().spaces
    sid = spaces.resolve_space(args.space)
    fid = spaces.fundraisers.create(
        sid, args.title, args.purpose, args.give, goal, currency, args.deadline
    )
    print(fid.hex())
    return 0


def _resolve(ctx: Context, args: argparse.Namespace) -> tuple[Any, bytes, bytes]:
    spaces = ctx.open().spaces
    sid = spaces.resolve_space(args.space)
    return spaces, sid, spaces.fundraisers.resolve(sid, args.fundraiser)


def cmd_pledge(args: argparse.Namespace, ctx: Context) -> int:
    spaces, sid, fid = _resolve(ctx, args)
    currency = spaces.fundraisers.currency(sid, fid)
    amount = money.parse_amount(args.amount, currency)
    spaces.fundraisers.pledge(sid, fid, amount)
    print(f"pledged {money.format_amount(amount, currency)}; only the organisers see how much")
    return 0


def cmd_withdraw(args: argparse.Namespace, ctx: Context) -> int:
    spaces, sid, fid = _resolve(ctx, args)
    spaces.fundraisers.withdraw(sid, fid)
    print("pledge withdrawn")
    return 0


def cmd_update(args: argparse.Namespace, ctx: Context) -> int:
    spaces, sid, fid = _resolve(ctx, args)
    print(spaces.fundraisers.update(sid, fid, output.read_text(args.text)).hex())
    return 0


def cmd_received(args: argparse.Namespace, ctx: Context) -> int:
    spaces, sid, fid = _resolve(ctx, args)
    spaces.fundraisers.mark_received(sid, fid, spaces.resolve_member(sid, args.member))
    print("marked received")
    return 0


def cmd_pledges(args: argparse.Namespace, ctx: Context) -> int:
    spaces, sid, fid = _resolve(ctx, args)
    items = spaces.fundraisers.pledges(sid, fid)  # refuses anyone but an organiser
    currency = spaces.fundraisers.currency(sid, fid)
    if args.json:
        output.print_json(
            [
                {
                    "member": p.member_pk.hex(),
                    "name": p.member_name,
                    "amount": p.amount,
                    "amount_text": _money(p.amount, currency),
                    "received": p.received,
                    "counted": p.counted,
                }
                for p in items
            ]
        )
        return 0
    for p in items:
        flags = ("received" if p.received else "") + ("" if p.counted else " (not yet counted)")
        print(
            f"{p.member_pk.hex()[:SHORT]}  {output.clean(p.member_name)}  "
            f"{_money(p.amount, currency)}  {flags}".rstrip()
        )
    if not items:
        print("No pledges yet.", file=sys.stderr)
    return 0


def _money(amount: int | None, currency: str) -> str:
    return "unreadable" if amount is None else money.format_amount(amount, currency)


def updates_json(updates: tuple[CauseUpdate, ...]) -> list[dict[str, Any]]:
    return [
        {"author": u.author_name, "text": u.text, "created": output.local_time(u.created_ms)}
        for u in updates
    ]


def print_updates(updates: tuple[CauseUpdate, ...]) -> None:
    for u in updates:
        print(f"  update ({output.clean(u.author_name)}, {output.local_time(u.created_ms)}):")
        for line in output.clean(u.text).splitlines():
            print(f"    {line}")


def _dict(f: Fundraiser) -> dict[str, Any]:
    return {
        "id": f.fundraiser_id.hex(),
        "title": f.title,
        "for": f.purpose,
        "give": f.give,
        "currency": f.currency,
        "goal": f.goal,
        "goal_text": money.format_amount(f.goal, f.currency),
        "deadline": f.deadline or None,
        "organiser": f.creator_name,
        "you_organise": f.you_organise,
        "total": f.total,
        "total_text": money.format_amount(f.total, f.currency),
        "received": f.received,
        "supporters": f.supporters,
        "pledgers": f.pledgers,
        "not_yet_counted": f.pending,
        "percent": f.total * 100 // f.goal,
        "total_differs": f.mismatch,
        "your_pledge": f.your_pledge,
        "closed": f.closed,
        "updates": updates_json(f.updates),
    }


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    spaces = ctx.open().spaces
    items = spaces.fundraisers.listing(spaces.resolve_space(args.space))
    if args.json:
        output.print_json([_dict(f) for f in items])
        return 0
    for f in items:
        cur = f.currency
        deadline = f", until {f.deadline}" if f.deadline else ""
        print(
            f"{f.fundraiser_id.hex()[:SHORT]}  {output.clean(f.title)}: "
            f"{money.format_amount(f.total, cur)} of {money.format_amount(f.goal, cur)}"
            f" ({f.total * 100 // f.goal}%), {f.supporters} supporter"
            f"{'' if f.supporters == 1 else 's'}{deadline}{' (closed)' if f.closed else ''}"
        )
        print(f"  for: {output.clean(f.purpose)}")
        print(f"  give: {output.clean(f.give)}  (Haven moves no money)")
        if f.pending:
            print(f"  {f.pending} pledge change(s) not yet counted by an organiser")
        if f.mismatch:
            print("  warning: the published total differs from the pledges this device read")
        if f.your_pledge:
            print(f"  your pledge: {money.format_amount(f.your_pledge, cur)}")
        print_updates(f.updates)
    if not items:
        print("No fundraisers.", file=sys.stderr)
    return 0
