"""Every theme passes WCAG 2.2 AA as rendered: each page of a real window, drawn offscreen in
Light, Dark and High contrast, measured from its pixels (tools/screenshots/contrast.py) —
text 4.5:1, checkbox indicators, disabled buttons and focus rings 3:1."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from haven.ui import theme_colours
from haven.ui.main_window import HavenWindow
from haven.ui.settings import AppSettings, Theme
from tests.ui import flows
from tests.ui.spaces_steps import LEFT, create_space, open_spaces, select_thread, write_post
from tools.screenshots.contrast import Reading
from tools.screenshots.contrast_pages import (
    failures,
    focus_ring,
    page_readings,
    settle,
    theme_readings,
)

MakeWindow = Callable[..., HavenWindow]
THEMES = (Theme.LIGHT, Theme.DARK, Theme.HIGH_CONTRAST)


def _use_theme(window: HavenWindow, settings: AppSettings, theme: Theme) -> None:
    settings.theme = theme
    window.apply_settings()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settle(app)


def _home_pages(window: HavenWindow) -> list[tuple[str, Callable[[], None]]]:
    def section(name: str) -> Callable[[], None]:
        return lambda: window.home.show_section(name)

    return [(name, section(name)) for name in ("journal", "settings", "devices", "spaces")] + [
        ("help", window.show_help_page)
    ]


def _check(found: dict[str, list[Reading]], theme: Theme) -> list[str]:
    return [f"{theme.value} {page}: {line}" for page, rs in found.items() for line in failures(rs)]


def _kinds(found: dict[str, list[Reading]]) -> set[str]:
    return {r.what for rs in found.values() for r in rs}


@pytest.fixture
def unlocked(qtbot: QtBot, make_window: MakeWindow) -> HavenWindow:
    window = make_window()
    window.resize(1000, 680)
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "A calm evening.", title="Evening", tags="walks")
    return window


def test_every_page_in_every_theme_passes(
    qtbot: QtBot, unlocked: HavenWindow, app_settings: AppSettings
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    problems: list[str] = []
    for theme in THEMES:
        _use_theme(unlocked, app_settings, theme)
        found = theme_readings(unlocked, app, _home_pages(unlocked))
        problems += _check(found, theme)
        # The walk measured something of every kind, or a pass would mean nothing.
        kinds = _kinds(found)
        for expected in (
            "text",
            "field text",
            "checkbox indicator",
            "disabled text",
            "disabled vs enabled text",
            "focus ring vs page",
            "focus ring vs fill",
            "focus ring width (px)",
        ):
            assert expected in kinds, f"{theme.value}: nothing measured as {expected!r}"
        unlocked.show_start_page()
    assert problems == [], "\n".join(problems)


def test_the_pages_before_unlocking_pass(
    qtbot: QtBot, make_window: MakeWindow, app_settings: AppSettings
) -> None:
    window = make_window()
    window.resize(1000, 680)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    problems: list[str] = []
    for theme in THEMES:
        _use_theme(window, app_settings, theme)
        problems += _check({"create": page_readings(window, app)}, theme)
    assert problems == [], "\n".join(problems)


def test_a_list_with_focus_and_nothing_selected_shows_a_ring(
    qtbot: QtBot, unlocked: HavenWindow, app_settings: AppSettings
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    page = unlocked.journal_page
    for theme in THEMES:
        _use_theme(unlocked, app_settings, theme)
        unlocked.home.show_section("journal")
        rings = focus_ring(unlocked, page.list, app)
        assert len(rings) == 3 and all(r.passes for r in rings), [str(r) for r in rings]
    assert page.list.selectionModel().selectedIndexes() == []


def test_a_broken_colour_fails_the_measurement(
    qtbot: QtBot, unlocked: HavenWindow, app_settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The test can fail: Dark with the checkbox outline of the old theme (~1.1:1), text and
    placeholders nearly as dark as the page, the focus ring the colour of a field, and
    disabled text as bright as enabled text."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    broken = {
        "border": ("#35313c", "checkbox indicator"),
        "text": ("#4a4452", "text"),
        "muted": ("#3a3342", "field text"),
        "focus": ("#29242e", "focus ring vs fill"),
        "disabled_text": ("#f1ebf3", "disabled vs enabled text"),
    }
    for field, (colour, kind) in broken.items():
        bad = theme_colours.ThemeColours(**{**vars(theme_colours.DARK), field: colour})
        monkeypatch.setattr(theme_colours, "DARK", bad)
        monkeypatch.setattr("haven.ui.appearance.DARK", bad)
        _use_theme(unlocked, app_settings, Theme.DARK)
        found = theme_readings(unlocked, app, _home_pages(unlocked))
        failed = {r.what for rs in found.values() for r in rs if not r.passes}
        assert kind in failed, f"{field}={colour} was not caught: {failed}"
        monkeypatch.undo()
        unlocked.show_start_page()


def test_an_open_space_passes_in_every_theme(
    qtbot: QtBot, make_window: MakeWindow, app_settings: AppSettings
) -> None:
    """The page people spend their time on in Spaces: the feed with a post opened, its
    reactions (one pressed), the composer, and each tab of the space."""
    window = make_window()
    window.resize(1000, 680)
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    create_space(qtbot, page)
    write_post(qtbot, page, "Told my parents today", title="News")
    view = page.view
    select_thread(qtbot, view, "Told my parents today")
    care = view.feed.thread_view.reactions.buttons["sending-care"]
    qtbot.mouseClick(care, LEFT)
    qtbot.waitUntil(care.isChecked)
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def tab(widget: QWidget) -> Callable[[], None]:
        return lambda: view.tabs.setCurrentWidget(widget)

    tabs = [view.feed, view.channels, view.members, view.events, view.moderation, view.me]
    pages = [(view.tabs.tabText(view.tabs.indexOf(w)), tab(w)) for w in tabs]
    problems: list[str] = []
    for theme in THEMES:
        _use_theme(window, app_settings, theme)
        problems += _check(theme_readings(window, app, pages), theme)
    assert problems == [], "\n".join(problems)
