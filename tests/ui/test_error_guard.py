"""An exception nothing caught — in a Qt slot or a background thread — reaches the person as
one calm, plain-text message, not a traceback, and the log names only its type (never its
text, which can carry content). The window and the open vault carry on."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from haven.ui.error_guard import ErrorGuard
from haven.ui.main_window import HavenWindow
from tests.helpers import new_session
from tests.ui.flows import unlock

CANARY = "my real name is Samira Haddad"


def _boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "unexpectedError" and w.isVisible()
    ]


@pytest.mark.qt_no_exception_capture
def test_an_uncaught_error_becomes_one_calm_message_and_a_log_line_without_content(
    qtbot: QtBot,
    make_window: Callable[[], HavenWindow],
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    new_session(data_dir).lock()
    window = make_window()
    unlock(qtbot, window)
    guard = ErrorGuard(lambda: window)
    guard.install()
    try:

        def slot_that_fails() -> None:
            raise KeyError(CANARY)

        with (
            caplog.at_level(logging.ERROR, logger="haven.ui"),
            qtbot.waitSignal(guard.shown, timeout=10_000),
        ):
            QTimer.singleShot(0, slot_that_fails)
        # A second error, from another thread, while the message is open: still one box.
        worker = threading.Thread(target=slot_that_fails)
        worker.start()
        worker.join()
        qtbot.wait(100)
        boxes = _boxes()
        assert len(boxes) == 1
        box = boxes[0]
        assert CANARY not in box.text() and "KeyError" not in box.text()
        assert box.accessibleName()
        logged = [r.getMessage() for r in caplog.records if r.name == "haven.ui"]
        assert len(logged) == 2 and all("KeyError" in line for line in logged)
        assert not any(CANARY in line for line in logged)
        out, err = capfd.readouterr()
        assert "Traceback" not in err and CANARY not in err and CANARY not in out
        assert window.isVisible() and window.bridge.session is not None
        box.close()
    finally:
        guard.uninstall()
