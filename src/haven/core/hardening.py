"""Process hardening at start, for the app and every command: no core dumps, no attaching.

A crash must not leave the master key, the passphrase or journal text in a core file, and
another program running as the same user must not read Haven's memory:

- **Linux**: `prctl(PR_SET_DUMPABLE, 0)` — no core file, and `ptrace` and `/proc/PID/mem`
  are refused to other processes of the same user (root still can); `RLIMIT_CORE = 0` as well,
  for the child processes Haven starts.
- **macOS**: `RLIMIT_CORE = 0`. `ptrace(PT_DENY_ATTACH)` is not used: it kills the process
  when a debugger is already attached and is easily bypassed by root, so it buys little.
- **Windows**: `SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)` keeps the crash
  dialog (and the dump it offers to send) away; a machine-wide WER `LocalDumps` policy set by
  an administrator can still write dumps, which Haven cannot prevent.

Each step is best effort: a platform that refuses one still runs Haven, and what was done is
returned so a test can check it.
"""

from __future__ import annotations

import ctypes
import sys

# No `logging` or `ctypes.util` at import: every `haven` command starts here, and a command
# answered by a running Haven must start fast (haven/control/client.py).

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
_SEM_FAILCRITICALERRORS = 0x0001
_SEM_NOGPFAULTERRORBOX = 0x0002


def harden_process() -> list[str]:
    """Apply what this platform allows; return the names of the steps that took effect."""
    done: list[str] = []
    if sys.platform.startswith("linux") and _not_dumpable():
        done.append("not_dumpable")
    if sys.platform != "win32" and _no_core_files():  # after: a test waits for this one
        done.append("rlimit_core")
    if sys.platform == "win32" and _no_crash_dialog():
        done.append("no_crash_dialog")
    return done


def _no_core_files() -> bool:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        return True
    except (ImportError, OSError, ValueError) as exc:
        _warn("could not turn off core files: %s", type(exc).__name__)
        return False


def _not_dumpable() -> bool:
    try:
        # The process's own symbols include libc's: no `ldconfig -p` subprocess to find it.
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")
        return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0)
    except (OSError, AttributeError) as exc:
        _warn("could not make the process undumpable: %s", type(exc).__name__)
        return False


def _no_crash_dialog() -> bool:
    try:
        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
        kernel32.SetErrorMode(_SEM_FAILCRITICALERRORS | _SEM_NOGPFAULTERRORBOX)
        return True
    except (OSError, AttributeError) as exc:
        _warn("could not turn off the crash dialog: %s", type(exc).__name__)
        return False


def _warn(message: str, *args: object) -> None:
    import logging

    logging.getLogger(__name__).warning(message, *args)
