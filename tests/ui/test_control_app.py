"""The app and the `haven` command together: a real window (offscreen) answering commands
over its control channel, real `haven` subprocesses. A command given a WRONG passphrase can
only succeed if the window ran it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from haven.__main__ import serve_commands
from haven.control.instance import claim_instance
from haven.control.place import place_for
from haven.ui.app import run_app, start_control
from haven.ui.main_window import HavenWindow
from tests.helpers import new_session
from tests.integration.cli_support import fails, haven, ok
from tests.ui.flows import unlock, write_entry

WRONG = "not the passphrase at all"
WAIT_MS = 20_000


def test_commands_reach_the_open_window_and_say_when_it_is_locked(
    qtbot: QtBot, make_window: Callable[[], HavenWindow], data_dir: Path
) -> None:
    new_session(data_dir, "Robin").lock()
    window = make_window()
    claim = claim_instance(data_dir)
    control = start_control(claim, data_dir, window.bridge, serve_commands)
    assert control is not None
    try:
        # The unlock screen is showing: the command is told so, and asks for nothing.
        locked = haven(data_dir, "journal", "list", passphrase=WRONG)
        fails(locked, 10, "open on this data folder but locked")
        assert "Traceback" not in locked.stderr

        unlock(qtbot, window)
        page = window.journal_page
        entry = ok(haven(data_dir, "journal", "add", "from the terminal", passphrase=WRONG))
        # The window hears of it the way it hears of a synced entry: listed without a reload.
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
        write_entry(qtbot, window, "from the window")
        listed = json.loads(ok(haven(data_dir, "journal", "list", "--json", passphrase=WRONG)))
        assert sorted(e["body"] for e in listed) == ["from the terminal", "from the window"]
        assert entry.strip() in {e["id"] for e in listed}

        window.lock()
        qtbot.waitUntil(lambda: window.bridge.session is None, timeout=WAIT_MS)
        fails(haven(data_dir, "journal", "list", passphrase=WRONG), 10, "locked")
    finally:
        control.close()
    assert not place_for(data_dir).socket.exists()


def test_a_second_window_is_refused_before_the_passphrase(
    qtbot: QtBot, make_window: Callable[[], HavenWindow], data_dir: Path
) -> None:
    new_session(data_dir, "Robin").lock()
    claim = claim_instance(data_dir)  # the first window's
    assert claim is not None
    seen: list[str] = []

    def answer_the_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer_the_box)
            return
        seen.append(box.text())
        seen.append(box.accessibleName())
        box.accept()

    QTimer.singleShot(0, answer_the_box)
    try:
        code = run_app(["--data-dir", str(data_dir)], serve_commands)
    finally:
        claim.release()
    assert code == 6
    assert "already open" in seen[0] and seen[1] == "Already open"
    # No window was made, so no unlock screen asked for anything.
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, HavenWindow)]
