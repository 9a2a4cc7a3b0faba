"""The `haven` command: with no sub-command it opens the app, otherwise it is the CLI.

This module sits above both `haven.cli` and `haven.ui`, so neither imports the other, and
the CLI never loads Qt. A command on a data folder that a running Haven (the app or
`haven serve`) holds is handed to it over the control channel (haven/control/), before
anything heavy is imported: no unlock, no Qt, no SQLCipher in this process.
"""

from __future__ import annotations

import sys

# Not `from typing import TYPE_CHECKING`: importing typing costs every command several ms
# (mypy honours any name TYPE_CHECKING).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from haven.cli.remote import RemoteCommands
    from haven.core.session import Session


def main(argv: list[str] | None = None) -> int:
    from haven.core.hardening import harden_process

    harden_process()  # before any key or passphrase exists in this process
    args = sys.argv[1:] if argv is None else argv
    from haven.cli.argv import forwardable, wants_app

    if wants_app(args):
        from haven.core.freed_memory import restart_scrubbed

        restart_scrubbed()  # the app only: freed memory is overwritten once it locks
        from haven.ui.app import run_app

        return run_app(args, serve_commands)
    forward, data_dir = forwardable(args)
    if forward:
        code = _forward(args, data_dir)
        if code is not None:
            return code
    from haven.cli.main import main as cli_main

    return cli_main(args)


def _forward(args: list[str], data_dir: str | None) -> int | None:
    from haven.control.client import forward
    from haven.core.paths import data_dir as resolve_data_dir

    return forward(args, resolve_data_dir(data_dir), _edit)


def _edit() -> str:
    from haven.cli.editor import write_in_editor

    return write_in_editor()


def serve_commands(data_dir: Path, session_of: Callable[[], Session | None]) -> RemoteCommands:
    """The app's runner for commands sent to it (haven.cli.remote), made here because the
    UI does not import the CLI."""
    from haven.cli.remote import RemoteCommands

    return RemoteCommands(data_dir, session_of)


if __name__ == "__main__":
    sys.exit(main())
