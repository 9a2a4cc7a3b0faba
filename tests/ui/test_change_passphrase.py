"""Settings → Change passphrase: the current passphrase is asked first; with "Also move my
vault to a new key" the master key changes (the crash-safety of that move is tested on the
real command in tests/integration/test_rekey_crash.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from haven.store import key_slots
from haven.store.header import read_header
from haven.ui.main_window import HavenWindow
from haven.ui.pages.passphrase_dialog import ChangePassphraseDialog
from tests.helpers import PASSPHRASE
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]
NEW = "velvet harbour compass 5521 tide"


def master_key(data_dir: Path, passphrase: str) -> bytes:
    (opened,) = key_slots.unseal_all(read_header(data_dir / "vault.header"), passphrase)
    key = bytes(opened.master_key)
    opened.wipe()
    return key


def open_dialog(qtbot: QtBot, window: HavenWindow) -> ChangePassphraseDialog:
    window.home.show_section("settings")
    button = window.settings_page.passphrase_button
    assert button.isEnabled()
    button.click()
    dialog = window.passphrase_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("rekey", [True, False])
def test_change_passphrase_from_settings(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path, rekey: bool
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "still here afterwards")
    before = master_key(data_dir, PASSPHRASE)
    dialog = open_dialog(qtbot, window)
    dialog.current.setText("not the passphrase at all")
    dialog.fields.passphrase.setText(NEW)
    dialog.fields.confirm.setText(NEW)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "not right" in dialog.error.text(), timeout=20_000)
    assert master_key(data_dir, PASSPHRASE) == before  # nothing changed
    assert dialog.current.text() == "" and dialog.fields.text() == ""  # nothing lingers

    dialog.current.setText(PASSPHRASE)
    dialog.fields.passphrase.setText(NEW)
    dialog.fields.confirm.setText(NEW)
    dialog.rekey.setChecked(rekey)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.passphrase_dialog is None, timeout=30_000)
    assert "Passphrase changed" in window.settings_page.message.text()
    assert (master_key(data_dir, NEW) != before) == rekey
    window.lock()
    qtbot.waitUntil(lambda: window.current_page() is window.unlock_page)
    flows.unlock(qtbot, window, NEW)
    session = window.bridge.session
    assert session is not None
    assert [e.body for e in session.journal.list()] == ["still here afterwards"]


def test_the_button_waits_for_an_open_vault(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    assert not window.settings_page.passphrase_button.isEnabled()
    flows.create_vault(qtbot, window)
    dialog = open_dialog(qtbot, window)
    window.lock()  # a lock closes the dialog and what was typed in it
    qtbot.waitUntil(lambda: window.passphrase_dialog is None)
    assert not dialog.isVisible()
    assert not window.settings_page.passphrase_button.isEnabled()
