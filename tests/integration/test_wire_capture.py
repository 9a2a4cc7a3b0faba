"""What a passive observer on the network sees of real sync connections.

100 real sync rounds (two devices of one persona, real vaults, the real engine) run through a
recording proxy on 127.0.0.1. The first kilobyte each way must hold no fixed byte and no
fixed bit at any offset, and the first flights no fixed length: nothing a censor could match
to say "this is Haven".
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from haven.sync.engine import async_start_server, async_sync_once
from tests.helpers import new_session, replica_of

HOST = "127.0.0.1"
CONNECTIONS = 100
CAPTURE = 1024
#: For random bytes, one value at one offset in 9+ of 100 connections happens with
#: probability ~1e-11 per (offset, value): ~1e-5 over the whole capture. Any fixed field
#: (a magic, a length prefix, a version byte) shows up in all 100.
MOST_COMMON_LIMIT = 9


@dataclass
class Capture:
    upstream: bytearray = field(default_factory=bytearray)  # initiator → responder
    downstream: bytearray = field(default_factory=bytearray)
    first_up: int = 0  # the initiator's first flight (before the responder said anything)
    first_down: int = 0  # the responder's first flight (before the initiator answered)


class RecordingProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.captures: list[Capture] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(HOST, self.target_port)
        capture = Capture()
        self.captures.append(capture)

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter, up: bool) -> None:
            with contextlib.suppress(OSError):
                while data := await src.read(65536):
                    if up:
                        if capture.downstream and not capture.first_down:
                            capture.first_down = len(capture.downstream)
                        capture.upstream += data
                    else:
                        if not capture.downstream:
                            capture.first_up = len(capture.upstream)
                        capture.downstream += data
                    dst.write(data)
                    await dst.drain()
            with contextlib.suppress(OSError):
                dst.close()

        await asyncio.gather(pump(reader, up_writer, True), pump(up_reader, writer, False))


def most_common_byte_count(streams: list[bytes]) -> tuple[int, int]:
    """→ (the largest number of streams that share one byte value at one offset, offset)."""
    worst = (0, -1)
    for offset in range(CAPTURE):
        column = [s[offset] for s in streams if len(s) > offset]
        if len(column) < 50:
            break
        count = Counter(column).most_common(1)[0][1]
        worst = max(worst, (count, offset))
    return worst


def fixed_bits(streams: list[bytes]) -> list[int]:
    """Bit positions (offset * 8 + bit) that are the same in every stream that has them."""
    fixed = []
    for offset in range(CAPTURE):
        column = [s[offset] for s in streams if len(s) > offset]
        if len(column) < 50:
            break
        for bit in range(8):
            if len({(v >> bit) & 1 for v in column}) == 1:
                fixed.append(offset * 8 + bit)
    return fixed


def test_a_hundred_sync_connections_share_no_byte_pattern_and_no_length(tmp_path: Path) -> None:
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    a.journal.add("something only the two devices should ever read")

    async def main() -> list[Capture]:
        server = await async_start_server(a, HOST, 0)
        proxy = RecordingProxy(server.port)
        listener = await asyncio.start_server(proxy.handle, HOST, 0)
        port = listener.sockets[0].getsockname()[1]
        try:
            for _ in range(CONNECTIONS):
                report = await async_sync_once(b, HOST, port)
                assert report.error == "" and report.complete
        finally:
            listener.close()
            await server.close()
        return proxy.captures

    captures = asyncio.run(asyncio.wait_for(main(), 300))
    try:
        assert len(captures) == CONNECTIONS
        assert b.journal.count() >= 1  # the rounds really synced
        up = [bytes(c.upstream[:CAPTURE]) for c in captures]
        down = [bytes(c.downstream[:CAPTURE]) for c in captures]
        assert all(len(s) == CAPTURE for s in up) and min(len(s) for s in down) > CAPTURE // 2
        for streams in (up, down):
            count, offset = most_common_byte_count(streams)
            assert count <= MOST_COMMON_LIMIT, f"a byte repeats at offset {offset}"
            assert fixed_bits(streams) == []
        for flights in ([c.first_up for c in captures], [c.first_down for c in captures]):
            assert all(flights)
            assert len(set(flights)) >= 80, "first flights have near-fixed lengths"
            assert Counter(flights).most_common(1)[0][1] <= 5
        text = b"something only the two devices"
        assert not any(text in bytes(c.upstream) + bytes(c.downstream) for c in captures)
    finally:
        a.lock()
        b.lock()
