"""`haven journal add` with no text: write the entry in $VISUAL or $EDITOR.

The draft is plaintext outside the vault for as long as the editor runs, so it lives in a
fresh folder only this user can enter (0700, under $XDG_RUNTIME_DIR when there is one —
memory, not disk, on most Linux systems), and once the editor exits it is read, overwritten
with zeros, flushed and deleted, with its folder. What the editor keeps by itself (swap,
backup and undo files, a history of recent files) is beyond Haven's reach; the command's
help says so.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from haven.errors import InvalidInput

EDITOR_HELP = (
    "with no TEXT, opens $VISUAL or $EDITOR and saves the entry when it exits; the draft is "
    "overwritten and deleted afterwards, but the editor itself may keep copies (swap, backup "
    "or undo files)"
)


def editor_command() -> list[str]:
    for var in ("VISUAL", "EDITOR"):
        value = os.environ.get(var, "").strip()
        if value:
            return shlex.split(value)
    raise InvalidInput("no editor: set $VISUAL or $EDITOR, or give the entry's TEXT (or -)")


def write_in_editor() -> str:
    """Open the editor on an empty draft; returns what was saved (UTF-8)."""
    if not sys.stdin.isatty():
        raise InvalidInput("no terminal for an editor: give the entry's TEXT, or - to read stdin")
    command = editor_command()
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(
        tempfile.mkdtemp(
            prefix="haven-", dir=runtime if runtime and Path(runtime).is_dir() else None
        )
    )
    draft = folder / "entry.md"
    try:
        os.close(os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            done = subprocess.run([*command, str(draft)], check=False)
        except OSError:
            raise InvalidInput(f"could not start the editor {command[0]!r}") from None
        if done.returncode != 0:
            raise InvalidInput("the editor failed; nothing was saved")
        try:
            return draft.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInput("the draft is not UTF-8; nothing was saved") from None
    finally:
        _shred_folder(folder)


def _shred_folder(folder: Path) -> None:
    """Overwrite every file the editor left in the folder with zeros, then delete it all."""
    for path in folder.iterdir():
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                size = path.stat().st_size
                with path.open("r+b") as fh:
                    fh.write(b"\0" * size)
                    fh.flush()
                    os.fsync(fh.fileno())
            path.unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()
