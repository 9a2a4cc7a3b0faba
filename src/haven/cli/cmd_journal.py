"""`haven journal add|list|show|search|edit|delete`: the private journal from a terminal.

Arguments are checked before the vault is unlocked, so a typo costs no passphrase prompt
and no key derivation."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haven.cli import output
from haven.cli.context import Context
from haven.cli.editor import EDITOR_HELP
from haven.cli.journal_share_cli import register as register_share
from haven.core.journal import EntryFilter, JournalEntry, normalise_tags
from haven.errors import InvalidInput

_MOOD_HELP = "mood from 1 (low) to 5 (high)"


def register(subparsers: Any) -> None:
    journal = subparsers.add_parser("journal", help="write and read your private journal")
    sub = journal.add_subparsers(dest="journal_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help="add an entry; prints its id", description=EDITOR_HELP)
    add.add_argument(
        "text",
        metavar="TEXT",
        nargs="?",
        help="the entry's text, or - to read stdin; omit it to write in your editor",
    )
    add.add_argument("--title", default="")
    add.add_argument("--mood", metavar="N", help=_MOOD_HELP)
    add.add_argument(
        "--tag", action="append", default=[], metavar="T", help="a tag (repeat for more)"
    )
    add.set_defaults(handler=cmd_add)

    lst = sub.add_parser("list", help="list entries, newest first")
    lst.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="T",
        help="only entries with this tag (repeat: all of them)",
    )
    lst.add_argument("--mood", metavar="N", help="only entries with this mood")
    lst.add_argument(
        "--since", metavar="DATE", help="from this local day (YYYY-MM-DD) or ISO-8601 date-time"
    )
    lst.add_argument(
        "--until",
        metavar="DATE",
        help="up to and including this local day, or up to this date-time",
    )
    lst.add_argument("--limit", metavar="N", help="at most N entries")
    lst.add_argument("--json", action="store_true", help="print a JSON array")
    lst.set_defaults(handler=cmd_list)

    show = sub.add_parser("show", help="print one entry in full")
    show.add_argument("id", metavar="ID", help="the entry id or an unambiguous prefix")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    search = sub.add_parser("search", help="full-text search (every word must match)")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", metavar="N", help="at most N entries (default 100)")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)

    edit = sub.add_parser("edit", help="change an entry's text, title, mood or tags")
    edit.add_argument("id", metavar="ID")
    edit.add_argument(
        "text",
        metavar="TEXT",
        nargs="?",
        help="new text, or - to read stdin (omit to keep the text)",
    )
    edit.add_argument("--title")
    edit.add_argument("--mood", metavar="N", help=_MOOD_HELP)
    edit.add_argument("--clear-mood", action="store_true", help="remove the mood")
    edit.add_argument(
        "--tag", action="append", metavar="T", help="replace the tags with these (repeat for more)"
    )
    edit.add_argument(
        "--add-tag", action="append", default=[], metavar="T", help="add a tag, keep the others"
    )
    edit.add_argument(
        "--remove-tag", action="append", default=[], metavar="T", help="remove this tag"
    )
    edit.add_argument("--clear-tags", action="store_true", help="remove every tag")
    edit.set_defaults(handler=cmd_edit)

    delete = sub.add_parser("delete", help="delete an entry (on every linked device)")
    delete.add_argument("id", metavar="ID")
    delete.add_argument(
        "--yes",
        action="store_true",
        help="do not ask for confirmation (needed when there is no terminal to ask in)",
    )
    delete.set_defaults(handler=cmd_delete)

    register_share(sub)


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    mood = output.parse_mood(args.mood)
    tags = normalise_tags(args.tag)
    if args.text is None:
        text = ctx.write_in_editor()  # before unlocking: the vault is not open while one writes
        if not text.strip():
            print("Nothing was saved: the entry was empty.", file=sys.stderr)
            return 1
    else:
        text = output.read_text(args.text)
    entry_id = ctx.open().journal.add(text, title=args.title, mood=mood, tags=tags)
    print(entry_id.hex())
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    flt = EntryFilter(
        tags=normalise_tags(args.tag),
        mood=output.parse_mood(args.mood),
        since_ms=output.parse_since(args.since) if args.since else None,
        until_ms=output.parse_until(args.until) if args.until else None,
    )
    if flt.since_ms is not None and flt.until_ms is not None and flt.since_ms >= flt.until_ms:
        raise InvalidInput("--since must come before --until")
    limit = output.parse_limit(args.limit)
    output.print_entries(ctx.open().journal.list(flt, limit=limit), args.json)
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.open().journal
    output.print_entry(journal.get(journal.resolve_id(args.id)), args.json)
    return 0


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    if not args.query.strip():
        raise InvalidInput("give some words to search for")
    limit = output.parse_limit(args.limit) if args.limit else 100
    output.print_entries(ctx.open().journal.search(args.query, limit=limit), args.json)
    return 0


def cmd_edit(args: argparse.Namespace, ctx: Context) -> int:
    if args.mood is not None and args.clear_mood:
        raise InvalidInput("give either --mood or --clear-mood, not both")
    adjusting = bool(args.add_tag or args.remove_tag)
    if sum((args.tag is not None, args.clear_tags, adjusting)) > 1:
        raise InvalidInput(
            "give --tag (replace), --clear-tags or --add-tag/--remove-tag, not a mix"
        )
    added, removed = normalise_tags(args.add_tag), normalise_tags(args.remove_tag)
    if set(added) & set(removed):
        raise InvalidInput("a tag cannot be both added and removed")
    changes: dict[str, Any] = {}
    if args.mood is not None or args.clear_mood:
        changes["mood"] = output.parse_mood(args.mood)
    if args.tag is not None or args.clear_tags:
        changes["tags"] = normalise_tags(args.tag or ())
    if args.title is not None:
        changes["title"] = args.title
    if args.text is not None:
        changes["body"] = output.read_text(args.text)
    if not changes and not adjusting:
        raise InvalidInput("nothing to change: give new text, --title, --mood or a tag option")
    journal = ctx.open().journal
    entry = journal.get(journal.resolve_id(args.id))
    if adjusting:
        kept = [t for t in entry.tags if t not in removed]
        changes["tags"] = kept + [t for t in added if t not in kept]
    changed = _what_changes(entry, changes)
    if not changed:
        print("Nothing changed: the entry already says that.", file=sys.stderr)
        return 0
    journal.edit(entry.entry_id, **changes)
    print("Changed " + output.and_list(changed) + ".", file=sys.stderr)
    return 0


_FIELD_NAMES = {"body": "the text", "title": "the title", "mood": "the mood", "tags": "the tags"}


def _what_changes(entry: JournalEntry, changes: dict[str, Any]) -> list[str]:
    """The names of the fields whose value differs from the entry's, in a fixed order."""
    current: dict[str, Any] = {
        "body": entry.body,
        "title": entry.title,
        "mood": entry.mood,
        "tags": sorted(entry.tags),
    }
    wanted = dict(changes)
    if "tags" in wanted:
        wanted["tags"] = sorted(wanted["tags"])
    return [
        name for key, name in _FIELD_NAMES.items() if key in wanted and wanted[key] != current[key]
    ]


def cmd_delete(args: argparse.Namespace, ctx: Context) -> int:
    if not args.yes and not sys.stdin.isatty():  # before unlocking: nothing to ask with
        raise InvalidInput("not deleting without confirmation: give --yes (no terminal to ask in)")
    journal = ctx.open().journal
    entry = journal.get(journal.resolve_id(args.id))
    if not args.yes:
        answer = input(f"Delete the entry of {output.local_time(entry.created_ms)}? [y/N] ")
        if answer.strip().casefold() not in ("y", "yes"):
            print("Nothing was deleted.", file=sys.stderr)
            return 1
    journal.delete(entry.entry_id)
    print("Deleted.", file=sys.stderr)
    return 0
