"""After unlock, a background check reads every page of the vault: a damaged page is
reported at once, with what to do, instead of when someone happens to read it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.core import session as core_session
from haven.ui.main_window import HavenWindow
from tests.helpers import PASSPHRASE, vault_db
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]
PAGE = 4096


def vault_with_entries(data_dir: Path) -> None:
    session = core_session.create(data_dir, PASSPHRASE, "Robin", check_strength=False)
    for i in range(300):
        session.journal.add(f"entry {i} " * 20)
    session.lock()


def flip_a_bit(db: Path, page: int) -> None:
    with open(db, "r+b") as f:
        f.seek(page * PAGE + 1000)
        byte = f.read(1)[0]
        f.seek(page * PAGE + 1000)
        f.write(bytes([byte ^ 0x01]))


def test_a_damaged_page_is_reported_after_unlock(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path
) -> None:
    vault_with_entries(data_dir)
    flip_a_bit(vault_db(data_dir), 150)  # a page the first screens do not read
    seen = core_session.unlock(data_dir, PASSPHRASE)
    try:
        assert seen.damaged_pages() == ["HMAC verification failed for page 151"]
    finally:
        seen.lock()
    window = make_window()
    with qtbot.waitSignal(window.bridge.damageFound, timeout=30_000) as found:
        flows.unlock(qtbot, window)
    assert found.args == [1]
    box = window.damage_box
    assert box is not None and box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "Restore a backup" in box.informativeText()
    assert window.current_page() is window.home  # what opens stays usable


def test_a_healthy_vault_says_nothing(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path
) -> None:
    vault_with_entries(data_dir)
    window = make_window()
    found: list[int] = []
    window.bridge.damageFound.connect(found.append)
    flows.unlock(qtbot, window)
    window.bridge.wait_for_workers()
    qtbot.wait(50)
    assert found == [] and window.damage_box is None
    session = window.bridge.session
    assert session is not None and session.damaged_pages() == []


def test_a_damaged_page_the_first_screens_read_is_explained_on_the_unlock_page(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path
) -> None:
    """The vault opens (its first page is fine) but the journal's index is damaged: the
    first screen cannot be drawn, and the unlock page says why and where the backup is."""
    vault_with_entries(data_dir)
    seen = core_session.unlock(data_dir, PASSPHRASE)
    with seen.vault.read() as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'journal_by_created'"
        ).fetchone()
    seen.lock()
    flip_a_bit(vault_db(data_dir), int(root) - 1)
    window = make_window()
    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=20_000)
    assert "damaged" in page.error.text() and "haven restore" in page.error.text()
    assert window.current_page() is page and window.bridge.session is None
