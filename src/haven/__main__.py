"""The `haven` command: with no sub-command it opens the app, otherwise it is the CLI.

This module sits above both `haven.cli` and `haven.ui`, so neither imports the other, and
the CLI never loads Qt.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from haven.core.hardening import harden_process

    harden_process()  # before any key or passphrase exists in this process
    args = sys.argv[1:] if argv is None else argv
    from haven.cli.main import wants_app

    if wants_app(args):
        from haven.ui.app import run_app

        return run_app(args)
    from haven.cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
