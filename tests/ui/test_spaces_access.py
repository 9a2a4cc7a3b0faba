"""Spaces for everyone: every interactive widget on every new page and dialog has an
accessible name, a post can be written, sent, found and opened with the keyboard alone,
and the section lays out right to left in Arabic."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from haven.ui.spaces.dialogs import CreateSpaceDialog
from haven.ui.translations import install_translations
from tests.ui import flows
from tests.ui.a11y import interactive_widgets, unnamed
from tests.ui.spaces_steps import (
    LEFT,
    add_member,
    carry,
    create_space,
    open_spaces,
    select_thread,
    window_session,
    write_post,
)

MakeWindow = Callable[..., HavenWindow]
CTRL = Qt.KeyboardModifier.ControlModifier


def test_every_interactive_widget_in_spaces_has_a_name(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = page.create_dialog
    assert isinstance(dialog, CreateSpaceDialog)
    assert len(interactive_widgets(dialog)) >= 6 and unnamed(dialog) == []
    dialog.reject()
    space_id = create_space(qtbot, page)
    write_post(qtbot, page, "hello", cw="test")
    bea = add_member(window, tmp_path, space_id, "Bea")
    bea.spaces.post(space_id, "from Bea")
    carry(bea, window_session(window), space_id)
    bea.lock()
    view = page.view
    qtbot.waitUntil(lambda: "Bea" in view.members.names())
    qtbot.waitUntil(lambda: view.feed.model.rowCount() == 2)
    select_thread(qtbot, view, "from Bea")  # someone else's post: Report is offered
    # Feed, thread, composer, reactions, members, moderation, "About and you".
    assert len(interactive_widgets(page)) >= 30
    assert unnamed(page) == []
    qtbot.mouseClick(view.feed.thread_view.report_button, LEFT)
    assert view.dialog is not None and unnamed(view.dialog) == []
    view.dialog.reject()
    view.tabs.setCurrentWidget(view.members)
    view.members.select_name("Bea")
    qtbot.mouseClick(view.members.remove_button, LEFT)
    assert view.dialog is not None and view.dialog.ban.isVisible()
    assert unnamed(view.dialog) == []
    view.dialog.reject()
    assert view.members.names() == [window_name(window), "Bea"]


def window_name(window: HavenWindow) -> str:
    session = window.bridge.session
    assert session is not None
    return session.identity.primary().display_name


def test_keyboard_only_post_and_open_a_content_warning(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    qtbot.keyClick(window.journal_page.editor.body, Qt.Key.Key_4, CTRL)  # Spaces
    page = window.spaces_page
    qtbot.waitUntil(page.isVisible)
    create_space(qtbot, page)
    composer = page.view.feed.composer
    composer.title.setFocus()
    flows.type_text(qtbot, composer.title, "Hard week")
    qtbot.keyClick(composer.title, Qt.Key.Key_Tab)
    assert composer.body.hasFocus()
    flows.type_text(qtbot, composer.body, "I lost my job today.")
    qtbot.keyClick(composer.body, Qt.Key.Key_Tab)
    assert composer.attachments.attach_button.hasFocus()  # nothing attached: then the warning
    qtbot.keyClick(composer.attachments.attach_button, Qt.Key.Key_Tab)
    assert composer.cw_toggle.hasFocus()
    qtbot.keyClick(composer.cw_toggle, Qt.Key.Key_Space)
    assert composer.cw.hasFocus()  # turning the warning on moves to its text
    flows.type_text(qtbot, composer.cw, "job loss")
    qtbot.keyClick(composer.cw, Qt.Key.Key_Return, CTRL)
    feed = page.view.feed
    qtbot.waitUntil(lambda: feed.model.rowCount() == 1)
    feed.list.setFocus()
    qtbot.keyClick(feed.list, Qt.Key.Key_Return)
    thread = feed.thread_view
    assert thread.show_button.hasFocus()
    assert "lost my job" not in thread.body.toPlainText()
    qtbot.keyClick(thread.show_button, Qt.Key.Key_Space)
    assert "I lost my job today." in thread.body.toPlainText()
    assert thread.body.hasFocus()


@pytest.fixture
def arabic() -> Iterator[bool]:
    loaded = install_translations(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    yield loaded
    install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_spaces_right_to_left(
    qtbot: QtBot, make_window: MakeWindow, arabic: bool, tmp_path: Path
) -> None:
    assert arabic
    window = make_window()
    flows.create_vault(qtbot, window, name="ريم")
    page = open_spaces(qtbot, window)
    assert page.new_button.text() == "مساحة جديدة (&N)…"
    create_space(qtbot, page, name="دائرة الدعم")
    write_post(qtbot, page, "مرحبا بالجميع في **الدائرة**", cw="عائلة")
    assert page.isRightToLeft() and QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    list_x = page.list.mapTo(window, QPoint(0, 0)).x()
    view_x = page.view.mapTo(window, QPoint(0, 0)).x()
    assert list_x > view_x  # the space list sits on the right
    feed = page.view.feed
    assert (
        feed.list.mapTo(window, QPoint(0, 0)).x() > feed.thread_view.mapTo(window, QPoint(0, 0)).x()
    )
    qtbot.mouseClick(feed.thread_view.show_button, LEFT)
    assert "مرحبا بالجميع في الدائرة" in feed.thread_view.body.toPlainText()
    image = window.grab().toImage()
    assert image.save(str(tmp_path / "spaces_rtl.png"))
    colours = {
        image.pixel(x, y) for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
    }
    assert len(colours) > 20
