"""The relay store on PostgreSQL, for several relay processes sharing one database.

`asyncpg` rather than psycopg 3: it is asyncio-native (the relay is one asyncio loop), has a
connection pool and LISTEN/NOTIFY built in, binary-protocol `bytea` without copies, and is
one wheel with no dependencies, which keeps the relay's install small.

Durability is PostgreSQL's: a batch is reported only after COMMIT returns, and with the
server's default `synchronous_commit = on` that means the WAL is flushed. Cursors of a
mailbox stay consecutive across processes because every writer locks the mailbox rows it
appends to (in id order, so two writers never deadlock) before it reads their heads.

Other processes hear of a commit through NOTIFY on one channel; the payload names only the
mailbox and its new head (never a blob), and each process then reads what its own
subscribers need (hub.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from typing import Any

import asyncpg

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

log = logging.getLogger("haven.relay")


async def _lock_mailboxes(conn: Any, ids: list[bytes]) -> None:
    """Lock mailbox rows in id order (as appends do), so concurrent writers cannot deadlock."""
    await conn.execute(
        "SELECT 1 FROM mailboxes WHERE id = ANY($1::bytea[]) ORDER BY id FOR UPDATE", ids
    )


CHANNEL = "haven_relay_commits"
SCHEMA_VERSION = 3
#: Serialises schema creation when several relays start at once.
_SCHEMA_LOCK = 0x68766E72
_SCHEMA = """
CREATE TABLE IF NOT EXISTS relay_meta (key text PRIMARY KEY, value bigint NOT NULL);
CREATE TABLE IF NOT EXISTS mailboxes (
    id bytea PRIMARY KEY,
    head bigint NOT NULL,
    bytes bigint NOT NULL,
    blobs bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS blobs (
    mailbox bytea NOT NULL,
    cursor bigint NOT NULL,
    hash bytea NOT NULL,
    stored_ms bigint NOT NULL,
    size integer NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (mailbox, cursor)
);
ALTER TABLE blobs ADD COLUMN IF NOT EXISTS vf bytea;
CREATE UNIQUE INDEX IF NOT EXISTS blobs_by_hash ON blobs (mailbox, hash);
CREATE INDEX IF NOT EXISTS blobs_by_age ON blobs (stored_ms);
DROP INDEX IF EXISTS blobs_by_vf;
CREATE INDEX IF NOT EXISTS blobs_by_old_vf ON blobs (mailbox, vf)
    WHERE vf IS NOT NULL AND vf <> hash;
"""
#: Schemas this version upgrades in place (`_SCHEMA` adds what they lack). `hash` is the
#: dedup key: the blob's hash, or its verifier when it has one (then vf = hash); schema 2
#: indexed verifiers apart, which only the rows it stored still need (storage.dedup_key).
_UPGRADES = frozenset({1, 2})
#: NOTIFY payloads are limited to 8000 bytes; one entry is "<64 hex>:<cursor>".
_ENTRIES_PER_NOTIFY = 90
_DB_ERRORS = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError)


#: How long a rewrite waits for its lock before giving up (it is tried again later): while
#: it waits, every other query of the table waits behind it.
REWRITE_LOCK_TIMEOUT = "2s"
#: A rewrite of the largest table the disk cap allows takes tens of seconds (docs/RELAY.md).
REWRITE_TIMEOUT_S = 3600.0


class PostgresStore:
    #: PostgreSQL never overwrites a row in place: an erased blob's old version stays in
    #: the table's pages, even after VACUUM marks its space free (the bytes stay there until
    #: a later row lands on them). `scrub` rewrites the table instead.
    scrub_rewrites = True

    def __init__(self, url: str, pool_size: int = 8) -> None:
        self.url = url
        self.pool_size = pool_size
        self.instance = os.urandom(8).hex()  # to skip our own notifications
        self._pool: asyncpg.Pool | None = None
        self._listener: asyncpg.Connection | None = None
        self._on_remote: RemoteCommit | None = None

    async def start(self, on_remote: RemoteCommit) -> None:
        self._on_remote = on_remote
        try:
            self._pool = await asyncpg.create_pool(
                self.url, min_size=2, max_size=self.pool_size, command_timeout=60
            )
            async with self._pool.acquire() as conn, conn.transaction():
                await conn.execute("SELECT pg_advisory_xact_lock($1)", _SCHEMA_LOCK)
                await conn.execute(_SCHEMA)
                version = await conn.fetchval("SELECT value FROM relay_meta WHERE key='schema'")
                if version is None or version in _UPGRADES:
                    await conn.execute(
                        "INSERT INTO relay_meta VALUES ('schema', $1) ON CONFLICT (key) "
                        "DO UPDATE SET value = EXCLUDED.value",
                        SCHEMA_VERSION,
                    )
                elif version != SCHEMA_VERSION:
                    raise StorageError(f"database schema {version} is not {SCHEMA_VERSION}")
            self._listener = await asyncpg.connect(self.url)
            await self._listener.add_listener(CHANNEL, self._heard)
        except _DB_ERRORS as exc:
            await self.close()
            raise StorageError(f"cannot open the relay database: {_reason(exc)}") from exc

    def _heard(self, conn: Any, pid: int, channel: str, payload: str) -> None:
        del conn, pid, channel
        instance, _, entries = payload.partition(" ")
        if instance == self.instance or self._on_remote is None:
            return
        for entry in entries.split():
            mailbox, _, cursor = entry.partition(":")
            with contextlib.suppress(ValueError):
                self._on_remote(bytes.fromhex(mailbox), int(cursor))

    def _pool_or_fail(self) -> asyncpg.Pool:
        if self._pool is None:
            raise StorageError("the relay database is closed")
        return self._pool

    async def append_batch(
        self, batch: list[PendingAppend], quota_bytes: int
    ) -> list[AppendResult]:
        try:
            async with self._pool_or_fail().acquire() as conn, conn.transaction():
                return await self._append(conn, batch, quota_bytes)
        except _DB_ERRORS as exc:
            raise StorageError(f"the relay database refused a write: {_reason(exc)}") from exc

    async def _append(
        self, conn: asyncpg.Connection, batch: list[PendingAppend], quota_bytes: int
    ) -> list[AppendResult]:
        ids = sorted(set(item.mailbox for item in batch))
        states = {m: [0, 0, 0] for m in ids}
        for row in await conn.fetch(
            "SELECT id, head, bytes, blobs FROM mailboxes WHERE id = ANY($1::bytea[]) "
            "ORDER BY id FOR UPDATE",
            ids,
        ):
            states[row["id"]] = [row["head"], row["bytes"], row["blobs"]]
        hashes = [dedup_key(item) for item in batch]
        known: dict[tuple[bytes, bytes], int] = {
            (row["mailbox"], row["hash"]): row["cursor"]
            for row in await conn.fetch(
                "SELECT b.mailbox, b.hash, b.cursor FROM blobs b "
                "JOIN unnest($1::bytea[], $2::bytea[]) AS q(m, h) "
                "ON b.mailbox = q.m AND b.hash = q.h",
                [item.mailbox for item in batch],
                hashes,
            )
        }
        results: list[AppendResult] = []
        rows: list[tuple[bytes, int, bytes, int, int, bytes, bytes | None]] = []
        for item, digest in zip(batch, hashes, strict=True):
            replay = known.get((item.mailbox, digest))
            if replay is not None:
                results.append(AppendResult(cursor=replay, dup=True))
                continue
            state, size = states[item.mailbox], len(item.blob)
            if state[1] + size > quota_bytes:
                results.append(AppendResult(cursor=0, over_quota=True))
                continue
            state[0] += 1
            state[1] += size
            state[2] += 1
            known[(item.mailbox, digest)] = state[0]
            rows.append((item.mailbox, state[0], digest, item.stored_ms, size, item.blob, item.vf))
            results.append(AppendResult(cursor=state[0]))
        if rows:
            await conn.executemany(
                "INSERT INTO blobs (mailbox, cursor, hash, stored_ms, size, data, vf) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                rows,
            )
            changed = [(m, *st) for m, st in states.items()]
            await conn.executemany(
                "INSERT INTO mailboxes VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE "
                "SET head = EXCLUDED.head, bytes = EXCLUDED.bytes, blobs = EXCLUDED.blobs",
                changed,
            )
            heads = [f"{m.hex()}:{st[0]}" for m, st in states.items()]
            for start in range(0, len(heads), _ENTRIES_PER_NOTIFY):
                chunk = " ".join(heads[start : start + _ENTRIES_PER_NOTIFY])
                await conn.execute("SELECT pg_notify($1, $2)", CHANNEL, f"{self.instance} {chunk}")
        return results

    async def claim(self, mailbox: bytes) -> bool:
        try:
            status = await self._pool_or_fail().execute(
                "INSERT INTO mailboxes VALUES ($1, 0, 0, 0) ON CONFLICT DO NOTHING", mailbox
            )
        except _DB_ERRORS as exc:
            raise StorageError(f"the relay database refused a write: {_reason(exc)}") from exc
        return bool(status.endswith(" 1"))

    async def head(self, mailbox: bytes) -> int | None:
        try:
            value = await self._pool_or_fail().fetchval(
                "SELECT head FROM mailboxes WHERE id = $1", mailbox
            )
        except _DB_ERRORS as exc:
            raise StorageError(f"the relay database failed a read: {_reason(exc)}") from exc
        return None if value is None else int(value)

    async def page(self, mailbox: bytes, after: int, limit: int, max_bytes: int) -> Page:
        try:
            async with (
                self._pool_or_fail().acquire() as conn,
                conn.transaction(isolation="repeatable_read", readonly=True),
            ):
                rows = await conn.fetch(
                    "SELECT cursor, data FROM blobs WHERE mailbox = $1 AND cursor > $2 "
                    "ORDER BY cursor LIMIT $3",
                    mailbox,
                    after,
                    limit + 1,
                )
                head = await conn.fetchval("SELECT head FROM mailboxes WHERE id = $1", mailbox)
        except _DB_ERRORS as exc:
            raise StorageError(f"the relay database failed a read: {_reason(exc)}") from exc
        items: list[tuple[int, bytes]] = []
        total = 0
        for row in rows[:limit]:
            data = row["data"]
            if items and total + len(data) > max_bytes:
                break
            items.append((int(row["cursor"]), bytes(data)))
            total += len(data)
        return Page(items=items, more=len(items) < len(rows), head=int(head or 0))

    async def newer(
        self, afters: list[tuple[bytes, int]], limit: int
    ) -> list[tuple[bytes, int, bytes]]:
        """One query for many mailboxes (one round trip per batch of notifications, not one
        per mailbox)."""
        try:
            rows = await self._pool_or_fail().fetch(
                "SELECT q.m, b.cursor, b.data FROM unnest($1::bytea[], $2::bigint[]) AS q(m, a) "
                "CROSS JOIN LATERAL (SELECT cursor, data FROM blobs WHERE mailbox = q.m "
                "AND cursor > q.a ORDER BY cursor LIMIT $3) AS b ORDER BY q.m, b.cursor",
                [m for m, _ in afters],
                [a for _, a in afters],
                limit,
            )
        except _DB_ERRORS as exc:
            raise StorageError(f"the relay database failed a read: {_reason(exc)}") from exc
        return [(bytes(r[0]), int(r[1]), bytes(r[2])) for r in rows]

    async def totals(self) -> Totals:
        try:
            row = await self._pool_or_fail().fetchrow(
                "SELECT count(*), COALESCE(sum(blobs), 0), COALESCE(sum(bytes), 0) FROM mailboxes"
            )
        except _DB_ERRORS as exc:
            raise StorageError(f"the relay database failed a read: {_reason(exc)}") from exc
        assert row is not None
        return Totals(mailboxes=int(row[0]), blobs=int(row[1]), bytes=int(row[2]))

    async def erase(self, mailbox: bytes, vf: bytes, stub: bytes, quota_bytes: int) -> Erasure:
        """See `Store.erase`; the mailbox row is locked first, as appends do. PostgreSQL
        keeps the old row version until VACUUM reuses its space (docs/RELAY.md)."""
        try:
            async with self._pool_or_fail().acquire() as conn, conn.transaction():
                held = await conn.fetchval(
                    "SELECT bytes FROM mailboxes WHERE id = $1 FOR UPDATE", mailbox
                )
                rows = sorted(  # each half a seek in its own index; sorted here
                    await conn.fetch(
                        "SELECT cursor, size FROM blobs WHERE mailbox = $1 AND hash = $2 "
                        "AND vf = hash UNION ALL SELECT cursor, size FROM blobs "
                        "WHERE mailbox = $1 AND vf = $2 AND vf IS NOT NULL AND vf <> hash",
                        mailbox,
                        vf,
                    ),
                    key=lambda row: row["cursor"],
                )
                if not rows or held is None:
                    return Erasure(blobs=0, delta_bytes=0)
                freed = sum(row["size"] for row in rows)
                keep = bool(stub) and held - freed + len(stub) <= quota_bytes
                if keep:
                    await conn.execute(
                        "UPDATE blobs SET hash = $1, size = $2, data = $3, vf = NULL "
                        "WHERE mailbox = $4 AND cursor = $5",
                        blob_hash(stub),
                        len(stub),
                        stub,
                        mailbox,
                        rows[0]["cursor"],
                    )
                gone = [row["cursor"] for row in (rows[1:] if keep else rows)]
                await conn.execute(
                    "DELETE FROM blobs WHERE mailbox = $1 AND cursor = ANY($2::bigint[])",
                    mailbox,
                    gone,
                )
                delta = (len(stub) if keep else 0) - freed
                await conn.execute(
                    "UPDATE mailboxes SET blobs = blobs - $1, bytes = bytes + $2 WHERE id = $3",
                    len(gone),
                    delta,
                    mailbox,
                )
        except _DB_ERRORS as exc:
            raise StorageError(f"the relay database refused a write: {_reason(exc)}") from exc
        return Erasure(blobs=len(rows), delta_bytes=delta, kept_stub=keep)

    async def scrub(self) -> bool:
        """Rewrite the blobs table and its TOAST table into new files (VACUUM FULL), so no
        dead row version of an erased blob is left in them; the old files are truncated at
        once and unlinked at the next checkpoint. It holds the table's exclusive lock while
        it runs; False if that lock was not free within REWRITE_LOCK_TIMEOUT. PostgreSQL's
        WAL still holds the bytes until its segments are recycled (docs/RELAY.md)."""
        try:
            async with self._pool_or_fail().acquire() as conn:
                # The pool runs RESET ALL when the connection goes back: no RESET here, which
                # on a connection the timeout cancelled could hide the real error.
                await conn.execute(f"SET lock_timeout = '{REWRITE_LOCK_TIMEOUT}'")
                await conn.execute("VACUUM (FULL) blobs", timeout=REWRITE_TIMEOUT_S)
        except asyncpg.LockNotAvailableError:
            return False
        except _DB_ERRORS as exc:
            raise StorageError(f"the relay database refused a rewrite: {_reason(exc)}") from exc
        return True

    async def purge(self, cutoff_ms: int, max_blobs: int) -> Purged:
        """Oldest first; the mailbox rows are locked in id order first, as appends do."""

        async def delete(conn: Any) -> list[tuple[bytes, int]]:
            victims = await conn.fetch(
                "SELECT mailbox, cursor FROM blobs WHERE stored_ms < $1 "
                "ORDER BY stored_ms LIMIT $2",
                cutoff_ms,
                max_blobs,
            )
            if not victims:
                return []
            await _lock_mailboxes(conn, sorted({row["mailbox"] for row in victims}))
            gone = await conn.fetch(
                "DELETE FROM blobs b USING unnest($1::bytea[], $2::bigint[]) AS q(m, c) "
                "WHERE b.mailbox = q.m AND b.cursor = q.c AND b.stored_ms < $3 "
                "RETURNING b.mailbox, b.size",
                [row["mailbox"] for row in victims],
                [row["cursor"] for row in victims],
                cutoff_ms,
            )
            return [(row["mailbox"], row["size"]) for row in gone]

        return await self._delete(delete)

    async def trim(self, quota_bytes: int, max_blobs: int) -> Purged:
        """Oldest first within each mailbox over `quota_bytes`, keeping the newest that fit;
        the over-quota mailbox rows are locked (id order) before their blobs are counted."""

        async def delete(conn: Any) -> list[tuple[bytes, int]]:
            over = await conn.fetch(
                "SELECT id FROM mailboxes WHERE bytes > $1 ORDER BY id LIMIT $2 FOR UPDATE",
                quota_bytes,
                max_blobs,
            )
            if not over:
                return []
            gone = await conn.fetch(
                "WITH ranked AS (SELECT mailbox, cursor, SUM(size) OVER "
                "(PARTITION BY mailbox ORDER BY cursor DESC) AS kept FROM blobs "
                "WHERE mailbox = ANY($1::bytea[])), "
                "victims AS (SELECT mailbox, cursor FROM ranked WHERE kept > $2 LIMIT $3) "
                "DELETE FROM blobs b USING victims v "
                "WHERE b.mailbox = v.mailbox AND b.cursor = v.cursor RETURNING b.mailbox, b.size",
                [row["id"] for row in over],
                quota_bytes,
                max_blobs,
            )
            return [(row["mailbox"], row["size"]) for row in gone]

        return await self._delete(delete)

    async def _delete(self, delete: Any) -> Purged:
        """Run `delete(conn)` (returning (mailbox, size) rows) and update the mailbox
        counters, in one transaction."""
        try:
            async with self._pool_or_fail().acquire() as conn, conn.transaction():
                gone = await delete(conn)
                await conn.executemany(
                    "UPDATE mailboxes SET blobs = blobs - $1, bytes = bytes - $2 WHERE id = $3",
                    [(n, size, m) for m, (n, size) in tally(gone).items()],
                )
        except _DB_ERRORS as exc:
            raise StorageError(f"purge failed: {_reason(exc)}") from exc
        return Purged(blobs=len(gone), bytes=sum(size for _, size in gone))

    async def close(self) -> None:
        if self._listener is not None:
            listener, self._listener = self._listener, None
            with contextlib.suppress(*_DB_ERRORS):
                await listener.remove_listener(CHANNEL, self._heard)
            with contextlib.suppress(*_DB_ERRORS):
                await asyncio.wait_for(listener.close(), 5)
        if self._pool is not None:
            pool, self._pool = self._pool, None
            with contextlib.suppress(*_DB_ERRORS, TimeoutError):
                await asyncio.wait_for(pool.close(), 10)


def _reason(exc: BaseException) -> str:
    """A short reason without the URL (it may hold a password)."""
    return type(exc).__name__ if isinstance(exc, OSError) else str(exc).split("\n", 1)[0]
