"""Read another process's memory (every readable mapping, through /proc/PID/mem) and count
where given byte strings occur, for the after-lock memory test."""

from __future__ import annotations

import re
from pathlib import Path

_SKIP = ("[vvar]", "[vsyscall]", "[vvar_vclock]")


def read_memory(pid: int) -> list[tuple[str, bytes]]:
    """(name of the mapping, its bytes) for every readable private or heap mapping."""
    regions = []
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
            fields = line.split()
            span, perms = fields[0], fields[1]
            name = fields[5] if len(fields) > 5 else "[anon]"
            if not perms.startswith("r") or name in _SKIP:
                continue
            if name.startswith("/") and "w" not in perms:
                continue  # read-only file mappings: code and data of libraries, not ours
            start, end = (int(x, 16) for x in span.split("-"))
            try:
                mem.seek(start)
                regions.append((name, mem.read(end - start)))
            except (OSError, ValueError, OverflowError):
                continue
    return regions


def count(regions: list[tuple[str, bytes]], needle: bytes) -> dict[str, int]:
    found: dict[str, int] = {}
    pattern = re.compile(re.escape(needle))
    for name, data in regions:
        hits = len(pattern.findall(data))
        if hits:
            found[name] = found.get(name, 0) + hits
    return found
