"""`haven passphrase change [--rekey]`: rewrap the vault's master key under a new passphrase;
with --rekey, first re-encrypt the whole database under a new master key (crash-safe: an
interrupted change leaves a vault that opens with the old or the new passphrase). Older
backups still open with the passphrase they were made with.

`haven passphrase duress [--wipe-vault-on-use] | --remove`: a second passphrase that opens
a decoy vault instead of this one (haven.core.duress)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from haven.cli.context import PASSPHRASE_ENV, Context
from haven.core.duress import SAME_AS_OWN
from haven.core.passphrase import check, describe
from haven.errors import InvalidInput, WeakPassphrase

NEW_PASSPHRASE_ENV = "HAVEN_NEW_PASSPHRASE"

_WIPE_EXPLAINED = """\
With --wipe-vault-on-use, unlocking with the duress passphrase (in the app or any command)
also overwrites this vault's key, silently. From then on this vault can never be opened,
by you or anyone, with any passphrase; only a backup brings it back. Choose it only if
losing everything here is better for you than someone reading it."""


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
    duress = sub.add_parser(
        "duress",
        help=f"set a duress passphrase: it opens a decoy journal instead of this vault "
        f"(asked twice; automation: {NEW_PASSPHRASE_ENV})",
        description="Set a second passphrase that, in the app or any command, opens a "
        "decoy vault instead of this one: a new, empty journal to write in yourself "
        "(unlock with the duress passphrase to do so), with no spaces and no linked "
        "devices. Setting it again replaces the decoy. The files look the same whether "
        "or not a duress passphrase is set; docs/THREAT_MODEL.md says what an examiner "
        "can still infer.",
        epilog=_WIPE_EXPLAINED,
    )
    what = duress.add_mutually_exclusive_group()
    what.add_argument(
        "--remove", action="store_true", help="remove the duress passphrase and its decoy"
    )
    what.add_argument(
        "--wipe-vault-on-use",
        action="store_true",
        help="unlocking with the duress passphrase also destroys this vault's key for good",
    )
    duress.set_defaults(handler=cmd_duress)


def cmd_change(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    new = _new_passphrase(ctx, [session.identity.primary().display_name])
    session.change_passphrase(new, rekey=args.rekey)
    if args.rekey:
        print(
            "Passphrase changed and the vault moved to a new key. Backups made before now "
            "still open with the old passphrase: delete them if that passphrase leaked."
        )
    else:
        print("Passphrase changed. Backups made before now still need the old passphrase.")
    return 0


def cmd_duress(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    if args.remove:
        session.duress.remove()
        print("Duress passphrase removed; its decoy journal is gone.")
        return 0
    if args.wipe_vault_on_use and not _confirmed_wipe():
        print("Nothing was changed.")
        return 1
    new = _new_passphrase(ctx, [session.identity.primary().display_name], "duress passphrase")
    try:
        session.duress.set(new, wipe_vault_on_use=args.wipe_vault_on_use)
    except WeakPassphrase as exc:
        if str(exc) == SAME_AS_OWN:
            raise WeakPassphrase("the duress passphrase must differ from this vault's") from None
        raise
    print(
        "Duress passphrase set. It opens a new, empty decoy journal: unlock with it and "
        "write a few entries, so that it looks lived in."
    )
    if args.wipe_vault_on_use:
        print("Unlocking with it will also destroy this vault's key.")
    return 0


def _new_passphrase(ctx: Context, related: list[str], what: str = "passphrase") -> str:
    """From HAVEN_NEW_PASSPHRASE when HAVEN_PASSPHRASE is set (automation), else asked twice
    on the terminal."""
    if os.environ.get(PASSPHRASE_ENV) is None:
        return ctx.new_passphrase(related, what)
    new = os.environ.get(NEW_PASSPHRASE_ENV)
    if new is None:
        raise InvalidInput(
            f"{PASSPHRASE_ENV} is set, so the new {what} must come from {NEW_PASSPHRASE_ENV}"
        )
    weakness = check(new, related).weakness
    if weakness is not None:
        raise WeakPassphrase(describe(weakness))
    return new


def _confirmed_wipe() -> bool:
    """The wipe is a deliberate choice: explained, and confirmed by typing a word at a
    terminal (a script passes the flag with HAVEN_PASSPHRASE set, which is its choice)."""
    if os.environ.get(PASSPHRASE_ENV) is not None:
        return True
    print(_WIPE_EXPLAINED, file=sys.stderr)
    answer = input('Type "destroy" to choose this: ')
    return answer.strip().lower() == "destroy"
