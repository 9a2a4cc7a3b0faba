"""Settings → reaching relays: the choice reaches the vault through the core, a bad proxy
is refused with a sentence and changes nothing, and lock/unlock shows what the vault holds;
the sync status says when Tor is not running."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.core.relay_proxy import TOR_SERVICE
from haven.sync.relay_sync import RelayReport, SpaceRelayReport
from haven.sync.supervisor import RelayRound
from haven.ui.background_sync import BackgroundSync, SyncStatus
from haven.ui.main_window import HavenWindow
from haven.ui.pages.settings.relay_proxy import DIRECT, OTHER, TOR
from haven.ui.sync_status import status_text
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


def test_choose_tor_or_another_proxy(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Robin", pronouns="")
    window.home.show_section("settings")
    section = window.settings_page.relay_proxy
    session = window.bridge.session
    assert session is not None
    qtbot.waitUntil(lambda: section.loaded)
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
    qtbot.waitUntil(lambda: section.loaded)
    assert section.route.currentIndex() == TOR


def test_the_sync_status_says_when_tor_is_not_running(qtbot: QtBot) -> None:
    sync = BackgroundSync()
    seen: list[SyncStatus] = []
    sync.statusChanged.connect(seen.append)
    url = "ws://127.0.0.1:7000/"
    sync._on_event(0, RelayRound(RelayReport(url, error="proxy_unreachable")))
    assert status_text(seen[-1]) == "Tor is not running: nothing goes to relays"
    sync._on_event(0, RelayRound(RelayReport(url, error="unreachable")))  # the relay's fault
    assert seen[-1].proxy_down  # unchanged: the last word on the proxy stands
    sync._on_event(0, RelayRound(RelayReport(url, [SpaceRelayReport(b"s" * 32)])))
    assert not seen[-1].proxy_down and status_text(seen[-1]) == "Synced just now (relay)"
