"""The channel's own cost: handshake time and stream throughput over 127.0.0.1, each against
a bare asyncio-streams baseline measured in the same run (same loop, same process, same
message sizes), so the ratio isolates what crypto_kx, the space proofs and secretstream add.

Both ends run in one event loop on one core, for the channel and for the baseline alike.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable, Coroutine
from typing import Any

import nacl.bindings as b

from bench.stats import median, percentile, table, verdict
from haven.core.space_secrets import SpaceSecret, secret_for
from haven.sync import Channel, connect, serve
from haven.sync.handshake import Handshake, Role

TITLE = "Channel (issue 3 §2)"
HOST = "127.0.0.1"
CHUNK = 64 * 1024
#: Budget for one handshake on loopback, both ends in one process.
HANDSHAKE_BUDGET_MS = 5.0
#: The channel should reach this share of its ceiling: a bare stream that also spends the
#: time of the secretstream push + pull of each frame, length and message (both measured
#: in the same run).
CEILING_SHARE = 0.8


def _space() -> SpaceSecret:
    return secret_for(os.urandom(16), 0, os.urandom(32))


def _in_memory_handshake(mine: list[SpaceSecret], theirs: list[SpaceSecret]) -> float:
    t0 = time.perf_counter()
    i, r = Handshake(Role.INITIATOR, mine), Handshake(Role.RESPONDER, theirs)
    out = i.start()
    while not (i.done and r.done):
        out = r.receive(out)
        if not i.done:
            out = i.receive(out)
    return time.perf_counter() - t0


async def _bare_handshake_like(port: int) -> float:
    """Connect, one round trip of handshake-sized messages, close: the floor for a handshake."""
    t0 = time.perf_counter()
    reader, writer = await asyncio.open_connection(HOST, port)
    writer.write(bytes(300))
    await writer.drain()
    await reader.readexactly(300)
    writer.close()
    await writer.wait_closed()
    return time.perf_counter() - t0


async def _echo_300(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        writer.write(await reader.readexactly(300))
        await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    writer.close()


async def _handshakes(n: int, offered: int) -> tuple[list[float], list[float]]:
    shared = _space()
    mine = [shared] + [_space() for _ in range(offered - 1)]
    theirs = [shared] + [_space() for _ in range(offered - 1)]

    async def idle(channel: Channel) -> None:
        return None

    channel_times, bare_times = [], []
    async with await serve(HOST, 0, lambda: theirs, idle) as server:
        bare = await asyncio.start_server(_echo_300, HOST, 0)
        bare_port = bare.sockets[0].getsockname()[1]
        for _ in range(n):
            t0 = time.perf_counter()
            channel = await connect(HOST, server.port, mine)
            channel_times.append(time.perf_counter() - t0)
            await channel.close()
            bare_times.append(await _bare_handshake_like(bare_port))
        bare.close()
        await bare.wait_closed()
    return channel_times, bare_times


async def _channel_throughput(total: int) -> float:
    s = _space()
    done = asyncio.Event()

    async def sink(channel: Channel) -> None:
        got = 0
        while got < total:
            got += len(await channel.recv())
        await channel.send(b"done")
        done.set()

    payload = os.urandom(CHUNK)
    async with await serve(HOST, 0, lambda: [s], sink) as server:
        async with await connect(HOST, server.port, [s]) as channel:
            t0 = time.perf_counter()
            for _ in range(total // CHUNK):
                await channel.send(payload)
            assert await channel.recv() == b"done"
            elapsed = time.perf_counter() - t0
        await done.wait()
    return total / elapsed


async def _bare_throughput(total: int) -> float:
    async def sink(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        got = 0
        while got < total:
            got += len(await reader.read(CHUNK))
        writer.write(b"done")
        await writer.drain()
        writer.close()

    payload = os.urandom(CHUNK)
    server = await asyncio.start_server(sink, HOST, 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection(HOST, port)
    t0 = time.perf_counter()
    for _ in range(total // CHUNK):
        writer.write(payload)
        await writer.drain()
    assert await reader.readexactly(4) == b"done"
    elapsed = time.perf_counter() - t0
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    return total / elapsed


def _crypto_rate(total: int) -> float:
    """secretstream push + pull of what one frame carries (a 4-byte length, then a
    CHUNK-sized message) in a bare loop (bytes/s)."""
    key = b.crypto_secretstream_xchacha20poly1305_keygen()
    push, pull = (b.crypto_secretstream_xchacha20poly1305_state() for _ in range(2))
    header = b.crypto_secretstream_xchacha20poly1305_init_push(push, key)
    b.crypto_secretstream_xchacha20poly1305_init_pull(pull, header, key)
    payload, length = os.urandom(CHUNK), CHUNK.to_bytes(4, "big")
    t0 = time.perf_counter()
    for _ in range(total // CHUNK):
        for part in (length, payload):
            b.crypto_secretstream_xchacha20poly1305_pull(
                pull, b.crypto_secretstream_xchacha20poly1305_push(push, part)
            )
    return total / (time.perf_counter() - t0)


def _repeat(fn: Callable[[], Coroutine[Any, Any, float]], times: int) -> list[float]:
    return [asyncio.run(fn()) for _ in range(times)]


def run(quick: bool) -> str:
    n_hs, total, reps = (20, 8 * 1024 * 1024, 3) if quick else (200, 128 * 1024 * 1024, 5)
    cpu_1 = [_in_memory_handshake([s], [s]) for s in (_space() for _ in range(n_hs))]
    cpu_64 = [
        _in_memory_handshake(m, m)
        for m in ([_space() for _ in range(64)] for _ in range(max(5, n_hs // 10)))
    ]
    ch_1, bare_1 = asyncio.run(_handshakes(n_hs, 1))
    ch_64, _ = asyncio.run(_handshakes(max(5, n_hs // 10), 64))
    tp_channel = _repeat(lambda: _channel_throughput(total), reps)
    tp_bare = _repeat(lambda: _bare_throughput(total), reps)
    tp_crypto = [_crypto_rate(total) for _ in range(reps)]

    ms = 1000.0
    hs_median = median(ch_1) * ms
    ratio = median(tp_channel) / median(tp_bare)
    ceiling = 1 / (1 / median(tp_bare) + 1 / median(tp_crypto))
    share = median(tp_channel) / ceiling
    rows_hs = [
        [
            "bare TCP connect + one 300 B round trip (baseline)",
            median(bare_1) * ms,
            percentile(bare_1, 95) * ms,
            "1.0",
        ],
        [
            "channel handshake, 1 space offered (TCP)",
            hs_median,
            percentile(ch_1, 95) * ms,
            f"{median(ch_1) / median(bare_1):.1f}",
        ],
        [
            "channel handshake, 64 spaces offered (TCP)",
            median(ch_64) * ms,
            percentile(ch_64, 95) * ms,
            f"{median(ch_64) / median(bare_1):.1f}",
        ],
        [
            "both handshake machines in memory, 1 space",
            median(cpu_1) * ms,
            percentile(cpu_1, 95) * ms,
            "—",
        ],
        [
            "both handshake machines in memory, 64 spaces",
            median(cpu_64) * ms,
            percentile(cpu_64, 95) * ms,
            "—",
        ],
    ]
    mib = 1024 * 1024
    rows_tp = [
        ["bare asyncio streams (baseline)", median(tp_bare) / mib, "1.00"],
        [
            "secretstream push + pull (length + message) alone, in memory",
            median(tp_crypto) / mib,
            f"{median(tp_crypto) / median(tp_bare):.2f}",
        ],
        [
            "ceiling: bare stream + push + pull, serially",
            ceiling / mib,
            f"{ceiling / median(tp_bare):.2f}",
        ],
        ["channel (secretstream, 64 KiB messages)", median(tp_channel) / mib, f"{ratio:.2f}"],
    ]
    return (
        f"## {TITLE}\n\n"
        "Handshake: TCP connect, both keys and padding, crypto_kx, the mark, secretstream headers, "
        "both encrypted hellos, padded offers "
        "and answers (the responder's tags and proofs are keyed BLAKE2b). "
        f"{n_hs} connections, both ends in one process.\n\n"
        + table(["What", "median ms", "p95 ms", "× baseline"], rows_hs)
        + f"\nHandshake budget {HANDSHAKE_BUDGET_MS:g} ms (median, 1 space): "
        f"{verdict(hs_median <= HANDSHAKE_BUDGET_MS)}.\n\n"
        f"Throughput: {total // mib} MiB one way in {CHUNK // 1024} KiB messages, "
        f"median of {reps} runs.\n\n"
        + table(["Path", "MiB/s", "× baseline"], rows_tp)
        + "\nBoth ends share one core, so every byte is encrypted and decrypted on it: the "
        "ceiling is the bare stream plus the push and pull of each frame (length, message). "
        f"Channel reaches {share:.0%} of that ceiling (target ≥ {CEILING_SHARE:.0%}): "
        f"{verdict(share >= CEILING_SHARE)}.\n"
    )
