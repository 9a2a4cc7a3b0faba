"""Encrypted backups: the whole vault in ONE file, as safe to store anywhere as the vault.

Format (version 1), all integers big-endian:

    b"HAVEN-BACKUP 1\\n"          magic line
    u32 header_len, header        the vault header JSON (Argon2id params, two key slots: the
                                  backed-up vault's first, the other empty)
    u64 db_len, db                a SQLCipher copy of the database, under the same master key
    32 bytes                      BLAKE2b-256 (person "haven-backup-v1") of everything before

The checksum is not a security feature: it tells a damaged or truncated file (exit 7) from a
wrong passphrase (exit 3) before the slow KDF runs. Confidentiality and authenticity come from
the SecretBox around the master key and SQLCipher's per-page HMAC, which a restore checks for
every page. Temporary files only ever hold ciphertext and are removed on any failure.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import tempfile
from pathlib import Path
from typing import BinaryIO

from haven.core.export import disk_errors
from haven.errors import InvalidInput
from haven.store.header import fsync_dir
from haven.store.vault import DB_FILES, Vault

MAGIC = b"HAVEN-BACKUP 1\n"
PERSON = b"haven-backup-v1"
HEADER_LEN = struct.Struct(">I")
DB_LEN = struct.Struct(">Q")
DIGEST_BYTES = 32
MAX_HEADER_BYTES = 64 * 1024
#: Ceilings for the Argon2id limits a backup may ask for: 4x libsodium's SENSITIVE memory
#: (Haven's default is MODERATE, 256 MiB), so raising the defaults later stays possible.
MAX_KDF_MEMLIMIT = 4 * 1024**3
MAX_KDF_OPSLIMIT = 64
CHUNK = 1024 * 1024
OVERHEAD = len(MAGIC) + HEADER_LEN.size + DB_LEN.size + DIGEST_BYTES


class Backups:
    """`session.backup`: write the open vault to one backup file. Restoring happens before any
    vault is open, so it is not a session's: see haven.core.restore."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def write(self, dest: Path) -> int:
        """Write the open vault to `dest` atomically; returns the backup's size in bytes. An
        existing file is replaced only if it is itself a Haven backup."""
        with disk_errors("writing the backup"):
            return _write_backup(self._vault, dest)


def _write_backup(vault: Vault, dest: Path) -> int:
    dest = dest.expanduser()
    _check_backup_dest(dest)
    work = Path(tempfile.mkdtemp(prefix=".haven-backup-", dir=dest.absolute().parent))
    try:
        copy = work / DB_FILES[0]
        vault.export_encrypted_copy(copy)
        header = vault.backup_header().to_bytes()
        out = work / "backup"
        digest = hashlib.blake2b(digest_size=DIGEST_BYTES, person=PERSON)
        db_len = copy.stat().st_size
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh, copy.open("rb") as db:
            for part in (MAGIC, HEADER_LEN.pack(len(header)), header, DB_LEN.pack(db_len)):
                _emit(fh, digest, part)
            while chunk := db.read(CHUNK):
                _emit(fh, digest, chunk)
            fh.write(digest.digest())
            fh.flush()
            os.fsync(fh.fileno())
        _check_backup_dest(dest)
        os.replace(out, dest)
        fsync_dir(dest.absolute().parent)
        return db_len + len(header) + OVERHEAD
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _check_backup_dest(dest: Path) -> None:
    if not dest.absolute().parent.is_dir():
        raise InvalidInput(f"the folder {dest.absolute().parent} does not exist")
    if dest.is_dir():
        raise InvalidInput(f"{dest} is a folder; give a file name for the backup")
    if dest.is_symlink() or (
        dest.exists() and dest.stat().st_size > 0 and not _starts_with_magic(dest)
    ):
        raise InvalidInput(f"{dest} exists and is not a Haven backup; nothing was written")


def _starts_with_magic(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def _emit(fh: BinaryIO, digest: hashlib.blake2b, data: bytes) -> None:
    fh.write(data)
    digest.update(data)
