"""Locking: Ctrl+L, wrong passphrase, quick exit (three Shifts, Ctrl+Shift+Q), auto-lock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from haven.core import session as core_session
from haven.ui.main_window import HavenWindow
from tests.helpers import PASSPHRASE, new_session, vault_db
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


def _lock_with_ctrl_l(qtbot: QtBot, window: HavenWindow) -> None:
    qtbot.keyClick(
        window.journal_page.editor.body, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: window.current_page() is window.unlock_page)


def test_lock_with_ctrl_l_and_unlock(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "before locking")
    old_session = window.bridge.session
    _lock_with_ctrl_l(qtbot, window)
    assert not old_session.is_open
    assert window.bridge.session is None
    # Nothing of the journal stays in the widgets.
    assert window.journal_page.model.rowCount() == 0
    assert window.journal_page.editor.body.toPlainText() == ""
    assert window.windowTitle() == "Haven"
    flows.unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page.model.rowCount() == 1)
    assert window.journal_page.model.entry(0).body == "before locking"


def test_wrong_passphrase_says_so_and_changes_nothing(
    qtbot: QtBot, data_dir, make_window: MakeWindow
) -> None:
    new_session(data_dir).lock()
    header = (data_dir / "vault.header").read_bytes()
    window = make_window()
    page = window.unlock_page
    assert window.current_page() is page
    qtbot.keyClicks(page.passphrase, "not the passphrase at all")
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not right" in page.error.text())
    assert window.current_page() is page
    assert window.bridge.session is None
    assert page.passphrase.text() == ""  # the secret is not kept in the field
    assert (data_dir / "vault.header").read_bytes() == header
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert "Type your passphrase" in page.error.text()
    flows.unlock(qtbot, window)


def test_vault_in_use_is_explained(qtbot: QtBot, data_dir, make_window: MakeWindow) -> None:
    holder = new_session(data_dir)  # another "process" holds the vault open
    try:
        window = make_window()
        qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
        qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "already open" in window.unlock_page.error.text())
        assert window.bridge.session is None
    finally:
        holder.lock()


def test_damaged_vault_is_explained(qtbot: QtBot, data_dir, make_window: MakeWindow) -> None:
    new_session(data_dir).lock()
    db = vault_db(data_dir)
    db.write_bytes(b"\0" * 4096 + db.read_bytes()[4096:])
    window = make_window()
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "damaged" in window.unlock_page.error.text())
    assert window.bridge.session is None


@pytest.mark.parametrize("how", ["three_shifts", "ctrl_shift_q"])
def test_quick_exit_hides_and_locks(qtbot: QtBot, make_window: MakeWindow, how: str) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "nobody should see this")
    session = window.bridge.session
    target = window.journal_page.editor.body
    with qtbot.waitSignal(window.quickExited, timeout=2000):
        if how == "three_shifts":
            for _ in range(3):
                qtbot.keyClick(target, Qt.Key.Key_Shift)
        else:
            qtbot.keyClick(
                target,
                Qt.Key.Key_Q,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            )
    assert not window.isVisible()
    assert not session.is_open
    assert window.bridge.session is None
    assert window.journal_page.model.rowCount() == 0
    window.show()
    qtbot.waitExposed(window)
    assert window.current_page() is window.unlock_page
    flows.unlock(qtbot, window)


def test_shift_for_capitals_does_not_quick_exit(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    body = window.journal_page.editor.body
    for letter in "ABC":  # Shift, then the capital, three times within a second
        qtbot.keyClick(body, Qt.Key.Key_Shift)
        qtbot.keyClicks(body, letter, Qt.KeyboardModifier.ShiftModifier)
    assert window.isVisible()
    assert window.bridge.session is not None
    assert body.toPlainText() == "ABC"


def test_auto_lock_after_idle_time(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window.bridge.session
    window.safety.set_idle_timeout_ms(150)
    assert window.safety.idle_active()
    qtbot.waitUntil(lambda: window.current_page() is window.unlock_page, timeout=5000)
    assert not session.is_open
    assert not window.safety.idle_active()  # no timer while locked


def test_input_resets_the_idle_timer(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    window.safety.set_idle_timeout_ms(60_000)
    timer = window.safety._idle
    qtbot.waitUntil(lambda: timer.remainingTime() < 59_600, timeout=5000)
    qtbot.keyClick(window.journal_page.editor.body, Qt.Key.Key_X)
    assert timer.remainingTime() > 59_600
    assert window.bridge.session is not None


def test_autolock_setting_is_persisted(qtbot: QtBot, make_window: MakeWindow, app_settings) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    window.home.show_section("settings")
    spin = window.settings_page.autolock
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "12")
    assert app_settings.autolock_minutes == 12
    assert window.safety._idle_ms == 12 * 60_000
    window.settings_page.discreet.setFocus()
    qtbot.keyClick(window.settings_page.discreet, Qt.Key.Key_Space)
    assert window.windowTitle() == "Notes"
    assert app_settings.discreet
    text = Path(app_settings.file_name()).read_text(encoding="utf-8")
    assert "autolock_minutes=12" in text and "Robin" not in text


def test_unlock_result_after_quick_exit_is_discarded(
    qtbot: QtBot, data_dir, make_window: MakeWindow
) -> None:
    new_session(data_dir).lock()
    window = make_window()
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    window.quick_exit()  # while the KDF may still be running
    window.bridge.wait_for_workers()
    qtbot.wait(50)  # let a queued result be delivered, if any
    assert window.bridge.session is None
    # the vault is free again: nothing holds it open
    core_session.unlock(data_dir, PASSPHRASE).lock()


def test_quick_exit_from_an_open_dialog(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "keep this")
    session = window.bridge.session
    seen: list[bool] = []

    def press_in_dialog() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(
            box,
            Qt.Key.Key_Q,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        seen.append(box.isVisible())

    QTimer.singleShot(0, press_in_dialog)
    qtbot.mouseClick(window.journal_page.editor.delete_button, Qt.MouseButton.LeftButton)
    assert seen == [False]
    assert QApplication.activeModalWidget() is None
    assert not window.isVisible() and not session.is_open
    s = core_session.unlock(window.bridge.data_dir, PASSPHRASE)
    try:
        assert [e.body for e in s.journal.list()] == ["keep this"]  # not deleted
    finally:
        s.lock()


@pytest.mark.slow
def test_window_stays_responsive_during_the_real_kdf(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the production Argon2id limits (MODERATE, ~0.5 s here) the event loop keeps
    running while the vault is created: a 20 ms timer keeps firing and the busy bar shows."""
    monkeypatch.delenv("HAVEN_INSECURE_TEST_KDF")
    window = make_window()
    ticks: list[bool] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(window.create_page.busy.isVisible()))
    timer.start(20)
    flows.create_vault(qtbot, window)
    timer.stop()
    busy_ticks = sum(ticks)
    assert busy_ticks >= 5, ticks
    assert window.bridge.session.vault.timings.kdf_s > 0.1
