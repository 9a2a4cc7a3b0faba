"""Erasing a blob on the relay (docs/PROTOCOL.md §6.5, erase), through the real relay on
each back-end: only the holder of the token erases, the redacted copy takes the blob's
cursor, and the old bytes leave the database files (SQLite: the file and its WAL;
PostgreSQL: every file of the relay's database, read through the server)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import websockets.asyncio.client as wsc

from haven.relay import protocol
from haven.relay.client import RelayClient, RelayError
from tests.relay.support import RelayProcess, metric, run, seal, unseal, write_config

CHUNK = 32


def fragments(blob: bytes) -> list[bytes]:
    """Every 32-byte piece of `blob`: a blob larger than a page is split over overflow
    pages, so the whole blob is never searched for at once."""
    return [blob[i : i + CHUNK] for i in range(0, len(blob) - CHUNK + 1, CHUNK)]


def files_holding(folder: Path, blob: bytes) -> list[str]:
    """The relay database files (main, WAL) holding any piece of `blob`."""
    pieces = fragments(blob)
    found = []
    for path in sorted(folder.glob("relay.db*")):
        data = path.read_bytes()
        if any(piece in data for piece in pieces):
            found.append(path.name)
    return found


def wait_until_gone(folder: Path, blob: bytes, timeout: float = 20.0) -> list[str]:
    """The relay scrubs (checkpoints) within about a second of an erasure: poll, bounded."""
    deadline = time.monotonic() + timeout
    while (held := files_holding(folder, blob)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return held


async def pg_files_holding(url: str, blob: bytes) -> list[str]:
    """The files of the relay's PostgreSQL database (tables, TOAST tables, indexes, free
    space maps, and files a rewrite left behind) holding any piece of `blob`, read by the
    server itself (the test server's user is a superuser). Not the WAL: docs/RELAY.md."""
    import asyncpg

    pieces = fragments(blob)
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("CHECKPOINT")  # what the server holds in memory, onto its files
        folder = "base/" + str(
            await conn.fetchval("SELECT oid FROM pg_database WHERE datname = current_database()")
        )
        found = []
        for name in await conn.fetchval("SELECT array_agg(f) FROM pg_ls_dir($1) AS f", folder):
            data = await conn.fetchval(
                "SELECT pg_read_binary_file($1::text, 0, 268435456, true)", f"{folder}/{name}"
            )
            if data and any(piece in data for piece in pieces):
                found.append(name)
        return found
    finally:
        await conn.close()


def pg_wait_until_gone(url: str, blob: bytes, timeout: float = 20.0) -> list[str]:
    """The relay rewrites the blobs table at once after the first erasure: poll, bounded."""
    deadline = time.monotonic() + timeout
    while (held := run(pg_files_holding(url, blob))) and time.monotonic() < deadline:
        time.sleep(0.2)
    return held


def token(seed: str) -> bytes:
    return protocol.blake2b_256(seed.encode(), person=b"test-erase-token")


def test_only_the_token_erases_and_the_copy_keeps_the_cursor(
    relay: RelayProcess, db_url: str
) -> None:
    key, stranger_key = os.urandom(32), os.urandom(32)
    # About a kilobyte sealed: several fragments, and small enough that PostgreSQL keeps it
    # in the table's own page (not in TOAST, whose emptied pages VACUUM cuts off).
    words = "my real name is Qzvarnikel " * 30
    blob, other = seal(key, words), seal(key, "an ordinary post")
    stub = seal(key, "[redacted]")

    async def scenario() -> None:
        async with await RelayClient.connect(relay.url, key) as member:
            vf = protocol.erase_verifier(token("post"))
            # The kept blob first: on PostgreSQL the erased row then sits below it in its
            # page, where VACUUM's compaction leaves the old bytes in the free space.
            second = await (await member.send_append(other, protocol.erase_verifier(token("x"))))
            first = await (await member.send_append(blob, vf))
            # Wrong tokens erase nothing: another event's, the stored verifier itself, random.
            for wrong in (token("other post"), vf, os.urandom(32)):
                assert await member.erase(wrong, stub) == 0
            # A stranger's connection is bound to its own mailbox: the right token does
            # nothing there.
            async with await RelayClient.connect(relay.url, stranger_key) as stranger:
                await stranger.append(seal(stranger_key, "claims the mailbox"))
                assert await stranger.erase(token("post"), b"junk") == 0
            items = dict(await member.fetch_all(0))
            assert items == {first.cursor: blob, second.cursor: other}
            # The holder of the token erases it; the copy takes its cursor, once.
            assert await member.erase(token("post"), stub) == 1
            assert await member.erase(token("post"), b"junk") == 0
            items = dict(await member.fetch_all(0))
            assert items == {first.cursor: stub, second.cursor: other}
            assert unseal(key, items[first.cursor]) == "[redacted]"
        async with await RelayClient.connect(relay.url, key) as late:
            assert blob not in [b for _, b in await late.fetch_all(0)]

    run(scenario())
    assert metric(relay.http, "haven_relay_erased_total") == 1
    if not db_url.startswith("postgresql"):
        assert wait_until_gone(relay.tmp, blob) == []
        assert files_holding(relay.tmp, other) != []  # the search itself finds what is there
    else:
        assert pg_wait_until_gone(db_url, blob) == []
        assert run(pg_files_holding(db_url, other)) != []


def test_forged_and_malformed_erasures_are_refused_cleanly(relay: RelayProcess) -> None:
    key = os.urandom(32)
    creds = protocol.MailboxCredentials.from_space_key(key)
    blob = seal(key, "kept")

    async def send_raw(body: dict[str, object]) -> tuple[protocol.ServerMessage, int | None]:
        async with wsc.connect(relay.url, compression=None) as ws:
            challenge = protocol.decode_server(await ws.recv())  # type: ignore[arg-type]
            assert isinstance(challenge, protocol.Challenge)
            await ws.send(protocol.encode(creds.answer(challenge.challenge, os.urandom(16))))
            assert isinstance(protocol.decode_server(await ws.recv()), protocol.Welcome)  # type: ignore[arg-type]
            await ws.send(protocol._packb(body))
            reply = protocol.decode_server(await ws.recv())  # type: ignore[arg-type]
            await ws.wait_closed()
            return reply, ws.close_code

    async def scenario() -> None:
        async with await RelayClient.connect(relay.url, key) as member:
            await (await member.send_append(blob, protocol.erase_verifier(token("kept"))))
        base = {"v": 1, "t": "erase", "id": 7, "token": token("kept"), "blob": b""}
        for broken in (
            {**base, "token": token("kept")[:31]},  # short token
            {**base, "blob": "text"},  # wrong type
            {**base, "extra": 1},  # extra field
            {k: v for k, v in base.items() if k != "blob"},  # missing field
            {**base, "id": -1},
        ):
            reply, code = await send_raw(broken)
            assert isinstance(reply, protocol.Error) and reply.code == "malformed", broken
            assert code == 1002
        # An append's verifier is checked as strictly.
        reply, code = await send_raw({"v": 1, "t": "append", "id": 1, "blob": b"x", "vf": b"1"})
        assert isinstance(reply, protocol.Error) and reply.code == "malformed"
        async with await RelayClient.connect(relay.url, key) as member:
            assert [b for _, b in await member.fetch_all(0)] == [blob]  # nothing erased
            with pytest.raises(RelayError) as too_large:
                await member.erase(token("kept"), b"x" * (64 * 1024 + 1))
            assert too_large.value.code == "too_large"
            assert [b for _, b in await member.fetch_all(0)] == [blob]

    run(scenario())


def test_a_copy_that_does_not_fit_the_quota_leaves_nothing(tmp_path: Path) -> None:
    """An erasure can never grow a mailbox past its quota: the copy is then dropped and the
    blob erased all the same (erasing matters more than the copy, which peers also hold)."""
    config = write_config(tmp_path / "relay.toml", mailbox_max_bytes=70_000)
    relay = RelayProcess(tmp_path, config)
    key = os.urandom(32)
    small, big_copy = os.urandom(600), os.urandom(65_000)
    filler = os.urandom(65_000)
    try:

        async def scenario() -> None:
            async with await RelayClient.connect(relay.url, key) as member:
                await (await member.send_append(small, protocol.erase_verifier(token("small"))))
                await member.append(filler)
                assert await member.erase(token("small"), big_copy) == 1
                assert [b for _, b in await member.fetch_all(0)] == [filler]

        run(scenario())
        assert wait_until_gone(tmp_path, small) == []
    finally:
        relay.stop()


def test_a_copy_counts_against_the_address_share(tmp_path: Path) -> None:
    """Small blobs erased with large copies must not store more than the address may."""
    config = write_config(
        tmp_path / "relay.toml", storage_max_bytes=1_000_000, storage_share_per_address=0.07
    )
    relay = RelayProcess(tmp_path, config)
    key = os.urandom(32)
    small, filler = os.urandom(600), os.urandom(65_000)
    try:

        async def scenario() -> None:
            async with await RelayClient.connect(relay.url, key) as member:
                await (await member.send_append(small, protocol.erase_verifier(token("small"))))
                await member.append(filler)  # 65,600 of the address's 70,000 bytes
                assert await member.erase(token("small"), os.urandom(10_000)) == 1
                assert [b for _, b in await member.fetch_all(0)] == [filler]

        run(scenario())
    finally:
        relay.stop()
