"""A first look at the command line, before anything heavy is imported: does it open the
app, which command does it name, which data folder. `haven.__main__` decides with it
whether the running Haven can answer the command (haven/control/client.py)."""

from __future__ import annotations

from collections.abc import Sequence

GLOBAL_FLAGS_WITH_VALUE = {"--data-dir"}

#: Commands that always run in this process: they need no vault (help-now), make or fill
#: one (init, restore), or are themselves the Haven that holds it (serve).
LOCAL_COMMANDS = frozenset({"help-now", "init", "restore", "serve"})


def _first_command(argv: Sequence[str]) -> tuple[int | None, str | None]:
    """(index of the first non-option argument, the --data-dir value)."""
    data_dir: str | None = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in GLOBAL_FLAGS_WITH_VALUE:
            data_dir = argv[i + 1] if i + 1 < len(argv) else None
            i += 2
            continue
        if arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
        elif not arg.startswith("-"):
            return i, data_dir
        i += 1
    return None, data_dir


def wants_app(argv: Sequence[str]) -> bool:
    """True when no sub-command was given (only global options): open the window."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in GLOBAL_FLAGS_WITH_VALUE:
            skip = True
            continue
        if arg.startswith("--data-dir="):
            continue
        return False
    return True


def forwardable(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(whether a running Haven may run this command, the --data-dir given). `--help` and
    `--version` before any command, and LOCAL_COMMANDS, run here."""
    index, data_dir = _first_command(argv)
    if index is None or argv[index] in LOCAL_COMMANDS:
        return False, data_dir
    if any(a in ("-h", "--help", "--version") for a in argv[:index]):
        return False, data_dir
    return True, data_dir
