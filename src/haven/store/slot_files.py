"""The files behind the two key slots (haven.store.key_slots): opening whichever database a
passphrase unlocks, building a new database for the second slot (a decoy, or filler under a
key nobody keeps), and putting a vault right after an interrupted change.

Every write that changes what a slot opens goes header-first or database-first so that a
crash leaves a vault the real passphrase still opens; see `replace_second`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from haven.crypto.wipe import wipe
from haven.errors import VaultDamaged, WrongPassphrase
from haven.store import key_slots, migrations, rekey
from haven.store.connection import Connection, connect
from haven.store.header import VaultHeader, fsync_dir, read_header, write_header_atomically
from haven.store.key_material import secret
from haven.store.key_slots import DB_FILES, MASTER_KEY_BYTES, WIPE_OTHER, Unsealed

HEADER_NAME = "vault.header"


@dataclass
class Opened:
    conn: Connection
    unsealed: Unsealed
    header: VaultHeader


def db_path(data_dir: Path, index: int) -> Path:
    return data_dir / DB_FILES[index]


def any_database(data_dir: Path) -> bool:
    return any(db_path(data_dir, i).exists() for i in range(len(DB_FILES)))


def open_any(data_dir: Path, passphrase: str) -> Opened:
    """Unwrap a key with the header — or, after a rekey interrupted between swapping the
    database and the header, with the next header — and open the database it belongs to.
    Every slot of every header is tried (each costs one Argon2id) before any is used."""
    names = [HEADER_NAME]
    if (data_dir / rekey.NEXT_HEADER_NAME).exists():
        names.append(rekey.NEXT_HEADER_NAME)
    headers = [read_header(data_dir / name) for name in names]
    attempts = [key_slots.unseal_all(header, passphrase) for header in headers]
    found: tuple[str, Opened] | None = None
    damaged: sqlcipher3.DatabaseError | None = None
    missing = False
    for name, header, unsealed in zip(names, headers, attempts, strict=True):
        for candidate in unsealed:
            path = db_path(data_dir, candidate.index)
            if found is not None or not path.exists():
                missing = missing or not path.exists()
                candidate.wipe()
                continue
            try:
                found = (name, Opened(connect(path, candidate.master_key), candidate, header))
            except sqlcipher3.DatabaseError as exc:
                candidate.wipe()
                damaged = exc
    if found is None:
        if damaged is not None and len(names) == 1:
            raise damaged
        if missing:
            raise VaultDamaged("the vault database is missing")
        raise WrongPassphrase()
    name, opened = found
    if name == rekey.NEXT_HEADER_NAME or _other_slot_swapped(data_dir, headers, opened):
        # The new database is in place: finish the rekey's last step.
        os.replace(data_dir / rekey.NEXT_HEADER_NAME, data_dir / HEADER_NAME)
        fsync_dir(data_dir)
    rekey.remove_leftovers(data_dir)
    return opened


def _other_slot_swapped(data_dir: Path, headers: list[VaultHeader], opened: Opened) -> bool:
    """Whether an interrupted rekey of the OTHER slot (the one this passphrase did not
    open) already swapped its database in: then only the next header opens that database,
    and deleting it as a leftover would lose that vault. The rekey creates its copy before
    writing the next header and renames the copy in as the swap, so a next header without
    a copy means the swap happened."""
    if len(headers) != 2 or headers[0].version != 2 or headers[1].version != 2:
        return False
    current, pending = headers
    changed = [
        i for i, (a, b) in enumerate(zip(current.slots, pending.slots, strict=True)) if a != b
    ]
    if changed != [1 - opened.unsealed.index]:
        return False
    return not (data_dir / rekey.REKEY_DB_NAME).exists()


def settle(data_dir: Path, opened: Opened) -> None:
    """After unlocking: bring a version-1 header to two slots, carry out a duress slot's
    wipe, and give the second slot a filler database if its file is missing. Wipes the
    slot's passphrase key, which nothing needs afterwards."""
    unsealed, header = opened.unsealed, opened.header
    index, other = unsealed.index, 1 - unsealed.index
    try:
        if header.version != 2 or unsealed.flags & WIPE_OTHER:
            # The slot is resealed without the flag, so the duress slot that did the wipe
            # looks, to whoever later holds its passphrase, like any vault's only slot.
            resealed = key_slots.seal(unsealed.kek, unsealed.master_key)
            slots = [key_slots.empty_slot(), key_slots.empty_slot()]
            slots[index] = resealed
            new_header = VaultHeader(header.kdf, header.salt, tuple(slots))
            write_header_atomically(data_dir / HEADER_NAME, new_header)
            if unsealed.flags & WIPE_OTHER:
                build_database(data_dir, other)  # the real vault's file becomes filler too
        if not db_path(data_dir, other).exists():
            build_database(data_dir, other)
    finally:
        unsealed.wipe_kek()


def build_database(
    data_dir: Path,
    index: int,
    key: bytearray | None = None,
    populate: Callable[[Connection], None] | None = None,
) -> None:
    """Put a new, padded database in file `index` (built aside, then renamed over the old
    one). Without `key` it is filler: a database under a random key that is thrown away."""
    final = db_path(data_dir, index)
    building = final.with_name(final.name + rekey.BUILD_SUFFIX)
    rekey.create_private(building)
    own_key = secret(os.urandom(MASTER_KEY_BYTES)) if key is None else bytearray(key)
    try:
        conn = connect(building, own_key)
        try:
            migrations.migrate(conn)
            key_slots.pad(conn)
            if populate is not None:
                populate(conn)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        rekey.fsync_file(building)
        os.replace(building, final)
        fsync_dir(data_dir)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            building.unlink()
        raise
    finally:
        wipe(own_key)


def replace_second(
    data_dir: Path,
    own_index: int,
    sealed: bytes | None,
    key: bytearray | None,
    populate: Callable[[Connection], None] | None,
) -> None:
    """Give the other slot a new database: a decoy (`sealed` wraps `key` under the duress
    passphrase) or filler (`sealed` None). First the old slot is emptied (an old duress
    passphrase stops working), then the database is built, then the slot is written."""
    other = 1 - own_index
    header = read_header(data_dir / HEADER_NAME)
    write_header_atomically(data_dir / HEADER_NAME, header.with_slot(other, key_slots.empty_slot()))
    build_database(data_dir, other, key, populate)
    if sealed is not None:
        header = read_header(data_dir / HEADER_NAME)
        write_header_atomically(data_dir / HEADER_NAME, header.with_slot(other, sealed))
