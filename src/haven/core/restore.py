"""Restoring a backup (format in haven.core.backup): check the file's framing and checksum
without any passphrase, then unpack into a staging folder next to the data folder, prove the
passphrase unwraps the key and the database opens and authenticates page by page, and only
then move it into place. A restore never merges into or replaces existing data."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from haven.core import session as sessions
from haven.core.backup import (
    CHUNK,
    DB_LEN,
    DIGEST_BYTES,
    HEADER_LEN,
    MAGIC,
    MAX_HEADER_BYTES,
    MAX_KDF_MEMLIMIT,
    MAX_KDF_OPSLIMIT,
    OVERHEAD,
    PERSON,
)
from haven.core.devices import MAX_LABEL_CHARS
from haven.core.export import disk_errors
from haven.errors import HavenError, InvalidInput, VaultDamaged, VaultExists
from haven.store.backup_file import check_integrity
from haven.store.header import VaultHeader, fsync_dir
from haven.store.vault import DB_FILES, HEADER_NAME, LOCK_NAME, vault_exists


@dataclass(frozen=True)
class BackupInfo:
    header: VaultHeader
    db_bytes: int


def inspect_backup(src: Path) -> BackupInfo:
    """Check the framing and checksum of a backup without any passphrase."""
    with disk_errors("reading the backup"), _open_backup(src) as fh:
        return _read_container(fh, os.fstat(fh.fileno()).st_size, None)


def check_restore_target(data_dir: Path) -> None:
    """A restore never merges into or replaces existing data."""
    if vault_exists(data_dir):
        raise VaultExists(f"a vault already exists in {data_dir}; nothing was changed")
    if data_dir.is_symlink() and not data_dir.exists():
        raise InvalidInput(f"{data_dir} is a broken link; nothing was changed")
    if data_dir.exists() and not data_dir.is_dir():
        raise InvalidInput(f"{data_dir} is not a folder; nothing was changed")
    if data_dir.is_dir() and any(data_dir.iterdir()):
        raise InvalidInput(
            f"the data folder {data_dir} is not empty; restore into an empty or new folder"
        )


def restore_backup(src: Path, data_dir: Path, passphrase: str) -> None:
    """Unpack into a staging folder next to `data_dir`, prove the passphrase unwraps the key
    and the database opens and authenticates page by page, and only then move it in place."""
    check_restore_target(data_dir)
    parent = data_dir.absolute().parent
    with disk_errors("restoring the vault"):
        parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        staging = Path(tempfile.mkdtemp(prefix=".haven-restore-", dir=parent))
    try:
        with disk_errors("restoring the vault"):
            _unpack(src, staging)
        _verify(staging, passphrase)
        _continue_as_new_device(staging, passphrase)
        with disk_errors("restoring the vault"):
            _move_into_place(staging, data_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# --------------------------------------------------------------------------- reading


@contextlib.contextmanager
def _open_backup(src: Path) -> Iterator[BinaryIO]:
    try:
        fh = src.expanduser().open("rb")
    except FileNotFoundError:
        raise InvalidInput(f"there is no file {src}") from None
    except IsADirectoryError:
        raise InvalidInput(f"{src} is a folder, not a backup file") from None
    with fh:
        yield fh


def _read_container(fh: BinaryIO, size: int, db_sink: BinaryIO | None) -> BackupInfo:
    """Stream the file once: hash everything, copy the database part to `db_sink`."""
    damaged = VaultDamaged("the backup is damaged or truncated; nothing was restored")
    digest = hashlib.blake2b(digest_size=DIGEST_BYTES, person=PERSON)
    if _take(fh, digest, len(MAGIC)) != MAGIC:
        raise VaultDamaged("this file is not a Haven backup")
    (header_len,) = HEADER_LEN.unpack(_take(fh, digest, HEADER_LEN.size, damaged))
    if header_len > MAX_HEADER_BYTES or header_len + OVERHEAD > size:
        raise damaged
    header_bytes = _take(fh, digest, header_len, damaged)
    (db_len,) = DB_LEN.unpack(_take(fh, digest, DB_LEN.size, damaged))
    if db_len != size - header_len - OVERHEAD:
        raise damaged
    remaining = db_len
    while remaining:
        chunk = _take(fh, digest, min(CHUNK, remaining), damaged)
        if db_sink is not None:
            db_sink.write(chunk)
        remaining -= len(chunk)
    if fh.read(DIGEST_BYTES + 1) != digest.digest():
        raise damaged
    try:
        header = VaultHeader.from_bytes(header_bytes)
    except VaultDamaged:
        raise VaultDamaged("the backup's vault header is damaged; nothing was restored") from None
    if header.kdf.memlimit > MAX_KDF_MEMLIMIT or header.kdf.opslimit > MAX_KDF_OPSLIMIT:
        # A crafted file could otherwise make the restore allocate any amount of memory.
        raise VaultDamaged("the backup asks for far costlier key derivation than Haven uses")
    return BackupInfo(header, db_len)


def _take(fh: BinaryIO, digest: hashlib.blake2b, n: int, error: HavenError | None = None) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise error or VaultDamaged("this file is not a Haven backup")
    digest.update(data)
    return data


# --------------------------------------------------------------------------- restoring


def _unpack(src: Path, staging: Path) -> None:
    with _open_backup(src) as fh:
        # The backup's header has its vault in the first slot; the first unlock adds filler.
        fd = os.open(staging / DB_FILES[0], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as db:
            info = _read_container(fh, os.fstat(fh.fileno()).st_size, db)
            db.flush()
            os.fsync(db.fileno())
    fd = os.open(staging / HEADER_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(info.header.to_bytes())
        out.flush()
        os.fsync(out.fileno())


def _verify(staging: Path, passphrase: str) -> None:
    """Unwrap the key (WrongPassphrase on failure), open the database, authenticate every
    page and read the persona: anything short of that is a damaged backup."""
    try:
        restored = sessions.unlock(staging, passphrase)
    except HavenError:
        raise
    except Exception as exc:  # a database error the store did not classify
        raise VaultDamaged("the backup's database cannot be opened; nothing was restored") from exc
    try:
        check_integrity(restored.vault)
        restored.identity.primary()
        restored.journal.count()
    except HavenError as exc:
        raise VaultDamaged(
            f"the backup's database is damaged ({exc}); nothing was restored"
        ) from exc
    except Exception as exc:
        raise VaultDamaged("the backup's database is damaged; nothing was restored") from exc
    finally:
        restored.lock()


def _continue_as_new_device(staging: Path, passphrase: str) -> None:
    """A backup is a snapshot: the device it came from may have written more afterwards, and
    those events may have reached other devices. The restored vault therefore writes under a
    new device id (new chains, never a fork of the old ones), announced in the journal as a
    device of the same person; its old chains catch up by sync like any other device's."""
    restored = sessions.unlock(staging, passphrase)
    try:
        old = restored.identity.device_id
        label = next((d.label for d in restored.devices.list() if d.device_id == old), "")
        restored.identity.start_new_chains()
        # The services read the device id when they are made: make them again.
        sessions.Session(restored.vault).devices.announce_this_device(_restored_label(label))
    finally:
        restored.lock()


def _restored_label(label: str) -> str:
    suffix = " (restored)"
    return label[: MAX_LABEL_CHARS - len(suffix)] + suffix if label else "restored"


def _move_into_place(staging: Path, data_dir: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (staging / LOCK_NAME).unlink()
    check_restore_target(data_dir)
    if not data_dir.exists():
        os.rename(staging, data_dir)
        os.chmod(data_dir, 0o700)
        fsync_dir(data_dir.absolute().parent)
        return
    # An existing empty folder (perhaps a mount point): move the files in, header last, so
    # an interruption leaves a database without a header, which nothing overwrites.
    names = sorted(p.name for p in staging.iterdir())
    names.sort(key=lambda n: n == HEADER_NAME)
    for name in names:
        os.rename(staging / name, data_dir / name)
    fsync_dir(data_dir)
