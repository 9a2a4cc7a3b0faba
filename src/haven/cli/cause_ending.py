"""`haven fundraiser close|remove` and `haven campaign close|remove` (docs/PROTOCOL.md §5.10):
organisers close one (no more pledges or "I did this"); moderators remove one with a
reason, which erases its words, updates and pledges on every replica."""

from __future__ import annotations

import argparse
from typing import Any

from haven.cli.context import Context


def register(sub: Any, kind: str) -> None:
    """Add `close` and `remove` to the `kind` ("fundraiser" or "campaign") command."""
    close = sub.add_parser("close", help=f"close the {kind} (its organisers)")
    close.add_argument("space")
    close.add_argument(kind, metavar="ID")
    close.set_defaults(handler=cmd_close, cause_kind=kind)

    remove = sub.add_parser(
        "remove", help=f"remove the {kind} and erase its text everywhere (moderators)"
    )
    remove.add_argument("space")
    remove.add_argument(kind, metavar="ID")
    remove.add_argument("--reason", required=True, help="kept in the moderation log")
    remove.set_defaults(handler=cmd_remove, cause_kind=kind)


def _service(args: argparse.Namespace, ctx: Context) -> tuple[Any, bytes, bytes]:
    spaces = ctx.open().spaces
    service = spaces.fundraisers if args.cause_kind == "fundraiser" else spaces.campaigns
    sid = spaces.resolve_space(args.space)
    return service, sid, service.resolve(sid, getattr(args, args.cause_kind))


def cmd_close(args: argparse.Namespace, ctx: Context) -> int:
    service, sid, cause_id = _service(args, ctx)
    service.close(sid, cause_id)
    print(f"closed: no more {'pledges' if args.cause_kind == 'fundraiser' else 'sign-ups'}")
    return 0


def cmd_remove(args: argparse.Namespace, ctx: Context) -> int:
    service, sid, cause_id = _service(args, ctx)
    service.remove(sid, cause_id, args.reason)
    print(
        f"removed: the {args.cause_kind} is hidden; its text is erased as the others sync"
        " (a moderator's removal, not the owner's: a day after each device gets it)"
    )
    return 0
