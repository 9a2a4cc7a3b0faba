"""The relay's SQLite store on a real file: batches, dedup, quota, paging, expiry, reopen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from haven.relay.storage import PendingAppend, Reader, StorageError, Writer

A, B = b"A" * 32, b"B" * 32


def test_batch_assigns_cursors_per_mailbox_and_dedups(tmp_path: Path) -> None:
    w = Writer(tmp_path / "r.db")
    out = w.append_batch(
        [
            PendingAppend(A, b"one", 1),
            PendingAppend(B, b"one", 1),
            PendingAppend(A, b"two", 1),
            PendingAppend(A, b"one", 1),
        ],
        10_000,
    )
    assert [(r.cursor, r.dup) for r in out] == [(1, False), (1, False), (2, False), (1, True)]
    w.close()
    r = Reader(tmp_path / "r.db")  # a fresh connection sees the committed batch
    assert r.page(A, 0, 10, 10_000).items == [(1, b"one"), (2, b"two")]
    assert r.head(A) == 2 and r.head(B) == 1 and r.head(b"C" * 32) == 0
    totals = r.totals()
    assert (totals.mailboxes, totals.blobs, totals.bytes) == (2, 3, 9)


def test_quota_refuses_only_what_does_not_fit(tmp_path: Path) -> None:
    w = Writer(tmp_path / "r.db")
    out = w.append_batch(
        [
            PendingAppend(A, b"x" * 60, 1),
            PendingAppend(A, b"y" * 60, 1),
            PendingAppend(A, b"z" * 40, 1),
        ],
        100,
    )
    assert [(r.cursor, r.over_quota) for r in out] == [(1, False), (0, True), (2, False)]


def test_pages_respect_count_and_bytes(tmp_path: Path) -> None:
    w = Writer(tmp_path / "r.db")
    w.append_batch([PendingAppend(A, bytes([i]) * 100, 1) for i in range(10)], 10**6)
    r = Reader(tmp_path / "r.db")
    page = r.page(A, 0, 3, 10**6)
    assert [c for c, _ in page.items] == [1, 2, 3] and page.more and page.head == 10
    page = r.page(A, 3, 100, 250)
    assert [c for c, _ in page.items] == [4, 5] and page.more
    page = r.page(A, 8, 100, 50)  # one blob larger than the byte budget still comes alone
    assert [c for c, _ in page.items] == [9] and page.more
    assert not r.page(A, 9, 100, 10**6).more


def test_purge_frees_quota_but_cursors_never_repeat(tmp_path: Path) -> None:
    w = Writer(tmp_path / "r.db")
    w.append_batch([PendingAppend(A, b"old", 1000), PendingAppend(A, b"new", 5000)], 10**6)
    assert w.purge(cutoff_ms=2000) == 1
    r = Reader(tmp_path / "r.db")
    assert r.page(A, 0, 10, 10**6).items == [(2, b"new")]
    assert r.totals().bytes == 3
    assert w.append_batch([PendingAppend(A, b"old", 6000)], 10**6)[0].cursor == 3


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


def test_large_batches_span_statement_chunks(tmp_path: Path) -> None:
    w = Writer(tmp_path / "r.db")
    mailboxes = [i.to_bytes(32, "big") for i in range(700)]  # more than one IN (...) chunk
    batch = [PendingAppend(mailboxes[i % 700], i.to_bytes(4, "big"), 1) for i in range(2500)]
    out = w.append_batch(batch, 10**6)
    assert [r.cursor for r in out[:700]] == [1] * 700
    assert [r.cursor for r in out[2100:2500]] == [4] * 400
    assert not any(r.dup or r.over_quota for r in out)
    again = w.append_batch([*batch[:3], PendingAppend(mailboxes[0], b"fresh", 2)], 10**6)
    assert [(r.cursor, r.dup) for r in again] == [(1, True), (1, True), (1, True), (5, False)]
    r = Reader(tmp_path / "r.db")
    assert r.totals().blobs == 2501 and r.head(mailboxes[0]) == 5
    assert [c for c, _ in r.page(mailboxes[699], 0, 10, 10**6).items] == [1, 2, 3]
