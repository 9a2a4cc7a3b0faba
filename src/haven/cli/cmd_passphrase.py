"""`haven passphrase change [--rekey]`: rewrap the vault's master key under a new passphrase;
with --rekey, first re-encrypt the whole database under a new master key (crash-safe: an
interrupted change leaves a vault that opens with the old or the new passphrase). Older
backups still open with the passphrase they were made with."""

from __future__ import annotations

import argparse
import os
from typing import Any

from haven.cli.context import PASSPHRASE_ENV, Context
from haven.core.passphrase import check, describe
from haven.errors import InvalidInput, WeakPassphrase

NEW_PASSPHRASE_ENV = "HAVEN_NEW_PASSPHRASE"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("passphrase", help="change the vault's passphrase")
    sub = parser.add_subparsers(dest="passphrase_command", metavar="ACTION", required=True)
    change = sub.add_parser(
        "change",
        help=f"asks the current passphrase, then the new one twice (automation: "
        f"{PASSPHRASE_ENV} and {NEW_PASSPHRASE_ENV})",
    )
    change.add_argument(
        "--rekey",
        action="store_true",
        help="also move the vault to a new master key (re-encrypts every page), so an old "
        "leaked key or header no longer opens it",
    )
    change.set_defaults(handler=cmd_change)


def cmd_change(args: argparse.Namespace, ctx: Context) -> int:
    automated = os.environ.get(PASSPHRASE_ENV) is not None
    if automated and os.environ.get(NEW_PASSPHRASE_ENV) is None:
        raise InvalidInput(
            f"{PASSPHRASE_ENV} is set, so the new passphrase must come from {NEW_PASSPHRASE_ENV}"
        )
    session = ctx.open()
    related = [session.identity.primary().display_name]
    if automated:
        new = os.environ[NEW_PASSPHRASE_ENV]
        weakness = check(new, related).weakness
        if weakness is not None:
            raise WeakPassphrase(describe(weakness))
    else:
        new = ctx.new_passphrase(related)
    session.change_passphrase(new, rekey=args.rekey)
    if args.rekey:
        print(
            "Passphrase changed and the vault moved to a new key. Backups made before now "
            "still open with the old passphrase: delete them if that passphrase leaked."
        )
    else:
        print("Passphrase changed. Backups made before now still need the old passphrase.")
    return 0
