"""The real relay process on 127.0.0.1: round trips, authorisation, limits and operations."""

from __future__ import annotations

import asyncio
import os
import platform
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from haven import __version__
from haven.relay import protocol
from haven.relay.client import RelayClient, RelayError
from tests.relay.support import (
    RelayProcess,
    metric,
    run,
    seal,
    unseal,
    wait_for,
    write_config,
)


def test_append_fetch_subscribe_round_trip(relay: RelayProcess) -> None:
    space_key = os.urandom(32)
    notes = [f"note {i} about coming out" for i in range(5)]

    async def scenario() -> None:
        async with (
            await RelayClient.connect(relay.url, space_key) as writer,
            await RelayClient.connect(relay.url, space_key) as reader,
        ):
            assert writer.head == 0 and writer.blob_max == 64 * 1024
            assert await reader.subscribe(after=0) == 0
            acks = [await writer.append(seal(space_key, n)) for n in notes[:3]]
            assert [a.cursor for a in acks] == [1, 2, 3]
            assert not any(a.dup for a in acks)
            pushed = [await reader.next_push(5) for _ in range(3)]
            assert [c for c, _ in pushed] == [1, 2, 3]
            assert [unseal(space_key, b) for _, b in pushed] == notes[:3]
            # A replay of the same ciphertext is harmless: same cursor, flagged, not re-pushed.
            again = await writer.append(seal(space_key, notes[0]))  # fresh nonce: a new blob
            replay = await writer.append((await writer.fetch(0)).items[0][1])
            assert again.cursor == 4 and not again.dup
            assert replay.cursor == 1 and replay.dup
            assert (await reader.next_push(5))[0] == 4
            page = await reader.fetch(after=1, limit=2)
            assert [c for c, _ in page.items] == [2, 3] and page.more and page.head == 4
            # A late subscriber gets the backlog after its cursor, then live blobs, in order.
            async with await RelayClient.connect(relay.url, space_key) as late:
                assert late.head == 4
                await late.subscribe(after=2)
                await writer.append(seal(space_key, notes[4]))
                got = [(await late.next_push(5))[0] for _ in range(3)]
                assert got == [3, 4, 5]

    run(scenario())


def test_catch_up_backlog_larger_than_a_page(tmp_path: Path) -> None:
    relay = RelayProcess(
        tmp_path,
        write_config(
            tmp_path / "r.toml",
            blobs_per_minute_per_connection=60_000,
            blobs_per_minute_per_address=60_000,
            frames_per_minute_per_mailbox=120_000,
        ),
    )
    space_key = os.urandom(32)

    async def scenario() -> None:
        async with await RelayClient.connect(relay.url, space_key) as writer:
            acks = await writer.append_many([seal(space_key, f"m{i}") for i in range(600)])
            assert sorted(a.cursor for a in acks) == list(range(1, 601))
            async with await RelayClient.connect(relay.url, space_key) as reader:
                await reader.subscribe(after=100)
                late = [seal(space_key, f"late{i}") for i in range(50)]
                live = asyncio.create_task(writer.append_many(late))
                cursors = [(await reader.next_push(10))[0] for _ in range(550)]
                await live
                assert cursors == list(range(101, 651))
                assert len(await reader.fetch_all(0)) == 650

    try:
        run(scenario())
    finally:
        relay.stop()


def test_strangers_can_neither_read_nor_write(relay: RelayProcess) -> None:
    space_key, stranger_key = os.urandom(32), os.urandom(32)
    victim = protocol.MailboxCredentials.from_space_key(space_key)
    import websockets.asyncio.client as wsc

    async def attempt(frames: list[bytes]) -> protocol.ServerMessage:
        async with wsc.connect(relay.url, compression=None) as ws:
            challenge = protocol.decode_server(await ws.recv())  # type: ignore[arg-type]
            assert isinstance(challenge, protocol.Challenge)
            for frame in frames:
                await ws.send(frame)
            reply = protocol.decode_server(await ws.recv())  # type: ignore[arg-type]
            await ws.wait_closed()
            assert ws.close_code == 1008
            return reply

    async def scenario() -> None:
        async with await RelayClient.connect(relay.url, space_key) as owner:
            await owner.append(seal(space_key, "private words"))
        stranger = protocol.MailboxCredentials.from_space_key(stranger_key)
        # 1. The stranger's own key claimed for the victim's mailbox id.
        forged = stranger.answer(os.urandom(32), os.urandom(16))
        claim = protocol.Auth(
            mailbox=victim.mailbox_id, key=forged.key, nonce=forged.nonce, sig=forged.sig
        )
        # 2. A valid answer captured from an earlier connection (another challenge), replayed.
        replayed = victim.answer(os.urandom(32), os.urandom(16))
        # 3. No authentication at all.
        unauthenticated = protocol.Fetch(id=1, after=0, limit=10)
        for frame in (claim, replayed, unauthenticated):
            reply = await attempt([protocol.encode(frame)])
            assert isinstance(reply, protocol.Error) and reply.code == "unauthorized"
        # The stranger's own mailbox is a different, empty one.
        async with await RelayClient.connect(relay.url, stranger_key) as other:
            assert other.head == 0 and (await other.fetch(0)).items == []
        async with await RelayClient.connect(relay.url, space_key) as owner:
            items = await owner.fetch_all(0)
            assert [unseal(space_key, b) for _, b in items] == ["private words"]

    run(scenario())


def test_oversize_blob_and_giant_frame(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path, write_config(tmp_path / "r.toml", blob_max_bytes=4096))
    key = os.urandom(32)
    try:

        async def scenario() -> None:
            async with (
                await RelayClient.connect(relay.url, key) as c,
                await RelayClient.connect(relay.url, key) as bystander,
            ):
                assert c.blob_max == 4096
                with pytest.raises(RelayError) as err:
                    await c.append(b"x" * 4097)
                assert err.value.code == "too_large"
                with pytest.raises(RelayError) as err:
                    await c.append(b"")
                assert err.value.code == "too_large"
                assert (await c.append(b"y" * 4096)).cursor == 1  # connection still usable
                with pytest.raises(RelayError) as err:
                    await c.append(b"z" * 200_000)  # beyond the frame limit: closed (1009)
                assert err.value.code == "closed"
                assert c.ws.close_code == 1009
                assert (await bystander.append(b"still fine")).cursor == 2

        run(scenario())
        assert metric(relay.http, "haven_relay_refused_total", reason="too_large") == 2
        assert metric(relay.http, "haven_relay_refused_total", reason="oversize_frame") == 1
    finally:
        relay.stop()


def test_mailbox_quota(tmp_path: Path) -> None:
    relay = RelayProcess(
        tmp_path,
        write_config(
            tmp_path / "r.toml",
            blob_max_bytes=4096,
            mailbox_max_bytes=10_000,
            fetch_page_max_bytes=65536,
        ),
    )
    key, other_key = os.urandom(32), os.urandom(32)
    try:

        async def scenario() -> None:
            async with await RelayClient.connect(relay.url, key) as c:
                first = b"a" * 4000
                await c.append(first)
                await c.append(b"b" * 4000)
                with pytest.raises(RelayError) as err:
                    await c.append(b"c" * 4000)
                assert err.value.code == "quota_exceeded"
                assert (await c.append(first)).dup  # a replay is still answered
                assert (await c.append(b"d" * 2000)).cursor == 3  # what fits still fits
                assert len(await c.fetch_all(0)) == 3
            async with await RelayClient.connect(relay.url, other_key) as other:
                assert (await other.append(b"e" * 4000)).cursor == 1

        run(scenario())
    finally:
        relay.stop()


async def _burst(c: RelayClient, n: int, tag: str) -> tuple[int, list[RelayError]]:
    ok, refused = 0, []
    for i in range(n):
        try:
            await c.append(f"{tag}{i}".encode())
            ok += 1
        except RelayError as exc:
            refused.append(exc)
    return ok, refused


def test_rate_limit_per_connection(tmp_path: Path) -> None:
    # 6 per minute: a burst of 1, then one every 10 s.
    relay = RelayProcess(
        tmp_path, write_config(tmp_path / "r.toml", blobs_per_minute_per_connection=6)
    )
    key = os.urandom(32)
    try:

        async def scenario() -> None:
            async with (
                await RelayClient.connect(relay.url, key) as a,
                await RelayClient.connect(relay.url, key) as b,
            ):
                ok, refused = await _burst(a, 4, "a")
                assert ok == 1 and len(refused) == 3
                assert all(e.code == "rate_limited" and 5000 < e.retry_ms <= 10000 for e in refused)
                # Another connection (same address) has its own allowance.
                assert (await _burst(b, 1, "b"))[0] == 1
                assert (await a.fetch(0)).head == 2  # and reads are not blob-limited

        run(scenario())
        assert metric(relay.http, "haven_relay_refused_total", reason="rate_limited") == 3
    finally:
        relay.stop()


def test_rate_limit_per_address(tmp_path: Path) -> None:
    # 12 per minute per address: a burst of 2 for all connections from 127.0.0.1 together.
    relay = RelayProcess(
        tmp_path, write_config(tmp_path / "r.toml", blobs_per_minute_per_address=12)
    )
    key, other_key = os.urandom(32), os.urandom(32)
    try:

        async def scenario() -> None:
            async with (
                await RelayClient.connect(relay.url, key) as a,
                await RelayClient.connect(relay.url, other_key) as b,
            ):
                assert (await _burst(a, 2, "a"))[0] == 2
                ok, refused = await _burst(b, 2, "b")  # another mailbox, same address
                assert ok == 0 and refused[0].code == "rate_limited" and refused[0].retry_ms > 0

        run(scenario())
    finally:
        relay.stop()


def test_connection_limit(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path, write_config(tmp_path / "r.toml", max_connections=3))
    key = os.urandom(32)
    try:

        async def scenario() -> None:
            clients = [await RelayClient.connect(relay.url, key) for _ in range(3)]
            with pytest.raises(RelayError) as err:
                await RelayClient.connect(relay.url, key)
            assert err.value.code == "busy" and err.value.retry_ms > 0
            assert (await clients[0].append(b"existing clients unaffected")).cursor == 1
            await clients.pop().close()

            async def can_connect() -> bool:
                try:
                    clients.append(await RelayClient.connect(relay.url, key))
                    return True
                except RelayError:
                    return False

            await wait_for(can_connect)
            for c in clients:
                await c.close()

        run(scenario())
        # At least the one refusal above (the retry loop may have been refused again).
        assert metric(relay.http, "haven_relay_refused_total", reason="connections") >= 1
    finally:
        relay.stop()


def test_expiry_purges_old_blobs_but_cursors_move_on(tmp_path: Path) -> None:
    relay = RelayProcess(
        tmp_path, write_config(tmp_path / "r.toml", expiry_seconds=0.5, purge_interval_seconds=0.1)
    )
    key = os.urandom(32)
    try:

        async def scenario() -> None:
            async with await RelayClient.connect(relay.url, key) as c:
                await c.append_many([b"old one", b"old two"])

                async def purged() -> bool:
                    return (await c.fetch(0)).items == []

                await wait_for(purged)
                assert (await c.append(b"new")).cursor == 3
                assert (await c.append(b"old one")).cursor == 4  # expired, so stored anew
                page = await c.fetch(0)
                assert [x for x, _ in page.items] == [3, 4] and page.head == 4

        run(scenario())
        assert metric(relay.http, "haven_relay_purged_total") == 2
    finally:
        relay.stop()


def test_healthz_metrics_and_plain_http(relay: RelayProcess) -> None:
    assert _get(relay.http + "/healthz") == "ok\n"
    for path, status in (("/nowhere", 404), ("/", 426)):
        with pytest.raises(urllib.error.HTTPError) as err:
            _get(relay.http + path)
        assert err.value.code == status
        err.value.close()
    key = os.urandom(32)

    async def scenario() -> None:
        async with await RelayClient.connect(relay.url, key) as c:
            await c.append_many([b"one", b"two", b"three"])
            await c.append(b"one")

    run(scenario())
    with urllib.request.urlopen(relay.http + "/metrics", timeout=10) as resp:
        assert resp.headers["Content-Type"].startswith("text/plain; version=")
        text = resp.read().decode()
    for name, value in (
        ("haven_relay_appends_total", 3),
        ("haven_relay_duplicates_total", 1),
        ("haven_relay_claims_total", 1),
        ("haven_relay_stored_blobs", 3),
        ("haven_relay_stored_bytes", 11),
        ("haven_relay_mailboxes", 1),
        ("haven_relay_connections_total", 1),
        ("haven_relay_ack_seconds_count", 4),
        ("haven_relay_claim_pow_bits", 18),
    ):
        assert metric(relay.http, name) == value, name
    assert 0 < metric(relay.http, "haven_relay_storage_fill_ratio") < 1e-6
    assert metric(relay.http, "process_resident_memory_bytes") > 10**6
    storage = "postgresql" if str(relay.db).startswith("postgresql") else "sqlite"
    assert metric(relay.http, "haven_relay_build_info", **_BUILD, storage=storage) == 1
    assert key.hex() not in text


_BUILD = {"version": __version__, "python": platform.python_version()}


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.read().decode()


def test_subscribers_joining_mid_stream_see_every_blob_once_in_order(tmp_path: Path) -> None:
    """Catch-up and live delivery race each other here: writers never pause while readers
    subscribe at different cursors."""
    relay = RelayProcess(
        tmp_path,
        write_config(
            tmp_path / "r.toml",
            blobs_per_minute_per_connection=600_000,
            blobs_per_minute_per_address=600_000,
            frames_per_minute_per_mailbox=1_200_000,
            fetch_page_max_blobs=7,
        ),
    )
    key = os.urandom(32)
    per_writer, writers = 150, 3
    total = per_writer * writers

    async def writer(w: int) -> None:
        async with await RelayClient.connect(relay.url, key) as c:
            for i in range(0, per_writer, 10):
                await c.append_many([f"w{w}-{i + j}".encode() for j in range(10)])

    async def reader(start_after_acks: asyncio.Event, after: int) -> list[int]:
        await start_after_acks.wait()
        async with await RelayClient.connect(relay.url, key) as c:
            await c.subscribe(after=after)
            return [(await c.next_push(20))[0] for _ in range(total - after)]

    async def scenario() -> None:
        gates = [asyncio.Event() for _ in range(3)]
        readers = [
            asyncio.create_task(reader(g, after))
            for g, after in zip(gates, (0, 5, 40), strict=True)
        ]
        tasks = [asyncio.create_task(writer(w)) for w in range(writers)]
        async with await RelayClient.connect(relay.url, key) as probe:
            for threshold, gate in zip((1, 60, 200), gates, strict=True):
                while (await probe.fetch(0, 1)).head < threshold:
                    await asyncio.sleep(0.005)
                gate.set()
        await asyncio.gather(*tasks)
        for got, after in zip(await asyncio.gather(*readers), (0, 5, 40), strict=True):
            assert got == list(range(after + 1, total + 1))

    try:
        run(scenario(), timeout=90)
    finally:
        relay.stop()


def test_an_app_that_stops_taking_pushes_holds_bounded_memory_and_misses_nothing(
    tmp_path: Path,
) -> None:
    from haven.relay.client import PUSH_QUEUE_MAX

    relay = RelayProcess(
        tmp_path,
        write_config(
            tmp_path / "r.toml",
            blobs_per_minute_per_connection=600_000,
            blobs_per_minute_per_address=600_000,
            frames_per_minute_per_mailbox=1_200_000,
        ),
    )
    key = os.urandom(32)
    count = 1500
    assert count > PUSH_QUEUE_MAX

    async def scenario() -> None:
        async with (
            await RelayClient.connect(relay.url, key) as idle,
            await RelayClient.connect(relay.url, key) as writer,
        ):
            await idle.subscribe(0)
            for start in range(0, count, 250):
                await writer.append_many([f"{start}-{i}".encode() for i in range(250)])
            assert idle._pushes.qsize() <= PUSH_QUEUE_MAX
            got = [(await idle.next_push(20))[0] for _ in range(count)]
            assert got == list(range(1, count + 1))
            assert (await writer.append(b"after")).cursor == count + 1
            assert (await idle.next_push(20))[0] == count + 1

    try:
        run(scenario(), timeout=90)
    finally:
        relay.stop()
