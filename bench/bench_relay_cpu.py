"""The relay's CPU per pipelined append (issue 12's hot path), against a bare `websockets`
echo server's CPU per message, measured in the same run.

Wall-clock rates on a machine other work loads say more about that work than about the
relay; the CPU a server process spends (user + system, all its threads, read from /proc) per
append does much less. Rounds alternate between the servers; medians of ROUNDS.

With `BENCH_RELAY_CPU_BASE=<git ref>` the relay's source at that ref (`git archive`) is
measured too, in the same rounds: the figure before a change, beside the figure after it.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Coroutine
from pathlib import Path

from bench import bench_relay as relay
from bench.stats import median, table

_Load = Callable[[str, int], Coroutine[object, object, float]]  # (url, messages) -> rate
TITLE = "Relay CPU per pipelined append (issue 12)"
ROUNDS = 5
ROOT = Path(__file__).resolve().parent.parent


def _thread_cpu_s(pid: int, tid: int) -> float:
    fields = Path(f"/proc/{pid}/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _base_source(ref: str, folder: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "src"], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "src"


def run(quick: bool) -> str:
    total = 4000 if quick else 20000
    base_ref = os.environ.get("BENCH_RELAY_CPU_BASE", "")
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="haven-bench-relay-cpu-") as tmp:
        folder = Path(tmp)
        cfg = folder / "relay.toml"
        cfg.write_text(relay.CONFIG)
        servers: dict[str, tuple[subprocess.Popen[bytes], str, _Load]] = {}
        try:
            echo, echo_url = relay._start([sys.executable, "-c", relay.ECHO_SERVER])
            servers["echo"] = (echo, echo_url, relay._echo_throughput)
            if base_ref:
                env = {"PYTHONPATH": str(_base_source(base_ref, folder))}
                proc, url = relay._start(relay._relay_cmd(str(folder / "base.db"), cfg), env)
                servers["before"] = (proc, url, relay._pipelined)
            proc, url = relay._start(relay._relay_cmd(str(folder / "relay.db"), cfg))
            servers["relay"] = (proc, url, relay._pipelined)
            for _, url, fn in servers.values():
                asyncio.run(fn(url, 1000))  # warm up: imports, first statements, pages
            per: dict[str, list[float]] = {name: [] for name in servers}
            loop_thread: dict[str, list[float]] = {name: [] for name in servers}
            for _ in range(ROUNDS):
                for name, (proc, url, fn) in servers.items():
                    cpu, main = relay._cpu_s(proc.pid), _thread_cpu_s(proc.pid, proc.pid)
                    asyncio.run(fn(url, total))
                    per[name].append((relay._cpu_s(proc.pid) - cpu) / total * 1e6)
                    loop_thread[name].append(
                        (_thread_cpu_s(proc.pid, proc.pid) - main) / total * 1e6
                    )
        finally:
            for proc, _, _ in servers.values():
                relay._stop(proc)
    echo_us = median(per["echo"])
    rows: list[list[object]] = [
        ["bare websockets echo, µs per message", f"{echo_us:.1f}", "—", "1.00"],
    ]
    for name, label in (("before", f"relay at `{base_ref}`"), ("relay", "relay (this tree)")):
        if name in per:
            us, loop_us = median(per[name]), median(loop_thread[name])
            rows.append(
                [
                    f"{label}, µs per pipelined append",
                    f"{us:.1f}",
                    f"{loop_us:.1f} / {us - loop_us:.1f}",
                    f"{echo_us / us:.2f}",
                ]
            )
    return (
        f"## {TITLE}\n\n"
        "`bench/bench_relay_cpu.py`: CPU seconds (user + system, every thread, from /proc) a "
        f"server process spends per message: {relay.PUBLISHERS} publishers × {relay.WINDOW} "
        f"appends in flight of {relay.BLOB_BYTES}-byte blobs to the real relay on SQLite "
        "(WAL, a group commit with fsync per batch), and the same clients, window and frame "
        f"size against a bare `websockets` echo server; {total:,} per round, rounds "
        f"alternating between the servers, median of {ROUNDS}. /proc counts in clock ticks "
        f"(10 ms: {1e4 / total:.1f} µs per message at this size). Load average at the start: "
        f"{load[0]:.1f} on {os.cpu_count()} CPUs. The ratio is a guide to the wall-clock ratio of "
        "pipelined appends/s to echo messages/s (issue 12's target: ≥ 0.6) on a quiet "
        "machine, where CPU is what limits both: in the quiet run of `bench_relay.py` the two "
        "ratios agreed (0.28 and 0.28).\n\n"
        + table(["server", "CPU, µs", "event-loop thread / other threads", "echo ÷ this"], rows)
    )


if __name__ == "__main__":
    print(run("--quick" in sys.argv))
