"""A direct invite names the address sync listens on: with LAN sync turned off, the app
listens on this computer only, so it refuses to make a code rather than give a guest a
network address (here 127.0.0.2 stands in for it) that nothing answers on."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.core.spaces.invites import InviteCode
from haven.ui.main_window import HavenWindow
from tests.ui import flows
from tests.ui.spaces_steps import LEFT, create_space, open_spaces

MakeWindow = Callable[..., HavenWindow]
WAIT_MS = 20_000


def test_no_direct_invite_names_a_lan_address_while_lan_sync_is_off(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HAVEN_LISTEN_HOST", "127.0.0.2")
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    create_space(qtbot, page)
    background = window.bridge.background
    box = window.settings_page.lan_sync
    qtbot.waitUntil(box.isEnabled, timeout=WAIT_MS)
    window.home.show_section("settings")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # LAN sync off
    session = window.bridge.session
    assert session is not None and not session.lan.enabled()
    qtbot.waitUntil(lambda: background.serving_port != 0, timeout=WAIT_MS)

    window.home.show_section("spaces")
    view = page.view
    view.tabs.setCurrentWidget(view.members)
    qtbot.mouseClick(view.header.invite_button, LEFT)
    qtbot.waitUntil(lambda: "local network, which is off" in view.status.text())
    assert view.invite_dialog is None

    # Back on: the code names the LAN address.
    window.home.show_section("settings")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    window.home.show_section("spaces")
    view.tabs.setCurrentWidget(view.members)
    qtbot.mouseClick(view.header.invite_button, LEFT)
    qtbot.waitUntil(lambda: view.invite_dialog is not None, timeout=WAIT_MS)
    dialog = view.invite_dialog
    assert dialog is not None
    assert InviteCode.decode(dialog.words.toPlainText()).host == "127.0.0.2"
    dialog.reject()
