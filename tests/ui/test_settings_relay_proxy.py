"""Settings → reaching relays: the choice reaches the vault through the core, a bad proxy
is refused with a sentence and changes nothing, and lock/unlock shows what the vault holds."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.core.relay_proxy import TOR_SERVICE
from haven.ui.main_window import HavenWindow
from haven.ui.pages.settings.relay_proxy import DIRECT, OTHER, TOR
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


def test_choose_tor_or_another_proxy(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Robin", pronouns="")
    window.home.show_section("settings")
    section = window.settings_page.relay_proxy
    session = window.bridge.session
    assert session is not None
    assert section.route.currentIndex() == DIRECT and not section.other.isVisibleTo(section)

    section.route.setCurrentIndex(OTHER)
    assert section.other.isVisibleTo(section)
    flows.type_text(qtbot, section.other, "http://127.0.0.1:8080")
    qtbot.keyClick(section.other, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "cannot use that proxy" in section.status.text())
    assert session.proxy.url() is None  # refused: still direct

    section.other.clear()
    flows.type_text(qtbot, section.other, "socks5://127.0.0.1:1080")
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "socks5h://127.0.0.1:1080" in section.status.text())
    assert session.proxy.url() == "socks5h://127.0.0.1:1080"

    section.route.setCurrentIndex(TOR)
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.proxy.url() == TOR_SERVICE)
    assert not section.other.isVisibleTo(section)

    window.lock()
    assert section.route.currentIndex() == DIRECT and not section.route.isEnabled()
    flows.unlock(qtbot, window)
    qtbot.waitUntil(lambda: section.route.currentIndex() == TOR)
