"""A full disk: the write that does not fit is rolled back with VaultFull, and everything
acknowledged before it is still there (also after closing and reopening the vault)."""

from __future__ import annotations

from pathlib import Path

import pytest

from haven.core import session
from haven.errors import VaultFull
from tests.helpers import PASSPHRASE, new_session


def test_a_full_disk_rolls_back_and_keeps_what_was_acknowledged(data_dir: Path) -> None:
    s = new_session(data_dir)
    kept = [s.journal.add(f"entry number {i} " * 20, tags=["kept"]) for i in range(20)]
    with pytest.raises(VaultFull), s.vault.transaction() as conn:
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        conn.execute(f"PRAGMA max_page_count = {pages:d}")
        # Every vault file starts with 1 MiB of free pages: write more than that.
        for _ in range(10):
            s.journal.add("x" * 150_000, title="too big")
    assert sorted(e.entry_id for e in s.journal.list()) == sorted(kept)
    assert s.journal.search("too big") == []
    # The vault still works once space is available again.
    with s.vault.transaction() as conn:
        conn.execute("PRAGMA max_page_count = 1073741823")
    later = s.journal.add("written after the disk had room again")
    s.lock()

    reopened = session.unlock(data_dir, PASSPHRASE)
    try:
        ids = {e.entry_id for e in reopened.journal.list()}
        assert ids == {*kept, later}
        assert reopened.journal.count() == 21
    finally:
        reopened.lock()
