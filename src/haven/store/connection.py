"""The SQLCipher connection under a vault: opening a database file with its raw key, the
settings every connection gets, exporting a copy under another key, the advisory lock, and
SQLite's errors mapped to Haven's."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import filelock
import sqlcipher3

from haven.errors import VaultDamaged, VaultFull, VaultInUse, VaultLocked
from haven.store import migrations
from haven.store.key_material import key_sql

LOCK_NAME = "vault.lock"
#: Page cache per connection (negative = KiB). Misses cost ~2.2x when encrypted.
CACHE_KIB = 32 * 1024

Connection = Any  # sqlcipher3.Connection has no stubs


class VaultConnection(sqlcipher3.Connection):
    """A vault's connection, carrying what its open transaction did that must be acted on
    once it commits: whether it erased anything (core/redaction.py `erased`). Kept on the
    connection itself, so it goes with it: a later connection never inherits it, as one
    could from state keyed by `id(conn)` (ids are reused once an object is freed)."""

    erased_here: bool = False


def note_erased(conn: Connection) -> None:
    """The transaction open on `conn` erased something."""
    conn.erased_here = True


def take_erased(conn: Connection) -> bool:
    """Whether the transaction open on `conn` erased anything; forgets it."""
    erased: bool = conn.erased_here
    conn.erased_here = False
    return erased


def acquire_lock(data_dir: Path) -> filelock.BaseFileLock:
    # Not thread-local: the UI opens the vault in a worker thread and locks it from the UI
    # thread; a thread-local lock would then never be released.
    lock = filelock.FileLock(str(data_dir / LOCK_NAME), timeout=0, thread_local=False, mode=0o600)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise VaultInUse() from None
    return lock


def export(conn: Connection, dest: Path, key: bytearray) -> None:
    """A consistent copy of the database in `dest`, encrypted with `key`."""
    with key_sql("ATTACH DATABASE ? AS copied KEY \"x'{}'\"", key) as sql:
        conn.execute(sql, (str(dest),))
    try:
        conn.execute("SELECT sqlcipher_export('copied')")
        version = migrations.current_version(conn)
        conn.execute(f"PRAGMA copied.user_version = {version:d}")
    finally:
        conn.execute("DETACH DATABASE copied")


def connect(path: Path, master_key: bytearray) -> Connection:
    if not path.exists():
        # Owner-only from the first byte; SQLite gives the -wal and -shm files the same mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    conn = sqlcipher3.connect(
        str(path), isolation_level=None, check_same_thread=False, factory=VaultConnection
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # our errors say it, once, without noise
        with key_sql("PRAGMA key = \"x'{}'\"", master_key) as sql:
            conn.executescript(sql)  # not kept in the statement cache until close
        # Touching the schema is the first read: a wrong key or a damaged file fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # an acknowledged commit survives a crash
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB:d}")
    except sqlcipher3.DatabaseError:
        conn.close()
        raise
    return conn


def is_storage_failure(exc: BaseException) -> bool:
    """Whether `exc` says the vault itself failed (full, damaged, locked, closed, busy), as
    opposed to one statement being refused for the values it was given (a constraint, an
    integer SQLite cannot hold). Ingest rejects one event for the second kind and gives up
    the whole transaction for the first."""
    if isinstance(exc, VaultFull | VaultDamaged | VaultLocked | MemoryError):
        return True
    return isinstance(exc, sqlcipher3.DatabaseError) and not isinstance(
        exc, sqlcipher3.IntegrityError
    )


@contextlib.contextmanager
def mapped_errors() -> Iterator[None]:
    try:
        yield
    except sqlcipher3.DatabaseError as exc:
        text = str(exc).lower()
        if "full" in text:
            raise VaultFull() from exc
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            raise VaultDamaged(f"the vault database is damaged ({exc})") from exc
        raise
