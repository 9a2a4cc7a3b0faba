"""The real `run_app` loop, with real widgets offscreen: a person creates a vault, chooses
Persian in Settings and presses "Restart now"; the same process locks, gives up the window,
and builds a new one in Persian, right to left, on the same data folder, which unlocks with
the same passphrase. Quick exit then ends `run_app`."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QLocale, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from haven.__main__ import serve_commands
from haven.ui.app import run_app
from haven.ui.main_window import HavenWindow
from haven.ui.settings import AppSettings
from haven.ui.translations import install_translations, ui_language
from tests.helpers import PASSPHRASE

Condition = Callable[[], bool]
Action = Callable[[], None]


@dataclass
class Person:
    """Acts on the app from inside its own event loop: each step waits for its condition,
    then acts once. Nothing blocks the loop, as a person's clicks do not."""

    steps: list[tuple[str, Condition, Action]]
    done: list[str] = field(default_factory=list)

    def tick(self) -> None:
        if len(self.done) < len(self.steps):
            name, ready, act = self.steps[len(self.done)]
            if ready():
                self.done.append(name)
                act()


def windows() -> list[HavenWindow]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, HavenWindow) and shiboken6.isValid(w) and w.isVisible()
    ]


@pytest.fixture
def restore_process_state() -> Iterator[None]:
    """run_app sets process-wide things a test must put back: signal handlers and the
    translations."""
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in handlers.items():
        signal.signal(sig, handler)
    install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    # The windows run_app made and gave up: gone, so later tests find no window of ours.
    for w in QApplication.topLevelWidgets():
        if isinstance(w, HavenWindow) and shiboken6.isValid(w):
            w.close()
            w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # The test points every AppSettings() of the process at its own folder, where Persian
    # stays chosen: put later tests on a fresh folder (this test's config home), or the next
    # app a test starts in this worker speaks Persian.
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["XDG_CONFIG_HOME"]
    )


@pytest.mark.parametrize("control", [True, False], ids=["control channel", "no channel"])
def test_choosing_a_language_restarts_the_window_in_that_language(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, restore_process_state: None, control: bool
) -> None:
    """With the control channel (as `haven` runs it) and without: each new window claims
    the data folder again, so the claim of the one before must have been given up (without
    a channel it was not, and the restart said "already open" to itself)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # run_app's own AppSettings(): its default file, put under this test's folder.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    settings = AppSettings()
    settings.introduction_seen = True  # the introduction has its own test
    settings.language = "en"
    settings.sync()

    seen: dict[str, object] = {}
    first: list[HavenWindow] = []

    def create() -> None:
        (window,) = windows()
        first.append(window)
        page = window.create_page
        page.name.setText("Robin")
        qtbot.keyClicks(page.passphrase, PASSPHRASE)
        qtbot.keyClicks(page.confirm, PASSPHRASE)
        qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)

    def choose_persian() -> None:
        window = first[0]
        window.home.show_section("settings")
        section = window.settings_page.language
        section.language.setCurrentIndex(section.language.findData("fa"))
        assert section.restart_button.isVisible()
        qtbot.mouseClick(section.restart_button, Qt.MouseButton.LeftButton)

    def second() -> HavenWindow | None:
        others = [w for w in windows() if not first or w is not first[0]]
        return others[0] if others else None

    def unlock_again() -> None:
        window = second()
        assert window is not None
        seen["heading"] = window.unlock_page.heading.text()
        seen["direction"] = QApplication.layoutDirection()
        seen["language"] = ui_language()
        seen["first deleted"] = not shiboken6.isValid(first[0]) or not first[0].isVisible()
        qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
        qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)

    def leave() -> None:
        window = second()
        assert window is not None
        window.home.show_section("settings")
        seen["backup"] = window.settings_page.files.backup_button.text()
        window.quick_exit()  # run_app quits on it

    person = Person(
        [
            ("create", lambda: len(windows()) == 1, create),
            (
                "choose Persian",
                lambda: bool(first) and first[0].current_page() is first[0].home,
                choose_persian,
            ),
            (
                "unlock the new window",
                lambda: (w := second()) is not None and w.current_page() is w.unlock_page,
                unlock_again,
            ),
            (
                "quick exit",
                lambda: (w := second()) is not None and w.current_page() is w.home,
                leave,
            ),
        ]
    )
    timer = QTimer(app)
    timer.timeout.connect(person.tick)
    timer.start(50)

    def give_up() -> None:
        """A step never became ready: close any message box (run_app's "already open" is
        modal) and quit, so run_app returns and the asserts below say what was missed."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                widget.done(0)
        app.quit()

    give_up_timer = QTimer(app)
    give_up_timer.setSingleShot(True)
    give_up_timer.timeout.connect(give_up)
    give_up_timer.start(45_000)
    try:
        code = run_app(["--data-dir", str(data_dir)], serve_commands if control else None)
    finally:
        timer.stop()
        give_up_timer.stop()

    assert person.done == [name for name, _, _ in person.steps]
    assert code == 0
    assert AppSettings().language == "fa"
    assert seen["language"] == "fa"
    assert seen["direction"] == Qt.LayoutDirection.RightToLeft
    assert seen["heading"] == "\u200fHaven قفل است"  # "Haven is locked", in Persian
    assert seen["backup"] == "از خزانه‌ام پشتیبان بگیر (&B)…"
    assert seen["first deleted"]
    assert windows() == []  # quick exit hid the last window
