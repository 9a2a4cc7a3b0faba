"""Attack 7: restoring an older backup. The device went on writing after the backup was made,
and those events reached a linked device and a space member. Before, the restored vault wrote
the same sequence numbers again: a fork, its new entries never reached anyone, newer ones never
came back, and sync said all was well. Now a restored vault writes under a new device id (new
chains, linked as the same person), so everything converges over real sync (127.0.0.1)."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from haven.core import restore
from haven.core import session as sessions
from haven.core.session import Session
from haven.sync.engine import SyncEngine, async_sync_once
from tests.helpers import PASSPHRASE, new_session, replica_of
from tests.integration.cli_support import haven
from tests.space_helpers import join
from tests.sync_helpers import journal_state

WAIT_S = 60.0


def _sync(server: Session, client: Session) -> None:
    engine = SyncEngine(server)
    engine.start()
    try:
        port = engine.serve("127.0.0.1", 0)
        report = asyncio.run(asyncio.wait_for(async_sync_once(client, "127.0.0.1", port), WAIT_S))
        assert report.complete and report.rejected == 0 and report.equivocations == 0
    finally:
        engine.stop()


def test_a_restored_backup_writes_new_chains_and_converges(tmp_path: Path) -> None:
    laptop = new_session(tmp_path / "laptop")
    phone = replica_of(laptop, tmp_path / "phone")
    friend = new_session(tmp_path / "friend", "Dee")
    space = laptop.spaces.create_space("Circle", display_name="Ari")
    join(laptop, friend, space, "Dee")
    laptop.journal.add("before the backup")
    laptop.spaces.post(space, "post before the backup")
    _sync(phone, laptop)
    _sync(friend, laptop)
    laptop.backup.write(tmp_path / "old.havenbackup")

    laptop.journal.add("after the backup, on the old laptop")
    laptop.spaces.post(space, "post after the backup")
    _sync(phone, laptop)
    _sync(friend, laptop)
    old_device = laptop.identity.device_id
    laptop.lock()  # the laptop is lost

    restore.restore_backup(tmp_path / "old.havenbackup", tmp_path / "restored", PASSPHRASE)
    restored = sessions.unlock(tmp_path / "restored", PASSPHRASE)
    try:
        assert restored.identity.device_id != old_device
        devices = {d.device_id: d for d in restored.devices.list()}
        assert devices[restored.identity.device_id].label.endswith("restored")
        restored.journal.add("written on the restored vault")
        restored.spaces.post(space, "post from the restored vault")

        _sync(phone, restored)
        _sync(friend, restored)
        _sync(phone, restored)
        assert journal_state(restored) == journal_state(phone)
        assert {"after the backup, on the old laptop", "written on the restored vault"} <= {
            e.body for e in phone.journal.list()
        }
        bodies = {p.body for p in friend.spaces.read_feed(space)}
        assert {"post after the backup", "post from the restored vault"} <= bodies
        assert {p.body for p in restored.spaces.read_feed(space)} == bodies
        for s in (restored, phone):
            assert s.log.equivocations(s.journal.space_id) == []
        assert friend.spaces.warnings(space) == [] and restored.spaces.warnings(space) == []
    finally:
        for s in (restored, phone, friend):
            s.lock()


def test_a_copied_vault_learns_that_a_peer_holds_its_own_chain_beyond_its_tip(
    tmp_path: Path,
) -> None:
    """A data folder copied by hand (not `haven restore`) keeps the device id. When a peer
    holds that device's chain beyond the copy's tip, the copy catches up and says so."""
    laptop = new_session(tmp_path / "laptop")
    phone = replica_of(laptop, tmp_path / "phone")
    laptop.journal.add("before the copy")
    _sync(phone, laptop)
    laptop.lock()
    shutil.copytree(tmp_path / "laptop", tmp_path / "copy")
    laptop = sessions.unlock(tmp_path / "laptop", PASSPHRASE)
    laptop.journal.add("written after the copy was made")
    _sync(phone, laptop)
    laptop.lock()

    engine = SyncEngine(phone)
    engine.start()
    try:
        port = engine.serve("127.0.0.1", 0)
        result = haven(tmp_path / "copy", "sync", "--peer", f"127.0.0.1:{port}")
        assert result.returncode == 0, result.stderr
        assert "another copy of this vault wrote 1 event(s)" in result.stderr
        copy = sessions.unlock(tmp_path / "copy", PASSPHRASE)
        try:
            assert journal_state(copy) == journal_state(phone)
            again = asyncio.run(asyncio.wait_for(async_sync_once(copy, "127.0.0.1", port), WAIT_S))
            assert again.own_from_elsewhere == 0  # said once, when it happened
        finally:
            copy.lock()
    finally:
        engine.stop()
        phone.lock()
