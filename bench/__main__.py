"""Run every `bench/bench_*.py` module (or those named) and write docs/PERFORMANCE.md.

Each module defines `TITLE: str` and `run(quick: bool) -> str`, returning a Markdown section
(tables of medians and ratios against a baseline measured in the same run). Figures on this
shared machine are noisy: ratios matter more than absolute numbers.

    python -m bench                 # everything, full sizes
    python -m bench --quick         # small sizes, to check the harness
    python -m bench journal sync    # only bench_journal.py and bench_sync.py
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import platform
import sys
import time
from pathlib import Path

import bench

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "PERFORMANCE.md"


def machine() -> str:
    import nacl
    import sqlcipher3

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, PyNaCl {nacl.__version__}, "
        f"SQLite {sqlcipher3.sqlite_version}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("only", nargs="*", help="names of bench modules to run")
    parser.add_argument("--quick", action="store_true", help="small sizes (harness check)")
    parser.add_argument("--out", type=Path, default=REPORT)
    args = parser.parse_args()
    names = sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")
    )
    if args.only:
        names = [n for n in names if n.removeprefix("bench_") in args.only]
    sections = []
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"== {module.TITLE}", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        sections.append(module.run(args.quick))
        print(f"   done in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    header = (
        "# Performance\n\n"
        "Written by `make bench` (`python -m bench`); do not edit by hand. "
        f"Last run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
        f"{' (quick sizes: NOT the real figures)' if args.quick else ''}.\n\n"
        f"Machine: {machine()}.\n\n"
        "Reference floor: `../shared/design/LIMITS.md`. Every baseline below is re-measured in "
        "the same run as the figure it is compared with; medians of repeated runs; the "
        "machine is shared and noisy, so read ratios rather than absolute numbers.\n\n"
    )
    if args.only and args.out.exists():
        # Keep the other sections from the previous full run.
        sections = _merge(args.out.read_text(encoding="utf-8"), sections)
    args.out.write_text(header + "\n".join(sections), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _merge(previous: str, fresh: list[str]) -> list[str]:
    """Replace sections with the same '## ' heading; keep the rest."""

    def split(text: str) -> dict[str, str]:
        out: dict[str, str] = {}
        parts = text.split("\n## ")
        for part in parts[1:]:
            title = part.split("\n", 1)[0]
            out[title] = "## " + part.rstrip("\n") + "\n"
        return out

    merged = split(previous)
    merged.update(split("\n" + "\n".join(fresh)))
    return list(merged.values())


if __name__ == "__main__":
    sys.exit(main())
