"""Languages: the one chosen in Settings replaces LANG after "Restart now"; Persian is
complete and right to left; every locale gets English plurals and a readable date when Haven
has no translation for it; each paragraph of what people write aligns by its own direction."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMimeData, Qt, QTime
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from haven.ui.dates import moment_text, number_text
from haven.ui.main_window import HavenWindow
from haven.ui.settings import AppSettings
from haven.ui.translations import chosen_locale, install_translations, ui_language
from haven.ui.user_text import PlainTextEdit, is_rtl, lead_for
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    yield
    install_translations(ENGLISH)


def test_a_locale_without_a_translation_gets_english_plurals(qapp: QApplication) -> None:
    assert not install_translations(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert ui_language() == "en"
    text = QCoreApplication.translate(
        "VaultFilesSection", "Exported %Ln entries as plain text to %1.", "", 1
    )
    assert text == "Exported 1 entry as plain text to %1."
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


@pytest.mark.parametrize(
    "locale",
    [
        ENGLISH,
        QLocale(QLocale.Language.German, QLocale.Country.Germany),
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands),
        QLocale(QLocale.Language.Arabic),
        QLocale(QLocale.Language.Persian, QLocale.Country.Iran),
    ],
)
def test_dates_name_their_month_in_every_locale(qapp: QApplication, locale: QLocale) -> None:
    install_translations(locale)
    stamp = QDateTime(QDate(2026, 12, 7), QTime(14, 5))
    text = moment_text(stamp.toMSecsSinceEpoch())
    assert locale.monthName(12, QLocale.FormatType.ShortFormat) in text
    assert locale.toString(2026).replace(locale.groupSeparator(), "") in text
    assert "7 12 2026" not in text and "12/7" not in text


def test_each_paragraph_aligns_by_its_own_direction(qtbot: QtBot) -> None:
    assert is_rtl("  «سلام»") is True and is_rtl("2026 hello") is False and is_rtl("42 !") is None
    assert lead_for("سلام", ui_rtl=False) == Qt.AlignmentFlag.AlignRight
    assert lead_for("hello", ui_rtl=True) == Qt.AlignmentFlag.AlignLeft
    assert lead_for("42", ui_rtl=True) == Qt.AlignmentFlag.AlignRight
    edit = PlainTextEdit()
    qtbot.addWidget(edit)
    edit.resize(420, 200)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setPlainText("امروز روز خوبی بود\nA good day")
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    edit.setTextCursor(cursor)
    persian_start = edit.cursorRect().x()
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    edit.setTextCursor(cursor)
    english_start = edit.cursorRect().x()
    width = edit.viewport().width()
    assert persian_start > width * 0.8  # starts at the right edge in the English UI
    assert english_start < width * 0.2
    # Pasted formatting is dropped: what is saved is exactly the text.
    edit.clear()
    edit.insertFromMimeData(_html("<b>bold</b> <img src='file:///etc/passwd'>"))
    assert edit.toPlainText().strip() == "bold"
    assert "<img" not in edit.toHtml() and "font-weight:700" not in edit.toHtml()


def _html(html: str) -> QMimeData:
    data = QMimeData()
    data.setHtml(html)
    data.setText("bold")
    return data


def test_language_is_chosen_in_settings_and_applied_by_a_restart(
    qtbot: QtBot, make_window: MakeWindow, app_settings: AppSettings
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    window.home.show_section("settings")
    section = window.settings_page.language
    assert not section.restart_button.isVisible()
    section.language.setFocus()
    index = section.language.findData("fa")
    while section.language.currentIndex() < index:
        qtbot.keyClick(section.language, Qt.Key.Key_Down)
    assert app_settings.language == "fa"
    assert section.restart_button.isVisible()
    assert "after a restart" in section.status.text()
    with qtbot.waitSignal(window.restartRequested):
        qtbot.mouseClick(section.restart_button, Qt.MouseButton.LeftButton)

    # What run_app does on that signal: lock, then build the window in the chosen language.
    window.lock()
    assert install_translations(chosen_locale(app_settings.language))
    assert ui_language() == "fa"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    again = make_window()
    assert again.unlock_page.heading.text() == "\u200fHaven قفل است"
    assert again.settings_page.language.language.currentData() == "fa"
    flows.unlock(qtbot, again)
    again.home.show_section("settings")
    assert again.settings_page.files.backup_button.text() == "از خزانه‌ام پشتیبان بگیر (&B)…"


@pytest.mark.parametrize(("language", "twelve"), [("en", "12"), ("ar", "١٢"), ("fa", "۱۲")])
def test_counts_and_dates_use_the_digits_of_the_language(
    qtbot: QtBot, make_window: MakeWindow, language: str, twelve: str
) -> None:
    """Arabic and Persian show their own digits in counts (%Ln) as in dates, not Latin
    ones beside Arabic-Indic dates."""
    install_translations(chosen_locale(language))
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window.bridge.session
    assert session is not None
    for n in range(12):
        session.journal.add(f"entry {n}")
    page = window.journal_page
    qtbot.waitUntil(lambda: twelve in page.count_label.text())
    assert "12" not in page.count_label.text() or language == "en"
    entry = page.model.entry(0)
    assert entry is not None
    when = moment_text(entry.created_ms)  # the date each row shows
    digits = {c for c in number_text(1234567890) if c.isdigit()}
    shown_digits = {c for c in when if c.isdigit()}
    assert shown_digits and shown_digits <= digits, when  # one kind of digit throughout
    for combo in (page.editor.mood, page.filters.mood):  # the moods, as the rows show them
        assert combo.itemText(4).startswith(number_text(4)), combo.itemText(4)
