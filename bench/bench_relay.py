"""Issue 12's figures: the real `haven-relay` process on 127.0.0.1, on SQLite and on
PostgreSQL (one and two relay processes sharing the database), each against a floor measured
in the same run.

- one-at-a-time durable appends/s: P publishers, each waiting for its acknowledgement before
  the next append; floor: P ÷ the fsync latency of this disk (a group commit per fsync);
- pipelined appends/s: P publishers × WINDOW appends in flight; floor: a bare `websockets`
  echo server with the same clients, window and frame size;
- fan-out: N subscribers in groups of GROUP per mailbox, one blob per mailbox every 100 ms
  (each subscriber gets 10 events/s); latency = delivery time − send time, over every
  delivery (one process, one monotonic clock); and the most deliveries/s with rounds back to
  back, through one relay process and through two on one PostgreSQL database;
- relay RSS: VmRSS idle and with N subscribed.
"""

from __future__ import annotations

import asyncio
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
TITLE = "Relay (issue 12)"
BLOB_BYTES = 300
GROUP = 20
WINDOW = 32
PUBLISHERS = 10
PAIRS = 3
CONNECT_PARALLEL = 50
EVENT_INTERVAL_S = 0.1
# Admission limits out of the way: every client here is one address (127.0.0.1).
CONFIG = """log_level = "warning"
[limits]
max_connections = 10000
connection_memory_bytes = 4294967296
connections_per_address = 100000
unauthenticated_per_address = 100000
connections_per_minute_per_address = 100000000
connections_per_mailbox = 100000
blobs_per_minute_per_connection = 100000000
blobs_per_minute_per_address = 100000000
frames_per_minute_per_mailbox = 100000000
new_mailboxes_per_hour = 100000000
new_mailboxes_per_hour_per_address = 100000000
claim_pow_bits = 8
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


def _start(
    cmd: list[str], env: dict[str, str] | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    full_env = None if env is None else {**os.environ, **env}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=full_env)
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


def _cpu_s(pid: int) -> float:
    """CPU seconds a process has used (all its threads, user + system): what it cost,
    whatever the other processes on a loaded machine did to how long it took."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _blob(stamp: float) -> bytes:
    return struct.pack("<d", stamp) + os.urandom(BLOB_BYTES - 8)


async def _gather_bounded(factories: list[Callable[[], Awaitable[T]]], parallel: int) -> list[T]:
    sem = asyncio.Semaphore(parallel)

    async def one(factory: Callable[[], Awaitable[T]]) -> T:
        async with sem:
            return await factory()

    return list(await asyncio.gather(*(one(f) for f in factories)))


async def _publishers(url: str, count: int) -> list[RelayClient]:
    clients = await _gather_bounded(
        [partial(RelayClient.connect, url, os.urandom(32)) for _ in range(count)],
        CONNECT_PARALLEL,
    )
    await asyncio.gather(*(c.claim() for c in clients))  # paid before the clock starts
    return clients


async def _pipelined(url: str, total: int) -> float:
    clients = await _publishers(url, PUBLISHERS)
    per = total // PUBLISHERS

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
    rate = per * PUBLISHERS / (time.perf_counter() - t0)
    await asyncio.gather(*(c.close() for c in clients))
    return rate


async def _one_at_a_time(url: str, seconds: float) -> tuple[float, list[float]]:
    """Appends/s with each publisher waiting for its ack; and every ack's latency."""
    clients = await _publishers(url, PUBLISHERS)
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def writer(c: RelayClient) -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            await c.append(_blob(0.0))
            latencies.append(time.perf_counter() - started)

    t0 = time.perf_counter()
    await asyncio.gather(*(writer(c) for c in clients))
    rate = len(latencies) / (time.perf_counter() - t0)
    await asyncio.gather(*(c.close() for c in clients))
    return rate, latencies


def _fsync_latency(folder: Path, n: int = 100) -> float:
    """Median time to append 4 KiB to a file and fsync it: one commit's floor on this disk."""
    path = folder / "fsync-probe"
    times: list[float] = []
    with path.open("ab") as f:
        for _ in range(n):
            started = time.perf_counter()
            f.write(os.urandom(4096))
            f.flush()
            os.fsync(f.fileno())
            times.append(time.perf_counter() - started)
    path.unlink()
    return median(times)


async def _echo_connect(url: str) -> ClientConnection:
    return await connect(url, compression=None)


async def _echo_throughput(url: str, total: int) -> float:
    conns: list[ClientConnection] = await _gather_bounded(
        [partial(_echo_connect, url) for _ in range(PUBLISHERS)], CONNECT_PARALLEL
    )
    per = total // PUBLISHERS
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
    rate = per * PUBLISHERS / (time.perf_counter() - t0)
    await asyncio.gather(*(ws.close() for ws in conns))
    return rate


async def _fanout(
    urls: list[str], pid: int, subscribers: int, rounds: int, paced: bool
) -> dict[str, float]:
    """Subscribers spread over `urls` (relay processes); writers append through the first."""
    mailboxes = max(1, subscribers // GROUP)
    keys = [os.urandom(32) for _ in range(mailboxes)]
    writers = await _gather_bounded(
        [partial(RelayClient.connect, urls[0], k) for k in keys], CONNECT_PARALLEL
    )
    await asyncio.gather(*(w.claim() for w in writers))
    subs: list[RelayClient] = await _gather_bounded(
        [
            partial(RelayClient.connect, urls[i % len(urls)], keys[i % mailboxes])
            for i in range(subscribers)
        ],
        CONNECT_PARALLEL,
    )
    await _gather_bounded([partial(c.subscribe, 0) for c in subs], CONNECT_PARALLEL)
    rss_subscribed = _status_mib(pid, "VmRSS")
    latencies: list[float] = []

    async def receive(c: RelayClient, n: int) -> None:
        for _ in range(n):
            _, blob = await c.next_push(30)
            latencies.append(time.perf_counter() - struct.unpack("<d", blob[:8])[0])

    receivers = [asyncio.create_task(receive(c, rounds)) for c in subs]
    t0 = time.perf_counter()
    async with asyncio.timeout(600):
        for n in range(rounds):
            if paced:
                await asyncio.sleep(max(0.0, t0 + n * EVENT_INTERVAL_S - time.perf_counter()))
            await asyncio.gather(*(w.append(_blob(time.perf_counter())) for w in writers))
        await asyncio.gather(*receivers)
    elapsed = time.perf_counter() - t0
    deliveries_s = len(latencies) / elapsed
    await asyncio.gather(*(c.close() for c in subs + writers))
    return {
        "rss_subscribed": rss_subscribed,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
        "deliveries_s": deliveries_s,
        "n": len(latencies),
        "mailboxes": mailboxes,
        "events_s": rounds / elapsed,  # per subscriber
    }


def _relay_cmd(db: str, cfg: Path) -> list[str]:
    command = [sys.executable, "-m", "haven.relay", "--host", "127.0.0.1", "--port", "0"]
    return [*command, "--db", db, "--config", str(cfg)]


class _Postgres:
    """The throw-away PostgreSQL of `.ci/postgres.sh`, or the one HAVEN_TEST_POSTGRES_URL
    names; None when neither is available."""

    def __init__(self) -> None:
        self.url = os.environ.get("HAVEN_TEST_POSTGRES_URL", "")
        self.folder = ""
        if not self.url:
            script = Path(__file__).resolve().parent.parent / ".ci" / "postgres.sh"
            done = subprocess.run([str(script), "start"], capture_output=True, text=True)
            for line in done.stdout.splitlines():
                name, _, value = line.removeprefix("export ").partition("=")
                if name == "HAVEN_TEST_POSTGRES_URL":
                    self.url = value
                elif name == "HAVEN_PG_DIR":
                    self.folder = value

    def database(self, name: str) -> str:
        import asyncpg

        async def create() -> None:
            conn = await asyncpg.connect(self.url)
            try:
                await conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                await conn.execute(f"CREATE DATABASE {name}")
            finally:
                await conn.close()

        asyncio.run(create())
        return self.url.rsplit("/", 1)[0] + "/" + name

    def stop(self) -> None:
        if self.folder:
            script = Path(__file__).resolve().parent.parent / ".ci" / "postgres.sh"
            subprocess.run([str(script), "stop", self.folder], capture_output=True)


def _backend(
    db: str, cfg: Path, subscribers: int, rounds: int, total: int, seconds: float
) -> dict[str, float]:
    relay, url = _start(_relay_cmd(db, cfg))
    try:
        rss_idle = _status_mib(relay.pid, "VmRSS")
        paced = asyncio.run(_fanout([url], relay.pid, subscribers, rounds, paced=True))
        flat = asyncio.run(_fanout([url], relay.pid, subscribers, rounds, paced=False))
        one_rate, acks = asyncio.run(_one_at_a_time(url, seconds))
        cpu_before = _cpu_s(relay.pid)
        piped = [asyncio.run(_pipelined(url, total)) for _ in range(PAIRS)]
        piped_cpu_us = (_cpu_s(relay.pid) - cpu_before) / (PAIRS * total) * 1e6
    finally:
        _stop(relay)
    return {
        "rss_idle": rss_idle,
        "rss_subscribed": paced["rss_subscribed"],
        "fan_p50": paced["p50_ms"],
        "fan_p99": paced["p99_ms"],
        "fan_n": paced["n"],
        "fan_events_s": paced["events_s"],
        "mailboxes": paced["mailboxes"],
        "deliveries_s": flat["deliveries_s"],
        "one_rate": one_rate,
        "ack_p50": percentile(acks, 50) * 1000,
        "ack_p99": percentile(acks, 99) * 1000,
        "piped": median(piped),
        "piped_cpu_us": piped_cpu_us,
    }


def _two_instances(db: str, cfg: Path, subscribers: int, rounds: int) -> float:
    a, url_a = _start(_relay_cmd(db, cfg))
    b, url_b = _start(_relay_cmd(db, cfg))
    try:
        fan = asyncio.run(_fanout([url_a, url_b], a.pid, subscribers, rounds, paced=False))
    finally:
        _stop(b)
        _stop(a)
    return fan["deliveries_s"]


def run(quick: bool) -> str:
    subscribers = 100 if quick else 1000
    rounds = 10 if quick else 30
    total = 2000 if quick else 20000
    seconds = 2.0 if quick else 6.0
    _raise_fd_limit(4 * subscribers + 1024)
    pg = _Postgres()
    with tempfile.TemporaryDirectory(prefix="haven-bench-relay-") as tmp:
        folder = Path(tmp)
        cfg = folder / "relay.toml"
        cfg.write_text(CONFIG)
        fsync_s = _fsync_latency(folder)
        echo, echo_url = _start([sys.executable, "-c", ECHO_SERVER])
        try:
            cpu_before = _cpu_s(echo.pid)
            echo_rate = median(
                [asyncio.run(_echo_throughput(echo_url, total)) for _ in range(PAIRS)]
            )
            echo_cpu_us = (_cpu_s(echo.pid) - cpu_before) / (PAIRS * total) * 1e6
        finally:
            _stop(echo)
        lite = _backend(str(folder / "relay.db"), cfg, subscribers, rounds, total, seconds)
        postgres: dict[str, float] | None = None
        two = 0.0
        try:
            if pg.url:
                postgres = _backend(
                    pg.database("bench_one"), cfg, subscribers, rounds, total, seconds
                )
                two = _two_instances(pg.database("bench_two"), cfg, subscribers, rounds)
        finally:
            pg.stop()
    sizes = (subscribers, rounds, total, seconds)
    return _report(quick, sizes, fsync_s, (echo_rate, echo_cpu_us), lite, postgres, two)


def _report(
    quick: bool,
    sizes: tuple[int, int, int, float],
    fsync_s: float,
    echo: tuple[float, float],
    lite: dict[str, float],
    postgres: dict[str, float] | None,
    two: float,
) -> str:
    subscribers, rounds, total, seconds = sizes
    echo_rate, echo_cpu_us = echo
    bound = PUBLISHERS / fsync_s
    rows: list[list[object]] = []
    for name, r in (("SQLite", lite), ("PostgreSQL", postgres)):
        if r is None:
            rows.append([f"{name}: not measured", "—", "no PostgreSQL server here", "—", "—"])
            continue
        one_target = "≥ 0.8 × fsync bound" if name == "SQLite" else "—"
        rows += [
            [
                f"{name}: durable appends/s, {PUBLISHERS} publishers one at a time",
                r["one_rate"],
                f"fsync bound {bound:,.0f}/s ({fsync_s * 1000:.2f} ms); "
                f"ratio {r['one_rate'] / bound:.2f}",
                one_target,
                verdict(r["one_rate"] >= 0.8 * bound) if name == "SQLite" else "—",
            ],
            [
                f"{name}: ack p50 / p99, ms",
                f"{r['ack_p50']:.1f} / {r['ack_p99']:.1f}",
                "—",
                "—",
                "—",
            ],
            [
                f"{name}: pipelined appends/s ({PUBLISHERS} × {WINDOW} in flight)",
                r["piped"],
                f"echo {echo_rate:,.0f} msg/s; ratio {r['piped'] / echo_rate:.2f}",
                "≥ 0.6 × echo" if name == "SQLite" else "—",
                verdict(r["piped"] >= 0.6 * echo_rate) if name == "SQLite" else "—",
            ],
            [
                f"{name}: relay CPU per pipelined append, µs (all threads)",
                f"{r['piped_cpu_us']:.1f}",
                f"echo server {echo_cpu_us:.1f} µs per message; "
                f"ratio {echo_cpu_us / r['piped_cpu_us']:.2f}",
                "—",
                "—",
            ],
            [
                f"{name}: fan-out p50 / p99, ms ({subscribers} subscribers, 10 events/s)",
                f"{r['fan_p50']:.0f} / {r['fan_p99']:.0f}",
                f"{int(r['fan_n']):,} deliveries, {int(r['mailboxes'])} mailboxes × {GROUP}; "
                f"reached {r['fan_events_s']:.1f} events/s",
                "p99 ≤ 250 ms",
                verdict(r["fan_p99"] <= 250),
            ],
            [
                f"{name}: deliveries/s, rounds back to back, one relay process",
                r["deliveries_s"],
                "",
                "—",
                "—",
            ],
            [
                f"{name}: relay RSS idle / with {subscribers} subscribed, MiB",
                f"{r['rss_idle']:.1f} / {r['rss_subscribed']:.1f}",
                "",
                "≤ 80 MB subscribed" if not quick else "(1,000 only)",
                verdict(r["rss_subscribed"] * 1.048576 <= 80),
            ],
        ]
    if postgres is not None:
        rows.append(
            [
                "PostgreSQL: deliveries/s, rounds back to back, two relay processes",
                two,
                f"one process: {postgres['deliveries_s']:,.0f}/s; "
                f"ratio {two / postgres['deliveries_s']:.2f}",
                "> one process",
                verdict(two > postgres["deliveries_s"]),
            ]
        )
    return (
        f"## {TITLE}\n\n"
        "`bench/bench_relay.py`: the real relay process on SQLite (WAL, group commit, fsync "
        "per batch) and on PostgreSQL (a throw-away local server, `synchronous_commit` on), "
        f"with {subscribers} subscribed WebSocket clients in groups of {GROUP} per mailbox, "
        f"{rounds} fan-out rounds of one {BLOB_BYTES}-byte blob per mailbox (paced at 10 a "
        f"second, then back to back); {PUBLISHERS} publishers one at a time for {seconds:.0f} s "
        f"and pipelined ({total:,} blobs, median of {PAIRS}); the floors (this disk's fsync "
        "latency, a bare `websockets` echo server) measured in the same run. Clients, relays "
        "and PostgreSQL share the machine's 2 cores, so the client side's own cost is inside "
        "every figure. On a machine other work also loads, the rates and latencies depend on "
        "it; the CPU time per append or message (read from /proc for the server process, all "
        "its threads) does much less.\n\n"
        + table(["figure", "value", "context", "target", "verdict"], rows)
    )


if __name__ == "__main__":
    print(run("--quick" in sys.argv))
