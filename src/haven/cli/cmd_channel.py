"""`haven channel …`: chat channels inside a group space — list, create, rename and archive
them (admins), send a message (quoting one, mentioning members), read a channel's newest
page (which moves this device's unread marker), mute one on this device."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haven.cli import output
from haven.cli.context import Context
from haven.core.session import Session
from haven.core.spaces.channels import ChannelInfo, ChannelMessage
from haven.core.spaces.channels.service import MAX_PAGE, PAGE

SHORT = 8


def register(subparsers: Any) -> None:
    channel = subparsers.add_parser("channel", help="chat channels inside a group space")
    sub = channel.add_subparsers(dest="channel_command", metavar="ACTION", required=True)

    lst = sub.add_parser("list", help="a space's channels, with unread counts")
    lst.add_argument("space", help="the space's name or id")
    lst.add_argument("--archived", action="store_true", help="list archived channels too")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(handler=cmd_list)

    create = sub.add_parser("create", help="create a channel (admins); prints its id")
    create.add_argument("space", help="the space's name or id")
    create.add_argument("name", help="letters, digits, '-' and '_' (e.g. general)")
    create.add_argument(
        "--announce", action="store_true", help="an announcement channel: only admins post"
    )
    create.set_defaults(handler=cmd_create)

    rename = sub.add_parser("rename", help="rename a channel (admins)")
    _space_channel(rename)
    rename.add_argument("name", help="the new name")
    rename.set_defaults(handler=cmd_rename)

    archive = sub.add_parser("archive", help="archive a channel (admins): nobody posts there")
    _space_channel(archive)
    archive.add_argument("--undo", action="store_true", help="bring it back")
    archive.set_defaults(handler=cmd_archive)

    send = sub.add_parser("send", help="write a message in a channel; prints its id")
    _space_channel(send)
    send.add_argument("text", help="the message ('-' reads it from standard input)")
    send.add_argument("--quote", metavar="MESSAGE", help="the id of the message you answer")
    send.add_argument(
        "--mention",
        action="append",
        default=[],
        metavar="MEMBER",
        help="a member's name or id (also: @name in the text, if one member has it)",
    )
    send.set_defaults(handler=cmd_send)

    read = sub.add_parser("read", help="a channel's newest messages (marks them read)")
    _space_channel(read)
    read.add_argument("--limit", type=int, default=PAGE, help=f"messages (1–{MAX_PAGE})")
    read.add_argument("--before", metavar="MESSAGE", help="the page before this message")
    read.add_argument("--json", action="store_true", help="print JSON")
    read.set_defaults(handler=cmd_read)

    mute = sub.add_parser("mute", help="mute a channel on this device (no unread badge)")
    _space_channel(mute)
    mute.add_argument("--undo", action="store_true", help="unmute")
    mute.set_defaults(handler=cmd_mute)


def _space_channel(p: argparse.ArgumentParser) -> None:
    p.add_argument("space", help="the space's name or id")
    p.add_argument("channel", help="the channel's name (e.g. #general) or id")


def _open(ctx: Context, args: argparse.Namespace) -> tuple[Session, bytes, bytes]:
    session = ctx.open()
    space = session.spaces.resolve_space(args.space)
    return session, space, session.spaces.channels.resolve(space, args.channel)


def _message_id(session: Session, space: bytes, text: str) -> bytes:
    return session.spaces.resolve_post(space, text)


def _info_dict(c: ChannelInfo) -> dict[str, Any]:
    return {
        "id": c.channel_id.hex(),
        "name": c.name,
        "kind": c.kind,
        "archived": c.archived,
        "unread": c.unread,
        "mentions_me": c.mentions_me,
        "muted": c.muted,
        "may_post": c.may_post,
    }


def _message_dict(m: ChannelMessage) -> dict[str, Any]:
    p = m.post
    return {
        "id": p.post_id.hex(),
        "author": p.author.hex(),
        "author_name": p.author_name,
        "body": p.body,
        "created_ms": p.created_ms,
        "edited_ms": p.edited_ms,
        "state": p.state,
        "reactions": p.reactions,
        "disappears_ms": p.disappears_ms,
        "quote": None
        if m.quote is None
        else {"id": m.quote[0].hex(), "author_name": m.quote[1], "text": m.quote[2]},
        "mentions": [
            {
                "member": x.member_pk.hex(),
                "name": x.name,
                "fingerprint": x.fingerprint,
                "role": x.role.value if x.role else None,
            }
            for x in m.mentions
        ],
        "mentions_me": m.mentions_me,
    }


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    space = session.spaces.resolve_space(args.space)
    channels = session.spaces.channels.list_channels(space, include_archived=args.archived)
    if args.json:
        output.print_json([_info_dict(c) for c in channels])
        return 0
    for c in channels:
        marks = [
            "announcements" if c.kind == "announce" else "",
            "archived" if c.archived else "",
            "muted" if c.muted else "",
            f"{c.unread} unread" if c.unread else "",
            f"{c.mentions_me} mention you" if c.mentions_me else "",
        ]
        shown = "  ".join(m for m in marks if m)
        print(f"{c.channel_id.hex()[:SHORT]}  #{output.clean(c.name)}  {shown}")
    if not channels:
        print("No channels yet.", file=sys.stderr)
    return 0


def cmd_create(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    space = session.spaces.resolve_space(args.space)
    print(session.spaces.channels.create(space, args.name, announce=args.announce).hex())
    return 0


def cmd_rename(args: argparse.Namespace, ctx: Context) -> int:
    session, space, channel = _open(ctx, args)
    session.spaces.channels.rename(space, channel, args.name)
    print("Renamed.", file=sys.stderr)
    return 0


def cmd_archive(args: argparse.Namespace, ctx: Context) -> int:
    session, space, channel = _open(ctx, args)
    session.spaces.channels.archive(space, channel, archived=not args.undo)
    print("Brought back." if args.undo else "Archived.", file=sys.stderr)
    return 0


def cmd_send(args: argparse.Namespace, ctx: Context) -> int:
    session, space, channel = _open(ctx, args)
    text = output.read_text(args.text)
    quote = _message_id(session, space, args.quote) if args.quote else None
    mentions = [session.spaces.resolve_member(space, m) for m in args.mention]
    sent = session.spaces.channels.send(space, channel, text, quote=quote, mentions=mentions)
    print(sent.hex())
    return 0


def cmd_read(args: argparse.Namespace, ctx: Context) -> int:
    session, space, channel = _open(ctx, args)
    before = _message_id(session, space, args.before) if args.before else None
    page = session.spaces.channels.read(space, channel, before=before, limit=args.limit)
    if args.json:
        output.print_json(
            {
                "channel": _info_dict(page.channel),
                "messages": [_message_dict(m) for m in page.messages],
                "older": page.older,
            }
        )
    else:
        for m in page.messages:
            _print_message(m)
        if not page.messages:
            print("No messages yet.", file=sys.stderr)
        if page.older:
            print("Older messages: --before the first id.", file=sys.stderr)
    if before is None:
        session.spaces.channels.mark_read(space, channel)
    return 0


def _print_message(m: ChannelMessage) -> None:
    p = m.post
    flag = "  [mentions you]" if m.mentions_me else ""
    print(
        f"{p.post_id.hex()[:SHORT]}  {output.local_time(p.created_ms)}  "
        f"{output.clean(p.author_name)}{flag}"
    )
    if p.state != "visible":
        print(f"  [{p.state}]")
        return
    if m.quote is not None:
        print(f"  > {output.clean(m.quote[1])}: {' '.join(output.clean(m.quote[2]).split())}")
    for line in output.clean(p.body).splitlines():
        print(f"  {line}")
    for x in m.mentions:
        role = f", {x.role.value}" if x.role else ", not a member"
        print(f"  @ {output.clean(x.name)} ({x.fingerprint}{role})")


def cmd_mute(args: argparse.Namespace, ctx: Context) -> int:
    session, space, channel = _open(ctx, args)
    session.spaces.channels.set_muted(space, channel, not args.undo)
    print("Unmuted." if args.undo else "Muted on this device.", file=sys.stderr)
    return 0
