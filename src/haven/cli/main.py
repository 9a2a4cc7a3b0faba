"""Parse the command line and dispatch to a `cmd_*` module.

Each module `haven/cli/cmd_<name>.py` defines `register(subparsers)`, which adds its
sub-command(s) and sets `handler=` to a function `(args, ctx) -> int`. Modules are found
automatically, so adding a command touches no other file.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
import textwrap
from collections.abc import Callable, Sequence

import haven.cli
from haven import __version__, errors
from haven.cli.argv import wants_app
from haven.cli.context import PASSPHRASE_ENV, PROMPT_TRIES, Context
from haven.errors import HavenError

__all__ = ["build_parser", "main", "run_handler", "wants_app"]


#: The order `haven --help` lists commands in: the way a person meets them (start, write,
#: share, keep safe, get help). Every command has its place here (a test checks); one left
#: out would follow the others, alphabetically.
COMMAND_ORDER = (
    "init",
    "journal",
    "prompt",
    "space",
    "channel",
    "dm",
    "attachment",
    "event",
    "fundraiser",
    "campaign",
    "device",
    "sync",
    "serve",
    "relays",
    "backup",
    "restore",
    "export",
    "passphrase",
    "help-now",
)

#: Exit codes, for scripts (also in the README).
EXIT_CODES = (
    (0, "done"),
    (1, "declined, or nothing was done"),
    (errors.InvalidInput.exit_code, "invalid input (nothing was changed)"),
    (errors.WrongPassphrase.exit_code, "wrong passphrase"),
    (errors.VaultNotFound.exit_code, "no vault in the data folder"),
    (errors.VaultExists.exit_code, "a vault already exists there"),
    (errors.VaultInUse.exit_code, "the vault is open in another Haven"),
    (errors.VaultDamaged.exit_code, "the vault is damaged"),
    (errors.VaultFull.exit_code, "the disk is full"),
    (errors.NotFound.exit_code, "no such entry, space, device or post"),
    (errors.VaultLocked.exit_code, "the vault was locked"),
    (errors.InvalidEvent.exit_code, "a record failed a check and was not applied"),
    (errors.SyncError.exit_code, "sync failed"),
    (70, "an unexpected failure (a bug: please report it)"),
    (130, "interrupted (Ctrl+C)"),
)


def _epilog() -> str:
    codes = "\n".join(f"  {code:>3}  {what}" for code, what in EXIT_CODES)
    env = textwrap.fill(
        f"The passphrase is asked on the terminal ({PROMPT_TRIES} tries). For scripts, set "
        f"{PASSPHRASE_ENV} instead (one try); anyone who can read this process's environment "
        "can read it. HAVEN_DATA_DIR sets the data folder, like --data-dir.",
        width=78,
    )
    return f"{env}\n\nExit codes:\n{codes}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="haven",
        description="Haven: a private encrypted journal and peer-support spaces. "
        "With no command, opens the app.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"haven {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the vault lives (default: HAVEN_DATA_DIR or the platform's data folder)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="log progress to stderr (never content or keys)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(haven.cli.__path__), key=lambda m: m.name):
        if info.name.startswith("cmd_"):
            module = importlib.import_module(f"haven.cli.{info.name}")
            module.register(sub)
    _order_commands(sub)
    return parser


def _order_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """List the commands in COMMAND_ORDER in `--help` (argparse lists them as added)."""
    rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
    sub._choices_actions.sort(key=lambda a: (rank.get(a.dest, len(rank)), a.dest))


Handler = Callable[[argparse.Namespace, Context], "int | None"]

#: Exit code for a failure no check foresaw (EX_SOFTWARE of sysexits.h).
UNEXPECTED_EXIT = 70


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="haven: %(message)s"
    )
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    return run_handler(handler, args, Context.from_args(args.data_dir))


def run_handler(handler: Handler, args: argparse.Namespace, ctx: Context) -> int:
    """Run one command handler: its exit code, errors as one `haven: error:` line (never a
    traceback), the context closed afterwards. The running Haven runs forwarded commands
    through here too (haven/cli/remote.py)."""
    try:
        return int(handler(args, ctx) or 0)
    except HavenError as exc:
        print(f"haven: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("haven: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line, no traceback (it could quote content)
        print(
            f"haven: error: an unexpected failure ({type(exc).__name__}); what was saved before"
            " it is kept. Please report this.",
            file=sys.stderr,
        )
        return UNEXPECTED_EXIT
    finally:
        ctx.close()
