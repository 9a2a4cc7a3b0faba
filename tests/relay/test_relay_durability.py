"""Crash safety, graceful shutdown, misbehaving clients, and what the relay's files contain."""

from __future__ import annotations

import asyncio
import os
import signal
from collections import deque
from pathlib import Path

import msgpack
import websockets.asyncio.client as wsc
from websockets.exceptions import ConnectionClosedError

from haven.relay import protocol
from haven.relay.client import RelayClient, RelayError
from tests.relay.support import RelayProcess, metric, run, seal, unseal, write_config

FAST = {
    "blobs_per_minute_per_connection": 600_000,
    "blobs_per_minute_per_address": 600_000,
    "frames_per_minute_per_mailbox": 1_200_000,
}


def test_sigkill_mid_stream_keeps_every_acknowledged_blob_exactly_once(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path, write_config(tmp_path / "r.toml", **FAST))
    key = os.urandom(32)
    blobs = [seal(key, f"entry {i}") for i in range(1500)]
    acked: dict[bytes, int] = {}

    async def before_crash() -> tuple[int, int]:
        async with (
            await RelayClient.connect(relay.url, key) as c,
            await RelayClient.connect(relay.url, key) as reader,
        ):
            await reader.subscribe(0)
            seen, failures = 0, 0
            window: deque[tuple[bytes, asyncio.Future[protocol.Appended]]] = deque()

            async def settle_oldest() -> None:
                nonlocal failures
                blob, future = window.popleft()
                try:
                    acked[blob] = (await future).cursor
                except RelayError:
                    failures += 1

            killed = False
            for blob in blobs:  # a steady stream with up to 64 appends in flight
                if len(window) >= 64:
                    await settle_oldest()
                if not killed and len(acked) >= 300:
                    relay.signal(signal.SIGKILL)  # mid-stream: more appends in flight
                    killed = True
                try:
                    window.append((blob, await c.send_append(blob)))
                except RelayError:
                    failures += 1
            while window:
                await settle_oldest()
            assert killed
            while True:  # what the subscriber saw before the crash
                try:
                    seen = (await reader.next_push(5))[0]
                except RelayError:
                    return seen, failures

    reader_cursor, failed = run(before_crash())
    assert relay.wait() == -signal.SIGKILL
    assert len(acked) >= 300 and failed > 0
    relay.start()
    try:

        async def after_restart() -> None:
            async with await RelayClient.connect(relay.url, key) as c:
                stored = await c.fetch_all(0)
                by_blob = {blob: cursor for cursor, blob in stored}
                assert len(by_blob) == len(stored)  # no blob twice
                assert [cur for cur, _ in stored] == sorted({cur for cur, _ in stored})
                for blob, cursor in acked.items():  # every acknowledged blob, same cursor
                    assert by_blob[blob] == cursor
                # The client resumes: re-sends everything; what was stored is a duplicate.
                acks = await c.append_many(blobs)
                for blob, ack in zip(blobs, acks, strict=True):
                    assert ack.dup == (blob in by_blob)
                    if blob in acked:
                        assert ack.cursor == acked[blob]
                final = await c.fetch_all(0)
                assert len(final) == len(blobs) == len({b for _, b in final})
                # The subscriber resumes from its cursor and gets exactly what it missed.
                async with await RelayClient.connect(relay.url, key) as reader:
                    await reader.subscribe(after=reader_cursor)
                    rest = [await reader.next_push(10) for _ in range(len(final) - reader_cursor)]
                    assert [cur for cur, _ in rest] == [cur for cur, _ in final][reader_cursor:]
                    assert unseal(key, rest[-1][1]).startswith("entry ")

        run(after_restart())
    finally:
        relay.stop()


def test_sigterm_flushes_acknowledges_and_exits_cleanly(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path, write_config(tmp_path / "r.toml", **FAST))
    key = os.urandom(32)
    blobs = [seal(key, f"graceful {i}") for i in range(400)]
    acked: dict[bytes, int] = {}

    async def scenario() -> int | None:
        async with await RelayClient.connect(relay.url, key) as c:

            async def one(blob: bytes) -> None:
                acked[blob] = (await c.append(blob)).cursor
                if len(acked) == 100:
                    relay.signal(signal.SIGTERM)

            results = await asyncio.gather(*(one(b) for b in blobs), return_exceptions=True)
            for r in results:
                assert r is None or (
                    isinstance(r, RelayError) and r.code in {"shutting_down", "closed"}
                )
            await c.ws.wait_closed()
            return c.ws.close_code

    assert run(scenario()) == 1001
    assert relay.wait() == 0
    assert "stopped cleanly" in relay.log()
    relay.start()
    try:

        async def check() -> None:
            async with await RelayClient.connect(relay.url, key) as c:
                stored = {blob: cursor for cursor, blob in await c.fetch_all(0)}
                assert all(stored[b] == cur for b, cur in acked.items())

        run(check())
    finally:
        relay.stop()


def _raw(
    relay: RelayProcess, frames: list[bytes | str], creds: protocol.MailboxCredentials
) -> tuple[list[protocol.ServerMessage], int | None]:
    """Authenticate properly, then send `frames`; return what came back and the close code."""

    async def go() -> tuple[list[protocol.ServerMessage], int | None]:
        async with wsc.connect(relay.url, compression=None) as ws:
            challenge = protocol.decode_server(await ws.recv())  # type: ignore[arg-type]
            assert isinstance(challenge, protocol.Challenge)
            await ws.send(protocol.encode(creds.answer(challenge.challenge, os.urandom(16))))
            assert isinstance(
                protocol.decode_server(await ws.recv()),  # type: ignore[arg-type]
                protocol.Welcome,
            )
            for frame in frames:
                await ws.send(frame)
            replies: list[protocol.ServerMessage] = []
            try:
                async for m in ws:
                    replies.append(protocol.decode_server(m))  # type: ignore[arg-type]
            except ConnectionClosedError:
                pass
            return replies, ws.close_code

    return run(go(), timeout=20)


def test_malformed_frames_and_unknown_versions_close_only_that_client(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path, write_config(tmp_path / "r.toml", **FAST))
    key = os.urandom(32)
    creds = protocol.MailboxCredentials.from_space_key(key)
    good = protocol.encode(protocol.Append(id=1, blob=b"fine"))
    bad_frames: list[tuple[bytes | str, str]] = [
        (b"\xc1", "malformed"),  # never-used msgpack byte
        (b"\x93\x01\x02\x03", "malformed"),  # an array, not a map
        ("a text frame", "malformed"),
        (msgpack.packb({"v": 2, "t": "append", "id": 1, "blob": b"x"}), "unsupported_version"),
        (msgpack.packb({"v": 1, "t": "launch", "id": 1}), "malformed"),
        (msgpack.packb({"v": 1, "t": "append", "id": 1}), "malformed"),  # missing blob
        (msgpack.packb({"v": 1, "t": "append", "id": -1, "blob": b"x"}), "malformed"),
        (b"\x84\xa1v\x01\xa1t\xa6append\xa2id\xd1\x00\x01\xa4blob\xc4\x01x", "malformed"),
        (protocol.encode(creds.answer(os.urandom(32), os.urandom(16))), "malformed"),
    ]
    try:

        async def bystander_start() -> None:
            async with await RelayClient.connect(relay.url, key) as c:
                await c.append(b"before")

        run(bystander_start())
        for frame, code in bad_frames:
            replies, close_code = _raw(relay, [good, frame, good], creds)
            errors = [r for r in replies if isinstance(r, protocol.Error)]
            assert [e.code for e in errors] == [code], frame
            assert isinstance(replies[0], protocol.Acks)  # the good frame before it...
            assert replies[0].acks[0].id == 1  # ...is acknowledged before the close
            assert close_code == 1002
        assert relay.proc is not None and relay.proc.poll() is None

        async def bystander_after() -> None:
            async with await RelayClient.connect(relay.url, key) as c:
                assert (await c.append(b"after")).cursor == 3
                assert [b for _, b in await c.fetch_all(0)] == [b"before", b"fine", b"after"]

        run(bystander_after())
    finally:
        relay.stop()


def test_relay_files_and_logs_hold_no_plaintext(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path, write_config(tmp_path / "r.toml", **FAST))
    markers = [f"CANARY-{i}-rainbow-secret" for i in range(20)]
    keys = [os.urandom(32), os.urandom(32)]
    try:

        async def scenario() -> None:
            for key in keys:
                async with (
                    await RelayClient.connect(relay.url, key) as c,
                    await RelayClient.connect(relay.url, key) as sub,
                ):
                    await sub.subscribe(0)
                    await c.append_many([seal(key, m) for m in markers])
                    got = [unseal(key, (await sub.next_push(5))[1]) for _ in markers]
                    assert sorted(got) == sorted(markers)

        run(scenario())
    finally:
        relay.stop()
    files = [p for p in tmp_path.iterdir() if p.name.startswith(("relay.db", "relay.log"))]
    assert any(p.name == "relay.db" for p in files)
    log = relay.log()
    for path in files:
        data = path.read_bytes()
        for marker in markers:
            assert marker.encode() not in data, path
    for key in keys:
        mailbox = protocol.MailboxCredentials.from_space_key(key).mailbox_id
        assert mailbox.hex() not in log and key.hex() not in log
    assert "127.0.0.1:" not in log.replace(f"127.0.0.1:{relay.port}", "")


def test_a_reader_that_stops_reading_costs_bounded_memory_and_misses_nothing(
    tmp_path: Path,
) -> None:
    relay = RelayProcess(
        tmp_path, write_config(tmp_path / "r.toml", push_queue_max_bytes=65536, **FAST)
    )
    key = os.urandom(32)
    creds = protocol.MailboxCredentials.from_space_key(key)
    count, size = 800, 16 * 1024  # ~13 MB: more than loopback socket buffers hold

    async def scenario() -> None:
        # max_queue=1: this client's library stops reading the socket after one frame, so
        # the relay's writes block once the kernel buffers are full.
        async with wsc.connect(
            relay.url, compression=None, max_queue=1, max_size=protocol.MAX_FRAME_BYTES
        ) as slow:
            challenge = protocol.decode_server(await slow.recv())  # type: ignore[arg-type]
            assert isinstance(challenge, protocol.Challenge)
            await slow.send(protocol.encode(creds.answer(challenge.challenge, os.urandom(16))))
            await slow.recv()
            await slow.send(protocol.encode(protocol.Subscribe(id=1, after=0)))
            async with await RelayClient.connect(relay.url, key) as writer:
                for _ in range(count // 100):
                    await writer.append_many([os.urandom(size) for _i in range(100)])
            cursors: list[int] = []
            while len(cursors) < count:  # now read everything
                message = protocol.decode_server(await slow.recv())  # type: ignore[arg-type]
                if isinstance(message, protocol.Push):
                    cursors.append(message.cursor)
            assert cursors == list(range(1, count + 1))

    try:
        run(scenario(), timeout=120)
        assert metric(relay.http, "haven_relay_slow_subscribers_total") >= 1
    finally:
        relay.stop()
