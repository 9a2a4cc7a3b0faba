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
from collections.abc import Sequence

import haven.cli
from haven import __version__
from haven.cli.context import Context
from haven.errors import HavenError

_GLOBAL_FLAGS_WITH_VALUE = {"--data-dir"}


def wants_app(argv: Sequence[str]) -> bool:
    """True when no sub-command was given (only global options): open the window."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in _GLOBAL_FLAGS_WITH_VALUE:
            skip = True
            continue
        if arg.startswith("--data-dir="):
            continue
        return False
    return True


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="haven",
        description="Haven: a private encrypted journal and peer-support spaces. "
        "With no command, opens the app.",
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
    return parser


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
    ctx = Context.from_args(args.data_dir)
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
