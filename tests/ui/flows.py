"""Steps a person takes in the app, shared by the UI tests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from tests.helpers import PASSPHRASE


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a keyboard (ASCII) or an input method (other scripts, e.g. Arabic, which
    QTest's key-click helpers cannot encode): one key event per character."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def create_vault(
    qtbot: QtBot,
    window: HavenWindow,
    name: str = "Robin",
    pronouns: str = "they/them",
    passphrase: str = PASSPHRASE,
) -> None:
    page = window.create_page
    assert window.current_page() is page
    type_text(qtbot, page.name, name)
    type_text(qtbot, page.pronouns, pronouns)
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClicks(page.confirm, passphrase)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.home, timeout=20_000)


def unlock(qtbot: QtBot, window: HavenWindow, passphrase: str = PASSPHRASE) -> None:
    page = window.unlock_page
    assert window.current_page() is page
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.current_page() is window.home or page.error.text() != "", timeout=20_000
    )
    assert page.error.text() == "", page.error.text()
    assert window.current_page() is window.home


def write_entry(
    qtbot: QtBot,
    window: HavenWindow,
    body: str,
    title: str = "",
    tags: str = "",
    mood_index: int = 0,
) -> None:
    """Ctrl+N, type, pick a mood, Ctrl+S; waits until the entry is listed."""
    page = window.journal_page
    qtbot.keyClick(page.editor.body, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.entry_id is None
    if title:
        type_text(qtbot, page.editor.title, title)
    type_text(qtbot, page.editor.body, body)
    if tags:
        type_text(qtbot, page.editor.tags, tags)
    page.editor.mood.setFocus()
    for _ in range(mood_index):
        qtbot.keyClick(page.editor.mood, Qt.Key.Key_Down)
    before = page.model.rowCount()
    qtbot.keyClick(page.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.editor.entry_id is not None)
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1)


def shown(text: object) -> str:
    """What a reader sees of a text: the invisible bidi isolates around peer text removed."""
    return str(text).replace("\u2068", "").replace("\u2069", "")
