"""Steps on the Devices page shared by tests (linking needs real sockets on 127.0.0.1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.ui.devices.link_dialog import LinkDialog
from haven.ui.main_window import HavenWindow

WAIT_MS = 30_000


def open_link_dialog(qtbot: QtBot, window: HavenWindow) -> LinkDialog:
    window.home.show_section("devices")
    page = window.devices_page
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    dialog = page.link_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.code.text().startswith("hvn1-"), timeout=WAIT_MS)
    assert not dialog.qr.pixmap().isNull() and dialog.qr.pixmap().width() > 100
    assert dialog.expiry.text()
    return dialog
