"""The one-file encrypted backup at core level: the format, a round trip, every kind of
damage (exit-7 class), a wrong passphrase, failures while writing, and that temporary files
hold only ciphertext and never outlive a failure."""

from __future__ import annotations

import errno
import hashlib
import os
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core import backup, restore, session
from haven.core.session import Session
from haven.errors import InvalidInput, VaultDamaged, VaultExists, VaultFull, WrongPassphrase
from haven.store.header import VaultHeader, read_header
from tests.helpers import PASSPHRASE, new_session

SECRET = "canary-7f3a9c1e-backup-secret"


@pytest.fixture
def session_(data_dir: Path) -> Iterator[Session]:
    s = new_session(data_dir, name="Backup Tester")
    for i in range(30):
        s.journal.add(f"{SECRET} entry {i} " + "words " * 100, tags=[f"t{i % 3}"], mood=1 + i % 5)
    yield s
    if s.is_open:
        s.lock()


@pytest.fixture
def backup_file(session_: Session, tmp_path: Path) -> Path:
    dest = tmp_path / "vault.backup"
    session_.backup.write(dest)
    return dest


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".haven-")]


def _db_start(data: bytes) -> int:
    (header_len,) = struct.unpack(">I", data[len(backup.MAGIC) : len(backup.MAGIC) + 4])
    return len(backup.MAGIC) + 4 + header_len + 8


def _with_checksum(body: bytes) -> bytes:
    return body + hashlib.blake2b(body, digest_size=32, person=b"haven-backup-v1").digest()


def test_the_file_format(session_: Session, backup_file: Path) -> None:
    data = backup_file.read_bytes()
    assert data.startswith(backup.MAGIC)
    vault_header = read_header(session_.data_dir / "vault.header")
    (header_len,) = struct.unpack(">I", data[15:19])
    header = VaultHeader.from_bytes(data[19 : 19 + header_len])
    # The vault's own slot first; the other slot (a decoy's, or filler) is not carried.
    assert header.kdf == vault_header.kdf
    assert header.slots[0] == vault_header.slots[session_.vault.slot]
    assert header.slots[1] not in vault_header.slots
    (db_len,) = struct.unpack(">Q", data[19 + header_len : 27 + header_len])
    assert len(data) == 27 + header_len + db_len + 32
    assert _with_checksum(data[:-32]) == data
    assert SECRET.encode() not in data and b"Backup Tester" not in data
    info = restore.inspect_backup(backup_file)
    assert info.header == header
    assert info.db_bytes == db_len and db_len % 4096 == 0


def test_round_trip(session_: Session, backup_file: Path, tmp_path: Path) -> None:
    expected = session_.journal.list()
    persona = session_.identity.primary()
    target = tmp_path / "restored" / "vault"
    restore.restore_backup(backup_file, target, PASSPHRASE)
    restored = session.unlock(target, PASSPHRASE)
    try:
        assert restored.journal.list() == expected
        assert restored.identity.primary() == persona
        assert restored.journal.search(SECRET, limit=100) != []
        restored.journal.add("the restored vault takes new entries")
    finally:
        restored.lock()
    assert sorted(p.name for p in target.iterdir() if p.name != "vault.lock") == [
        "vault-b.db",  # filler for the second slot, added by the first unlock
        "vault.db",
        "vault.header",
    ]
    assert _leftovers(target.parent) == []


def _replace_in_header(body: bytes, key: bytes, value: bytes) -> bytes:
    """Set a number in the header JSON (fixing the header length field)."""
    start = _db_start(body + bytes(32))
    header = body[len(backup.MAGIC) + 4 : start - 8]
    at = header.index(key) + len(key)
    end = at
    while header[end : end + 1].isdigit():
        end += 1
    header = header[:at] + value + header[end:]
    return backup.MAGIC + struct.pack(">I", len(header)) + header + body[start - 8 :]


def _cuts(data: bytes) -> dict[str, bytes]:
    start = _db_start(data)
    return {
        "empty": b"",
        "in-magic": data[:5],
        "after-magic": data[: len(backup.MAGIC)],
        "in-header-length": data[: len(backup.MAGIC) + 2],
        "in-header": data[: len(backup.MAGIC) + 30],
        "in-db-length": data[: start - 3],
        "in-db": data[: start + 5000],
        "no-checksum": data[:-32],
        "half-checksum": data[:-16],
        "trailing-bytes": data + b"\0",
        "huge-header-length": data[:15] + struct.pack(">I", 2**31) + data[19:],
        "not-a-backup": b"SQLite format 3\0" + data[16:],
        "costly-kdf": _with_checksum(_replace_in_header(data[:-32], b'"memlimit": ', b"9" * 12)),
    }


def test_damage_of_any_kind_is_vault_damaged_and_leaves_nothing(
    backup_file: Path, tmp_path: Path
) -> None:
    data = backup_file.read_bytes()
    target = tmp_path / "target"
    for name, content in _cuts(data).items():
        src = tmp_path / f"{name}.backup"
        src.write_bytes(content)
        with pytest.raises(VaultDamaged):
            restore.inspect_backup(src)
        with pytest.raises(VaultDamaged):
            restore.restore_backup(src, target, PASSPHRASE)
        assert not target.exists(), name
        assert _leftovers(tmp_path) == [], name


def test_a_forged_page_with_a_valid_checksum_fails_authentication(
    backup_file: Path, tmp_path: Path
) -> None:
    data = bytearray(backup_file.read_bytes())
    data[_db_start(bytes(data)) + 5 * 4096 + 1000] ^= 0x80
    forged = tmp_path / "forged.backup"
    forged.write_bytes(_with_checksum(bytes(data[:-32])))
    restore.inspect_backup(forged)  # the framing is fine...
    with pytest.raises(VaultDamaged, match="fail authentication"):
        restore.restore_backup(forged, tmp_path / "target", PASSPHRASE)  # ...the page is not
    assert not (tmp_path / "target").exists() and _leftovers(tmp_path) == []


def test_a_wrong_passphrase_restores_nothing(backup_file: Path, tmp_path: Path) -> None:
    with pytest.raises(WrongPassphrase):
        restore.restore_backup(backup_file, tmp_path / "target", "not the right one at all")
    assert not (tmp_path / "target").exists() and _leftovers(tmp_path) == []


def test_restore_targets(backup_file: Path, session_: Session, tmp_path: Path) -> None:
    with pytest.raises(VaultExists):
        restore.restore_backup(backup_file, session_.data_dir, PASSPHRASE)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "other.txt").write_text("x")
    with pytest.raises(InvalidInput, match="not empty"):
        restore.restore_backup(backup_file, busy, PASSPHRASE)
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    with pytest.raises(InvalidInput, match="not a folder"):
        restore.restore_backup(backup_file, a_file, PASSPHRASE)
    with pytest.raises(InvalidInput, match="no file"):
        restore.restore_backup(tmp_path / "missing", tmp_path / "t", PASSPHRASE)
    assert (busy / "other.txt").read_text() == "x" and a_file.read_text() == "x"


def test_temporary_files_hold_only_ciphertext(
    session_: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []
    real_replace, real_move = os.replace, restore._move_into_place

    def scan(folder: Path) -> None:
        for path in folder.rglob("*"):
            if path.is_file():
                seen.append(path)
                assert SECRET.encode() not in path.read_bytes(), path

    def replace(src: str | Path, dst: str | Path) -> None:
        scan(Path(src).parent)
        real_replace(src, dst)

    def move(staging: Path, data_dir: Path) -> None:
        scan(staging)
        real_move(staging, data_dir)

    monkeypatch.setattr(backup.os, "replace", replace)
    monkeypatch.setattr(restore, "_move_into_place", move)
    dest = tmp_path / "b.backup"
    session_.backup.write(dest)
    restore.restore_backup(dest, tmp_path / "restored", PASSPHRASE)
    assert {p.name for p in seen} >= {"vault.db", "backup", "vault.header"}


def test_a_failed_backup_keeps_the_previous_one(
    session_: Session, backup_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = backup_file.read_bytes()

    def full(dest: Path) -> None:
        dest.write_bytes(b"partial ciphertext")
        raise VaultFull()

    monkeypatch.setattr(session_.vault, "export_encrypted_copy", full)
    with pytest.raises(VaultFull):
        session_.backup.write(backup_file)
    monkeypatch.undo()

    real_fsync = os.fsync

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup.os, "fsync", no_space)
    with pytest.raises(VaultFull, match="writing the backup"):
        session_.backup.write(backup_file)
    monkeypatch.setattr(backup.os, "fsync", real_fsync)
    assert backup_file.read_bytes() == previous
    assert _leftovers(backup_file.parent) == []

    # Replacing an older backup works; clobbering anything else does not.
    session_.backup.write(backup_file)
    assert backup_file.read_bytes() != previous
    other = backup_file.parent / "notes.txt"
    other.write_text("mine")
    with pytest.raises(InvalidInput, match="not a Haven backup"):
        session_.backup.write(other)
    assert other.read_text() == "mine"


def test_a_backup_asking_for_an_enormous_kdf_is_refused(backup_file: Path, tmp_path: Path) -> None:
    body = backup_file.read_bytes()[:-32]
    costly = tmp_path / "costly.backup"
    costly.write_bytes(_with_checksum(_replace_in_header(body, b'"memlimit": ', b"9" * 12)))
    with pytest.raises(VaultDamaged, match="costlier"):
        restore.inspect_backup(costly)
    same = tmp_path / "same.backup"  # the helper itself keeps a valid file valid
    same.write_bytes(_with_checksum(_replace_in_header(body, b'"memlimit": ', b"8192")))
    assert restore.inspect_backup(same).header.kdf.memlimit == 8192
