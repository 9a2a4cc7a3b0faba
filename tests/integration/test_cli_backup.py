"""`haven backup`, `haven restore`, `haven export` and `haven passphrase change` through the
real executable: round trips, refusals, and that a failure leaves nothing behind."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import struct
from pathlib import Path

import pytest

from haven.core.backup import MAGIC
from tests.helpers import PASSPHRASE
from tests.integration.cli_support import fails, haven, init_vault, ok, snapshot

NEW = "a brand new long passphrase 19"


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    data = tmp_path / "vault"
    init_vault(data)
    ok(
        haven(
            data,
            "journal",
            "add",
            "--title",
            "Pride",
            "--mood",
            "5",
            "--tag",
            "joy",
            "the march was wonderful",
        )
    )
    ok(haven(data, "journal", "add", "-", stdin="نص عربي\nsecond line"))
    return data


def _listing(data: Path, passphrase: str = PASSPHRASE) -> object:
    return json.loads(ok(haven(data, "journal", "list", "--json", passphrase=passphrase)))


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".haven-")]


def test_backup_and_restore_round_trip(vault: Path, tmp_path: Path) -> None:
    dest = tmp_path / "backups" / "haven.backup"
    dest.parent.mkdir()
    out = ok(haven(vault, "backup", str(dest)))
    assert str(dest) in out
    data = dest.read_bytes()
    assert data.startswith(MAGIC) and _mode(dest) == 0o600
    assert b"wonderful" not in data and "نص".encode() not in data
    assert _leftovers(dest.parent) == []

    restored = tmp_path / "restored"
    ok(haven(restored, "restore", str(dest)))
    assert _listing(restored) == _listing(vault)
    assert {p.name for p in restored.iterdir()} >= {"vault.db", "vault.header"}
    assert _mode(restored) == 0o700
    assert _leftovers(tmp_path) == []
    # The restored vault is a working vault.
    ok(haven(restored, "journal", "add", "written after the restore"))

    # An existing empty folder is fine too. A second backup to the same file is refused
    # (the first may be the only good one) unless --force; then it replaces it atomically.
    empty = tmp_path / "empty"
    empty.mkdir()
    ok(haven(vault, "journal", "add", "one more"))
    first = dest.read_bytes()
    fails(haven(vault, "backup", str(dest)), 2, "already exists", "--force")
    assert dest.read_bytes() == first
    ok(haven(vault, "backup", "--force", str(dest)))
    assert dest.read_bytes() != first
    ok(haven(empty, "restore", str(dest)))
    assert len(_listing(empty)) == 3  # type: ignore[arg-type]


def test_backup_refuses_to_clobber_other_files(vault: Path, tmp_path: Path) -> None:
    precious = tmp_path / "notes.txt"
    precious.write_text("not a backup")
    fails(haven(vault, "backup", str(precious)), 2, "already exists")
    fails(haven(vault, "backup", "--force", str(precious)), 2, "not a Haven backup")
    assert precious.read_text() == "not a backup"
    fails(haven(vault, "backup", str(tmp_path)), 2, "folder")
    fails(haven(vault, "backup", str(tmp_path / "no" / "such" / "dir" / "b")), 2, "not exist")
    assert _leftovers(tmp_path) == []


def test_restore_refuses_a_folder_that_is_not_empty(vault: Path, tmp_path: Path) -> None:
    dest = tmp_path / "b.haven"
    ok(haven(vault, "backup", str(dest)))
    before = snapshot(vault)
    fails(haven(vault, "restore", str(dest)), 5, "already exists")
    assert snapshot(vault) == before
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    fails(haven(other, "restore", str(dest)), 2, "not empty")
    assert [p.name for p in other.iterdir()] == ["keep.txt"]
    fails(haven(tmp_path / "x", "restore", str(tmp_path / "missing.haven")), 2, "no file")
    assert not (tmp_path / "x").exists()


def _rechecksummed(data: bytes) -> bytes:
    body = data[:-32]
    return body + hashlib.blake2b(body, digest_size=32, person=b"haven-backup-v1").digest()


def test_restore_with_a_wrong_passphrase_or_a_damaged_file_leaves_nothing(
    vault: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.haven"
    ok(haven(vault, "backup", str(good)))
    data = good.read_bytes()
    target = tmp_path / "target"

    fails(
        haven(target, "restore", str(good), passphrase="not the passphrase at all"),
        3,
        "wrong passphrase",
    )
    assert not target.exists() and _leftovers(tmp_path) == []

    (header_len,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
    db_start = len(MAGIC) + 4 + header_len + 8
    flipped_page = bytearray(data)
    flipped_page[db_start + 2 * 4096 + 77] ^= 0x01
    bad_header = data.replace(b'"haven-vault"', b'"haven-vaulx"')
    cases = {
        "truncated": data[: len(data) // 2],
        "no-checksum": data[:-32],
        "garbage": os.urandom(len(data)),
        "empty": b"",
        "one-bit-flip": bytes(flipped_page),  # caught by the checksum
        "page-forged": _rechecksummed(bytes(flipped_page)),  # caught by SQLCipher's HMAC
        "header-forged": _rechecksummed(bad_header),
    }
    for name, content in cases.items():
        src = tmp_path / f"{name}.haven"
        src.write_bytes(content)
        proc = haven(target, "restore", str(src))
        fails(proc, 7)
        assert not target.exists(), name
        assert _leftovers(tmp_path) == [], name
    # The damaged database is reported only after the key unwrapped: it needed the passphrase.
    ok(haven(target, "restore", str(good)))
    assert _listing(target) == _listing(vault)


def test_export_markdown_and_json_are_plaintext_with_a_warning(vault: Path, tmp_path: Path) -> None:
    outside = tmp_path / "exports"
    outside.mkdir()
    md = outside / "journal-md"
    proc = haven(vault, "export", "--format", "md", str(md))
    ok(proc)
    assert "PLAINTEXT" in proc.stderr
    files = sorted(md.iterdir())
    assert len(files) == 2 and all(f.suffix == ".md" for f in files)
    assert _mode(md) == 0o700 and all(_mode(f) == 0o600 for f in files)
    texts = [f.read_text(encoding="utf-8") for f in files]
    pride = next(t for t in texts if "Pride" in t)
    assert pride.startswith("---\nid: ") and 'title: "Pride"' in pride
    assert "mood: 5" in pride and 'tags: ["joy"]' in pride
    assert pride.rstrip().endswith("the march was wonderful")
    assert any("نص عربي\nsecond line" in t for t in texts)

    js = outside / "journal.json"
    proc = haven(vault, "export", "--format", "json", str(js))
    ok(proc)
    assert "PLAINTEXT" in proc.stderr and _mode(js) == 0o600
    doc = json.loads(js.read_text(encoding="utf-8"))
    assert doc["format"] == "haven-journal-export"
    assert doc["entries"] == _listing(vault)
    assert _leftovers(outside) == []

    # Never over something that exists and is not empty; an empty folder is fine.
    before = snapshot(outside)
    fails(haven(vault, "export", "--format", "md", str(md)), 2, "not empty")
    fails(haven(vault, "export", "--format", "json", str(js)), 2, "already exists")
    fails(haven(vault, "export", "--format", "md", str(js)), 2, "file")
    assert snapshot(outside) == before
    empty = outside / "empty"
    empty.mkdir()
    ok(haven(vault, "export", "--format", "md", str(empty)))
    assert len(list(empty.iterdir())) == 2
    assert haven(vault, "export", "--format", "pdf", str(outside / "x")).returncode == 2


def test_passphrase_change_rewraps_only(vault: Path, tmp_path: Path) -> None:
    old_backup = tmp_path / "old.haven"
    ok(haven(vault, "backup", str(old_backup)))
    db_before = hashlib.sha256((vault / "vault.db").read_bytes()).digest()
    header_before = (vault / "vault.header").read_bytes()

    fails(haven(vault, "passphrase", "change"), 2, "HAVEN_NEW_PASSPHRASE")
    fails(
        haven(vault, "passphrase", "change", extra_env={"HAVEN_NEW_PASSPHRASE": "short"}),
        2,
        "too short",
    )
    fails(
        haven(
            vault, "passphrase", "change", extra_env={"HAVEN_NEW_PASSPHRASE": "Robin Robin Robin"}
        ),
        2,
        "guess",
    )
    assert (vault / "vault.header").read_bytes() == header_before

    ok(haven(vault, "passphrase", "change", extra_env={"HAVEN_NEW_PASSPHRASE": NEW}))
    assert (vault / "vault.header").read_bytes() != header_before
    assert hashlib.sha256((vault / "vault.db").read_bytes()).digest() == db_before
    fails(haven(vault, "journal", "list"), 3)
    assert len(_listing(vault, NEW)) == 2  # type: ignore[arg-type]

    # A backup keeps the passphrase it was made with.
    fails(haven(tmp_path / "r1", "restore", str(old_backup), passphrase=NEW), 3)
    ok(haven(tmp_path / "r1", "restore", str(old_backup)))
    new_backup = tmp_path / "new.haven"
    ok(haven(vault, "backup", str(new_backup), passphrase=NEW))
    ok(haven(tmp_path / "r2", "restore", str(new_backup), passphrase=NEW))
