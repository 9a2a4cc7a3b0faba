"""Issue 5 §2's figures: the real `haven-relay` process on 127.0.0.1 with many subscribed
clients, against a bare `websockets` echo server measured in the same run.

- accepted blobs/s: W writers, each keeping WINDOW appends outstanding (an append is answered
  only once durable, i.e. after a group commit with fsync), on mailboxes with no subscriber;
  baseline: the same clients, windows and 300-byte messages against an echo server.
- fan-out latency: N subscribers in groups of GROUP per mailbox; each round one writer per
  mailbox appends a blob stamped with the send time; latency = delivery time − send time,
  over every delivery (sender and receivers share this process's monotonic clock).
- relay peak RSS: VmHWM from /proc/PID/status, and VmRSS with all N subscribed.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import select
import struct
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from websockets.asyncio.client import ClientConnection, connect

from bench.stats import median, percentile, table, verdict
from haven.relay.client import RelayClient
from haven.relay.protocol import Appended

T = TypeVar("T")
TITLE = "Relay (issue 5 §2)"
BLOB_BYTES = 300
GROUP = 20
WINDOW = 8
PAIRS = 3
CONNECT_PARALLEL = 50
CONFIG = """log_level = "warning"
[limits]
max_connections = 10000
blobs_per_minute_per_connection = 100000000
blobs_per_minute_per_address = 100000000
"""
ECHO_SERVER = """
import asyncio, sys
from websockets.asyncio.server import serve
async def echo(ws):
    async for m in ws:
        await ws.send(m)
async def main():
    async with serve(echo, "127.0.0.1", 0, compression=None, max_queue=4) as s:
        print(f"echo listening on ws://127.0.0.1:{s.sockets[0].getsockname()[1]}/", flush=True)
        await asyncio.Future()
asyncio.run(main())
"""


def _raise_fd_limit(need: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = need if hard == resource.RLIM_INFINITY else min(hard, max(soft, need))
    if want > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def _start(cmd: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], 30)  # bounded wait for the first line
    line = proc.stdout.readline().decode().strip() if ready else ""
    if "listening on " not in line:
        proc.kill()
        raise RuntimeError(f"server did not start: {line!r}")
    return proc, line.rsplit(" ", 1)[1]


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    if proc.stdout is not None:
        proc.stdout.close()


def _status_mib(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _blob(stamp: float) -> bytes:
    return struct.pack("<d", stamp) + os.urandom(BLOB_BYTES - 8)


async def _gather_bounded(factories: list[Callable[[], Awaitable[T]]], parallel: int) -> list[T]:
    sem = asyncio.Semaphore(parallel)

    async def one(factory: Callable[[], Awaitable[T]]) -> T:
        async with sem:
            return await factory()

    return list(await asyncio.gather(*(one(f) for f in factories)))


async def _relay_throughput(url: str, writers: int, total: int) -> float:
    clients = await _gather_bounded(
        [partial(RelayClient.connect, url, os.urandom(32)) for _ in range(writers)],
        CONNECT_PARALLEL,
    )
    per = total // writers

    async def writer(c: RelayClient) -> None:
        window: deque[asyncio.Future[Appended]] = deque()  # at most WINDOW outstanding
        for _ in range(per):
            if len(window) >= WINDOW:
                await window.popleft()
            window.append(await c.send_append(_blob(0.0)))
        for ack in window:
            await ack

    t0 = time.perf_counter()
    async with asyncio.timeout(300):
        await asyncio.gather(*(writer(c) for c in clients))
    rate = per * writers / (time.perf_counter() - t0)
    await asyncio.gather(*(c.close() for c in clients))
    return rate


async def _echo_connect(url: str) -> ClientConnection:
    return await connect(url, compression=None)


async def _echo_throughput(url: str, writers: int, total: int) -> float:
    conns: list[ClientConnection] = await _gather_bounded(
        [partial(_echo_connect, url) for _ in range(writers)], CONNECT_PARALLEL
    )
    per = total // writers
    payload = os.urandom(BLOB_BYTES + 40)  # about the size of an append frame

    async def writer(ws: ClientConnection) -> None:
        window = asyncio.Semaphore(WINDOW)  # at most WINDOW outstanding, as for appends

        async def send_windowed() -> None:
            for _ in range(per):
                await window.acquire()
                await ws.send(payload)

        async def recv_windowed() -> None:
            for _ in range(per):
                await ws.recv()
                window.release()

        await asyncio.gather(send_windowed(), recv_windowed())

    t0 = time.perf_counter()
    async with asyncio.timeout(300):
        await asyncio.gather(*(writer(ws) for ws in conns))
    rate = per * writers / (time.perf_counter() - t0)
    await asyncio.gather(*(ws.close() for ws in conns))
    return rate


async def _fanout(url: str, pid: int, subscribers: int, rounds: int) -> dict[str, float]:
    mailboxes = max(1, subscribers // GROUP)
    keys = [os.urandom(32) for _ in range(mailboxes)]
    t0 = time.perf_counter()
    subs: list[RelayClient] = await _gather_bounded(
        [partial(RelayClient.connect, url, keys[i % mailboxes]) for i in range(subscribers)],
        CONNECT_PARALLEL,
    )
    await _gather_bounded([partial(c.subscribe, 0) for c in subs], CONNECT_PARALLEL)
    connect_s = time.perf_counter() - t0
    rss_subscribed = _status_mib(pid, "VmRSS")
    writers = [await RelayClient.connect(url, k) for k in keys]
    latencies: list[float] = []

    async def receive(c: RelayClient, n: int) -> None:
        for _ in range(n):
            _, blob = await c.next_push(30)
            latencies.append(time.perf_counter() - struct.unpack("<d", blob[:8])[0])

    t_rounds = time.perf_counter()
    async with asyncio.timeout(600):
        for _ in range(rounds):
            receivers = [asyncio.create_task(receive(c, 1)) for c in subs]
            await asyncio.gather(*(w.append(_blob(time.perf_counter())) for w in writers))
            await asyncio.gather(*receivers)
    deliveries_s = len(latencies) / (time.perf_counter() - t_rounds)
    await asyncio.gather(*(c.close() for c in subs + writers))
    return {
        "connect_s": connect_s,
        "rss_subscribed": rss_subscribed,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
        "deliveries_s": deliveries_s,
        "n": len(latencies),
        "mailboxes": mailboxes,
    }


def run(quick: bool) -> str:
    subscribers = 50 if quick else 1000
    rounds = 10 if quick else 30
    writers, total = (20, 2000) if quick else (100, 20000)
    _raise_fd_limit(4 * subscribers + 1024)
    with tempfile.TemporaryDirectory(prefix="haven-bench-relay-") as tmp:
        cfg = Path(tmp) / "relay.toml"
        cfg.write_text(CONFIG)
        relay, url = _start(
            [
                sys.executable,
                "-m",
                "haven.relay",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--db",
                str(Path(tmp) / "relay.db"),
                "--config",
                str(cfg),
            ]
        )
        echo, echo_url = _start([sys.executable, "-c", ECHO_SERVER])
        try:
            rss_idle = _status_mib(relay.pid, "VmRSS")
            fan = asyncio.run(_fanout(url, relay.pid, subscribers, rounds))
            relay_rates: list[float] = []
            echo_rates: list[float] = []
            for _ in range(PAIRS):  # alternate, so both see the same noise from neighbours
                relay_rates.append(asyncio.run(_relay_throughput(url, writers, total)))
                echo_rates.append(asyncio.run(_echo_throughput(echo_url, writers, total)))
            peak = _status_mib(relay.pid, "VmHWM")
        finally:
            with contextlib.suppress(Exception):
                _stop(echo)
            _stop(relay)
    rate, base = median(relay_rates), median(echo_rates)
    ratios = sorted(r / e for r, e in zip(relay_rates, echo_rates, strict=True))
    ratio = median(ratios)
    rows = [
        [
            "blobs accepted/s (durable acks)",
            rate,
            f"echo {base:,.0f} msg/s; ratio {ratio:.2f} (pairs {ratios[0]:.2f}–{ratios[-1]:.2f})",
            "≥ 0.50 × echo",
            verdict(ratio >= 0.5),
        ],
        [
            f"relay RSS with {subscribers} subscribed",
            fan["rss_subscribed"],
            f"idle {rss_idle:.1f} MiB",
            "≤ 80 MB" if not quick else "(1,000 only)",
            verdict(fan["rss_subscribed"] * 1.048576 <= 80),
        ],
        ["relay peak RSS (VmHWM), MiB", peak, "whole run", "—", "—"],
        ["fan-out p50, ms", fan["p50_ms"], f"{fan['n']:,} deliveries", "—", "—"],
        [
            "fan-out p99, ms",
            fan["p99_ms"],
            f"{fan['mailboxes']} mailboxes × {GROUP}",
            "≤ 250 ms",
            verdict(fan["p99_ms"] <= 250),
        ],
        ["deliveries/s during fan-out rounds", fan["deliveries_s"], "", "—", "—"],
        [f"connect + subscribe {subscribers} clients, s", fan["connect_s"], "", "—", "—"],
    ]
    return (
        f"## {TITLE}\n\n"
        f"`bench/bench_relay.py`: the real relay process (SQLite WAL, group commit, fsync per "
        f"batch) with {subscribers} subscribed WebSocket clients in groups of {GROUP} per "
        f"mailbox, {rounds} fan-out rounds of one {BLOB_BYTES}-byte blob per mailbox; "
        f"throughput with {writers} writers × {WINDOW} outstanding appends "
        f"({total:,} blobs; median of {PAIRS} alternating pairs) against a bare `websockets` "
        "echo server with the same clients and window, measured in the same run. Clients and "
        "servers share the machine's 2 cores, so the client side's own cost is inside every "
        "figure.\n\n" + table(["figure", "value", "context", "target", "verdict"], rows)
    )


if __name__ == "__main__":
    print(run("--quick" in sys.argv))
