"""`haven space relays SPACE [--add URL] [--remove URL]`: which relays a space syncs through.

Hooked into `haven space` by cmd_space.py. SPACE may be `journal` (the list is then shared
with this persona's linked devices) or a group space (admins change it; every member gets it
through sync). Prints the list in force, one URL a line.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haven.cli import output
from haven.cli.context import Context
from haven.core import relay_urls
from haven.core.session import Session
from haven.errors import InvalidInput, SyncError
from haven.sync.relay_sync import sync_relays


def register_space_relays(space_actions: Any) -> None:
    cmd = space_actions.add_parser(
        "relays",
        help="list or change the relays a space syncs through",
        description="Relays store only encrypted blobs. Only wss:// addresses are accepted, "
        "or ws:// to 127.0.0.1/localhost (a relay on this computer).",
    )
    cmd.add_argument("space", help="'journal', or a space id (or its start) or exact name")
    cmd.add_argument(
        "--add", action="append", default=[], metavar="URL", help="use this relay too (repeatable)"
    )
    cmd.add_argument(
        "--remove",
        action="append",
        default=[],
        metavar="URL",
        help="stop using this relay (repeatable)",
    )
    cmd.set_defaults(handler=cmd_relays)


def resolve_space(session: Session, text: str) -> bytes:
    if text.strip().lower() == "journal":
        return session.journal.space_id
    return session.spaces.resolve_space(text)


def cmd_relays(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    space_id = resolve_space(session, args.space)
    if set(args.add) & set(args.remove):
        raise InvalidInput("the same relay cannot be both added and removed")
    current = session.relays.urls(space_id)
    if args.add or args.remove:
        wanted = list(current)
        for url in args.remove:
            url = relay_urls.check_relay_url(url)
            if url not in wanted:
                raise InvalidInput(f"this space does not use {url}")
            wanted.remove(url)
        for url in args.add:
            url = relay_urls.check_relay_url(url)
            if url not in wanted:
                wanted.append(url)
        if wanted != current:
            current = session.relays.set_relays(space_id, wanted)
    if not current:
        print("no relays")
    for url in current:
        print(url)
    return 0


def space_name(session: Session, space_id: bytes) -> str:
    return "journal" if space_id == session.journal.space_id else f"space {space_id.hex()[:8]}"


def run_relay_sync(session: Session, only: str | None) -> int:
    """`haven sync` through relays: one line per relay and space, counts only. Exit 12
    (SyncError) when no relay could be reached at all."""
    if only is not None and not session.relays.spaces_using(only):
        raise InvalidInput(
            "none of your spaces uses that relay; add it first with "
            "`haven space relays SPACE --add URL`"
        )
    reports = sync_relays(session, only)
    if not reports:
        print("no relays configured (see `haven space relays`)")
        return 0
    for report in reports:
        if report.error is not None:
            print(
                f"relay {report.relay}: {_REASONS.get(report.error, report.error)}; "
                "nothing sent, events stay in the outbox for the next sync",
                file=sys.stderr,
            )
            continue
        for s in report.spaces:
            line = (
                f"relay {report.relay}: {space_name(session, s.space_id)}: sent {s.sent}, "
                f"received {s.received}, waiting {s.waiting}"
            )
            extra = [
                f"{name} {n}"
                for name, n in (
                    ("held", s.held),
                    ("duplicates", s.duplicates),
                    ("rejected", s.rejected),
                )
                if n
            ]
            if extra:
                line += " (" + ", ".join(extra) + ")"
            if s.error is not None:
                line += f"; interrupted: {_REASONS.get(s.error, s.error)}"
            print(line)
    output.warn_other_copy(sum(s.own_from_elsewhere for r in reports for s in r.spaces))
    output.note_newer_events(sum(s.unknown for r in reports for s in r.spaces))
    if not any(r.reached for r in reports):
        raise SyncError("no relay could be reached; try again later")
    return 0


_REASONS = {
    "unreachable": "could not connect",
    "timeout": "did not answer in time",
    "closed": "closed the connection",
    "over_quota": "the mailbox is full",
    "rate_limited": "asked us to slow down",
    "proxy_unreachable": "could not reach the proxy (is Tor running?)",
    "needs_proxy": "a .onion relay can only be reached through Tor "
    "(set a proxy: `haven relays proxy --tor`)",
}
