"""`haven space invite|invites|revoke-invite|join|requests|approve|deny|settings`: inviting
people into a space and joining one (docs/PROTOCOL.md, "Invites and joining").

Registered by cmd_space under `haven space`. Relay-route invites (the default when the space
has a relay) are in relay_invites_cli.py. For direct ones the inviter's `haven serve` answers
joiners; the vault is locked by that process while it runs, so the admin stops it to approve
and starts it again (on the same port) for the joiner to collect the answer.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haven.cli import output
from haven.cli.context import Context
from haven.cli.relay_invites_cli import invite_through_relay, join_through_relay
from haven.core.session import Session
from haven.core.spaces.invites import (
    InviteCode,
    InviteService,
    invite_id_of,
    parse_address,
    parse_duration,
)
from haven.core.spaces.invites.relay_code import RelayInviteCode, is_relay_code
from haven.core.spaces.invites.short_code import ShortCode, looks_short
from haven.errors import InvalidInput, SyncError
from haven.sync.invites import JoinOutcome, ask_status, fetch_info, first_sync, send_request

SHORT = 8


def register(sub: Any) -> None:
    invite = sub.add_parser(
        "invite",
        help="make an invite code for a space (admins)",
        description="Prints a code that lets someone ask to join. Without --address the "
        "code (hvr2.…) goes through one of the space's relays: you can be offline, and "
        "any `haven sync` of yours picks requests up. With --address it names your "
        "`haven serve` (words to read aloud, or hvi1-…), for people in the same place. "
        "An admin approves each request before any key is released.",
    )
    invite.add_argument("space")
    route = invite.add_mutually_exclusive_group()
    route.add_argument(
        "--address",
        metavar="HOST:PORT",
        help="a direct invite: where your `haven serve --port PORT` is reachable",
    )
    route.add_argument(
        "--relay",
        metavar="URL",
        help="which of the space's relays holds the invite (default: its first relay)",
    )
    invite.add_argument(
        "--short",
        action="store_true",
        help="show a short code to read aloud (like 7-purple-sausages) and wait for the "
        "person to type it; both of you must be online",
    )
    invite.add_argument(
        "--wait", default="5m", metavar="DURATION", help="how long --short waits (default 5m)"
    )
    invite.add_argument("--uses", type=int, default=1, help="how many people (default 1)")
    invite.add_argument(
        "--expires", default="24h", metavar="DURATION", help="e.g. 30m, 2h, 7d (default 24h)"
    )
    invite.add_argument("--json", action="store_true", help="print JSON")
    invite.set_defaults(handler=cmd_invite)

    invites = sub.add_parser("invites", help="a space's invites (admins)")
    invites.add_argument("space")
    invites.add_argument("--all", action="store_true", help="include expired, used, revoked")
    invites.add_argument("--json", action="store_true", help="print JSON")
    invites.set_defaults(handler=cmd_invites)

    revoke = sub.add_parser("revoke-invite", help="stop an invite code working (admins)")
    revoke.add_argument("space")
    revoke.add_argument("invite", help="the invite id (or its start)")
    revoke.set_defaults(handler=cmd_revoke)

    join = sub.add_parser(
        "join",
        help="ask to join a space with an invite code",
        description="Shows the space's description and guidelines, asks "
        "you to accept them, then sends a request an admin approves. "
        "Run again (or with --status) to collect the answer.",
    )
    join.add_argument(
        "code",
        nargs="+",
        help="the invite code: a short one (7-purple-sausages), hvr2.… (or an older hvr3.…), "
        "hvi1-… or its words",
    )
    join.add_argument(
        "--relay", metavar="URL", help="for a short code: the relay the person inviting you uses"
    )
    join.add_argument("--name", help="your name in this space (default: your usual name)")
    join.add_argument("--pronouns", default=None)
    join.add_argument(
        "--accept-guidelines",
        action="store_true",
        help="accept the space's guidelines without asking (for scripts)",
    )
    join.add_argument(
        "--status", action="store_true", help="only ask whether your request was answered"
    )
    join.set_defaults(handler=cmd_join)

    requests = sub.add_parser("requests", help="join requests waiting for approval (admins)")
    requests.add_argument("space")
    requests.add_argument("--all", action="store_true", help="include answered requests")
    requests.add_argument("--json", action="store_true", help="print JSON")
    requests.set_defaults(handler=cmd_requests)

    for name, helptext, fn in (
        ("approve", "let someone in (admins)", cmd_approve),
        ("deny", "turn a join request down (admins)", cmd_deny),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("space")
        p.add_argument("request", help="the request id (or its start)")
        p.set_defaults(handler=fn)

    settings = sub.add_parser("settings", help="how this device admits people (admins)")
    settings.add_argument("space")
    settings.add_argument(
        "--auto-admit",
        choices=("on", "off"),
        help="approve every request through a valid invite at once",
    )
    settings.set_defaults(handler=cmd_settings)


def _service(session: Session) -> InviteService:
    return session.invites


def cmd_invite(args: argparse.Namespace, ctx: Context) -> int:
    if args.address is None:
        parse_duration(args.expires)  # a bad duration fails before the passphrase is asked
        parse_duration(args.wait)
        return invite_through_relay(args, ctx.open())
    if args.short:
        raise InvalidInput("a short code goes through a relay: leave out --address")
    host, port = parse_address(args.address)
    ttl = parse_duration(args.expires)
    session = ctx.open()
    sid = session.spaces.resolve_space(args.space)
    code = _service(session).create(sid, host, port, args.uses, ttl)
    invite_id = invite_id_of(code.secret)
    if args.json:
        output.print_json(
            {
                "id": invite_id.hex(),
                "words": code.encode_words(),
                "code": code.encode_compact(),
                "expires_ms": code.expires_s * 1000,
                "uses": args.uses,
            }
        )
        return 0
    words = code.encode_words().split()
    print(
        f"invite {invite_id.hex()[:SHORT]}: {args.uses} use(s), expires "
        f"{output.local_time(code.expires_s * 1000)}"
    )
    print("words:")
    for i in range(0, len(words), 8):
        print("  " + " ".join(words[i : i + 8]))
    print(f"code: {code.encode_compact()}")
    return 0


def cmd_invites(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    sid = session.spaces.resolve_space(args.space)
    svc = _service(session)
    items = svc.invites(sid, include_inactive=args.all)
    void = [i for i in svc.invites(sid, include_inactive=True) if i.state == "void"]
    if void and not args.json:
        print(
            f"{len(void)} invite(s) stopped because an admin who held them was removed or "
            "stepped down: their codes no longer work; share new ones (`haven space invite`)",
            file=sys.stderr,
        )
    if args.json:
        output.print_json(
            [
                {
                    "id": i.invite_id.hex(),
                    "uses": i.uses,
                    "max_uses": i.max_uses,
                    "expires_ms": i.expires_ms,
                    "state": i.state,
                    "pending": i.pending,
                }
                for i in items
            ]
        )
        return 0
    for i in items:
        print(
            f"{i.invite_id.hex()[:SHORT]}  {i.state}  used {i.uses}/{i.max_uses}  "
            f"expires {output.local_time(i.expires_ms)}  {i.pending} waiting"
        )
    if not items:
        print("No active invites.", file=sys.stderr)
    return 0


def cmd_revoke(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    svc = _service(session)
    sid = session.spaces.resolve_space(args.space)
    svc.revoke(sid, svc.resolve_invite(sid, args.invite))
    print("Revoked: that code no longer works.")
    return 0


def _accepts(name: str, description: str, guidelines: str, assume_yes: bool) -> bool:
    print(f"Space: {output.clean(name)}")
    if description:
        print(output.clean(description))
    print("Community guidelines:")
    print(output.clean(guidelines) if guidelines else "(none written)")
    if assume_yes:
        return True
    print("Do you accept these guidelines? [y/N] ", end="", flush=True)
    answer = sys.stdin.readline().strip().lower()
    print()
    return answer in ("y", "yes")


def cmd_join(args: argparse.Namespace, ctx: Context) -> int:
    text = " ".join(args.code)
    if looks_short(text):
        ShortCode.parse(text)  # mistyped: before the passphrase
        return join_through_relay(args, ctx.open(), _accepts)
    if is_relay_code(text):
        RelayInviteCode.decode(text)  # mistyped: before the passphrase
        return join_through_relay(args, ctx.open(), _accepts)
    code = InviteCode.decode(text, allow_expired=args.status)
    session = ctx.open()
    svc = _service(session)
    known = svc.outgoing(code)
    if known is not None or args.status:
        outcome = ask_status(svc, code)
        return _finish(session, svc, code, outcome, known[1] if known else "", first=False)
    if code.expired():
        raise InvalidInput("the invite code has expired; ask for a new one")
    info = fetch_info(code)
    if not _accepts(info.name, info.description, info.guidelines, args.accept_guidelines):
        raise InvalidInput("you did not accept the guidelines; no request was sent")
    primary = session.identity.primary()
    request = svc.begin(
        code,
        info.name,
        args.name or primary.display_name,
        primary.pronouns if args.pronouns is None else args.pronouns,
    )
    outcome = send_request(svc, code, request)
    return _finish(session, svc, code, outcome, info.name, first=True)


def _finish(
    session: Session,
    svc: InviteService,
    code: InviteCode,
    outcome: JoinOutcome,
    space_name: str,
    *,
    first: bool,
) -> int:
    name = output.clean(space_name)
    if outcome.kind == "pending":
        print(
            "request sent; waiting for an admin"
            if first
            else f"still waiting for an admin of {name} to answer"
        )
        return 0
    if outcome.kind == "denied":
        svc.abandon(code)
        raise InvalidInput(
            f"an admin of {name} declined your request; the keys made for it were deleted"
        )
    assert outcome.welcome is not None
    space_id = svc.complete(code, outcome.welcome)
    print(f"joined {name} ({space_id.hex()[:12]})")
    try:
        report = first_sync(session, code)
    except SyncError as exc:
        output.warn(f"joined, but the first sync failed ({exc}); run `haven sync` later")
        return 0
    received = sum(s.accepted for s in report.spaces if s.space_id == space_id)
    print(f"synced: {received} new event(s)")
    return 0


def cmd_requests(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    sid = session.spaces.resolve_space(args.space)
    items = _service(session).requests(sid, include_decided=args.all)
    if args.json:
        output.print_json(
            [
                {
                    "id": r.request_id.hex(),
                    "invite": r.invite_id.hex(),
                    "persona": r.persona_pk.hex(),
                    "name": r.display_name,
                    "pronouns": r.pronouns,
                    "status": r.status,
                    "created_ms": r.created_ms,
                }
                for r in items
            ]
        )
        return 0
    for r in items:
        pronouns = f" ({output.clean(r.pronouns)})" if r.pronouns else ""
        print(
            f"{r.request_id.hex()[:SHORT]}  {output.local_time(r.created_ms)}  "
            f"{output.clean(r.display_name)}{pronouns}  {r.status}"
        )
    if not items:
        print("No requests waiting.", file=sys.stderr)
    return 0


def cmd_approve(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    svc = _service(session)
    sid = session.spaces.resolve_space(args.space)
    svc.approve(sid, svc.resolve_request(sid, args.request))
    print(
        "Approved: they are a member; their device collects the keys through the relay at "
        "your next `haven sync` (relay invites) or from your `haven serve` (direct ones)."
    )
    return 0


def cmd_deny(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    svc = _service(session)
    sid = session.spaces.resolve_space(args.space)
    svc.deny(sid, svc.resolve_request(sid, args.request))
    print("Denied.")
    return 0


def cmd_settings(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    svc = _service(session)
    sid = session.spaces.resolve_space(args.space)
    if args.auto_admit is not None:
        svc.set_auto_admit(sid, args.auto_admit == "on")
    print(f"auto-admit: {'on' if svc.auto_admit(sid) else 'off'}")
    return 0
