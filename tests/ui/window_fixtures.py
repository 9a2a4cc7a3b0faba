"""Fixtures for the Qt app tests (a real window over a real vault in tmp_path, driven on the
offscreen platform as a person would), shared by tests/ui and tests/integration/ui through
their conftest files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from pytestqt.qtbot import QtBot

from haven.ui.bridge import SessionBridge
from haven.ui.main_window import HavenWindow
from haven.ui.settings import AppSettings
from haven.ui.translations import chosen_locale, install_translations


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    # An explicit file: Qt computes its default settings folders once per process.
    path = tmp_path / "home" / "config" / "Haven" / "Haven.ini"
    settings = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    # The first-run introduction (a modal dialog) is tested on its own (test_onboarding.py);
    # elsewhere a created vault goes straight to the journal.
    settings.introduction_seen = True
    return settings


@pytest.fixture
def make_window(qtbot: QtBot, data_dir: Path, app_settings: AppSettings) -> Iterator[object]:
    made: list[tuple[HavenWindow, SessionBridge]] = []

    install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

    def make(folder: Path | None = None) -> HavenWindow:
        bridge = SessionBridge(folder or data_dir)
        window = HavenWindow(bridge, app_settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        made.append((window, bridge))
        return window

    yield make
    for window, bridge in made:
        bridge.wait_for_workers()
        window.close()
        bridge.shutdown()


@pytest.fixture
def arabic() -> Iterator[bool]:
    """The UI in Arabic, right to left, for one test; whether haven_ar.qm loaded."""
    loaded = install_translations(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    yield loaded
    install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture(params=["en", "ar"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The UI in each language in turn (English, then Arabic, right to left), for one test:
    its translation installed and QLocale's default following it. A test that wants other
    languages says so: `@pytest.mark.parametrize("language", ["en", "ar", "fa"],
    indirect=True)`. Ask for it after `make_window` (which installs English)."""
    lang = request.param
    assert install_translations(chosen_locale(lang)), f"no translation for {lang}"
    yield lang
    install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
