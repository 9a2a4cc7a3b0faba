""" "Get help now" from the unlock page (no vault open) and from the journal, in English and
Arabic; the prompt of the day follows the UI's language."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from haven.core import help_lines, prompts
from haven.ui.main_window import HavenWindow
from haven.ui.translations import ui_language
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


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
    book = help_lines.load(language)
    assert text.startswith(book.check_note)  # first, kindly: numbers change, check them
    assert book.cited_label.replace("%1", "2026-12-07") in text  # Embrace: cited, with the day
    page.choose("GB")  # Switchboard's number was found in no readable page: said so
    assert book.unverified_label in page.services.toPlainText()
    page.choose("LB")
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
