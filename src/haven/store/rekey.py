"""Moving a vault to a new master key without a moment where a crash loses it.

Changing the passphrase only rewraps the key, so a master key that leaked once (a memory
dump, an old header and its passphrase) would open the vault forever. A rekey makes a new
random key and re-encrypts every page under it. SQLCipher's `PRAGMA rekey` rewrites the
file in place, which in WAL mode cannot be made crash-safe here, so the vault is copied:

1. `vault.db.rekey` is created empty, then `vault.header.next`: the new key wrapped under
   the new passphrase (written atomically; the other slot as it was);
2. `vault.db.rekey`: the whole database exported under the new key (`sqlcipher_export`),
   synced, then opened and checked with the new key;
3. the live connection is checkpointed and closed (no WAL left beside the old file);
4. `vault.db.rekey` replaces the database file (one atomic rename);
5. `vault.header.next` replaces `vault.header` (one atomic rename).

Only the slot of the passphrase in use changes; the vault's other slot (a duress
passphrase's, or filler) is carried over as it is. A crash before step 4 leaves the old
database and header: the old passphrase opens it and the leftovers are removed. A crash
between 4 and 5 leaves the new database with both headers: `Vault.open` tries
`vault.header.next` too, so the new passphrase opens it and finishes step 5. After 5 only
the new passphrase works. If the OTHER slot's passphrase (a duress passphrase, say) opens
the vault in between, a next header without `vault.db.rekey` says the swap happened, and
the next header is installed rather than thrown away. `tests/integration/
test_rekey_crash.py` kills a real `haven passphrase change --rekey` at every step, with and
without a duress passphrase.
"""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path

from haven.store.header import fsync_dir
from haven.store.key_slots import DB_FILES

NEXT_HEADER_NAME = "vault.header.next"
REKEY_DB_NAME = "vault.db.rekey"
#: Fault injection for the crash test: the step after which the process kills itself. Only
#: honoured inside Haven's test suite (HAVEN_TEST_SUITE=1).
CRASH_ENV = "HAVEN_TEST_REKEY_CRASH_AT"
#: A database being built beside the one it will replace (haven.store.slot_files).
BUILD_SUFFIX = ".new"
STEPS = ("next-header", "exported", "closed", "db-swapped", "header-swapped")


def crash_point(step: str) -> None:
    """Die here, as a kill -9 would, when the test suite asks for it."""
    if os.environ.get("HAVEN_TEST_SUITE") == "1" and os.environ.get(CRASH_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def remove_leftovers(data_dir: Path, keep_next_header: bool = False) -> None:
    """Delete what an interrupted rekey left (never the live database or header)."""
    suffixes = ("", "-wal", "-shm", "-journal")
    names = [REKEY_DB_NAME + suffix for suffix in suffixes]
    # A second database being built (haven.store.slot_files) when the process stopped.
    names += [name + BUILD_SUFFIX + suffix for name in DB_FILES for suffix in suffixes]
    if not keep_next_header:
        names.append(NEXT_HEADER_NAME)
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            (data_dir / name).unlink()
    fsync_dir(data_dir)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_private(path: Path) -> None:
    """An empty owner-only file (SQLCipher then writes into it)."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
