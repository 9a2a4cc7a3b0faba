"""`haven dm …`: direct conversations with another member of a space you share (core/
spaces/dm/). A conversation is opened from a space (`open SPACE MEMBER`); after that DM
is its id (or its start) or the other person's exact name."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haven.cli import output
from haven.cli.cmd_attachment import add_attach_options
from haven.cli.cmd_attachment import prepare as prepare_files
from haven.cli.cmd_space import post_dict, print_post
from haven.cli.context import Context
from haven.cli.space_settings_cli import add_disappear_option, requested
from haven.core.spaces import SpaceService
from haven.core.spaces.dm.service import DmSummary

SHORT = 12
DM_HELP = "conversation id (or its start) or the other person's name"
_STATES = {
    "open": "",
    "blocked": "  [blocked: no more messages]",
    "waiting": "  [waiting for its history: sync]",
}


def register(subparsers: Any) -> None:
    dm = subparsers.add_parser(
        "dm",
        help="direct messages with a member of a space you share",
        description="A direct conversation is a space of two, under the names you both "
        "use in the space you share; its admins see nothing of it.",
    )
    sub = dm.add_subparsers(dest="dm_command", metavar="ACTION", required=True)

    lst = sub.add_parser("list", help="your direct conversations, with unread counts")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(handler=cmd_list)

    op = sub.add_parser(
        "open",
        help="open a conversation with a member of a space (prints its id)",
        description="Opens (or finds) a direct conversation with MEMBER of SPACE. The "
        "other person's devices learn of it the next time they sync that space.",
    )
    op.add_argument("space", help="space id (or its start) or exact name")
    op.add_argument("member", help="the member's exact name or id (or its start)")
    op.set_defaults(handler=cmd_open)

    send = sub.add_parser("send", help="send a message")
    send.add_argument("dm", help=DM_HELP)
    send.add_argument("text", help="the text; '-' reads standard input")
    add_attach_options(send)
    add_disappear_option(send)
    send.set_defaults(handler=cmd_send)

    read = sub.add_parser("read", help="read a conversation, oldest message first")
    read.add_argument("dm", help=DM_HELP)
    read.add_argument("--json", action="store_true", help="print JSON")
    read.add_argument(
        "--open-cw", action="store_true", help="show the text of messages behind a warning"
    )
    read.set_defaults(handler=cmd_read)

    block = sub.add_parser(
        "block",
        help="block the other person: the conversation is closed for both of you",
        description="Nobody can write in the conversation any more, on every device that "
        "has it. It cannot be undone; they cannot open a new one with you from that space.",
    )
    block.add_argument("dm", help=DM_HELP)
    block.set_defaults(handler=cmd_block)


def _spaces(ctx: Context) -> SpaceService:
    return ctx.open().spaces


def _dict(d: DmSummary) -> dict[str, Any]:
    return {
        "id": d.dm_id.hex(),
        "space": d.parent_id.hex(),
        "space_name": d.parent_name,
        "with": d.partner_pk.hex(),
        "with_name": d.partner_name,
        "unread": d.unread,
        "state": d.state,
        "in_space": d.partner_in_space,
    }


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    items = _spaces(ctx).dms.list_dms()
    if args.json:
        output.print_json([_dict(d) for d in items])
        return 0
    for d in items:
        gone = "" if d.partner_in_space else "  [no longer in the space]"
        print(
            f"{d.dm_id.hex()[:SHORT]}  {output.clean(d.partner_name)}"
            f"  (from {output.clean(d.parent_name)}, {d.unread} unread){_STATES[d.state]}{gone}"
        )
    if not items:
        print("No direct conversations.", file=sys.stderr)
    return 0


def cmd_open(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    sid = spaces.resolve_space(args.space)
    print(spaces.dms.open(sid, spaces.resolve_member(sid, args.member)).hex())
    return 0


def cmd_send(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    dm = spaces.dms.resolve(args.dm)
    text = output.read_text(args.text)
    files = prepare_files(spaces, dm, args)
    print(spaces.dms.send(dm, text, files, requested(args)).hex())
    return 0


def cmd_read(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    dm = spaces.dms.resolve(args.dm)
    messages = spaces.dms.read(dm)
    if args.json:
        output.print_json([post_dict(p) for p in messages])
    else:
        state = spaces.dms.summary(dm).state
        for p in messages:
            print_post(p, args.open_cw)
        if not messages:
            print("No messages yet.", file=sys.stderr)
        if _STATES[state]:
            print(_STATES[state].strip(), file=sys.stderr)
    if spaces.dms.summary(dm).state != "waiting":
        spaces.mark_read(dm)
    return 0


def cmd_block(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    spaces.dms.block(spaces.dms.resolve(args.dm))
    print("Blocked: nobody can write in this conversation any more.", file=sys.stderr)
    return 0
