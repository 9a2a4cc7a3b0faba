"""`haven space …`: group spaces from the command line (inviting and joining are in
space_invites.py)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haven.cli import output, relays_cli
from haven.cli.cmd_attachment import add_attach_options
from haven.cli.cmd_attachment import as_dict as attachment_dict
from haven.cli.cmd_attachment import describe as describe_attachment
from haven.cli.cmd_attachment import prepare as prepare_files
from haven.cli.context import Context
from haven.cli.space_invites import register as register_invites
from haven.cli.space_settings_cli import (
    add_disappear_option,
    register_settings,
    requested,
    timer_line,
)
from haven.core.spaces import REACTIONS, FeedPost, SpaceService
from haven.core.spaces.model import REACTION_LABELS
from haven.core.spaces.name_marks import mark_members
from haven.core.spaces.posts import MAX_THREAD_PAGE, THREAD_PAGE
from haven.errors import InvalidInput

SHORT = 12
#: `space read` shows the newest threads, like the feed does when it opens: its cost
#: follows the page, not the size of the space (--all reads everything).
READ_THREADS = 50


def register(subparsers: Any) -> None:
    space = subparsers.add_parser("space", help="group spaces: create, post, read, moderate")
    sub = space.add_subparsers(dest="space_command", metavar="ACTION", required=True)

    create = sub.add_parser(
        "create",
        help="create a space (with a new persona of its own)",
        description="Creates a space owned by a new persona used only "
        "there, so your spaces cannot be linked. Prints the space id.",
    )
    create.add_argument("name")
    create.add_argument(
        "--topic",
        action="append",
        default=[],
        metavar="T",
        help="a topic (repeatable), e.g. 'coming out', music, or free text",
    )
    create.add_argument("--description", default="", metavar="D")
    create.add_argument(
        "--guidelines",
        default="",
        metavar="G",
        help="community guidelines ('-' reads them from standard input)",
    )
    create.add_argument(
        "--as",
        dest="display_name",
        metavar="NAME",
        help="your name in this space (default: your usual display name)",
    )
    create.add_argument("--pronouns", default=None)
    create.set_defaults(handler=cmd_create)

    lst = sub.add_parser("list", help="your spaces, with unread counts")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(handler=cmd_list)

    post = sub.add_parser("post", help="start a thread")
    post.add_argument("space", help="space id (or its start) or exact name")
    post.add_argument("body", help="the text (Markdown); '-' reads standard input")
    post.add_argument("--title", default="")
    post.add_argument(
        "--cw",
        default="",
        metavar="TEXT",
        help="a content warning; the post stays collapsed until opened",
    )
    add_attach_options(post)
    add_disappear_option(post)
    post.set_defaults(handler=cmd_post)

    reply = sub.add_parser("reply", help="reply in a thread")
    reply.add_argument("space")
    reply.add_argument("post", help="the post id (or its start)")
    reply.add_argument("body", help="the text; '-' reads standard input")
    reply.add_argument("--cw", default="", metavar="TEXT")
    add_attach_options(reply)
    add_disappear_option(reply)
    reply.set_defaults(handler=cmd_reply)

    react = sub.add_parser("react", help="a supportive reaction: " + ", ".join(REACTIONS))
    react.add_argument("space")
    react.add_argument("post")
    react.add_argument("reaction", help=", ".join(REACTIONS))
    react.add_argument("--undo", action="store_true", help="take the reaction back")
    react.set_defaults(handler=cmd_react)

    read = sub.add_parser("read", help="read the threads of a space")
    read.add_argument("space")
    read.add_argument("--json", action="store_true", help="print JSON")
    read.add_argument(
        "--open-cw", action="store_true", help="show the text of posts behind a content warning"
    )
    read.add_argument(
        "--threads",
        type=int,
        default=READ_THREADS,
        metavar="N",
        help=f"the newest N threads, plus pinned ones (default {READ_THREADS})",
    )
    read.add_argument(
        "--all", action="store_true", help="every thread of the space, with every reply"
    )
    read.set_defaults(handler=cmd_read)

    thread = sub.add_parser(
        "thread",
        help="read one thread, a page of replies at a time",
        description="Shows a thread's first post and its newest replies; --before and "
        "--after page to older and newer replies from a reply's id.",
    )
    thread.add_argument("space")
    thread.add_argument("post", help="the thread's first post id (or its start)")
    page = thread.add_mutually_exclusive_group()
    page.add_argument("--before", metavar="REPLY", help="the replies older than this one")
    page.add_argument("--after", metavar="REPLY", help="the replies newer than this one")
    thread.add_argument(
        "--replies",
        type=int,
        default=THREAD_PAGE,
        metavar="N",
        help=f"replies per page (1 to {MAX_THREAD_PAGE}, default {THREAD_PAGE})",
    )
    thread.add_argument("--json", action="store_true", help="print JSON")
    thread.add_argument(
        "--open-cw", action="store_true", help="show the text of posts behind a content warning"
    )
    thread.set_defaults(handler=cmd_thread)

    relays_cli.register_space_relays(sub)

    members = sub.add_parser("members", help="who is in the space, with roles")
    members.add_argument("space")
    members.add_argument("--json", action="store_true", help="print JSON")
    members.add_argument("--all", action="store_true", help="include former members")
    members.set_defaults(handler=cmd_members)

    role = sub.add_parser("role", help="change a member's role (admins)")
    role.add_argument("space")
    role.add_argument("member", help="member id (or its start) or exact display name")
    role.add_argument("role", choices=["admin", "moderator", "member"])
    role.set_defaults(handler=cmd_role)

    remove = sub.add_parser("remove", help="remove a member and rotate the space key (admins)")
    remove.add_argument("space")
    remove.add_argument("member")
    remove.add_argument("--ban", action="store_true", help="never let them back in")
    remove.add_argument("--reason", default="")
    remove.set_defaults(handler=cmd_remove)

    moderate = sub.add_parser("moderate", help="remove a post (moderators)")
    moderate.add_argument("space")
    moderate.add_argument("post")
    moderate.add_argument("--reason", required=True)
    moderate.set_defaults(handler=cmd_moderate)

    report = sub.add_parser("report", help="report a post to the moderators only")
    report.add_argument("space")
    report.add_argument("post")
    report.add_argument("--reason", required=True)
    report.set_defaults(handler=cmd_report)

    info = sub.add_parser("info", help="a space's details, guidelines and warnings")
    info.add_argument("space")
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(handler=cmd_info)

    pin = sub.add_parser("pin", help="pin a post to the top (moderators)")
    pin.add_argument("space")
    pin.add_argument("post")
    pin.add_argument("--undo", action="store_true", help="unpin it")
    pin.set_defaults(handler=cmd_pin)

    reports = sub.add_parser("reports", help="reports made to the moderators (moderators)")
    reports.add_argument("space")
    reports.add_argument("--json", action="store_true", help="print JSON")
    reports.set_defaults(handler=cmd_reports)

    modlog = sub.add_parser("modlog", help="the moderation log (moderators)")
    modlog.add_argument("space")
    modlog.add_argument("--json", action="store_true", help="print JSON")
    modlog.set_defaults(handler=cmd_modlog)

    leave = sub.add_parser("leave", help="leave a space")
    leave.add_argument("space")
    leave.add_argument(
        "--wipe",
        action="store_true",
        help="also delete everything of this space from this computer",
    )
    leave.set_defaults(handler=cmd_leave)

    register_invites(sub)
    register_settings(sub)


def _spaces(ctx: Context) -> SpaceService:
    return ctx.open().spaces


def cmd_create(args: argparse.Namespace, ctx: Context) -> int:
    space_id = _spaces(ctx).create_space(
        args.name,
        args.description,
        args.topic,
        output.read_text(args.guidelines),
        display_name=args.display_name,
        pronouns=args.pronouns,
    )
    print(space_id.hex())
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    items = _spaces(ctx).list_spaces()
    if args.json:
        output.print_json(
            [
                {
                    "id": s.space_id.hex(),
                    "name": s.name,
                    "topics": list(s.topics),
                    "unread": s.unread,
                    "role": s.my_role.value if s.my_role else None,
                    "members": s.member_count,
                }
                for s in items
            ]
        )
        return 0
    for s in items:
        role = s.my_role.value if s.my_role else "not a member"
        topics = ", ".join(s.topics)
        members = f"{s.member_count} member{'' if s.member_count == 1 else 's'}"
        print(
            f"{s.space_id.hex()[:SHORT]}  {output.clean(s.name)}  ({members},"
            f" {s.unread} unread, {role})  {output.clean(topics)}".rstrip()
        )
    if not items:
        print("No spaces.", file=sys.stderr)
    return 0


def cmd_post(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    sid = spaces.resolve_space(args.space)
    body = output.read_text(args.body)
    files = prepare_files(spaces, sid, args)
    print(spaces.post(sid, body, args.title, args.cw, files, requested(args)).hex())
    return 0


def cmd_reply(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    sid = spaces.resolve_space(args.space)
    parent = spaces.resolve_post(sid, args.post)
    body = output.read_text(args.body)
    files = prepare_files(spaces, sid, args)
    print(spaces.reply(sid, parent, body, args.cw, files, requested(args)).hex())
    return 0


def cmd_react(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    sid = spaces.resolve_space(args.space)
    spaces.react(sid, spaces.resolve_post(sid, args.post), args.reaction, on=not args.undo)
    return 0


def post_dict(p: FeedPost) -> dict[str, Any]:
    return {
        "id": p.post_id.hex(),
        "author": p.author.hex(),
        "author_name": p.author_name,
        "author_colour": p.author_colour,
        "title": p.title,
        "body": p.body,
        "cw": p.cw,
        "created_ms": p.created_ms,
        "edited_ms": p.edited_ms,
        "pinned": p.pinned,
        "state": p.state,
        "removed_reason": p.removed_reason,
        "reactions": p.reactions,
        "my_reactions": list(p.my_reactions),
        "attachments": [attachment_dict(a) for a in p.attachments],
        "disappears_ms": p.disappears_ms,
        "replies": [post_dict(r) for r in p.replies],
        "older_replies": p.older_replies,
    }


def print_post(p: FeedPost, open_cw: bool, indent: str = "") -> None:
    head = (
        f"{indent}{p.post_id.hex()[:SHORT]}  {output.local_time(p.created_ms)}  "
        f"{output.clean(p.author_name)}{'  [pinned]' if p.pinned else ''}"
        f"{'  (edited)' if p.edited_ms else ''}"
    )
    print(head)
    if p.state == "removed":
        print(f"{indent}  [removed by a moderator: {output.clean(p.removed_reason)}]")
    elif p.state == "deleted":
        print(f"{indent}  [deleted by its author]")
    elif p.state == "expired":
        print(f"{indent}  {timer_line(p)}")
    else:
        if p.cw and not open_cw:  # folded like the app: the title too may be what hurts
            print(f"{indent}  [content warning: {output.clean(p.cw)}; --open-cw to show]")
        else:
            if p.cw:
                print(f"{indent}  [content warning: {output.clean(p.cw)}]")
            if p.title:
                print(f"{indent}  {' '.join(output.clean(p.title).split())}")
            for line in output.clean(p.body).splitlines():
                print(f"{indent}  {line}")
            for a in p.attachments:
                print(f"{indent}  {describe_attachment(a)}")
            when = timer_line(p)
            if when:
                print(f"{indent}  {when}")
        if p.reactions:
            print(
                f"{indent}  "
                + " · ".join(f"{REACTION_LABELS[k]} {n}" for k, n in p.reactions.items())
            )
    if p.older_replies:
        print(f"{indent}    [older replies: haven space thread SPACE {p.post_id.hex()[:SHORT]}]")
    for r in p.replies:
        print_post(r, open_cw, indent + "    ")


def cmd_read(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    sid = spaces.resolve_space(args.space)
    if args.threads < 1:
        raise InvalidInput("--threads must be at least 1")
    limit = None if args.all else args.threads
    feed = spaces.read_feed(sid, limit=limit)
    for w in spaces.warnings(sid):
        if w.kind == "invites":
            output.warn(w.detail)
            continue
        what = "histories" if w.kind == "fork" else "keys"
        output.warn(
            f"{output.clean(w.member_name)}: {w.detail} (someone may be "
            f"showing different {what} to different members)"
        )
    if args.json:
        output.print_json([post_dict(p) for p in feed])
    else:
        for p in feed:
            print_post(p, args.open_cw)
        if not feed:
            print("No posts yet.", file=sys.stderr)
    if limit is not None and sum(1 for p in feed if not p.pinned) >= limit:
        print(f"Showing the newest {limit} threads; --all shows every one.", file=sys.stderr)
    spaces.mark_read(sid)
    return 0


def cmd_thread(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    sid = spaces.resolve_space(args.space)
    root = spaces.resolve_post(sid, args.post)
    if not 1 <= args.replies <= MAX_THREAD_PAGE:
        raise InvalidInput(f"--replies must be 1 to {MAX_THREAD_PAGE}")
    before = spaces.resolve_post(sid, args.before) if args.before else None
    after = spaces.resolve_post(sid, args.after) if args.after else None
    page = spaces.read_thread(sid, root, before=before, after=after, limit=args.replies)
    if args.json:
        output.print_json(
            {
                "post": post_dict(page.root),
                "replies": [post_dict(r) for r in page.replies],
                "older": page.older,
                "newer": page.newer,
            }
        )
        return 0
    print_post(page.root, args.open_cw)
    cmd = f"haven space thread {args.space} {root.hex()[:SHORT]}"
    if page.older and page.replies:
        print(f"    [older replies: {cmd} --before {page.replies[0].post_id.hex()[:SHORT]}]")
    for r in page.replies:
        print_post(r, args.open_cw, "    ")
    if page.newer and page.replies:
        print(f"    [newer replies: {cmd} --after {page.replies[-1].post_id.hex()[:SHORT]}]")
    return 0


def cmd_members(args: argparse.Namespace, ctx: Context) -> int:
    """Each member with what Haven itself says of them (as the app does): the role from the
    authority rules, a fingerprint of their key, and warnings about names that look like
    another member's or use a role word (haven.core.spaces.name_marks)."""
    spaces = _spaces(ctx)
    items = spaces.members(spaces.resolve_space(args.space), include_former=args.all)
    marks = mark_members(items)
    if args.json:
        output.print_json(
            [
                {
                    "id": m.member_pk.hex(),
                    "name": m.display_name,
                    "pronouns": m.pronouns,
                    "colour": m.colour,
                    "role": m.role.value,
                    "status": m.status.value,
                    "blocked": m.blocked,
                    "fingerprint": marks[m.member_pk].fingerprint.text,
                    "lookalike": marks[m.member_pk].lookalike,
                    "role_word": marks[m.member_pk].role_word,
                }
                for m in items
            ]
        )
        return 0
    for m in items:
        mark = marks[m.member_pk]
        pronouns = f" ({output.clean(m.pronouns)})" if m.pronouns else ""
        status = "" if m.status.value == "active" else f"  [{m.status.value}]"
        warnings = "".join(
            text
            for on, text in (
                (mark.lookalike, "  ! name looks like another member's"),
                (mark.role_word, "  ! name uses a role word"),
            )
            if on
        )
        print(
            f"{m.member_pk.hex()[:SHORT]}  {output.clean(m.display_name)}{pronouns}"
            f"  {m.role.value}{status}  key: {mark.fingerprint.text}{warnings}"
        )
    return 0


def cmd_role(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    sid = spaces.resolve_space(args.space)
    spaces.set_role(sid, spaces.resolve_member(sid, args.member), args.role)
    return 0


def cmd_remove(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    sid = spaces.resolve_space(args.space)
    spaces.remove_member(sid, spaces.resolve_member(sid, args.member), args.ban, args.reason)
    print(
        "Removed; the space key was rotated."
        if not args.ban
        else "Banned; the space key was rotated."
    )
    return 0


def cmd_moderate(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    sid = spaces.resolve_space(args.space)
    spaces.moderate(sid, spaces.resolve_post(sid, args.post), args.reason)
    return 0


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    sid = spaces.resolve_space(args.space)
    spaces.report(sid, spaces.resolve_post(sid, args.post), args.reason)
    print("Reported to the moderators.")
    return 0


def cmd_leave(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    spaces.leave(spaces.resolve_space(args.space), wipe=args.wipe)
    return 0


def cmd_info(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    sid = spaces.resolve_space(args.space)
    info, warnings = spaces.space_info(sid), spaces.warnings(sid)
    if args.json:
        output.print_json(
            {
                "id": sid.hex(),
                "name": info.name,
                "description": info.description,
                "topics": list(info.topics),
                "guidelines": info.guidelines,
                "owner": info.owner.hex(),
                "me": info.my_persona.hex(),
                "role": info.my_role.value if info.my_role else None,
                "members": info.member_count,
                "warnings": [
                    {"kind": w.kind, "member": w.member_pk.hex(), "detail": w.detail}
                    for w in warnings
                ],
            }
        )
        return 0
    print(f"{output.clean(info.name)}  ({sid.hex()})")
    if info.topics:
        print("topics: " + output.clean(", ".join(info.topics)))
    print(
        f"members: {info.member_count}; you: "
        f"{info.my_role.value if info.my_role else 'not a member'}"
    )
    for text in (info.description, info.guidelines):
        if text:
            print()
            print(output.clean(text))
    for w in warnings:
        output.warn(f"{output.clean(w.member_name)}: {w.detail}" if w.member_name else w.detail)
    return 0


def cmd_pin(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    sid = spaces.resolve_space(args.space)
    spaces.pin(sid, spaces.resolve_post(sid, args.post), pinned=not args.undo)
    return 0


def cmd_reports(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    items = spaces.reports(spaces.resolve_space(args.space))
    if args.json:
        output.print_json(
            [
                {
                    "id": r.report_id.hex(),
                    "reporter": r.reporter.hex(),
                    "reporter_name": r.reporter_name,
                    "post": r.target_id.hex(),
                    "reason": r.reason,
                    "created_ms": r.created_ms,
                }
                for r in items
            ]
        )
        return 0
    for r in items:
        print(
            f"{output.local_time(r.created_ms)}  post {r.target_id.hex()[:SHORT]}  by "
            f"{output.clean(r.reporter_name)}: {output.clean(r.reason)}"
        )
    return 0


def cmd_modlog(args: argparse.Namespace, ctx: Context) -> int:
    spaces = _spaces(ctx)
    items = spaces.moderation_log(spaces.resolve_space(args.space))
    if args.json:
        output.print_json(
            [
                {
                    "id": a.event_id.hex(),
                    "actor": a.actor.hex(),
                    "actor_name": a.actor_name,
                    "action": a.action,
                    "subject": a.subject.hex() if a.subject else None,
                    "detail": a.detail,
                    "created_ms": a.created_ms,
                }
                for a in items
            ]
        )
        return 0
    for a in items:
        subject = f" {a.subject.hex()[:SHORT]}" if a.subject else ""
        detail = f"  {output.clean(a.detail)}" if a.detail else ""
        print(
            f"{output.local_time(a.created_ms)}  {output.clean(a.actor_name)}: "
            f"{a.action}{subject}{detail}"
        )
    return 0
