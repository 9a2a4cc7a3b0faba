"""Background sync while the app is unlocked: it serves on 127.0.0.1 (the test environment
sets HAVEN_LISTEN_HOST and HAVEN_LAN_DISCOVERY=0), entries written on another device arrive
in the journal list, the status line follows, and every kind of lock closes the port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.core.session import Session
from haven.sync.engine import SyncEngine
from haven.ui.background_sync import SyncState, SyncStatus
from haven.ui.main_window import HavenWindow
from haven.ui.sync_status import status_text
from tests.helpers import replica_of
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]
WAIT_MS = 30_000


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def other(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> Iterator[tuple[HavenWindow, Session, SyncEngine]]:
    """The app's window, unlocked, and a second device of the same journal with an engine."""
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window.bridge.session
    assert session is not None
    replica = replica_of(session, tmp_path / "laptop")
    engine = SyncEngine(replica)
    engine.start()
    yield window, replica, engine
    engine.stop()
    replica.lock()


def test_an_entry_from_another_device_arrives_in_the_list(
    qtbot: QtBot, other: tuple[HavenWindow, Session, SyncEngine]
) -> None:
    window, replica, engine = other
    background = window.bridge.background
    port = background.serving_port
    assert port > 0 and port_open(port)
    assert window.sync_status.text() == "Not synced yet"
    replica.journal.add("written on the laptop", tags=("travel",))
    with qtbot.waitSignal(background.statusChanged, timeout=WAIT_MS):
        report = engine.sync_with("127.0.0.1", port).result(WAIT_MS / 1000)
    assert report.complete and report.sent >= 1
    page = window.journal_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    entry = page.model.entry(0)
    assert entry is not None and entry.body == "written on the laptop"
    # A round a peer started with this device's port is a direct sync (not discovery's).
    qtbot.waitUntil(lambda: window.sync_status.text() == "Synced just now (direct connection)")
    assert background.status.state is SyncState.SYNCED
    # The other device's link event came along: the Devices page lists two devices.
    qtbot.waitUntil(lambda: window.devices_page.list.count() == 2)


def test_the_app_syncs_out_and_a_failure_shows(
    qtbot: QtBot, other: tuple[HavenWindow, Session, SyncEngine]
) -> None:
    window, replica, engine = other
    flows.write_entry(qtbot, window, "written on the desktop")
    replica_port = engine.serve("127.0.0.1", 0)
    background = window.bridge.background
    seen: list[SyncState] = []
    background.statusChanged.connect(lambda s: seen.append(s.state))
    background.sync_with("127.0.0.1", replica_port)
    qtbot.waitUntil(lambda: background.status.state is SyncState.SYNCED, timeout=WAIT_MS)
    assert seen[0] is SyncState.SYNCING
    assert [e.body for e in replica.journal.list()] == ["written on the desktop"]

    engine.stop()  # the other device goes away
    qtbot.waitUntil(lambda: not port_open(replica_port), timeout=WAIT_MS)
    background.sync_with("127.0.0.1", replica_port)
    qtbot.waitUntil(lambda: window.sync_status.text() == "Last sync failed", timeout=WAIT_MS)
    assert background.status.last_synced_ms is not None  # the last success is remembered


def test_lock_and_unlock_stop_and_restart_serving(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    port = window.bridge.background.serving_port
    assert port_open(port)
    qtbot.keyClick(
        window.journal_page.editor.body, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
    )
    assert window.current_page() is window.unlock_page
    assert window.bridge.background.status.state is SyncState.OFF
    qtbot.waitUntil(lambda: not port_open(port), timeout=WAIT_MS)
    flows.unlock(qtbot, window)
    again = window.bridge.background.serving_port
    assert again > 0 and port_open(again)
    window.bridge.lock()
    qtbot.waitUntil(lambda: not port_open(again), timeout=WAIT_MS)


def test_quick_exit_returns_at_once_and_closes_the_port(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    port = window.bridge.background.serving_port
    started = time.monotonic()
    window.quick_exit()
    elapsed = time.monotonic() - started
    assert not window.isVisible() and window.bridge.session is None
    assert elapsed < 1.0, elapsed  # the network winds down on a helper thread
    qtbot.waitUntil(lambda: not port_open(port), timeout=WAIT_MS)


def test_auto_lock_stops_serving(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    port = window.bridge.background.serving_port
    window.safety.idleTimeout.emit()  # what the idle timer does when it runs out
    assert window.bridge.session is None
    qtbot.waitUntil(lambda: not port_open(port), timeout=WAIT_MS)


def test_a_taken_port_leaves_the_app_usable(
    qtbot: QtBot, make_window: MakeWindow, app_settings: object
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        window = make_window()
        window.settings.sync_port = taken.getsockname()[1]
        window.apply_settings()
        flows.create_vault(qtbot, window)
        assert window.bridge.background.status.state is SyncState.FAILED
        assert window.sync_status.text() == "Last sync failed"
        flows.write_entry(qtbot, window, "still works")


def test_lan_toggle_is_stored_in_the_vault(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    box = window.settings_page.lan_sync
    assert not box.isEnabled()  # locked: nothing to say about the vault's setting
    flows.create_vault(qtbot, window)
    session = window.bridge.session
    assert session is not None
    window.home.show_section("settings")
    # Off, and greyed, until there is someone to sync with (test_lan_default.py).
    assert not box.isEnabled() and not box.isChecked() and not session.lan.enabled()
    session.spaces.create_space("Circle")
    qtbot.waitUntil(box.isEnabled, timeout=WAIT_MS)
    assert box.isChecked() and session.lan.enabled()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked() and not session.lan.enabled()
    window.lock()
    assert not box.isEnabled()
    flows.unlock(qtbot, window)
    assert box.isEnabled() and not box.isChecked()
    # HAVEN_LAN_DISCOVERY=0 (set for every test): turning it on never starts discovery.
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    assert window.bridge.background.status.lan is False


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (SyncStatus(SyncState.OFF), "Sync is off"),
        (SyncStatus(SyncState.NEVER, port=1), "Not synced yet"),
        (SyncStatus(SyncState.SYNCING, port=1), "Syncing…"),
        (SyncStatus(SyncState.FAILED, 1_000, port=1), "Last sync failed"),
        (
            SyncStatus(SyncState.SYNCED, 1_000_000, transport="lan"),
            "Synced just now (local network)",
        ),
        (
            SyncStatus(SyncState.SYNCED, 1_000_000 - 60_000 * 7, transport="relay"),
            "Synced 7 min ago (relay)",
        ),
        (
            SyncStatus(SyncState.SYNCED, 1_000_000 - 60_000 * 60 * 3, transport="direct"),
            "Synced 3 hours ago (direct connection)",
        ),
    ],
)
def test_status_wording(status: SyncStatus, text: str, make_window: MakeWindow) -> None:
    make_window()  # installs the English catalogue (plural forms)
    assert status_text(status, now_ms=1_000_000) == text


def test_the_app_runs_every_transport_on_one_loop_thread(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    """The engine and the relay syncer share the supervisor's loop; the UI holds only the
    adapter (no engine, no relay thread of its own)."""
    window = make_window()
    flows.create_vault(qtbot, window)
    supervisor = window.bridge.background.supervisor
    assert supervisor is not None
    relays = supervisor._relays
    assert relays is not None and relays._runner is supervisor._runner
    assert supervisor._engine._runner is supervisor._runner
    assert "haven-relay-sync" not in {t.name for t in threading.enumerate()}
    window.lock()
    assert window.bridge.background.supervisor is None
    assert window.bridge.background.wait_stopped()
    assert not supervisor._runner.running
