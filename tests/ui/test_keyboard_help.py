"""The keyboard as the only way in: F1 (or Ctrl+?) lists every shortcut in an accessible
table, every combo box is announced by its label, and no two visible controls share an Alt
letter (Link/Lock, Show post/Spaces, Post/Report clashed)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from haven.ui.shortcut_sheet import ShortcutSheet
from tests.ui import flows
from tests.ui.spaces_steps import create_space, open_spaces, write_post

MakeWindow = Callable[..., HavenWindow]


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """The Alt letters of the controls a person can see under `root`, with their texts."""
    letters: dict[str, list[str]] = {}
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root.window()) or not widget.isEnabled():
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            found = re.search(r"&([^&])", widget.text().replace("&&", ""))
            if found:
                letters.setdefault(found.group(1).lower(), []).append(widget.text())
    return letters


def clashes(root: QWidget) -> list[list[str]]:
    return [texts for texts in mnemonics(root).values() if len(texts) > 1]


def test_f1_lists_every_shortcut(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.shortcut_sheet
    assert isinstance(sheet, ShortcutSheet)
    qtbot.waitExposed(sheet)
    table = sheet.table
    cells = [(table.item(r, 0), table.item(r, 1)) for r in range(table.rowCount())]
    rows = {what.text(): keys.text() for keys, what in cells if keys and what}
    assert rows["Lock"] == "Ctrl+L"
    assert rows["Go to Spaces"] == "Ctrl+4"
    assert rows["Journal: a new entry"] == "Ctrl+N"
    assert "Ctrl+Shift+Q" in rows["Quick exit: hide Haven and lock it at once"]
    assert sheet.focusWidget() is sheet.table  # read from the keyboard at once
    first = sheet.table.item(0, 0)
    assert first is not None and "Quick exit" in str(first.data(Qt.ItemDataRole.AccessibleTextRole))
    qtbot.keyClick(sheet.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.shortcut_sheet is None)
    # Locked too: the sheet is about the keyboard, not about the vault.
    window.lock()
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.shortcut_sheet is not None)


def test_every_combo_box_has_a_label(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    create_space(qtbot, page)
    buddies = {label.buddy() for label in window.findChildren(QLabel) if label.buddy()}
    unlabelled = [
        combo.accessibleName()
        for combo in window.findChildren(QComboBox)
        if combo not in buddies and combo.window() is window
    ]
    assert unlabelled == []


def test_no_two_visible_controls_share_an_alt_letter(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    assert clashes(window) == []  # the create page: Pronouns and Passphrase were both P
    flows.create_vault(qtbot, window)
    window.home.show_section("settings")
    assert clashes(window) == []
    window.home.show_section("journal")
    assert clashes(window) == []
    page = open_spaces(qtbot, window)
    create_space(qtbot, page)
    write_post(qtbot, page, "Hello all", cw="family")
    assert page.view.feed.thread_view.show_button.isVisible()
    assert clashes(window) == []  # Lock and Delete, Spaces and Show post, Post and Report
    for tab in (page.view.members, page.view.me):
        page.view.tabs.setCurrentWidget(tab)
        assert clashes(window) == []
