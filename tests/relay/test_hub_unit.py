"""The hub on a real SQLite file, driven directly on an event loop (no sockets)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import websockets.asyncio.client as wsc

from haven.relay import protocol
from haven.relay.hub import Hub, ShuttingDown
from haven.relay.mailbox import Limits
from haven.relay.metrics import Metrics
from haven.relay.storage import AppendResult, PendingAppend, Purged, StorageError
from haven.relay.storage_sqlite import SqliteStore
from tests.relay.support import RelayProcess, run, wait_for, write_config

A = b"A" * 32


class Recorder:
    def __init__(self) -> None:
        self.results: dict[int, AppendResult | None] = {}
        self.pushed: list[int] = []

    def sink(self, request_id: int, result: AppendResult | None) -> None:
        self.results[request_id] = result

    def on_commit(self, cursor: int, frame: bytes) -> None:
        message = protocol.decode_server(frame)
        assert isinstance(message, protocol.Push) and message.cursor == cursor
        self.pushed.append(cursor)


def test_group_commit_answers_every_append_and_notifies_subscribers(tmp_path: Path) -> None:
    async def scenario() -> None:
        metrics = Metrics()
        hub = Hub(SqliteStore(tmp_path / "r.db"), Limits(), metrics)
        await hub.start()
        rec = Recorder()
        hub.subscribe(A, rec)
        for i in range(300):
            hub.submit(A, f"blob {i % 250}".encode(), rec.sink, i + 1)
        await hub.flush()
        assert len(rec.results) == 300
        answers = [rec.results[i + 1] for i in range(300)]
        assert [a.cursor for a in answers if a] == list(range(1, 251)) + list(range(1, 51))
        assert [a.dup for a in answers if a] == [False] * 250 + [True] * 50
        assert rec.pushed == list(range(1, 251))
        assert hub.known_head(A) == 250 and await hub.head(A) == 250
        sample = metrics.registry.get_sample_value
        assert sample("haven_relay_appends_total") == 250
        assert sample("haven_relay_duplicates_total") == 50
        assert (sample("haven_relay_commit_seconds_count") or 0) < 300  # batched
        assert sample("haven_relay_ack_seconds_count") == 300
        await hub.drain()
        with pytest.raises(ShuttingDown):
            hub.submit(A, b"late", rec.sink, 999)
        await hub.close()

    run(scenario())


def test_a_failed_batch_is_reported_to_every_sender(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario() -> None:
        hub = Hub(SqliteStore(tmp_path / "r.db"), Limits(), Metrics())
        await hub.start()
        rec = Recorder()

        async def full_disk(batch: list[PendingAppend], quota: int) -> list[AppendResult]:
            raise StorageError("database or disk is full")

        monkeypatch.setattr(hub.store, "append_batch", full_disk)
        hub.submit(A, b"x", rec.sink, 1)
        hub.submit(A, b"y", rec.sink, 2)
        await hub.drain()
        assert rec.results == {1: None, 2: None}
        await hub.close()

    run(scenario())


def test_purge_uses_the_injected_clock(tmp_path: Path) -> None:
    now = [1_000_000.0]

    async def scenario() -> None:
        hub = Hub(
            SqliteStore(tmp_path / "r.db"),
            Limits(expiry_seconds=60),
            Metrics(),
            clock=lambda: now[0],
        )
        await hub.start()
        rec = Recorder()
        hub.submit(A, b"old", rec.sink, 1)
        await hub.flush()
        now[0] += 30
        hub.submit(A, b"newer", rec.sink, 2)
        await hub.flush()
        now[0] += 45  # "old" is 75 s old, "newer" 45 s
        assert await hub.purge_once() == 1
        page = await hub.page(A, 0, 10)
        assert page.items == [(2, b"newer")]
        await hub.close()

    run(scenario())


def test_a_lowered_quota_evicts_the_oldest_blobs_on_the_next_purge(tmp_path: Path) -> None:
    async def fill() -> None:
        hub = Hub(SqliteStore(tmp_path / "r.db"), Limits(), Metrics())
        await hub.start()
        rec = Recorder()
        for i in range(4):
            hub.submit(A, bytes([i]) * 100, rec.sink, i)
            await hub.flush()
        await hub.close()

    async def reopen_with_a_lower_quota() -> None:
        metrics = Metrics()
        hub = Hub(SqliteStore(tmp_path / "r.db"), Limits(mailbox_max_bytes=250), metrics)
        await hub.start()
        assert hub.stored_bytes == 400
        assert await hub.purge_once() == 2
        assert hub.stored_bytes == 200
        assert [c for c, _ in (await hub.page(A, 0, 10)).items] == [3, 4]
        assert "haven_relay_trimmed_total 2.0" in metrics.render().decode()
        await hub.close()

    run(fill())
    run(reopen_with_a_lower_quota())


def test_mailboxes_are_searched_for_excess_only_when_the_quota_was_lowered(
    tmp_path: Path,
) -> None:
    """Finding mailboxes over quota reads every mailbox row; appends never pass the quota in
    force, so the purge looks only at start and after the quota went below what appends
    may have used since (raised, then lowered back, counts)."""

    async def scenario() -> None:
        store = SqliteStore(tmp_path / "r.db")
        trims: list[int] = []
        real_trim = store.trim

        async def counting(quota: int, max_blobs: int) -> Purged:
            done = await real_trim(quota, max_blobs)
            trims.append(quota)
            return done

        store.trim = counting  # type: ignore[method-assign]
        hub = Hub(store, Limits(), Metrics())
        await hub.start()  # its purge task runs once now, then every 10 minutes
        await wait_for(lambda: _true(trims))
        rec = Recorder()
        for i in range(4):
            hub.submit(A, bytes([i]) * 100, rec.sink, i)
        await hub.flush()
        base = Limits().mailbox_max_bytes
        for quota in (base, 10 * base, 2 * base, 2 * base, 250, 250):
            hub.limits = Limits(mailbox_max_bytes=quota)
            await hub.purge_once()
        assert trims == [base, 2 * base, 250]
        assert [c for c, _ in (await hub.page(A, 0, 10)).items] == [3, 4]
        await hub.close()

    run(scenario())


async def _true(items: list[int]) -> bool:
    return bool(items)


def test_auth_timeout_on_the_real_relay(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path, write_config(tmp_path / "r.toml", auth_timeout_seconds=0.3))
    try:

        async def silent() -> tuple[protocol.ServerMessage, int | None]:
            async with wsc.connect(relay.url, compression=None) as ws:
                await ws.recv()  # the challenge; then say nothing
                reply = protocol.decode_server(await ws.recv())  # type: ignore[arg-type]
                await ws.wait_closed()
                return reply, ws.close_code

        reply, code = run(silent(), timeout=20)
        assert isinstance(reply, protocol.Error) and reply.code == "unauthorized"
        assert code == 1008
    finally:
        relay.stop()


class RewritingStore(SqliteStore):
    """A store whose scrub is a costly rewrite (as PostgreSQL's is), counting its scrubs."""

    scrub_rewrites = True

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.scrubs = 0

    async def scrub(self) -> bool:
        self.scrubs += 1
        return await super().scrub()


def test_a_rewriting_store_is_scrubbed_at_once_then_at_most_once_per_interval(
    tmp_path: Path,
) -> None:
    """The first erasure is scrubbed at once; later ones wait out `rewrite_interval_seconds`
    (a rewrite stops the table while it runs) and are scrubbed right after it, so the bound
    on how long erased bytes stay is the interval."""
    pauses: list[float] = []

    async def scenario() -> None:
        gate = asyncio.Event()

        async def pause(seconds: float) -> None:
            pauses.append(seconds)
            await gate.wait()
            gate.clear()

        store = RewritingStore(tmp_path / "r.db")
        limits = Limits(rewrite_interval_seconds=1800)
        hub = Hub(store, limits, Metrics(), pause=pause)
        await hub.start()
        rec = Recorder()
        for i, vf in enumerate((b"1" * 32, b"2" * 32, b"3" * 32)):
            hub.submit(A, f"blob {i}".encode(), rec.sink, i + 1, vf)
        await hub.flush()
        assert await hub.erase(A, b"1" * 32, b"") == 1
        await wait_for(lambda: _true(store.scrubs == 1 and pauses == [1800]))
        assert await hub.erase(A, b"2" * 32, b"") == 1
        assert await hub.erase(A, b"3" * 32, b"") == 1
        for _ in range(20):  # the loop gets every chance to run: it is pausing, not scrubbing
            await asyncio.sleep(0)
        assert store.scrubs == 1
        gate.set()  # the interval is over: both later erasures are scrubbed, in one rewrite
        await wait_for(lambda: _true(store.scrubs == 2 and pauses == [1800, 1800]))
        gate.set()
        await hub.close()

    run(scenario())


async def _true(value: bool) -> bool:
    return value
