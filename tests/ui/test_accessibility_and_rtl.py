"""Every interactive widget has an accessible name; Arabic loads and lays out right-to-left;
pages render to non-trivial images."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from tests.ui import flows
from tests.ui.a11y import interactive_widgets, unnamed

MakeWindow = Callable[..., HavenWindow]


def test_every_interactive_widget_has_an_accessible_name(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    assert len(interactive_widgets(window.create_page)) >= 5
    assert unnamed(window.create_page) == []
    assert unnamed(window.unlock_page) == []
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "hello", tags="a")
    assert len(interactive_widgets(window.home)) >= 15
    assert unnamed(window.home) == []
    window.home.show_section("settings")
    assert unnamed(window.settings_page) == []


def test_tab_reaches_the_editor_from_the_title(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    editor = window.journal_page.editor
    editor.title.setFocus()
    order = []
    widget = editor.title
    for _ in range(4):
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order == [editor.mood, editor.tags, editor.body, editor.save_button]


def test_arabic_translation_and_right_to_left(
    qtbot: QtBot, make_window: MakeWindow, arabic: bool, tmp_path: Path
) -> None:
    assert arabic, "haven_ar.qm should load"
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window = make_window()
    page = window.create_page
    assert window.isRightToLeft()
    assert page.create_button.text() == "أنشئ خزنتي"
    assert "عشرة أحرف" in page.strength.text()
    # Right-to-left: the fields sit left of their labels, the button at the left edge.
    name_x = page.name.mapTo(window, QPoint(0, 0)).x()
    button_x = page.create_button.mapTo(window, QPoint(0, 0)).x()
    assert button_x < name_x + page.name.width() / 2
    flows.create_vault(qtbot, window, name="ريم")
    home = window.home
    sidebar_x = home.sidebar.mapTo(window, QPoint(0, 0)).x()
    sections_x = home.sections.mapTo(window, QPoint(0, 0)).x()
    assert sidebar_x > sections_x  # the sidebar is on the right
    flows.write_entry(qtbot, window, "يوم هادئ على البحر", tags="بحر")
    assert home.sidebar.item(0).text() == "اليوميات"
    image = window.grab().toImage()
    assert _distinct_colours(image) > 20
    assert image.save(str(tmp_path / "rtl.png"))


def _distinct_colours(image: QImage, step: int = 4) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_pages_render_to_images(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window()
    shots = {"create": window.grab().toImage()}
    flows.create_vault(qtbot, window)
    for body, tags in (("Morning pages", "routine"), ("A hard day at work", "work, stress")):
        flows.write_entry(qtbot, window, body, tags=tags, mood_index=3)
    shots["main"] = window.grab().toImage()
    window.lock()
    shots["unlock"] = window.grab().toImage()
    for name, image in shots.items():
        path = tmp_path / f"{name}.png"
        assert image.save(str(path)), name
        assert path.stat().st_size > 5_000, name
        assert image.width() >= 800 and image.height() >= 600
        assert _distinct_colours(image) > 10, name
    assert shots["main"] != shots["create"] and shots["unlock"] != shots["create"]
