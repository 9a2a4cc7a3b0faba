"""The default relay store: one SQLite file in WAL mode, written by one thread in batches.

The relay stores only ciphertext it cannot read, so the stdlib `sqlite3` is used here rather
than SQLCipher (an encrypted store would protect nothing the clients did not already encrypt).
`synchronous=FULL` makes every COMMIT fsync the WAL, and a whole batch of appends shares one
commit (group commit): an append is acknowledged only once its batch is durable.

`Writer` and `Reader` run on the thread that owns their connection; `SqliteStore` gives each
a single-thread executor, and WAL lets reads run while a batch commits. The file (and so its
-wal and -shm files, which SQLite creates with the same mode) is created readable by its
owner only.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from haven.relay.storage import (
    AppendResult,
    Erasure,
    Page,
    PendingAppend,
    Purged,
    RemoteCommit,
    StorageError,
    Totals,
    blob_hash,
    dedup_key,
    tally,
)

SCHEMA_VERSION = 3

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS mailboxes (
    id BLOB PRIMARY KEY,
    head INTEGER NOT NULL,          -- the last cursor handed out; cursors never repeat
    bytes INTEGER NOT NULL,         -- stored bytes, for the quota
    blobs INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS blobs (
    mailbox BLOB NOT NULL,
    cursor INTEGER NOT NULL,
    hash BLOB NOT NULL,
    stored_ms INTEGER NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    vf BLOB                         -- H(erase token), or NULL: see Writer.erase
);  -- `hash` is the dedup key: the blob's hash, or its `vf` when it has one (then vf = hash)
CREATE UNIQUE INDEX IF NOT EXISTS blobs_by_cursor ON blobs (mailbox, cursor);
CREATE UNIQUE INDEX IF NOT EXISTS blobs_by_hash ON blobs (mailbox, hash);
CREATE INDEX IF NOT EXISTS blobs_by_age ON blobs (stored_ms);
"""
#: Schema 1 had no erase verifiers; a relay upgraded in place gains the column. Schema 2
#: indexed every verifier on its own; schema 3 keys a blob that has one by it (`hash` = `vf`,
#: in the one unique index appends already pay for), and indexes apart only verifiers stored
#: by schema 2, until they expire.
_MIGRATIONS = {
    1: ["ALTER TABLE blobs ADD COLUMN vf BLOB"],
    2: ["DROP INDEX IF EXISTS blobs_by_vf"],
}
_VF_INDEX = (
    "CREATE INDEX IF NOT EXISTS blobs_by_old_vf ON blobs (mailbox, vf) "
    "WHERE vf IS NOT NULL AND vf != hash"
)


#: Pages the WAL may hold before a commit checkpoints it (SQLite's default is 1,000). Fewer,
#: larger checkpoints copy a page that many batches dirtied (the random `blobs_by_hash` leaves)
#: once instead of each time: about a fifth less writer CPU per append, for a WAL of at most
#: 16 MiB (4 KiB pages) instead of 4 MiB beside the database (docs/RELAY.md, Disk).
WAL_AUTOCHECKPOINT_PAGES = 4000

T = TypeVar("T")


def _chunks(items: list[T], size: int) -> list[list[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the relay database; one connection per thread."""
    try:
        if not path.exists():  # owner-only from the first byte
            os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError as exc:
        raise StorageError(f"cannot create the relay database: {exc.strerror}") from exc
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
        # Deleted and overwritten bytes are zeroed in the page, not left in free space: an
        # erased blob (a redacted post) must not be recoverable from the file.
        conn.execute("PRAGMA secure_delete=ON")
        conn.executescript(_SCHEMA)
        row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None:
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        elif row[0] in _MIGRATIONS:
            conn.execute("BEGIN IMMEDIATE")
            for version in range(row[0], SCHEMA_VERSION):
                for statement in _MIGRATIONS[version]:
                    conn.execute(statement)
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (SCHEMA_VERSION,))
            conn.execute("COMMIT")
        elif row[0] != SCHEMA_VERSION:
            raise StorageError(f"database schema {row[0]} is not {SCHEMA_VERSION}")
        conn.execute(_VF_INDEX)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"cannot open the relay database: {exc}") from exc
    return conn


class Writer:
    """Owns the write connection. Only ever called from the single writer thread."""

    def __init__(self, path: Path) -> None:
        self.conn = connect(path)

    def append_batch(self, batch: list[PendingAppend], quota_bytes: int) -> list[AppendResult]:
        """Store a batch in one transaction with one fsync; results are in batch order.

        The common case (no replays, nothing over quota) is a handful of multi-row statements
        per batch rather than several per blob: each statement releases and retakes the GIL,
        which the event loop thread is competing for.
        """
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            results = self._append_fast(batch, quota_bytes)
            if results is None:
                results = self._append_one_by_one(batch, quota_bytes)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StorageError(f"the relay database refused a write: {exc}") from exc
        return results

    def _states(self, batch: list[PendingAppend]) -> dict[bytes, list[int]]:
        """[head, bytes, blobs] for every mailbox in the batch (zeros for new ones)."""
        ids = list(dict.fromkeys(item.mailbox for item in batch))
        states = {m: [0, 0, 0] for m in ids}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for m, head, size, count in self.conn.execute(
                f"SELECT id, head, bytes, blobs FROM mailboxes WHERE id IN ({marks})", chunk
            ):
                states[m] = [head, size, count]
        return states

    def _save_states(self, states: dict[bytes, list[int]]) -> None:
        rows = list(states.items())
        for chunk in _chunks(rows, 500):
            marks = ",".join(["(?,?,?,?)"] * len(chunk))
            self.conn.execute(
                f"INSERT OR REPLACE INTO mailboxes VALUES {marks}",
                [v for m, st in chunk for v in (m, *st)],
            )

    def _append_fast(
        self, batch: list[PendingAppend], quota_bytes: int
    ) -> list[AppendResult] | None:
        """All-new blobs within quota: multi-row INSERTs. None (and nothing written) if any
        blob is a replay or over quota, so the caller takes the careful path."""
        states = self._states(batch)
        rows: list[tuple[bytes, int, bytes, int, int, bytes, bytes | None]] = []
        for item in batch:
            state, size = states[item.mailbox], len(item.blob)
            if state[1] + size > quota_bytes:
                return None
            state[0] += 1
            state[1] += size
            state[2] += 1
            rows.append(
                (
                    item.mailbox,
                    state[0],
                    dedup_key(item),
                    item.stored_ms,
                    size,
                    item.blob,
                    item.vf,
                )
            )
        self.conn.execute("SAVEPOINT fast")
        for chunk in _chunks(rows, 1000):  # 7 parameters a row; SQLite allows 32,766
            marks = ",".join(["(?,?,?,?,?,?,?)"] * len(chunk))
            inserted = self.conn.execute(
                f"INSERT OR IGNORE INTO blobs VALUES {marks}", [v for row in chunk for v in row]
            ).rowcount
            if inserted != len(chunk):  # a replay was ignored: its cursor must not be used
                self.conn.execute("ROLLBACK TO fast")
                self.conn.execute("RELEASE fast")
                return None
        self._save_states(states)
        self.conn.execute("RELEASE fast")
        return [AppendResult(cursor=row[1]) for row in rows]

    def _append_one_by_one(
        self, batch: list[PendingAppend], quota_bytes: int
    ) -> list[AppendResult]:
        conn = self.conn
        states = self._states(batch)
        results: list[AppendResult] = []
        for item in batch:
            digest, state, size = dedup_key(item), states[item.mailbox], len(item.blob)
            if state[1] + size <= quota_bytes:
                # The unique (mailbox, hash) index turns a replay into a no-op; only then do
                # we look up its cursor.
                inserted = conn.execute(
                    "INSERT OR IGNORE INTO blobs VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (item.mailbox, state[0] + 1, digest, item.stored_ms, size, item.blob, item.vf),
                ).rowcount
                if inserted:
                    state[0] += 1
                    state[1] += size
                    state[2] += 1
                    results.append(AppendResult(cursor=state[0]))
                    continue
            row = conn.execute(
                "SELECT cursor FROM blobs WHERE mailbox=? AND hash=?", (item.mailbox, digest)
            ).fetchone()
            if row is not None:
                results.append(AppendResult(cursor=row[0], dup=True))
            else:
                results.append(AppendResult(cursor=0, over_quota=True))
        self._save_states(states)
        return results

    def claim(self, mailbox: bytes) -> bool:
        try:
            return bool(
                self.conn.execute(
                    "INSERT OR IGNORE INTO mailboxes VALUES (?, 0, 0, 0)", (mailbox,)
                ).rowcount
            )
        except sqlite3.Error as exc:
            raise StorageError(f"the relay database refused a write: {exc}") from exc

    def erase(self, mailbox: bytes, vf: bytes, stub: bytes, quota_bytes: int) -> Erasure:
        """See `Store.erase`. secure_delete zeroes the old bytes in their pages; `scrub`
        then moves the pages into the main file and empties the WAL."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            # Each half a seek in its own index (sorted here: an ORDER BY would make SQLite
            # walk the mailbox in cursor order instead).
            rows = sorted(
                conn.execute(
                    "SELECT cursor, rowid, size FROM blobs WHERE mailbox = ? AND hash = ?"
                    " AND vf = hash UNION ALL SELECT cursor, rowid, size FROM blobs"
                    " WHERE mailbox = ? AND vf = ? AND vf IS NOT NULL AND vf != hash",
                    (mailbox, vf, mailbox, vf),
                ).fetchall()
            )
            if not rows:
                conn.execute("COMMIT")
                return Erasure(blobs=0, delta_bytes=0)
            freed = sum(size for _, _, size in rows)
            held = conn.execute("SELECT bytes FROM mailboxes WHERE id = ?", (mailbox,)).fetchone()
            keep = bool(stub and held and held[0] - freed + len(stub) <= quota_bytes)
            if keep:
                conn.execute(
                    "UPDATE blobs SET hash = ?, size = ?, data = ?, vf = NULL WHERE rowid = ?",
                    (blob_hash(stub), len(stub), stub, rows[0][1]),
                )
            gone = rows[1:] if keep else rows
            conn.executemany("DELETE FROM blobs WHERE rowid = ?", [(r,) for _, r, _ in gone])
            delta = (len(stub) if keep else 0) - freed
            conn.execute(
                "UPDATE mailboxes SET blobs = blobs - ?, bytes = bytes + ? WHERE id = ?",
                (len(gone), delta, mailbox),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StorageError(f"the relay database refused a write: {exc}") from exc
        return Erasure(blobs=len(rows), delta_bytes=delta, kept_stub=keep)

    def purge(self, cutoff_ms: int, max_blobs: int) -> Purged:
        """Delete up to `max_blobs` blobs stored before `cutoff_ms`, oldest first, in one short
        transaction; mailboxes keep their head so cursors never repeat."""
        return self._delete(
            lambda: self.conn.execute(
                "DELETE FROM blobs WHERE rowid IN (SELECT rowid FROM blobs WHERE stored_ms < ? "
                "ORDER BY stored_ms LIMIT ?) RETURNING mailbox, size",
                (cutoff_ms, max_blobs),
            ).fetchall()
        )

    def trim(self, quota_bytes: int, max_blobs: int) -> Purged:
        """Oldest first within each mailbox over `quota_bytes`: keep the newest blobs that
        fit, delete the rest (at most `max_blobs` in this transaction)."""

        def victims() -> list[tuple[bytes, int]]:
            gone: list[tuple[bytes, int]] = []
            over = self.conn.execute(
                "SELECT id FROM mailboxes WHERE bytes > ? LIMIT ?", (quota_bytes, max_blobs)
            ).fetchall()
            for (mailbox,) in over:
                if len(gone) >= max_blobs:
                    break
                gone += self.conn.execute(
                    "DELETE FROM blobs WHERE rowid IN (SELECT rowid FROM (SELECT rowid, "
                    "SUM(size) OVER (ORDER BY cursor DESC) AS kept FROM blobs WHERE mailbox = ?) "
                    "WHERE kept > ? LIMIT ?) RETURNING mailbox, size",
                    (mailbox, quota_bytes, max_blobs - len(gone)),
                ).fetchall()
            return gone

        return self._delete(victims)

    def _delete(self, delete: Callable[[], list[tuple[bytes, int]]]) -> Purged:
        """Run `delete` (returning (mailbox, size) rows) and update the mailbox counters, in
        one transaction."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            gone = delete()
            conn.executemany(
                "UPDATE mailboxes SET blobs = blobs - ?, bytes = bytes - ? WHERE id = ?",
                [(n, size, m) for m, (n, size) in tally(gone).items()],
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StorageError(f"purge failed: {exc}") from exc
        return Purged(blobs=len(gone), bytes=sum(size for _, size in gone))

    def checkpoint(self) -> bool:
        """Copy the WAL into the main file and truncate it; False if a reader kept it from
        finishing (the caller tries again)."""
        busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        return not busy

    def close(self) -> None:
        self.conn.close()


class Reader:
    """Owns one read connection; called only from the single reader thread."""

    def __init__(self, path: Path) -> None:
        self.conn = connect(path)

    def head(self, mailbox: bytes) -> int | None:
        row = self.conn.execute("SELECT head FROM mailboxes WHERE id=?", (mailbox,)).fetchone()
        return int(row[0]) if row else None

    def page(self, mailbox: bytes, after: int, limit: int, max_bytes: int) -> Page:
        """Blobs with cursor > `after`, oldest first, at most `limit` and about `max_bytes`."""
        self.conn.execute("BEGIN")  # one snapshot for the page and the head
        try:
            rows = self.conn.execute(
                "SELECT cursor, data FROM blobs WHERE mailbox=? AND cursor>? "
                "ORDER BY cursor LIMIT ?",
                (mailbox, after, limit + 1),
            ).fetchall()
            head = self.head(mailbox) or 0
        finally:
            self.conn.execute("COMMIT")
        items: list[tuple[int, bytes]] = []
        total = 0
        for cursor, data in rows[:limit]:
            if items and total + len(data) > max_bytes:
                break
            items.append((int(cursor), bytes(data)))
            total += len(data)
        return Page(items=items, more=len(items) < len(rows), head=head)

    def totals(self) -> Totals:
        row = self.conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(blobs), 0), COALESCE(SUM(bytes), 0) FROM mailboxes"
        ).fetchone()
        return Totals(mailboxes=int(row[0]), blobs=int(row[1]), bytes=int(row[2]))

    def close(self) -> None:
        self.conn.close()


class SqliteStore:
    """The `Store` interface over a Writer and a Reader, each on its own thread."""

    scrub_rewrites = False  # a checkpoint: secure_delete zeroed the bytes in place

    def __init__(self, path: Path) -> None:
        self.path = path
        self._write_pool = ThreadPoolExecutor(1, thread_name_prefix="relay-writer")
        self._read_pool = ThreadPoolExecutor(1, thread_name_prefix="relay-reader")
        self._writer: Writer | None = None
        self._reader: Reader | None = None

    async def _write(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._write_pool, fn, *args)

    async def _read(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._read_pool, fn, *args)

    async def start(self, on_remote: RemoteCommit) -> None:
        del on_remote  # one process: there is no other instance to hear from
        self._writer = await self._write(Writer, self.path)
        self._reader = await self._read(Reader, self.path)

    async def append_batch(
        self, batch: list[PendingAppend], quota_bytes: int
    ) -> list[AppendResult]:
        assert self._writer is not None
        return await self._write(self._writer.append_batch, batch, quota_bytes)

    async def claim(self, mailbox: bytes) -> bool:
        assert self._writer is not None
        return await self._write(self._writer.claim, mailbox)

    async def head(self, mailbox: bytes) -> int | None:
        assert self._reader is not None
        return await self._read(self._reader.head, mailbox)

    async def page(self, mailbox: bytes, after: int, limit: int, max_bytes: int) -> Page:
        assert self._reader is not None
        return await self._read(self._reader.page, mailbox, after, limit, max_bytes)

    async def newer(
        self, afters: list[tuple[bytes, int]], limit: int
    ) -> list[tuple[bytes, int, bytes]]:
        """One process: nobody else commits, so the hub never asks; kept for the contract."""
        rows: list[tuple[bytes, int, bytes]] = []
        for mailbox, after in afters:
            page = await self.page(mailbox, after, limit, 2**62)
            rows += [(mailbox, cursor, blob) for cursor, blob in page.items]
        return rows

    async def totals(self) -> Totals:
        assert self._reader is not None
        return await self._read(self._reader.totals)

    async def erase(self, mailbox: bytes, vf: bytes, stub: bytes, quota_bytes: int) -> Erasure:
        assert self._writer is not None
        return await self._write(self._writer.erase, mailbox, vf, stub, quota_bytes)

    async def scrub(self) -> bool:
        assert self._writer is not None
        return await self._write(self._writer.checkpoint)

    async def purge(self, cutoff_ms: int, max_blobs: int) -> Purged:
        assert self._writer is not None
        return await self._write(self._writer.purge, cutoff_ms, max_blobs)

    async def trim(self, quota_bytes: int, max_blobs: int) -> Purged:
        assert self._writer is not None
        return await self._write(self._writer.trim, quota_bytes, max_blobs)

    async def close(self) -> None:
        if self._writer is not None:
            writer, self._writer = self._writer, None
            await self._write(writer.checkpoint)
            await self._write(writer.close)
        if self._reader is not None:
            reader, self._reader = self._reader, None
            await self._read(reader.close)
        self._write_pool.shutdown()
        self._read_pool.shutdown()
