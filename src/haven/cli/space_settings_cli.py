"""`haven space settings SPACE [--attach-limit SIZE] [--disappear 1h|…|off]` and the
`--disappear` option of `space post` / `space reply`. `space settings` itself is defined by
space_invites.py (how this device admits people); these options join it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from haven.cli import output
from haven.cli.cmd_attachment import parse_size
from haven.cli.context import Context
from haven.core.attachments.spec import size_text
from haven.core.spaces import disappearing_timer as timer
from haven.core.spaces.model import FeedPost

Handler = Callable[[argparse.Namespace, Context], int]


def register_settings(space_sub: Any) -> None:
    settings = space_sub.choices["settings"]
    settings.add_argument(
        "--attach-limit",
        default=None,
        metavar="SIZE",
        help="largest attachment (e.g. 10MiB; 64KiB to 64MiB); admins only",
    )
    settings.add_argument(
        "--disappear",
        default=None,
        metavar="TIME",
        help="posts disappear this long after each device receives them (1h … 4w, or off);"
        " admins only",
    )
    settings.set_defaults(handler=_with_space_settings(settings.get_default("handler")))


def add_disappear_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--disappear",
        default=None,
        metavar="TIME",
        help="this post disappears after TIME (1h … 4w; never longer than the space's timer)",
    )


def requested(args: argparse.Namespace) -> int | None:
    return timer.parse(args.disappear) or None if args.disappear is not None else None


def _with_space_settings(first: Handler) -> Handler:
    def handler(args: argparse.Namespace, ctx: Context) -> int:
        spaces = ctx.open().spaces
        sid = spaces.resolve_space(args.space)
        if args.attach_limit is not None:
            spaces.attachments.set_limit(sid, parse_size(args.attach_limit))
        if args.disappear is not None:
            spaces.disappearing.set_timer(sid, timer.parse(args.disappear))
        code = first(args, ctx)
        print(f"attachment limit: {size_text(spaces.attachments.limit(sid))}")
        seconds = spaces.disappearing.timer(sid)
        print(f"posts disappear: {'after ' + timer.text(seconds) if seconds else 'off'}")
        return code

    return handler


def timer_line(p: FeedPost) -> str | None:
    """'[disappears …]' under a post with a timer, '[disappeared]' for one gone."""
    if p.state == "expired":
        return "[disappeared: its timer ran out]"
    if p.disappears_ms is not None and p.state == "visible":
        return f"[disappears {output.local_time(p.disappears_ms)}]"
    return None
