"""The vault: one SQLCipher database opened with a random 32-byte master key (raw key, so
SQLCipher's own PBKDF2 never runs), the key stored only wrapped under Argon2id(passphrase).

Files in the data folder:
  vault.header  JSON: KDF parameters, salt, wrapped master key (nothing secret in clear)
  vault.db      the SQLCipher database (+ -wal/-shm while open; both encrypted or content-free)
  vault.lock    an advisory lock so that two processes never open the vault at once
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filelock
import sqlcipher3

from haven.crypto import kdf, secretbox
from haven.crypto.errors import CryptoError
from haven.crypto.wipe import wipe
from haven.errors import (
    VaultDamaged,
    VaultExists,
    VaultFull,
    VaultInUse,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
)
from haven.store import migrations, rekey
from haven.store.header import VaultHeader, fsync_dir, read_header, write_header_atomically
from haven.store.key_material import key_sql as _key_sql
from haven.store.key_material import secret as _secret
from haven.store.key_material import wrap as _wrap

DB_NAME = "vault.db"
HEADER_NAME = "vault.header"
LOCK_NAME = "vault.lock"
MASTER_KEY_BYTES = 32
#: Page cache per connection (negative = KiB). Misses cost ~2.2x when encrypted.
CACHE_KIB = 32 * 1024

Connection = Any  # sqlcipher3.Connection has no stubs


@dataclass(frozen=True)
class UnlockTimings:
    kdf_s: float
    open_s: float


def vault_exists(data_dir: Path) -> bool:
    return (data_dir / HEADER_NAME).exists() or (data_dir / DB_NAME).exists()


class Vault:
    """An open vault. All SQL goes through `read()` or `transaction()`, which serialise
    access to the one connection (so any thread may call in)."""

    def __init__(
        self,
        data_dir: Path,
        conn: Connection,
        lock: filelock.BaseFileLock,
        master_key: bytearray,
        timings: UnlockTimings,
    ) -> None:
        self.data_dir = data_dir
        self._conn: Connection | None = conn
        self._lock = lock
        self._master_key: bytearray | None = master_key
        self._mutex = threading.RLock()
        self._after_commit: list[Callable[[], None]] | None = None
        self.timings = timings

    # ----------------------------------------------------------------- lifecycle

    @classmethod
    def create(cls, data_dir: Path, passphrase: str, params: kdf.KdfParams | None = None) -> Vault:
        params = params or kdf.default_params()  # an unsafe setting stops us before any write
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        if vault_exists(data_dir):
            raise VaultExists(f"a vault already exists in {data_dir}; nothing was changed")
        lock = _acquire_lock(data_dir)
        try:
            master_key = _secret(os.urandom(MASTER_KEY_BYTES))
            salt = kdf.new_salt()
            t0 = time.perf_counter()
            kek = kdf.derive_key_into(passphrase, salt, params)
            t1 = time.perf_counter()
            conn = _connect(data_dir / DB_NAME, master_key)
            migrations.migrate(conn)
            # The header goes last: a crash before this leaves a database without a header,
            # which `create` refuses to overwrite and `open` reports as damaged.
            header = VaultHeader(params, salt, _wrap(kek, master_key))
            wipe(kek)
            write_header_atomically(data_dir / HEADER_NAME, header)
            t2 = time.perf_counter()
        except BaseException:
            lock.release()
            raise
        return cls(data_dir, conn, lock, master_key, UnlockTimings(t1 - t0, t2 - t1))

    @classmethod
    def open(cls, data_dir: Path, passphrase: str) -> Vault:
        header_path, db_path = data_dir / HEADER_NAME, data_dir / DB_NAME
        if not header_path.exists() and not db_path.exists():
            raise VaultNotFound(f"no vault in {data_dir}; create one with `haven init`")
        if not header_path.exists():
            raise VaultDamaged("the vault header is missing; the database cannot be opened")
        if not db_path.exists():
            raise VaultDamaged("the vault database is missing")
        lock = _acquire_lock(data_dir)
        try:
            t0 = time.perf_counter()
            conn, master_key = _open_with_any_header(data_dir, passphrase)
            t1 = time.perf_counter()
            migrations.migrate(conn)
            t2 = time.perf_counter()
        except sqlcipher3.DatabaseError as exc:
            lock.release()
            raise VaultDamaged(f"the vault database is damaged ({exc})") from exc
        except BaseException:
            lock.release()
            raise
        return cls(data_dir, conn, lock, master_key, UnlockTimings(t1 - t0, t2 - t1))

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        """Lock: close the connection and drop every reference to the key we hold."""
        with self._mutex:
            if self._conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    self._conn.close()
            self._conn = None
            if self._master_key is not None:
                wipe(self._master_key)
            self._master_key = None
            if self._lock.is_locked:
                self._lock.release()

    def destroy_new(self) -> None:
        """Close and delete a vault that `create` has just made, when setting it up failed
        before anyone could have written to it. Never used on an existing vault."""
        self.close()
        for name in (HEADER_NAME, DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
            with contextlib.suppress(FileNotFoundError):
                (self.data_dir / name).unlink()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def passphrase_opens(self, passphrase: str) -> bool:
        """Whether `passphrase` unwraps this vault's key (asked before changing it, so a
        person at an unlocked computer cannot lock its owner out)."""
        header = read_header(self.data_dir / HEADER_NAME)
        kek = kdf.derive_key_into(passphrase, header.salt, header.kdf)
        try:
            wipe(secretbox.unwrap_key_into(kek, header.wrapped_key))
            return True
        except CryptoError:
            return False
        finally:
            wipe(kek)

    def integrity_problems(self, limit: int = 20) -> list[str]:
        """SQLCipher's `cipher_integrity_check` (every page's HMAC), on a connection of its
        own so the vault stays usable while it reads the whole file. [] when all is well."""
        with self._mutex:
            key = bytearray(self._require_key())
        try:
            conn = _connect(self.data_dir / DB_NAME, key)
        except sqlcipher3.DatabaseError as exc:
            return [str(exc)]
        finally:
            wipe(key)
        try:
            rows = conn.execute("PRAGMA cipher_integrity_check").fetchmany(limit)
            return [str(row[0]) for row in rows]
        except sqlcipher3.DatabaseError as exc:
            return [str(exc)]
        finally:
            conn.close()

    def rekey(self, new_passphrase: str) -> None:
        """Re-encrypt the whole database under a new random master key, wrapped under
        `new_passphrase`; crash-safe (see haven.store.rekey)."""
        with self._mutex, _mapped_errors():
            conn, data_dir = self._require_conn(), self.data_dir
            rekey.remove_leftovers(data_dir)
            params = read_header(data_dir / HEADER_NAME).kdf
            new_key = _secret(os.urandom(MASTER_KEY_BYTES))
            salt = kdf.new_salt()
            kek = kdf.derive_key_into(new_passphrase, salt, params)
            header = VaultHeader(params, salt, _wrap(kek, new_key))
            wipe(kek)
            write_header_atomically(data_dir / rekey.NEXT_HEADER_NAME, header)
            rekey.crash_point("next-header")
            copy = data_dir / rekey.REKEY_DB_NAME
            rekey.create_private(copy)
            _export(conn, copy, new_key)
            rekey.fsync_file(copy)
            check = _connect(copy, new_key)  # it opens with the new key, and reads whole
            try:
                if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise VaultDamaged("the re-encrypted copy did not check out; nothing changed")
            finally:
                check.close()
            rekey.crash_point("exported")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
            self._conn = None
            rekey.crash_point("closed")
            os.replace(copy, data_dir / DB_NAME)
            fsync_dir(data_dir)
            rekey.crash_point("db-swapped")
            os.replace(data_dir / rekey.NEXT_HEADER_NAME, data_dir / HEADER_NAME)
            fsync_dir(data_dir)
            rekey.crash_point("header-swapped")
            rekey.remove_leftovers(data_dir)
            self._conn = _connect(data_dir / DB_NAME, new_key)
            if self._master_key is not None:
                wipe(self._master_key)
            self._master_key = new_key

    def change_passphrase(self, new_passphrase: str, params: kdf.KdfParams | None = None) -> None:
        """Rewrap the master key under a new passphrase. The database is not touched."""
        with self._mutex:
            master_key = self._require_key()
            params = params or read_header(self.data_dir / HEADER_NAME).kdf
            salt = kdf.new_salt()
            kek = kdf.derive_key_into(new_passphrase, salt, params)
            header = VaultHeader(params, salt, _wrap(kek, master_key))
            wipe(kek)
            write_header_atomically(self.data_dir / HEADER_NAME, header)

    # ----------------------------------------------------------------- access

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self._mutex, _mapped_errors():
            yield self._require_conn()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any error. Nested calls join the outer
        transaction. Callbacks added with `after_commit` run only once it has committed."""
        with self._mutex:
            conn = self._require_conn()
            if self._after_commit is not None:  # nested
                yield conn
                return
            callbacks: list[Callable[[], None]] = []
            self._after_commit = callbacks
            try:
                with _mapped_errors():
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        yield conn
                        conn.execute("COMMIT")
                    except BaseException:
                        if conn.in_transaction:
                            conn.execute("ROLLBACK")
                        raise
            finally:
                self._after_commit = None
        for callback in callbacks:
            callback()

    def after_commit(self, callback: Callable[[], None]) -> None:
        if self._after_commit is None:
            callback()
        else:
            self._after_commit.append(callback)

    def export_encrypted_copy(self, dest: Path) -> None:
        """Write a consistent copy of the database, encrypted with the same master key."""
        with self._mutex, _mapped_errors():
            _export(self._require_conn(), dest, self._require_key())

    def _require_conn(self) -> Connection:
        if self._conn is None:
            raise VaultLocked()
        return self._conn

    def _require_key(self) -> bytearray:
        if self._master_key is None:
            raise VaultLocked()
        return self._master_key


def _acquire_lock(data_dir: Path) -> filelock.BaseFileLock:
    # Not thread-local: the UI opens the vault in a worker thread and locks it from the UI
    # thread; a thread-local lock would then never be released.
    lock = filelock.FileLock(str(data_dir / LOCK_NAME), timeout=0, thread_local=False, mode=0o600)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise VaultInUse() from None
    return lock


def _export(conn: Connection, dest: Path, key: bytearray) -> None:
    """A consistent copy of the database in `dest`, encrypted with `key`."""
    with _key_sql("ATTACH DATABASE ? AS copied KEY \"x'{}'\"", key) as sql:
        conn.execute(sql, (str(dest),))
    try:
        conn.execute("SELECT sqlcipher_export('copied')")
        version = migrations.current_version(conn)
        conn.execute(f"PRAGMA copied.user_version = {version:d}")
    finally:
        conn.execute("DETACH DATABASE copied")


def _open_with_any_header(data_dir: Path, passphrase: str) -> tuple[Connection, bytearray]:
    """Unwrap the key with the header, or — after a rekey interrupted between swapping the
    database and the header — with the next header; finish or undo that rekey."""
    db_path = data_dir / DB_NAME
    candidates = [HEADER_NAME]
    if (data_dir / rekey.NEXT_HEADER_NAME).exists():
        candidates.append(rekey.NEXT_HEADER_NAME)
    damaged: sqlcipher3.DatabaseError | None = None
    for name in candidates:
        header = read_header(data_dir / name)
        kek = kdf.derive_key_into(passphrase, header.salt, header.kdf)
        try:
            master_key = secretbox.unwrap_key_into(kek, header.wrapped_key)
        except CryptoError:
            continue
        finally:
            wipe(kek)
        if len(master_key) != MASTER_KEY_BYTES:
            raise VaultDamaged("the vault header holds a key of the wrong size")
        try:
            conn = _connect(db_path, master_key)
        except sqlcipher3.DatabaseError as exc:
            wipe(master_key)
            damaged = exc
            continue
        if name == rekey.NEXT_HEADER_NAME:  # the new database is in place: finish
            os.replace(data_dir / name, data_dir / HEADER_NAME)
            fsync_dir(data_dir)
        rekey.remove_leftovers(data_dir)
        return conn, master_key
    if damaged is not None and len(candidates) == 1:
        raise damaged
    raise WrongPassphrase()


def _connect(path: Path, master_key: bytearray) -> Connection:
    if not path.exists():
        # Owner-only from the first byte; SQLite gives the -wal and -shm files the same mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # our errors say it, once, without noise
        with _key_sql("PRAGMA key = \"x'{}'\"", master_key) as sql:
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
def _mapped_errors() -> Iterator[None]:
    try:
        yield
    except sqlcipher3.DatabaseError as exc:
        text = str(exc).lower()
        if "full" in text:
            raise VaultFull() from exc
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            raise VaultDamaged(f"the vault database is damaged ({exc})") from exc
        raise
