"""A member's device in its own process, as the app would be: unlock, sync the whole space
history from a peer, open the feed. Prints JSON with timings and this process's peak RSS.
Run by bench_spaces.py."""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from pathlib import Path

from haven.core import session
from haven.sync.engine import async_sync_once


def _peak_rss_mib() -> float:
    """VmHWM of this process. Not getrusage: Linux carries ru_maxrss across exec, so a child
    would report its parent's peak (here, the journal bench's 256 MiB Argon2id)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    folder, passphrase, port, space_hex = sys.argv[1:5]
    space = bytes.fromhex(space_hex)
    s = session.unlock(Path(folder), passphrase)
    t0 = time.perf_counter()
    rounds = 0
    while rounds < 20:
        report = asyncio.run(async_sync_once(s, "127.0.0.1", int(port)))
        rounds += 1
        if not any(sp.accepted for sp in report.spaces):
            break
    sync_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    s.spaces.read_feed(space, limit=50)
    s.spaces.members(space)
    feed_ms = (time.perf_counter() - t0) * 1000
    events = s.log.count(space)
    s.lock()
    print(
        json.dumps(
            {
                "sync_s": sync_s,
                "rounds": rounds,
                "events": events,
                "feed_ms": feed_ms,
                "rss_mib": _peak_rss_mib(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
