"""Where the control socket and the instance lock of a data folder live, and the checks
that the folder holding them is private to this user.

Both live in a folder only this user may enter (0700, owned by us, not a symlink): under
`$XDG_RUNTIME_DIR` when there is one (memory, cleaned at logout), else `/tmp/haven-UID`
(the tmux pattern). The names are a hash of the data folder's resolved path, so two data
folders never share a socket and the path stays short: a Unix socket path is limited to
about 100 bytes, and a deep `$XDG_RUNTIME_DIR` falls back to `/tmp/haven-UID`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from pathlib import Path

#: sun_path holds 108 bytes on Linux, 104 on macOS; keep a margin.
MAX_SOCKET_PATH = 100
_NAME_HEX = 24


class NotPrivate(Exception):
    """The folder for the socket exists but is not this user's alone."""


class Place:
    """The private folder, the socket and the instance lock of one data folder."""

    __slots__ = ("folder", "lock", "socket")

    def __init__(self, folder: Path, socket: Path, lock: Path) -> None:
        self.folder, self.socket, self.lock = folder, socket, lock


def place_for(data_dir: Path) -> Place:
    """The socket and lock paths for `data_dir` (nothing is created)."""
    name = hashlib.blake2b(
        os.fsencode(str(data_dir.expanduser().resolve())), digest_size=_NAME_HEX // 2
    ).hexdigest()
    candidates = [Path(d) / "haven" for d in (os.environ.get("XDG_RUNTIME_DIR"),) if d]
    if sys.platform == "win32":
        import tempfile

        candidates.append(Path(tempfile.gettempdir()) / "haven")
    else:
        candidates.append(Path("/tmp") / f"haven-{os.getuid()}")
    for folder in candidates:
        sock = folder / f"{name}.sock"
        if len(os.fsencode(str(sock))) <= MAX_SOCKET_PATH:
            return Place(folder, sock, folder / f"{name}.lock")
    folder = candidates[-1]  # too deep everywhere: the socket cannot be bound, the lock can
    return Place(folder, folder / f"{name}.sock", folder / f"{name}.lock")


def make_private_folder(folder: Path) -> None:
    """Create `folder` (0700), or check that an existing one is ours alone (NotPrivate)."""
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    check_private_folder(folder)


def check_private_folder(folder: Path) -> None:
    """NotPrivate unless `folder` is a real directory (not a symlink), owned by this user,
    that no other user may read, write or enter. Someone who made /tmp/haven-UID first
    (squatting) could otherwise receive our commands, or serve us forged answers."""
    info = os.lstat(folder)  # FileNotFoundError: no folder, so nothing runs there
    if not stat.S_ISDIR(info.st_mode):
        raise NotPrivate(f"{folder} is not a folder")
    if sys.platform == "win32":
        return  # per-user temp folder; ACLs, not modes (see THREAT_MODEL)
    if info.st_uid != os.getuid():
        raise NotPrivate(f"{folder} belongs to another user")
    if info.st_mode & 0o077:
        raise NotPrivate(f"{folder} can be opened by other users (mode {info.st_mode & 0o777:o})")


def check_socket_file(path: Path) -> None:
    """NotPrivate unless `path` is a socket owned by this user that nobody else may use."""
    info = os.lstat(path)
    if not stat.S_ISSOCK(info.st_mode):
        raise NotPrivate(f"{path} is not a socket")
    if info.st_uid != os.getuid():
        raise NotPrivate(f"{path} belongs to another user")
    if info.st_mode & 0o077:
        raise NotPrivate(f"{path} can be used by other users (mode {info.st_mode & 0o777:o})")
