"""`haven journal share ENTRY SPACE [--channel NAME] [--title T] [--text TEXT] [--cw TEXT]
[--yes]`: post a copy of a journal entry in a space's feed or one of its channels, after
showing exactly what will be posted, where and under which name (core/journal_share.py).
The entry stays in the journal, private."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haven.cli import output
from haven.cli.context import Context
from haven.core.journal_share import JournalSharing, channel_text
from haven.core.spaces import disappearing_timer as timer
from haven.errors import InvalidInput


def register(journal_sub: Any) -> None:
    share = journal_sub.add_parser(
        "share",
        help="post a copy of an entry in a space (asks first)",
        description="Shows the copy that would be posted — the space, the name it is posted "
        "under, the title and text — and asks before posting. Only the title and text go "
        "(edited with --title/--text if you like): not the date, mood or tags, and nothing "
        "links the post to your journal. The entry itself stays private.",
    )
    share.add_argument("id", metavar="ENTRY")
    share.add_argument("space", help="space id (or its start) or exact name")
    share.add_argument(
        "--channel",
        default=None,
        metavar="NAME",
        help="post in this channel (name or id start) instead of the feed",
    )
    share.add_argument("--title", default=None, help="the post's title instead of the entry's")
    share.add_argument("--text", default=None, help="the post's text instead of the entry's")
    share.add_argument("--cw", default="", metavar="TEXT", help="a content warning")
    share.add_argument(
        "--yes", action="store_true", help="post without asking (you have checked the copy)"
    )
    share.set_defaults(handler=cmd_share)


def cmd_share(args: argparse.Namespace, ctx: Context) -> int:
    if not args.yes and not sys.stdin.isatty():
        raise InvalidInput("not sharing without confirmation: give --yes (no terminal to ask in)")
    session = ctx.open()
    sharing = JournalSharing(session.journal, session.spaces)
    entry_id = session.journal.resolve_id(args.id)
    space_id = session.spaces.resolve_space(args.space)
    preview = sharing.preview(entry_id, space_id)
    channel_id = channel_name = None
    if args.channel is not None:
        channel_id = session.spaces.channels.resolve(space_id, args.channel)
        channel_name = next((c.name for c in preview.channels if c.channel_id == channel_id), None)
        if channel_name is None:  # archived, or announcements and not an admin
            raise InvalidInput(f"you cannot post in the channel {args.channel!r}")
    title = preview.title if args.title is None else args.title
    body = preview.body if args.text is None else output.read_text(args.text)
    if not args.yes:
        where = output.clean(preview.space_name)
        if channel_name is not None:
            where = f"{where} #{output.clean(channel_name)}"
        print(f"This copy will be posted in {where!r}", end="")
        print(f" as {output.clean(preview.posted_as)!r}:", end="\n\n")
        if channel_id is not None:
            title, body = "", channel_text(title, body)
        if title:
            print(f"  {output.clean(title)}")
        for line in output.clean(body).splitlines():
            print(f"  {line}")
        if preview.disappear_s:
            print(f"\nPosts there disappear after {timer.text(preview.disappear_s)}.")
        print("\nEveryone in the space can read it. Your journal entry stays private.")
        answer = input("Post this copy? [y/N] ")
        if answer.strip().casefold() not in ("y", "yes"):
            print("Nothing was shared.", file=sys.stderr)
            return 1
    posted = sharing.share(space_id, title, body, args.cw, confirmed=True, channel_id=channel_id)
    print(posted.hex())
    return 0
