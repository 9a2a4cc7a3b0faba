"""One Haven per data folder: the lock that `haven serve` and the app take before asking
for the passphrase, and hold until they exit.

The lock is an OS file lock (`filelock`: flock on Unix, LockFileEx on Windows) in the
private folder of `place.py`. The kernel drops it when the process dies, however it dies,
which is also how a stale socket is recognised: whoever holds the lock owns the socket
path, so a socket file found there by the new holder was left by a crash.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import filelock

from haven.control.place import NotPrivate, Place, make_private_folder, place_for
from haven.errors import AlreadyOpen

log = logging.getLogger(__name__)


class InstanceClaim:
    """This process's claim on a data folder; `release` (or exit) gives it up."""

    def __init__(self, place: Place, lock: filelock.BaseFileLock) -> None:
        self.place = place
        self._lock = lock

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()


def claim_instance(data_dir: Path) -> InstanceClaim | None:
    """Claim `data_dir` for this process; AlreadyOpen if another Haven holds it. None (with
    a warning) when the private folder cannot be made: then this process runs without the
    control channel and the single-instance check, as before them (the vault's own lock
    still stops two processes opening it at once)."""
    place = place_for(data_dir)
    try:
        make_private_folder(place.folder)
    except (NotPrivate, OSError) as exc:
        log.warning("no control channel (commands cannot reach this Haven): %s", exc)
        return None
    lock = filelock.FileLock(str(place.lock), timeout=0, thread_local=False, mode=0o600)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise AlreadyOpen() from None
    except OSError as exc:
        log.warning("no control channel: cannot take %s (%s)", place.lock, exc)
        return None
    if _remove_stale_socket(place.socket):
        log.warning("removed a control socket left by a Haven that did not exit cleanly")
    return InstanceClaim(place, lock)


def is_claimed(data_dir: Path) -> bool:
    """Whether another Haven holds `data_dir` now (a probe: taken and given back at once).
    Used only where there is no socket to ask (Windows), so that a command can say why it
    cannot run instead of racing the open app for the vault."""
    place = place_for(data_dir)
    if not place.lock.exists():
        return False
    probe = filelock.FileLock(str(place.lock), timeout=0, thread_local=False, mode=0o600)
    try:
        probe.acquire()
    except filelock.Timeout:
        return True
    except OSError:
        return False
    probe.release()
    return False


def _remove_stale_socket(path: Path) -> bool:
    """Whoever holds the lock owns the socket path: anything there now is stale."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
        return True
    return False
