"""The first-run introduction: shown once after creating a vault, skippable at any step (Skip
or Esc), never again after that — not after unlocking, not in a new window — unless asked
for from the Help page; every control named and usable from the keyboard, in both
directions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from haven.ui.onboarding import IntroductionDialog
from haven.ui.settings import AppSettings
from tests.ui import flows
from tests.ui.a11y import unnamed

MakeWindow = Callable[..., HavenWindow]


def _shown(window: HavenWindow) -> IntroductionDialog:
    dialog = window.introduction
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_shown_once_after_creating_and_skippable(
    qtbot: QtBot, make_window: MakeWindow, app_settings: AppSettings, tmp_path: Path
) -> None:
    app_settings.introduction_seen = False
    window = make_window()
    flows.create_vault(qtbot, window)
    qtbot.waitUntil(lambda: window.introduction is not None)
    dialog = _shown(window)
    assert app_settings.introduction_seen  # recorded as soon as it opens
    assert dialog.pages.currentIndex() == 0
    assert unnamed(dialog) == []
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.introduction is None)
    assert window.current_page() is window.home

    window.lock()
    flows.unlock(qtbot, window)
    assert window.introduction is None  # unlocking never shows it
    window.lock()

    second = make_window()  # a new start of the app with the same settings
    flows.unlock(qtbot, second)
    assert second.introduction is None
    second.lock()

    third = make_window(tmp_path / "another-vault")  # even a new vault elsewhere
    flows.create_vault(qtbot, third)
    qtbot.wait(50)
    assert third.introduction is None


def test_the_steps_from_the_keyboard_and_escape_skips(
    qtbot: QtBot, make_window: MakeWindow, app_settings: AppSettings
) -> None:
    app_settings.introduction_seen = False
    window = make_window()
    flows.create_vault(qtbot, window)
    qtbot.waitUntil(lambda: window.introduction is not None)
    dialog = _shown(window)
    texts = []
    for step in range(4):
        assert dialog.pages.currentIndex() == step
        assert dialog.progress.text() == f"Step {step + 1} of 4"
        texts.append(dialog.pages.currentWidget().accessibleName())
        assert dialog.back_button.isEnabled() == (step > 0)
        if step < 3:
            qtbot.keyClick(dialog.next_button, Qt.Key.Key_Return)
    assert texts == [
        "A private place, on your computer",
        "Only you know your passphrase",
        "Leave in a moment",
        "Keep a backup",
    ]
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 2
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc skips from any step
    qtbot.waitUntil(lambda: window.introduction is None)


def test_help_shows_it_again_and_start_closes_it(
    qtbot: QtBot, make_window: MakeWindow, app_settings: AppSettings
) -> None:
    window = make_window()  # introduction_seen: the fixture's default
    flows.create_vault(qtbot, window)
    assert window.introduction is None
    qtbot.mouseClick(window.home.help_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.help_page
    qtbot.mouseClick(window.help_page.introduction_button, Qt.MouseButton.LeftButton)
    dialog = _shown(window)
    for _ in range(3):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.next_button.text() == "&Start"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.introduction is None)


def test_locking_closes_it_and_discreet_mode_shows_no_icon(
    qtbot: QtBot, make_window: MakeWindow, app_settings: AppSettings
) -> None:
    app_settings.discreet = True
    window = make_window()
    flows.create_vault(qtbot, window)
    window.show_introduction()
    dialog = _shown(window)
    assert dialog.icon.pixmap().isNull()
    window.lock()
    qtbot.waitUntil(lambda: window.introduction is None)
    plain = IntroductionDialog()
    qtbot.addWidget(plain)
    assert not plain.icon.pixmap().isNull()  # outside discreet mode the icon shows
