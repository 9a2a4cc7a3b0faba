"""The linking words in the UI's language: a Persian or Arabic UI shows the words of its own
list at the same positions (so two devices in one language show the same words), with the
English words on a second line for a device in another language, all at the reading side
of the window — right in a right-to-left UI, also when drawn (not only as a flag)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from haven.core.spaces.name_marks import fingerprint_words
from haven.core.wordlist import WORDS
from haven.ui.devices import verification_words as words_module
from haven.ui.devices.verification_words import VerificationWords
from haven.ui.main_window import HavenWindow
from haven.ui.translations import chosen_locale, install_translations
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]
SHOWN = [WORDS[7], WORDS[0], WORDS[255], WORDS[128]]  # what the handshake names


def ink_columns(image: QImage) -> tuple[int, int]:
    """The leftmost and rightmost columns drawn in a colour other than the background."""
    background = image.pixelColor(0, 0)
    xs = [
        x
        for x in range(image.width())
        for y in range(0, image.height(), 2)
        if _differs(image.pixelColor(x, y), background)
    ]
    assert xs, "nothing was drawn"
    return min(xs), max(xs)


def _differs(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > 60


@pytest.mark.parametrize("language", ["en", "ar", "fa"], indirect=True)
def test_the_words_in_the_language_at_its_reading_side(qtbot: QtBot, language: str) -> None:
    widget = VerificationWords()
    qtbot.addWidget(widget)
    widget.resize(900, 120)
    widget.show()
    widget.show_words(SHOWN)
    table = fingerprint_words(language)
    assert table is not None
    expected = [table[7], table[0], table[255], table[128]]
    assert widget.text().split() == expected
    assert all(w in widget.words.accessibleName() for w in expected)  # a screen reader says them
    right_to_left = language in ("ar", "fa")
    assert widget.isRightToLeft() == right_to_left
    if language == "en":
        assert not widget.english.isVisibleTo(widget)
    else:
        assert expected != SHOWN  # not English words in a Persian or Arabic UI
        assert widget.english.isVisibleTo(widget)
        assert flows.shown(widget.english.text()).endswith("  ".join(SHOWN))
    side = Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft
    assert widget.words.alignment() & side
    qtbot.waitUntil(widget.words.isVisible)
    left, right = ink_columns(widget.words.grab().toImage())
    width = widget.words.width()
    if right_to_left:
        assert left > width / 3 and right > width * 0.9  # drawn against the right edge
    else:
        assert left < width * 0.1 and right < width * 2 / 3

    widget.clear()
    assert widget.text() == "" and not widget.english.isVisibleTo(widget)


def test_english_words_in_a_right_to_left_ui_sit_at_the_right(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a list for the language, the English words are shown — still at the right
    edge: a label would otherwise align left-to-right text to the left (as the link dialog
    did in Persian)."""
    monkeypatch.setattr(words_module, "fingerprint_words", lambda _language: None)
    assert install_translations(chosen_locale("fa"))
    try:
        widget = VerificationWords()
        qtbot.addWidget(widget)
        widget.resize(900, 120)
        widget.show()
        widget.show_words(SHOWN)
        assert widget.text().split() == SHOWN and not widget.english.isVisibleTo(widget)
        qtbot.waitUntil(widget.words.isVisible)
        left, right = ink_columns(widget.words.grab().toImage())
        assert left > widget.words.width() / 3 and right > widget.words.width() * 0.9
    finally:
        install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_first_run_link_page_shows_persian_words(qtbot: QtBot, make_window: MakeWindow) -> None:
    assert install_translations(chosen_locale("fa"))
    try:
        window = make_window()
        window.show_link_page()
        page = window.link_page
        page._on_words(SHOWN)  # what the pairing thread's signal delivers
        persian = fingerprint_words("fa")
        assert persian is not None
        assert page.words.text().split() == [persian[7], persian[0], persian[255], persian[128]]
        assert page.words.words.accessibleName().startswith("واژه‌های تأیید: ")
        assert page.words.english.isVisibleTo(page)
    finally:
        install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
