""" "Get help now" from the unlock page (no vault open) and from the journal, in English and
Arabic; the prompt of the day follows the UI's language."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from haven.core import prompts
from haven.ui.main_window import HavenWindow
from haven.ui.translations import install_translations, ui_language
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


@pytest.fixture(params=["en", "ar"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    locale = (
        QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt)
        if request.param == "ar"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    install_translations(locale)
    yield request.param
    install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_help_from_the_locked_app_and_back(
    qtbot: QtBot, make_window: MakeWindow, language: str
) -> None:
    assert ui_language() == language
    window = make_window()
    flows.create_vault(qtbot, window)
    window.lock()
    qtbot.waitUntil(lambda: window.current_page() is window.unlock_page)
    window.unlock_page.passphrase.setText("half-typed")
    window.unlock_page.help_button.click()
    page = window.help_page
    assert window.current_page() is page and window.bridge.session is None
    assert window.unlock_page.passphrase.text() == ""  # nothing typed lingers behind it
    page.choose("LB")
    text = page.services.toPlainText()
    assert "1564" in text and "112" in text
    unverified = "غير مُتحقَّق منه" if language == "ar" else "unverified — check before relying"
    assert unverified in text
    assert ("لبنان" if language == "ar" else "Lebanon") in page.country.currentText()
    assert page.note.text() and page.note.isVisible()
    page.back_button.click()
    assert window.current_page() is window.unlock_page

    flows.unlock(qtbot, window)
    window.home.help_button.click()
    assert window.current_page() is page
    page.back_button.click()
    assert window.current_page() is window.home


def test_the_prompt_of_the_day_follows_the_ui_language(
    qtbot: QtBot, make_window: MakeWindow, language: str
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    card = window.journal_page.prompt
    card.refresh(datetime.date(2026, 12, 7))
    expected = prompts.prompt_of_the_day(datetime.date(2026, 12, 7), language)
    assert card.text.text() == expected.text
