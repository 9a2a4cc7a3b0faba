"""The vault file: real SQLCipher files in tmp_path."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from haven.core import session
from haven.errors import (
    VaultDamaged,
    VaultExists,
    VaultInUse,
    VaultLocked,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
)
from haven.store import migrations
from haven.store.vault import HEADER_NAME, Vault
from tests.helpers import PASSPHRASE, new_session, vault_db


def folder_digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def test_create_unlock_and_lock(data_dir: Path) -> None:
    s = new_session(data_dir)
    entry = s.journal.add("first words")
    s.lock()
    assert not s.is_open
    with pytest.raises(VaultLocked):
        s.journal.get(entry)
    s2 = session.unlock(data_dir, PASSPHRASE)
    assert s2.journal.get(entry).body == "first words"
    assert s2.identity.primary().display_name == "Robin"
    s2.lock()


def test_files_are_not_plaintext_sqlite(data_dir: Path) -> None:
    s = new_session(data_dir)
    s.journal.add("a private sentence")
    s.lock()
    db = vault_db(data_dir).read_bytes()
    assert not db.startswith(b"SQLite format 3")
    assert b"a private sentence" not in db
    header = (data_dir / HEADER_NAME).read_text()
    assert '"memlimit"' in header and header.count('"wrapped_key"') == 2
    for f in data_dir.iterdir():
        assert f.stat().st_mode & 0o077 == 0, f"{f.name} is readable by others"
    assert data_dir.stat().st_mode & 0o077 == 0


def test_wrong_passphrase_changes_nothing(data_dir: Path) -> None:
    new_session(data_dir).lock()
    before = folder_digest(data_dir)
    with pytest.raises(WrongPassphrase):
        session.unlock(data_dir, "not the passphrase at all")
    assert folder_digest(data_dir) == before
    session.unlock(data_dir, PASSPHRASE).lock()  # still opens, the lock was released


def test_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        session.unlock(tmp_path / "nothing-here", PASSPHRASE)


def test_create_refuses_to_overwrite(data_dir: Path) -> None:
    new_session(data_dir).lock()
    before = folder_digest(data_dir)
    with pytest.raises(VaultExists):
        new_session(data_dir)
    assert folder_digest(data_dir) == before


def test_weak_passphrase_is_refused_before_anything_is_written(data_dir: Path) -> None:
    with pytest.raises(WeakPassphrase):
        session.create(data_dir, "password1", "Robin")
    assert not session.exists(data_dir)


@pytest.mark.parametrize(
    "damage",
    [
        lambda h: b"",
        lambda h: h[: len(h) // 2],
        lambda h: b"\x00\xff garbage",
        lambda h: h.replace(b'"haven-vault"', b'"other"'),
        lambda h: h.replace(b'"version": 2', b'"version": 99'),
    ],
    ids=["empty", "truncated", "garbage", "wrong-format", "future-version"],
)
def test_damaged_header_is_reported_not_overwritten(data_dir: Path, damage) -> None:  # type: ignore[no-untyped-def]
    new_session(data_dir).lock()
    header = data_dir / HEADER_NAME
    header.write_bytes(damage(header.read_bytes()))
    before = folder_digest(data_dir)
    with pytest.raises(VaultDamaged):
        session.unlock(data_dir, PASSPHRASE)
    with pytest.raises(VaultExists):
        new_session(data_dir)
    assert folder_digest(data_dir) == before


def test_tampered_kdf_parameters_fail_as_wrong_passphrase(data_dir: Path) -> None:
    new_session(data_dir).lock()
    header = data_dir / HEADER_NAME
    header.write_text(header.read_text().replace('"opslimit": 1', '"opslimit": 2'))
    with pytest.raises(WrongPassphrase):
        session.unlock(data_dir, PASSPHRASE)


@pytest.mark.parametrize("how", ["truncate", "garbage", "delete"])
def test_damaged_database_is_reported(data_dir: Path, how: str) -> None:
    s = new_session(data_dir)
    s.journal.add_many([])
    for i in range(50):
        s.journal.add(f"entry {i}" * 20)
    s.lock()
    db = vault_db(data_dir)
    if how == "truncate":
        db.write_bytes(db.read_bytes()[:1500])
    elif how == "garbage":
        db.write_bytes(os.urandom(8192))
    else:
        db.unlink()
    before = folder_digest(data_dir)
    with pytest.raises(VaultDamaged):
        session.unlock(data_dir, PASSPHRASE)
    assert folder_digest(data_dir) == before


def test_second_open_is_refused_while_in_use(data_dir: Path) -> None:
    s = new_session(data_dir)
    with pytest.raises(VaultInUse):
        session.unlock(data_dir, PASSPHRASE)
    s.lock()
    session.unlock(data_dir, PASSPHRASE).lock()


def test_change_passphrase_rewraps_only(data_dir: Path) -> None:
    s = new_session(data_dir)
    s.journal.add("kept across the change")
    s.lock()
    s = session.unlock(data_dir, PASSPHRASE)
    db = vault_db(data_dir)
    db_before = db.read_bytes()
    s.change_passphrase("a brand new passphrase, seven words long")
    assert db.read_bytes() == db_before
    s.lock()
    with pytest.raises(WrongPassphrase):
        session.unlock(data_dir, PASSPHRASE)
    s = session.unlock(data_dir, "a brand new passphrase, seven words long")
    assert s.journal.count() == 1
    with pytest.raises(WeakPassphrase):
        s.change_passphrase("short")
    s.lock()


def test_temp_store_is_memory(data_dir: Path) -> None:
    s = new_session(data_dir)
    with s.vault.read() as conn:
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    s.lock()


def test_migrations_are_numbered_and_recorded(data_dir: Path) -> None:
    shipped = migrations.available()
    assert [v for v, _ in shipped] == list(range(1, len(shipped) + 1))
    s = new_session(data_dir)
    with s.vault.read() as conn:
        assert migrations.current_version(conn) == migrations.latest_version()
        assert migrations.migrate(conn) == migrations.latest_version()  # idempotent
    s.lock()


def test_vault_from_a_newer_haven_is_refused(data_dir: Path) -> None:
    s = new_session(data_dir)
    with s.vault.transaction() as conn:
        conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 5}")
    s.lock()
    with pytest.raises(VaultDamaged, match="newer"):
        Vault.open(data_dir, PASSPHRASE)


def test_failed_transaction_rolls_back(data_dir: Path) -> None:
    s = new_session(data_dir)
    s.journal.add("committed")
    with pytest.raises(RuntimeError), s.vault.transaction():
        s.journal.add("never committed")
        raise RuntimeError("crash in the middle")
    assert [e.body for e in s.journal.list()] == ["committed"]
    s.lock()


def test_a_read_that_waits_for_no_writer_sees_the_last_commit(data_dir: Path) -> None:
    """`read_nowait` (the sync channel's secrets, the log a round sends) answers while
    another thread's transaction holds the vault, with what was committed; after a rekey
    it reads the new file, not the one the rekey replaced; after lock, nothing."""
    s = new_session(data_dir)
    vault = s.vault
    count = "SELECT count(*) FROM events"
    s.journal.add("committed")

    def while_a_writer_holds_it() -> int:
        inside, done = threading.Event(), threading.Event()

        def writer() -> None:
            with vault.transaction():
                s.journal.add("not committed yet")
                inside.set()
                assert done.wait(30)

        thread = threading.Thread(target=writer)
        thread.start()
        try:
            assert inside.wait(30)
            with vault.read_nowait() as conn:
                seen = int(conn.execute(count).fetchone()[0])
            assert thread.is_alive()  # answered while the transaction was open
            return seen
        finally:
            done.set()
            thread.join(30)

    with vault.read() as conn:
        before = int(conn.execute(count).fetchone()[0])
    assert while_a_writer_holds_it() == before
    with vault.read_nowait() as conn:  # free again: the vault's own connection
        assert conn.execute(count).fetchone()[0] == before + 1
    vault.rekey(PASSPHRASE)
    s.journal.add("after the rekey")
    assert while_a_writer_holds_it() == before + 2  # the writer's first add, this one
    s.lock()
    with pytest.raises(VaultLocked), vault.read_nowait():
        pass
