"""What SQLCipher's `cipher_memory_security` would cost Haven (issue 13): the same journal
work with it OFF (Haven's setting) and ON, each in a fresh process, since the setting is
process-wide and cannot be switched off again once on. See THREAT_MODEL §5, "A locked app",
for what it would and would not remove from memory."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.stats import median, table

TITLE = "cipher_memory_security (issue 13)"
WORDS = [
    "river",
    "stone",
    "light",
    "quiet",
    "morning",
    "garden",
    "letter",
    "window",
    "friend",
    "courage",
]


def _child(mode: str, entries: int) -> dict[str, float]:
    """Runs in its own process: fill a vault, then time adds, searches and list pages."""
    os.environ.update(HAVEN_INSECURE_TEST_KDF="1", HAVEN_TEST_SUITE="1")
    import haven.store.vault as vault_module
    from haven.core import session as core_session

    if mode == "on":
        connect = vault_module._connect

        def secured(path: Path, key: bytearray) -> object:
            conn = connect(path, key)
            conn.execute("PRAGMA cipher_memory_security = ON")
            return conn

        vault_module._connect = secured  # type: ignore[assignment]
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        s = core_session.create(
            Path(tmp) / "v", "bench pass phrase 7781", "R", check_strength=False
        )
        t = time.perf_counter()
        for i in range(entries):
            s.journal.add(" ".join(rng.choice(WORDS) for _ in range(60)), f"entry {i}")
        add_ms = (time.perf_counter() - t) * 1000 / entries
        t = time.perf_counter()
        for _ in range(200):
            s.journal.search(rng.choice(WORDS), limit=50)
        search_ms = (time.perf_counter() - t) * 1000 / 200
        t = time.perf_counter()
        for _ in range(50):
            s.journal.list(limit=100)
        list_ms = (time.perf_counter() - t) * 1000 / 50
        s.lock()
    return {"add": add_ms, "search": search_ms, "list": list_ms}


def _measure(mode: str, entries: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_memory_security", mode, str(entries)],
        capture_output=True,
        check=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def run(quick: bool) -> str:
    entries, repeats = (300, 1) if quick else (1500, 3)
    runs: dict[str, list[dict[str, float]]] = {"off": [], "on": []}
    for _ in range(repeats):
        for mode in ("off", "on"):
            runs[mode].append(_measure(mode, entries))
    rows = []
    labels = {
        "add": "add one entry",
        "search": "full-text search, 50 results",
        "list": "list a page of 100",
    }
    for key, label in labels.items():
        off = median([r[key] for r in runs["off"]])
        on = median([r[key] for r in runs["on"]])
        rows.append([label, off, on, f"{on / off:.1f}×"])
    return (
        f"## {TITLE}\n\n"
        f"{entries:,} entries; medians of {repeats} fresh processes per setting, ms.\n\n"
        + table(["operation", "OFF (Haven)", "ON", "ON / OFF"], rows)
        + "\nHaven keeps it OFF: see THREAT_MODEL §5 for what ON would remove from memory "
        "(the key's hex copy, now removed by not caching the key statement) and what it "
        "would not (no copy of journal text fewer).\n"
    )


if __name__ == "__main__":
    print(json.dumps(_child(sys.argv[1], int(sys.argv[2]))))
