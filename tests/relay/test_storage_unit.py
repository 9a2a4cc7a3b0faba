"""The storage contract, run against both back-ends (a real SQLite file and a real PostgreSQL
database): batches, dedup, quota, claims, paging, expiry, reopen. Then SQLite's own faults."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from haven.relay.storage import PendingAppend, StorageError, Store
from haven.relay.storage_sqlite import Reader, Writer
from haven.relay.stores import open_store
from tests.relay.support import run

A, B = b"A" * 32, b"B" * 32

Scenario = Callable[[Store], Awaitable[None]]


def with_store(db_url: str, scenario: Scenario) -> None:
    async def go() -> None:
        store = open_store(db_url)
        await store.start(lambda mailbox, cursor: None)
        try:
            await scenario(store)
        finally:
            await store.close()

    run(go())


def test_batch_assigns_cursors_per_mailbox_and_dedups(db_url: str) -> None:
    async def scenario(store: Store) -> None:
        out = await store.append_batch(
            [
                PendingAppend(A, b"one", 1),
                PendingAppend(B, b"one", 1),
                PendingAppend(A, b"two", 1),
                PendingAppend(A, b"one", 1),
            ],
            10_000,
        )
        assert [(r.cursor, r.dup) for r in out] == [(1, False), (1, False), (2, False), (1, True)]
        assert (await store.page(A, 0, 10, 10_000)).items == [(1, b"one"), (2, b"two")]
        assert await store.head(A) == 2 and await store.head(B) == 1
        assert await store.head(b"C" * 32) is None
        totals = await store.totals()
        assert (totals.mailboxes, totals.blobs, totals.bytes) == (2, 3, 9)

    with_store(db_url, scenario)
    with_store(db_url, _reopened)  # a fresh process sees the committed batch


async def _reopened(store: Store) -> None:
    assert (await store.page(A, 0, 10, 10_000)).items == [(1, b"one"), (2, b"two")]


def test_quota_refuses_only_what_does_not_fit(db_url: str) -> None:
    async def scenario(store: Store) -> None:
        out = await store.append_batch(
            [
                PendingAppend(A, b"x" * 60, 1),
                PendingAppend(A, b"y" * 60, 1),
                PendingAppend(A, b"z" * 40, 1),
            ],
            100,
        )
        assert [(r.cursor, r.over_quota) for r in out] == [(1, False), (0, True), (2, False)]

    with_store(db_url, scenario)


def test_a_claim_creates_an_empty_mailbox_once(db_url: str) -> None:
    async def scenario(store: Store) -> None:
        assert await store.head(A) is None
        assert await store.claim(A) is True
        assert await store.claim(A) is False
        assert await store.head(A) == 0
        await store.append_batch([PendingAppend(A, b"x", 1)], 100)
        assert await store.claim(A) is False and await store.head(A) == 1

    with_store(db_url, scenario)


def test_pages_respect_count_and_bytes(db_url: str) -> None:
    async def scenario(store: Store) -> None:
        await store.append_batch([PendingAppend(A, bytes([i]) * 100, 1) for i in range(10)], 10**6)
        page = await store.page(A, 0, 3, 10**6)
        assert [c for c, _ in page.items] == [1, 2, 3] and page.more and page.head == 10
        page = await store.page(A, 3, 100, 250)
        assert [c for c, _ in page.items] == [4, 5] and page.more
        page = await store.page(A, 8, 100, 50)  # a blob over the byte budget still comes alone
        assert [c for c, _ in page.items] == [9] and page.more
        assert not (await store.page(A, 9, 100, 10**6)).more

    with_store(db_url, scenario)


def test_purge_is_oldest_first_frees_quota_and_cursors_never_repeat(db_url: str) -> None:
    async def scenario(store: Store) -> None:
        await store.append_batch(
            [
                PendingAppend(A, b"old", 1000),
                PendingAppend(B, b"older", 500),
                PendingAppend(A, b"new", 5000),
            ],
            10**6,
        )
        first = await store.purge(cutoff_ms=2000, max_blobs=1)  # the oldest one only
        assert (first.blobs, first.bytes) == (1, 5)
        assert (await store.page(B, 0, 10, 10**6)).items == []
        rest = await store.purge(cutoff_ms=2000, max_blobs=100)
        assert (rest.blobs, rest.bytes) == (1, 3)
        assert (await store.page(A, 0, 10, 10**6)).items == [(2, b"new")]
        assert (await store.totals()).bytes == 3
        again = await store.append_batch([PendingAppend(A, b"old", 6000)], 10**6)
        assert again[0].cursor == 3

    with_store(db_url, scenario)


def test_trim_keeps_the_newest_blobs_that_fit_a_lowered_quota(db_url: str) -> None:
    """The operator lowered the quota: each mailbox over it loses its oldest blobs, down to
    the newest that fit; a mailbox within it, and cursors, are untouched."""

    async def scenario(store: Store) -> None:
        await store.append_batch(
            [PendingAppend(A, bytes([i]) * 10, 1000 + i) for i in range(6)]
            + [PendingAppend(B, b"b" * 10, 1000)],
            10**6,
        )
        first = await store.trim(quota_bytes=25, max_blobs=3)  # A holds 60 bytes
        assert (first.blobs, first.bytes) == (3, 30)
        rest = await store.trim(quota_bytes=25, max_blobs=100)
        assert (rest.blobs, rest.bytes) == (1, 10)
        assert [c for c, _ in (await store.page(A, 0, 10, 10**6)).items] == [5, 6]
        assert (await store.page(B, 0, 10, 10**6)).items == [(1, b"b" * 10)]
        assert (await store.totals()).bytes == 30
        assert (await store.trim(quota_bytes=25, max_blobs=100)).blobs == 0
        again = await store.append_batch([PendingAppend(A, b"z", 9000)], 25)
        assert again[0].cursor == 7 and not again[0].over_quota

    with_store(db_url, scenario)


def test_large_batches_span_statement_chunks(db_url: str) -> None:
    async def scenario(store: Store) -> None:
        mailboxes = [i.to_bytes(32, "big") for i in range(700)]  # several IN (...) chunks
        batch = [PendingAppend(mailboxes[i % 700], i.to_bytes(4, "big"), 1) for i in range(2500)]
        out = await store.append_batch(batch, 10**6)
        assert [r.cursor for r in out[:700]] == [1] * 700
        assert [r.cursor for r in out[2100:2500]] == [4] * 400
        assert not any(r.dup or r.over_quota for r in out)
        again = await store.append_batch(
            [*batch[:3], PendingAppend(mailboxes[0], b"fresh", 2)], 10**6
        )
        assert [(r.cursor, r.dup) for r in again] == [(1, True), (1, True), (1, True), (5, False)]
        assert (await store.totals()).blobs == 2501 and await store.head(mailboxes[0]) == 5
        page = await store.page(mailboxes[699], 0, 10, 10**6)
        assert [c for c, _ in page.items] == [1, 2, 3]

    with_store(db_url, scenario)


# --- SQLite's own faults ---------------------------------------------------------------------


def test_the_database_file_is_created_owner_only(tmp_path: Path) -> None:
    w = Writer(tmp_path / "r.db")
    w.append_batch([PendingAppend(A, b"x", 1)], 100)
    for name in ("r.db", "r.db-wal"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    w.close()


def test_a_damaged_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError):
        Writer(path)


def test_a_failed_commit_stores_nothing(tmp_path: Path) -> None:
    w = Writer(tmp_path / "r.db")
    w.append_batch([PendingAppend(A, b"kept", 1)], 10**6)
    other = sqlite3.connect(tmp_path / "r.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # hold the write lock so the batch cannot commit
    w.conn.execute("PRAGMA busy_timeout=50")
    with pytest.raises(StorageError):
        w.append_batch([PendingAppend(A, b"lost", 1)], 10**6)
    other.execute("ROLLBACK")
    other.close()
    assert Reader(tmp_path / "r.db").page(A, 0, 10, 10**6).items == [(1, b"kept")]
    assert w.append_batch([PendingAppend(A, b"retry", 1)], 10**6)[0].cursor == 2


def test_erase_replaces_the_blob_and_a_re_sealed_copy_is_a_replay(db_url: str) -> None:
    """A blob with a verifier is keyed by it: the same event sealed again (new bytes, same
    verifier) is a replay of the first, not a second blob. Erasing takes the stub at the
    blob's cursor; counts and the quota follow; a second erase finds nothing."""
    vf, other_vf = b"v" * 32, b"w" * 32

    async def scenario(store: Store) -> None:
        out = await store.append_batch(
            [
                PendingAppend(A, b"original", 1, vf),
                PendingAppend(A, b"kept", 1, other_vf),
                PendingAppend(A, b"re-sealed", 1, vf),
                PendingAppend(B, b"other mailbox", 1, vf),
            ],
            1000,
        )
        assert [(r.cursor, r.dup) for r in out] == [(1, False), (2, False), (1, True), (1, False)]
        done = await store.erase(A, vf, b"stub", 1000)
        assert (done.blobs, done.delta_bytes, done.kept_stub) == (1, 4 - 8, True)
        page = await store.page(A, 0, 10, 10_000)
        assert page.items == [(1, b"stub"), (2, b"kept")] and page.head == 2
        assert (await store.page(B, 0, 10, 10_000)).items == [(1, b"other mailbox")]
        assert (await store.erase(A, vf, b"stub", 1000)).blobs == 0
        # The stub is keyed by its bytes: the verifier may not find it, nor block a re-upload.
        again = await store.append_batch([PendingAppend(A, b"redacted form", 1, vf)], 1000)
        assert (again[0].cursor, again[0].dup) == (3, False)
        totals = await store.totals()
        assert (totals.blobs, totals.bytes) == (4, 4 + 4 + 13 + 13)
        # A copy that would not fit the quota is dropped: the blob is erased all the same.
        done = await store.erase(A, other_vf, b"x" * 100, 10)
        assert (done.blobs, done.kept_stub) == (1, False)
        assert (await store.page(A, 0, 10, 10_000)).items == [(1, b"stub"), (3, b"redacted form")]
        assert await store.scrub()

    with_store(db_url, scenario)


async def _as_schema_2(db_url: str) -> None:
    """Turn a fresh store's database back into schema 2: two blobs of mailbox A keyed by
    their bytes' hash with one verifier beside them (an event uploaded twice), and schema
    2's index of every verifier."""
    rows = [(A, 1, b"h1" * 16, b"first", b"o" * 32), (A, 2, b"h2" * 16, b"second", b"o" * 32)]
    if db_url.startswith("postgresql"):
        import asyncpg

        conn = await asyncpg.connect(db_url)
        try:
            await conn.executemany(
                "INSERT INTO blobs VALUES ($1, $2, $3, 1, length($4::bytea), $4::bytea, $5)", rows
            )
            await conn.execute("INSERT INTO mailboxes VALUES ($1, 2, 11, 2)", A)
            await conn.execute("UPDATE relay_meta SET value = 2 WHERE key = 'schema'")
            await conn.execute("DROP INDEX blobs_by_old_vf")
            await conn.execute(
                "CREATE INDEX blobs_by_vf ON blobs (mailbox, vf) WHERE vf IS NOT NULL"
            )
        finally:
            await conn.close()
        return
    conn = sqlite3.connect(db_url)
    conn.executemany("INSERT INTO blobs VALUES (?, ?, ?, 1, length(?4), ?4, ?5)", rows)
    conn.execute("INSERT INTO mailboxes VALUES (?, 2, 11, 2)", (A,))
    conn.execute("UPDATE meta SET value = 2 WHERE key = 'schema'")
    conn.execute("DROP INDEX blobs_by_old_vf")
    conn.execute("CREATE INDEX blobs_by_vf ON blobs (mailbox, vf) WHERE vf IS NOT NULL")
    conn.commit()
    conn.close()


def test_a_schema_2_database_is_upgraded_and_its_verifiers_still_erase(db_url: str) -> None:
    """Blobs stored by schema 2 keep their verifier (their authors can still erase them, both
    copies) until they expire; the index of every verifier goes."""

    async def nothing(store: Store) -> None:
        del store

    async def scenario(store: Store) -> None:
        done = await store.erase(A, b"o" * 32, b"stub", 1000)
        assert (done.blobs, done.kept_stub) == (2, True)
        assert (await store.page(A, 0, 10, 10_000)).items == [(1, b"stub")]
        out = await store.append_batch([PendingAppend(A, b"new", 1, b"n" * 32)], 1000)
        assert out[0].cursor == 3

    with_store(db_url, nothing)  # creates the tables
    run(_as_schema_2(db_url))
    with_store(db_url, scenario)


def test_a_schema_1_database_is_upgraded_in_place(tmp_path: Path) -> None:
    """A relay upgraded from before erasure keeps its blobs (which nobody can erase) and
    stores verifiers from then on."""
    path = tmp_path / "relay.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
        "INSERT INTO meta VALUES ('schema', 1);"
        "CREATE TABLE mailboxes (id BLOB PRIMARY KEY, head INTEGER NOT NULL,"
        " bytes INTEGER NOT NULL, blobs INTEGER NOT NULL) WITHOUT ROWID;"
        "CREATE TABLE blobs (mailbox BLOB NOT NULL, cursor INTEGER NOT NULL,"
        " hash BLOB NOT NULL, stored_ms INTEGER NOT NULL, size INTEGER NOT NULL,"
        " data BLOB NOT NULL);"
    )
    conn.execute("INSERT INTO mailboxes VALUES (?, 1, 3, 1)", (A,))
    conn.execute("INSERT INTO blobs VALUES (?, 1, ?, 1, 3, ?)", (A, b"h" * 32, b"old"))
    conn.commit()
    conn.close()
    writer = Writer(path)
    try:
        writer.append_batch([PendingAppend(A, b"new", 2, b"v" * 32)], 1000)
        assert writer.erase(A, b"v" * 32, b"", 1000).blobs == 1
        rows = writer.conn.execute("SELECT cursor, data FROM blobs").fetchall()
        assert rows == [(1, b"old")]
        assert writer.conn.execute("SELECT value FROM meta").fetchone()[0] == 3
    finally:
        writer.close()


def test_newer_reads_several_mailboxes_at_once(db_url: str) -> None:
    async def scenario(store: Store) -> None:
        await store.append_batch(
            [
                PendingAppend(m, f"{m[:1].decode()}{i}".encode(), 1)
                for i in range(5)
                for m in (A, B)
            ],
            10_000,
        )
        rows = await store.newer([(A, 1), (B, 3), (b"C" * 32, 0)], 2)
        assert rows == [(A, 2, b"A1"), (A, 3, b"A2"), (B, 4, b"B3"), (B, 5, b"B4")]
        assert await store.newer([(A, 5)], 2) == []

    with_store(db_url, scenario)
