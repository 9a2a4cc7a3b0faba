"""What the app's restart with freed memory overwritten costs at start (issue 13,
core/freed_memory.py): `PYTHONMALLOC=malloc` and glibc's perturb with no tcache, set by
exec'ing the app once. Each figure is a fresh process, plain environment against the
scrubbed one, so the second interpreter start and the slower allocator are both counted.

The exec row runs `haven.__main__`'s own path (restart_scrubbed, then the imports the app
needs before its window), from a cold interpreter each time; the unlock row opens a vault
with the real Argon2id parameters, the one step of a start that allocates the most."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.stats import median, table

TITLE = "Freed-memory restart at start (issue 13)"
ROOT = Path(__file__).resolve().parents[1]
IMPORTS = "import haven.ui.main_window, haven.ui.app"
WITH_RESTART = (
    "from haven.core.freed_memory import restart_scrubbed, active\n"
    "restart_scrubbed()\n"
    "assert active()\n"
    f"{IMPORTS}\n"
)
PASSPHRASE = "bench pass phrase 7781 lantern"


def _env(scrubbed: bool) -> dict[str, str]:
    from haven.core import freed_memory

    env = {k: v for k, v in os.environ.items() if k not in (freed_memory.MARK, "PYTHONMALLOC")}
    env.pop("HAVEN_INSECURE_TEST_KDF", None)  # the real Argon2id parameters
    env["QT_QPA_PLATFORM"] = "offscreen"
    return freed_memory.settings(env) if scrubbed else env


def _wall(code: str, env: dict[str, str]) -> float:
    """Seconds from launching `python -c code` to its exit."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)
    return time.perf_counter() - t


def _unlock_child(data_dir: str) -> dict[str, float]:
    from haven.core import session

    t = time.perf_counter()
    s = session.unlock(Path(data_dir), PASSPHRASE)
    s.journal.list(limit=100)
    opened = time.perf_counter() - t
    t = time.perf_counter()
    s.lock()
    return {"unlock": opened, "lock": time.perf_counter() - t}


def _unlock(data_dir: Path, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_freed_memory", str(data_dir)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        check=True,
        text=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _make_vault(data_dir: Path) -> None:
    from haven.core import session

    s = session.create(data_dir, PASSPHRASE, "R", check_strength=False)
    for i in range(200):
        s.journal.add(f"an entry to list, number {i}, " * 8, f"entry {i}")
    s.lock()


def _pairs(measure: object, repeats: int) -> tuple[list[object], list[object]]:
    """`measure(scrubbed)` alternately plain and scrubbed, so a change in the machine's load
    falls on both sides alike."""
    plain: list[object] = []
    scrubbed: list[object] = []
    for _ in range(repeats):
        plain.append(measure(False))  # type: ignore[operator]
        scrubbed.append(measure(True))  # type: ignore[operator]
    return plain, scrubbed


def run(quick: bool) -> str:
    repeats = 2 if quick else 7
    envs = {False: _env(False), True: _env(True)}
    rows = []
    base, same = _pairs(lambda s: _wall(IMPORTS, envs[s]), repeats)
    a, b = median(base), median(same)  # type: ignore[arg-type]
    rows.append(["Python start + the app's imports", a, b, f"{b / a:.2f}×"])
    base, restarted = _pairs(lambda s: _wall(WITH_RESTART if s else IMPORTS, envs[False]), repeats)
    a, b = median(base), median(restarted)  # type: ignore[arg-type]
    rows.append(["the same, with the restart (exec once)", a, b, f"{b / a:.2f}×"])
    with tempfile.TemporaryDirectory() as tmp:
        vault = Path(tmp) / "v"
        _make_vault(vault)
        plain, scrubbed = _pairs(lambda s: _unlock(vault, envs[s]), repeats)
    for key, label in (("unlock", "unlock (Argon2id MODERATE) + list 100"), ("lock", "lock")):
        a = median([r[key] for r in plain])  # type: ignore[index]
        b = median([r[key] for r in scrubbed])  # type: ignore[index]
        rows.append([label, a, b, f"{b / a:.2f}×"])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"## {TITLE}\n\n"
        f"Seconds, medians of {repeats} fresh processes each, plain and scrubbed taken in "
        f"turn; load average at the end of the run: {load} on 2 cores (a shared machine, "
        "other test suites running: read the ratios, and differences under about 20 % as "
        "noise).\n\n"
        + table(["step", "plain", "freed memory overwritten", "ratio"], rows)
        + "\nThe restart adds one interpreter start before Qt or the vault is loaded (the "
        "second row against the first); the allocator that overwrites freed memory then "
        "slows what allocates a lot. The CLI does not restart.\n"
    )


if __name__ == "__main__":
    print(json.dumps(_unlock_child(sys.argv[1])))
