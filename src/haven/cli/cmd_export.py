"""`haven export`, `haven backup` and `haven restore`.

An export is plaintext, for reading elsewhere or leaving Haven; a backup is one encrypted
file for getting the vault back (core/backup.py describes its format, core/restore.py the
checks a restore makes)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from haven.cli import output
from haven.cli.context import Context
from haven.core import export, restore
from haven.core.clock import now_ms
from haven.errors import InvalidInput


def register(subparsers: Any) -> None:
    exp = subparsers.add_parser("export", help="write your journal as PLAINTEXT files")
    exp.add_argument(
        "--format",
        choices=("md", "json"),
        required=True,
        help="md: a folder with one Markdown file per entry; json: one file",
    )
    exp.add_argument("dest", metavar="DEST", help="a new (or empty) folder or file")
    exp.set_defaults(handler=cmd_export)

    bak = subparsers.add_parser("backup", help="write an encrypted backup of the whole vault")
    bak.add_argument("dest", metavar="DEST", help="the backup file to write (a new file)")
    bak.add_argument(
        "--force", action="store_true", help="replace DEST if it is an older Haven backup"
    )
    bak.set_defaults(handler=cmd_backup)

    res = subparsers.add_parser("restore", help="restore a backup into an empty or new data folder")
    res.add_argument("src", metavar="SRC", help="a file written by `haven backup`")
    res.set_defaults(handler=cmd_restore)


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    dest = Path(args.dest).expanduser()
    output.warn(
        f"an export is PLAINTEXT: anyone who can read {dest} can read your "
        "journal. Keep it somewhere safe and delete it when you are done."
    )
    entries = ctx.open().journal.list()
    if args.format == "md":
        count = export.export_markdown(entries, dest)
    else:
        count = export.export_json(entries, dest, now_ms())
    print(f"Exported {count} {'entry' if count == 1 else 'entries'} to {dest}.")
    return 0


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    dest = Path(args.dest).expanduser()
    if dest.is_file() and not args.force:  # before unlocking: a typo costs no passphrase
        raise InvalidInput(
            f"{dest} already exists; give --force to replace it (nothing was written)"
        )
    size = ctx.open().backup.write(dest)
    print(f"Wrote an encrypted backup to {dest} ({_human_size(size)}).")
    print("It opens with the passphrase the vault has now.", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    src = Path(args.src).expanduser()
    restore.check_restore_target(ctx.data_dir)
    restore.inspect_backup(src)  # a damaged file is reported before any passphrase prompt
    passphrase = ctx.passphrase("Passphrase of the backup: ")
    restore.restore_backup(src, ctx.data_dir, passphrase)
    print(f"Restored the vault into {ctx.data_dir}.")
    return 0


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KiB", "MiB"):
        if value < 1024:
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"
