"""The vault: a SQLCipher database opened with a random 32-byte master key (raw key, so
SQLCipher's own PBKDF2 never runs), the key stored only wrapped under Argon2id(passphrase).

Files in the data folder:
  vault.header  JSON: KDF parameters and two key slots (nothing secret in clear)
  vault.db, vault-b.db
                two SQLCipher databases, one per slot: the vault's own, and either a decoy
                opened by a duress passphrase or filler under a key nobody has; which file
                is which is chosen at random (haven.store.key_slots)
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

import filelock
import sqlcipher3

from haven.crypto import kdf, secretbox
from haven.crypto.errors import CryptoError
from haven.crypto.wipe import wipe
from haven.errors import VaultDamaged, VaultExists, VaultLocked, VaultNotFound
from haven.store import key_slots, migrations, rekey, slot_files
from haven.store.connection import (
    LOCK_NAME,
    Connection,
    acquire_lock,
    connect,
    export,
    is_storage_failure,
    mapped_errors,
    take_erased,
)
from haven.store.header import VaultHeader, fsync_dir, read_header, write_header_atomically
from haven.store.key_material import secret as _secret
from haven.store.key_slots import DB_FILES, MASTER_KEY_BYTES

__all__ = [
    "DB_FILES",
    "HEADER_NAME",
    "LOCK_NAME",
    "Connection",
    "UnlockTimings",
    "Vault",
    "is_storage_failure",
    "vault_exists",
]

HEADER_NAME = slot_files.HEADER_NAME


@dataclass(frozen=True)
class UnlockTimings:
    kdf_s: float
    open_s: float


def vault_exists(data_dir: Path) -> bool:
    return (data_dir / HEADER_NAME).exists() or slot_files.any_database(data_dir)


class Vault:
    """An open vault. All SQL goes through `read()` or `transaction()`, which serialise
    access to the one connection (so any thread may call in), or `read_nowait()`, which
    never waits for them. `slot` is the key slot (and
    database file) the passphrase opened; the other slot is never read from here."""

    def __init__(
        self,
        data_dir: Path,
        conn: Connection,
        lock: filelock.BaseFileLock | None,
        master_key: bytearray,
        timings: UnlockTimings,
        slot: int = 0,
    ) -> None:
        self.data_dir = data_dir
        self.slot = slot
        self._conn: Connection | None = conn
        self._lock = lock
        self._master_key: bytearray | None = master_key
        self._mutex = threading.RLock()
        #: The read-only connection of `read_nowait`, opened on first use. Its lock is
        #: taken after `_mutex` where both are held (close, rekey), never the other way.
        self._reader: Connection | None = None
        self._reader_mutex = threading.Lock()
        self._after_commit: list[Callable[[], None]] | None = None
        self.timings = timings

    # ----------------------------------------------------------------- lifecycle

    @classmethod
    def create(cls, data_dir: Path, passphrase: str, params: kdf.KdfParams | None = None) -> Vault:
        params = params or kdf.default_params()  # an unsafe setting stops us before any write
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        if vault_exists(data_dir):
            raise VaultExists(f"a vault already exists in {data_dir}; nothing was changed")
        lock = acquire_lock(data_dir)
        try:
            index = key_slots.random_index()
            master_key = _secret(os.urandom(MASTER_KEY_BYTES))
            t0 = time.perf_counter()
            empty = VaultHeader(params, kdf.new_salt(), (b"", b""))
            own = key_slots.seal_new(passphrase, empty, master_key)
            t1 = time.perf_counter()
            conn = connect(slot_files.db_path(data_dir, index), master_key)
            migrations.migrate(conn)
            key_slots.pad(conn)
            slot_files.build_database(data_dir, 1 - index)
            slots = [key_slots.empty_slot(), key_slots.empty_slot()]
            slots[index] = own
            # The header goes last: a crash before this leaves databases without a header,
            # which `create` refuses to overwrite and `open` reports as damaged.
            header = VaultHeader(params, empty.salt, tuple(slots))
            write_header_atomically(data_dir / HEADER_NAME, header)
            t2 = time.perf_counter()
        except BaseException:
            lock.release()
            raise
        return cls(data_dir, conn, lock, master_key, UnlockTimings(t1 - t0, t2 - t1), index)

    @classmethod
    def open(cls, data_dir: Path, passphrase: str) -> Vault:
        """Open whichever database `passphrase` unlocks: the vault's own or, with a duress
        passphrase, the decoy. Wrong passphrase → WrongPassphrase, files untouched."""
        header_path = data_dir / HEADER_NAME
        if not header_path.exists() and not slot_files.any_database(data_dir):
            raise VaultNotFound(f"no vault in {data_dir}; create one with `haven init`")
        if not header_path.exists():
            raise VaultDamaged("the vault header is missing; the database cannot be opened")
        if not slot_files.any_database(data_dir):
            raise VaultDamaged("the vault database is missing")
        lock = acquire_lock(data_dir)
        try:
            t0 = time.perf_counter()
            opened = slot_files.open_any(data_dir, passphrase)
            t1 = time.perf_counter()
            conn, unsealed = opened.conn, opened.unsealed
            try:
                migrations.migrate(conn)
                key_slots.pad(conn)  # a restored or older vault: every file is at least as big
                slot_files.settle(data_dir, opened)
            except BaseException:
                conn.close()
                unsealed.wipe()
                raise
            t2 = time.perf_counter()
        except sqlcipher3.DatabaseError as exc:
            lock.release()
            raise VaultDamaged(f"the vault database is damaged ({exc})") from exc
        except BaseException:
            lock.release()
            raise
        timings = UnlockTimings(t1 - t0, t2 - t1)
        return cls(data_dir, conn, lock, unsealed.master_key, timings, unsealed.index)

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def db_path(self) -> Path:
        return slot_files.db_path(self.data_dir, self.slot)

    def close(self) -> None:
        """Lock: close the connection and drop every reference to the key we hold."""
        with self._mutex:
            self._close_reader()
            if self._conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    self._conn.close()
            self._conn = None
            if self._master_key is not None:
                wipe(self._master_key)
            self._master_key = None
            if self._lock is not None and self._lock.is_locked:
                self._lock.release()

    def destroy_new(self) -> None:
        """Close and delete a vault that `create` has just made, when setting it up failed
        before anyone could have written to it. Never used on an existing vault."""
        self.close()
        names = [HEADER_NAME]
        for db in DB_FILES:
            names += [db, db + "-wal", db + "-shm"]
        for name in names:
            with contextlib.suppress(FileNotFoundError):
                (self.data_dir / name).unlink()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def passphrase_opens(self, passphrase: str) -> bool:
        """Whether `passphrase` unwraps this vault's key (asked before changing it, so a
        person at an unlocked computer cannot lock its owner out)."""
        return self._slot_opens(self.slot, passphrase)

    def second_slot_opens(self, passphrase: str) -> bool:
        """Whether `passphrase` opens the vault's other slot (a passphrase must never open
        both: the files could then not say which one it means)."""
        return self._slot_opens(1 - self.slot, passphrase)

    def _slot_opens(self, index: int, passphrase: str) -> bool:
        header = read_header(self.data_dir / HEADER_NAME)
        kek = kdf.derive_key_into(passphrase, header.salt, header.kdf)
        try:
            wipe(secretbox.unwrap_key_into(kek, header.slots[index]))
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
            conn = connect(self.db_path, key)
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
        `new_passphrase`; crash-safe (see haven.store.rekey). The other slot is kept."""
        # The reader stays closed until the swap is done: opened between, it would keep the
        # old file (and key) for good.
        with self._mutex, self._reader_mutex, mapped_errors():
            self._close_reader(locked=True)
            conn, data_dir = self._require_conn(), self.data_dir
            rekey.remove_leftovers(data_dir)
            header = read_header(data_dir / HEADER_NAME)
            new_key = _secret(os.urandom(MASTER_KEY_BYTES))
            slot = key_slots.seal_new(new_passphrase, header, new_key)
            # The copy exists before the next header does: a next header without a copy
            # then always means the copy was swapped in (haven.store.slot_files).
            copy = data_dir / rekey.REKEY_DB_NAME
            rekey.create_private(copy)
            write_header_atomically(
                data_dir / rekey.NEXT_HEADER_NAME, header.with_slot(self.slot, slot)
            )
            rekey.crash_point("next-header")
            export(conn, copy, new_key)
            rekey.fsync_file(copy)
            check = connect(copy, new_key)  # it opens with the new key, and reads whole
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
            os.replace(copy, self.db_path)
            fsync_dir(data_dir)
            rekey.crash_point("db-swapped")
            os.replace(data_dir / rekey.NEXT_HEADER_NAME, data_dir / HEADER_NAME)
            fsync_dir(data_dir)
            rekey.crash_point("header-swapped")
            rekey.remove_leftovers(data_dir)
            self._conn = connect(self.db_path, new_key)
            key_slots.pad(self._conn)  # the export was compacted
            if self._master_key is not None:
                wipe(self._master_key)
            self._master_key = new_key

    def change_passphrase(self, new_passphrase: str) -> None:
        """Rewrap the master key under a new passphrase (this slot only; the salt and the
        Argon2id parameters are the header's, shared by both slots). The database is not
        touched."""
        with self._mutex:
            master_key = self._require_key()
            header = read_header(self.data_dir / HEADER_NAME)
            slot = key_slots.seal_new(new_passphrase, header, master_key)
            write_header_atomically(self.data_dir / HEADER_NAME, header.with_slot(self.slot, slot))

    def set_second_slot(
        self,
        passphrase: str | None,
        wipe_this_on_use: bool = False,
        populate: Callable[[Vault], None] | None = None,
    ) -> None:
        """Give the other slot a new database: with `passphrase`, a new vault (filled by
        `populate`) that this passphrase opens — with `wipe_this_on_use`, opening it
        destroys this vault's key; without, filler no key opens (the old second database
        and its passphrase are gone either way)."""
        with self._mutex:
            self._require_key()
            if passphrase is None:
                slot_files.replace_second(self.data_dir, self.slot, None, None, None)
                return
            key = _secret(os.urandom(MASTER_KEY_BYTES))
            try:
                header = read_header(self.data_dir / HEADER_NAME)
                flags = key_slots.WIPE_OTHER if wipe_this_on_use else 0
                sealed = key_slots.seal_new(passphrase, header, key, flags)

                def fill(conn: Connection) -> None:
                    if populate is None:
                        return
                    second = Vault(self.data_dir, conn, None, bytearray(key), _NO_TIMINGS)
                    try:
                        populate(second)
                    finally:
                        second._conn = None  # the builder closes the connection itself
                        second.close()

                slot_files.replace_second(self.data_dir, self.slot, sealed, key, fill)
            finally:
                wipe(key)

    def backup_header(self) -> VaultHeader:
        """The header a backup carries: this vault's slot first, the other slot empty (a
        backup holds one database; a restore makes the second slot filler again)."""
        header = read_header(self.data_dir / HEADER_NAME)
        slots = (header.slots[self.slot], key_slots.empty_slot())
        return VaultHeader(header.kdf, header.salt, slots)

    # ----------------------------------------------------------------- access

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self._mutex, mapped_errors():
            yield self._require_conn()

    @contextlib.contextmanager
    def read_nowait(self) -> Iterator[Connection]:
        """A read that never waits for another thread's `read()` or `transaction()`: on the
        vault's connection when it is free (or this thread's own, inside its transaction),
        otherwise on a second, read-only connection that sees the last commit (WAL lets a
        reader go on beside a writer). For what must answer while a long write runs — a
        space's recompute holds the vault for seconds in a large space: the sync channel's
        secrets, and the log a sync round sends. Not for a projection a reader is shown: it
        reads what was committed, a space marked stale included, where callers of `read()`
        recompute such a space first. Take no other vault lock inside it."""
        if self._mutex.acquire(blocking=False):
            try:
                with mapped_errors():
                    yield self._require_conn()
            finally:
                self._mutex.release()
            return
        with self._reader_mutex, mapped_errors():
            if self._reader is None:
                # close() takes this lock before wiping the key: it is whole here.
                self._reader = connect(self.db_path, self._require_key())
                self._reader.execute("PRAGMA query_only = ON")
            yield self._reader

    def _close_reader(self, *, locked: bool = False) -> None:
        with contextlib.nullcontext() if locked else self._reader_mutex:
            if self._reader is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    self._reader.close()
            self._reader = None

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
                with mapped_errors():
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        yield conn
                        conn.execute("COMMIT")
                    except BaseException:
                        if conn.in_transaction:
                            conn.execute("ROLLBACK")
                        take_erased(conn)  # what it erased was rolled back with it
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
        with self._mutex, mapped_errors():
            export(self._require_conn(), dest, self._require_key())

    def _require_conn(self) -> Connection:
        if self._conn is None:
            raise VaultLocked()
        return self._conn

    def _require_key(self) -> bytearray:
        if self._master_key is None:
            raise VaultLocked()
        return self._master_key


_NO_TIMINGS = UnlockTimings(0.0, 0.0)
