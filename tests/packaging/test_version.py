"""One version, in src/haven/__init__.py: the command line and the Settings page show it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from pytestqt.qtbot import QtBot

import haven
from haven.ui.pages.settings_page import SettingsPage
from haven.ui.settings import AppSettings
from haven.ui.translations import install_translations


def test_haven_version_prints_the_package_version() -> None:
    command = Path(sys.executable).with_name("haven")
    result = subprocess.run([str(command), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"haven {haven.__version__}"


def test_settings_show_the_version_and_the_licence(qtbot: QtBot, tmp_path: Path) -> None:
    ini = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = SettingsPage(AppSettings(ini))
    qtbot.addWidget(page)
    text = page.about.text()
    assert haven.__version__ in text and "%1" not in text
    assert "General Public License" in text


@pytest.fixture
def in_arabic() -> Iterator[bool]:
    loaded = install_translations(QLocale(QLocale.Language.Arabic))
    yield loaded
    install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_version_line_is_translated(qtbot: QtBot, tmp_path: Path, in_arabic: bool) -> None:
    assert in_arabic
    ini = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = SettingsPage(AppSettings(ini))
    qtbot.addWidget(page)
    text = page.about.text()
    assert text.startswith(f"Haven {haven.__version__}.") and "رخصة جنو" in text
