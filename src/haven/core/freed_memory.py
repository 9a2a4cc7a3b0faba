"""Freed memory that forgets: the app restarts itself once, at start, so that memory it
frees is overwritten rather than left holding what it held.

Locking drops every reference to the journal text the window showed, but dropping is not
erasing. CPython keeps small strings in its own pools (pymalloc) and glibc keeps freed
chunks as they were, so copies of text the app showed stay readable in a memory image
until the space is reused — 13 copies of a canary entry in the test's window before this.

On Linux with glibc the cure is three settings the C library and Python read only when a
process starts, which is why the app execs itself once with them in its environment:

- `PYTHONMALLOC=malloc`: Python objects come from the C allocator, not pymalloc's pools;
- `GLIBC_TUNABLES=glibc.malloc.perturb=…`: glibc overwrites every chunk it frees with a
  fixed byte (the documented `M_PERTURB` / `MALLOC_PERTURB_` facility);
- `glibc.malloc.tcache_count=0`: no per-thread cache, whose chunks glibc does not perturb.

Qt's and SQLCipher's heaps are the same glibc heap, so their freed buffers are overwritten
too. The cost is slower allocation and a second interpreter start (docs/PERFORMANCE.md,
"Freed-memory restart at start": about a third more time from launch to the app's imports
done, unlock unchanged, on a loaded machine), so only the app does it; the CLI, which does
not lock and exits at once, is left as it is. Elsewhere (macOS, Windows, another libc, a
frozen bundle) nothing happens, and THREAT_MODEL §5 says freed copies may remain.
"""

from __future__ import annotations

import os
import sys

#: Set in the restarted process, so it does not restart again.
MARK = "HAVEN_FREED_MEMORY"
_PERTURB = 0xA5  # any non-zero byte; zero would leave freed and fresh memory alike


def settings(environ: dict[str, str]) -> dict[str, str]:
    """The environment the restarted process gets."""
    tunables = [t for t in environ.get("GLIBC_TUNABLES", "").split(":") if t]
    tunables = [
        t
        for t in tunables
        if not t.startswith(("glibc.malloc.perturb=", "glibc.malloc.tcache_count="))
    ]
    tunables += [f"glibc.malloc.perturb={_PERTURB}", "glibc.malloc.tcache_count=0"]
    return dict(environ, PYTHONMALLOC="malloc", GLIBC_TUNABLES=":".join(tunables), **{MARK: "1"})


def supported() -> bool:
    if not sys.platform.startswith("linux") or getattr(sys, "frozen", False):
        return False
    import platform

    return platform.libc_ver()[0] == "glibc"


def active() -> bool:
    """This process runs with freed memory overwritten."""
    return os.environ.get(MARK) == "1" and os.environ.get("PYTHONMALLOC") == "malloc"


def restart_scrubbed() -> None:
    """Exec this same command again with the settings above; returns only when that is not
    possible or already done. Call it before any key, passphrase or content exists."""
    if os.environ.get(MARK) or not supported():
        return
    argv = list(getattr(sys, "orig_argv", [])) or [sys.executable, *sys.argv]
    try:
        sys.stdout.flush()
        sys.stderr.flush()
        os.execve(sys.executable, argv, settings(dict(os.environ)))
    except OSError:
        return  # the app still runs, without this protection
