"""`haven passphrase change`: rewrap the vault's master key under a new passphrase. The
database is not re-encrypted; older backups still open with the passphrase they were made
with."""

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
    session.change_passphrase(new)
    print("Passphrase changed. Backups made before now still need the old passphrase.")
    return 0
