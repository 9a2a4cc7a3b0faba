"""Layout at the window's default size and at every text size: the content-warning field is
never squeezed (a row of its own when narrow), reactions wrap instead of holding the window
wide, headings grow with the text, and the window fits the screen after a text-size change
and returns to its size afterwards."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QLabel, QSplitter, QWidget
from pytestqt.qtbot import QtBot

from haven.core.spaces.details import SpaceDetails
from haven.ui.main_window import HavenWindow
from haven.ui.settings import AppSettings
from haven.ui.spaces.composer import CW_MIN_WIDTH, Composer
from haven.ui.spaces.reactions import ReactionsBar
from tests.ui import flows
from tests.ui.spaces_steps import create_space, open_spaces

MakeWindow = Callable[..., HavenWindow]


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_the_warning_field_takes_its_own_row_when_narrow(qtbot: QtBot) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.show()
    composer.cw_toggle.setChecked(True)
    composer.resize(900, 220)
    _settle()
    assert (
        composer.cw.geometry().top() == composer.cw_toggle.geometry().top()
        or abs(composer.cw.geometry().center().y() - composer.cw_toggle.geometry().center().y()) < 6
    )
    composer.resize(composer.minimumWidth(), 260)
    _settle()
    assert composer.cw.geometry().top() > composer.cw_toggle.geometry().bottom()
    assert composer.cw.width() >= CW_MIN_WIDTH
    assert composer.minimumWidth() < 300  # no longer holds the feed column wide


def test_reactions_wrap_in_a_narrow_column(qtbot: QtBot) -> None:
    bar = ReactionsBar()
    qtbot.addWidget(bar)
    bar.show()
    one_row = sum(b.sizeHint().width() for b in bar.buttons.values())
    assert bar.minimumSizeHint().width() < one_row / 2
    bar.resize(200, 40)
    _settle()
    tops = {b.geometry().top() for b in bar.buttons.values()}
    assert len(tops) > 1
    assert all(b.geometry().right() <= bar.width() for b in bar.buttons.values())


@pytest.mark.parametrize("language", ["en", "fa"], indirect=True)
def test_a_space_fits_the_default_window_without_scrolling(
    qtbot: QtBot, make_window: MakeWindow, language: str
) -> None:
    """Every tab of a space, as its owner sees it, in English and in Persian (the longer
    labels: the Members tab's row of buttons once held the window 10 px too wide)."""
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    create_space(qtbot, page)
    _settle()
    scroller = window.fit.scroller
    tabs = page.view.tabs
    for index in range(tabs.count()):
        if not tabs.isTabVisible(index):
            continue
        tabs.setCurrentIndex(index)
        _settle()
        where = f"{language}: {tabs.tabText(index)}"
        assert scroller.verticalScrollBar().maximum() == 0, where
        assert scroller.horizontalScrollBar().maximum() == 0, where
    bar = tabs.tabBar()  # every tab in view: none behind scroll arrows
    shown = [i for i in range(tabs.count()) if tabs.isTabVisible(i)]
    assert all(bar.rect().contains(bar.tabRect(i)) for i in shown), language
    assert page.view.feed.composer.cw.width() >= CW_MIN_WIDTH


def test_the_window_fits_the_screen_after_a_text_size_change(
    qtbot: QtBot, make_window: MakeWindow, app_settings: AppSettings
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    qtbot.waitUntil(page.empty.isVisible)  # the welcome, once the list has loaded
    _settle()
    screen = window.screen().availableGeometry().size()
    title = window.create_page.findChild(QLabel, "pageTitle")
    assert title is not None
    # Page titles, the Settings heading, the editor's heading and linking's verification
    # words: each sized by the style sheet from the text size, none fixed at start.
    scaled = [
        title,
        window.settings_page.heading,
        window.journal_page.editor.heading,
        window.link_page.words,
    ]
    base = [label.font().pointSizeF() for label in scaled]
    app_settings.font_scale = 200
    window.apply_settings()
    _settle()
    assert window.width() <= screen.width() and window.height() <= screen.height()
    for label, size in zip(scaled, base, strict=True):
        assert label.font().pointSizeF() > 1.8 * size, label.objectName()  # they scale
    assert window.link_page.words.words.font().pointSizeF() > 1.4 * window.font().pointSizeF()
    app_settings.font_scale = 100
    window.apply_settings()
    _settle()
    assert window.size() == window.fit.chosen.boundedTo(screen)
    assert [label.font().pointSizeF() for label in scaled] == base


def _inside(outer: QWidget, widget: QWidget) -> bool:
    return outer.rect().contains(QRect(widget.mapTo(outer, QPoint(0, 0)), widget.size()))


def test_right_to_left_the_journal_column_is_not_clipped(
    qtbot: QtBot, make_window: MakeWindow, arabic: bool
) -> None:
    assert arabic
    window = make_window()
    flows.create_vault(qtbot, window, name="ريم")
    flows.write_entry(qtbot, window, "يوم هادئ على البحر")
    page = window.journal_page
    splitter = page.findChild(QSplitter)
    assert splitter is not None
    for widget in (page.list_stack, page.filters.search, page.prompt, page.editor):
        assert _inside(splitter, widget), type(widget).__name__


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_strength_hint_is_never_clipped_when_it_wraps(
    qtbot: QtBot, make_window: MakeWindow, language: str, request: pytest.FixtureRequest
) -> None:
    if language == "ar":
        request.getfixturevalue("arabic")
    window = make_window()
    page = window.create_page
    page.name.setText("Robin")
    page.passphrase.setText("robin robin robin")  # a long hint: too easy to guess
    for width in (window.width(), window.minimumWidth()):
        window.resize(width, window.height())
        _settle()
        hint = page.strength
        assert hint.height() >= hint.heightForWidth(hint.width()), (width, hint.text())


def test_the_window_returns_to_its_size_when_the_text_changes_while_spaces_load(
    qtbot: QtBot,
    make_window: MakeWindow,
    app_settings: AppSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The text grows while the Spaces list is still loading; the list (its welcome page)
    arrives at the larger size; the text shrinks again: the window returns to the size the
    person chose, not a few pixels taller."""
    loaded = threading.Event()
    list_spaces = SpaceDetails.list_spaces

    def slow_list(self: SpaceDetails) -> object:
        loaded.wait(20)
        return list_spaces(self)

    monkeypatch.setattr(SpaceDetails, "list_spaces", slow_list)
    window = make_window()
    flows.create_vault(qtbot, window)
    _settle()
    chosen = QSize(window.fit.chosen)
    page = window.spaces_page
    assert not page.empty.isVisible()  # still loading
    app_settings.font_scale = 200
    window.apply_settings()
    _settle()
    window.home.show_section("spaces")
    loaded.set()
    qtbot.waitUntil(page.empty.isVisible)
    _settle()
    app_settings.font_scale = 100
    window.apply_settings()
    _settle()
    screen = window.screen().availableGeometry().size()
    qtbot.waitUntil(lambda: window.size() == chosen.boundedTo(screen))
    assert window.fit.chosen == chosen
