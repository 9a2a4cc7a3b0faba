"""Per-space sync status in the app (issue 5 §3): every sync the app does is recorded in the
vault with its transport, and the journal page, a group space's header and the sidebar's
global line show how and when it last synced and what waits to go out. LAN discovery is
refreshed (off the UI thread) when the spaces or their epoch keys change.

Real parts: the app's window over a real vault, real sync engines on 127.0.0.1, a real relay
process on 127.0.0.1. Only LAN discovery is a fake (it would need multicast)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from pytestqt.qtbot import QtBot

from haven.core import relays
from haven.core.session import Session
from haven.sync import supervisor as supervisor_module
from haven.sync.discovery import Peer
from haven.sync.engine import SyncEngine
from haven.sync.lan import LanSync
from haven.sync.supervisor import DAY_MS, ms_until_utc_midnight
from haven.ui.main_window import HavenWindow
from haven.ui.space_status import space_status_text
from haven.ui.translations import install_translations
from tests.helpers import replica_of
from tests.integration.relay_sync_support import Relay
from tests.ui import flows, spaces_steps

MakeWindow = Callable[..., HavenWindow]
WAIT_MS = 30_000


@pytest.fixture
def app(qtbot: QtBot, make_window: MakeWindow) -> HavenWindow:
    window = make_window()
    window.bridge.background.relay_backoff = (0.1, 0.5)  # the relay test restarts its relay
    flows.create_vault(qtbot, window)
    qtbot.waitUntil(lambda: window.bridge.session is not None, timeout=WAIT_MS)
    return window


@pytest.fixture
def laptop(app: HavenWindow, tmp_path: Path) -> Iterator[tuple[Session, SyncEngine]]:
    """A second device of the app's journal, with a sync engine of its own."""
    replica = replica_of(spaces_steps.window_session(app), tmp_path / "laptop")
    engine = SyncEngine(replica)
    engine.start()
    yield replica, engine
    engine.stop()
    replica.lock()


def test_a_direct_sync_shows_in_the_journal_page_and_the_global_line(
    qtbot: QtBot, app: HavenWindow, laptop: tuple[Session, SyncEngine]
) -> None:
    replica, engine = laptop
    session = spaces_steps.window_session(app)
    line = app.journal_page.sync_line
    qtbot.waitUntil(lambda: line.text() == "Not synced yet", timeout=WAIT_MS)
    assert line.accessibleName() == "Journal sync status"
    assert app.sync_status.text() == "Not synced yet"

    replica.journal.add("written on the laptop")
    report = engine.sync_with("127.0.0.1", app.bridge.background.serving_port).result(30)
    assert report.complete and report.sent >= 1

    qtbot.waitUntil(
        lambda: line.text() == "Synced just now with a direct connection", timeout=WAIT_MS
    )
    assert app.sync_status.text() == "Synced just now (direct connection)"
    assert line.accessibleDescription() == line.text()
    status = session.relays.sync_status(session.journal.space_id)
    assert status.transport == "direct" and status.waiting == 0
    assert status.last_sync_ms is not None
    # The minute tick re-words the same record: three minutes later it says so.
    assert space_status_text(status, status.last_sync_ms + 3 * 60_000 + 5) == (
        "Synced 3 min ago with a direct connection"
    )


def test_a_round_discovery_asked_for_is_recorded_as_local_network(
    qtbot: QtBot, app: HavenWindow, laptop: tuple[Session, SyncEngine]
) -> None:
    """LanSync's found-peer path, with the supervisor's hook: the round is recorded as "lan"."""
    replica, engine = laptop
    session = spaces_steps.window_session(app)
    replica_port = engine.serve("127.0.0.1", 0)
    replica.journal.add("found on the local network")
    supervisor = app.bridge.background.supervisor
    assert supervisor is not None
    lan = LanSync(
        session,
        supervisor._engine,
        app.bridge.background.serving_port,
        addresses=["127.0.0.1"],
        sync=lambda host, port: supervisor.sync_with(host, port, "lan"),  # as the supervisor's
    )
    lan._found(Peer("127.0.0.1", replica_port, session.journal.space_id))  # not started: no mDNS

    line = app.journal_page.sync_line
    qtbot.waitUntil(lambda: line.text() == "Synced just now on the local network", timeout=WAIT_MS)
    # The window's indicator hears the round's end as its own queued signal: wait for it too.
    qtbot.waitUntil(
        lambda: app.sync_status.text() == "Synced just now (local network)", timeout=WAIT_MS
    )
    assert session.relays.sync_status(session.journal.space_id).transport == "lan"
    assert [e.body for e in session.journal.list()] == ["found on the local network"]


def test_a_group_space_header_shows_its_own_status(
    qtbot: QtBot, app: HavenWindow, tmp_path: Path
) -> None:
    page = spaces_steps.open_spaces(qtbot, app)
    space_id = spaces_steps.create_space(qtbot, page, "Circle")
    line = page.view.sync_line
    qtbot.waitUntil(lambda: line.text() == "Not synced yet", timeout=WAIT_MS)
    assert line.accessibleName() == "Sync status of this space"
    assert line.accessibleDescription() == "Not synced yet"
    member = spaces_steps.add_member(app, tmp_path, space_id, "Sam")
    engine = SyncEngine(member)
    engine.start()
    try:
        member.spaces.post(space_id, "hello circle")
        report = engine.sync_with("127.0.0.1", app.bridge.background.serving_port).result(30)
        assert report.complete
        assert space_id in [s.space_id for s in report.spaces]
    finally:
        engine.stop()
        member.lock()
    qtbot.waitUntil(
        lambda: line.text() == "Synced just now with a direct connection", timeout=WAIT_MS
    )
    # The journal was not part of that round: its line still says so.
    assert app.journal_page.sync_line.text() == "Not synced yet"


def test_a_relay_round_and_the_waiting_count_while_the_relay_is_down(
    qtbot: QtBot, app: HavenWindow, tmp_path: Path
) -> None:
    relay = Relay(tmp_path / "relay")
    try:
        session = spaces_steps.window_session(app)
        journal = session.journal.space_id
        line = app.journal_page.sync_line
        # The relay list is an event: the app's relay syncer picks it up and runs a round.
        app.bridge.run(lambda: session.relays.set_relays(journal, [relay.url]), lambda _r: None)
        qtbot.waitUntil(lambda: line.text() == "Synced just now through a relay", timeout=WAIT_MS)
        assert app.sync_status.text() == "Synced just now (relay)"

        relay.stop()
        flows.write_entry(qtbot, app, "written while the relay is down")
        qtbot.waitUntil(lambda: "1 waiting to go out" in line.text(), timeout=WAIT_MS)
        assert line.text().startswith("Synced just now through a relay · ")
        assert session.relays.sync_status(journal).waiting == 1

        relay.start()  # same port: the syncer's backoff finds it again and pushes
        qtbot.waitUntil(lambda: line.text() == "Synced just now through a relay", timeout=WAIT_MS)
        assert session.relays.sync_status(journal).waiting == 0
        assert session.relays.sync_status(journal).transport == "relay"
    finally:
        relay.stop()


class FakeLanSync:
    """A fake of sync/lan.py's LanSync (no multicast in tests): it records each discovery
    refresh, the thread it ran on and the spaces it would announce (read from the vault
    as the real one does)."""

    made: ClassVar[list[FakeLanSync]] = []

    def __init__(self, session: Session, engine: object, port: int, **_kw: object) -> None:
        self.session = session
        self.refreshes: list[str] = []
        self.announced: list[set[bytes]] = []
        self.discovery = self
        FakeLanSync.made.append(self)

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def refresh(self) -> None:
        self.refreshes.append(threading.current_thread().name)
        self.announced.append({k.space_id for k in self.session.lan.discovery_keys()})


def settle(qtbot: QtBot, window: HavenWindow) -> None:
    """Every discovery refresh asked for so far has run (a barrier, not a sleep): the UI's
    tasks are done and their results delivered (a task's end may ask for a refresh), then a
    no-op queued behind any refresh on the supervisor's loop and on its one-thread LAN pool,
    which both run in order, has run too."""
    bridge = window.bridge

    def idle() -> bool:
        QCoreApplication.processEvents()
        return not bridge._tasks

    qtbot.waitUntil(idle, timeout=WAIT_MS)
    supervisor = bridge.background.supervisor
    assert supervisor is not None
    done = threading.Event()
    supervisor._runner.call_soon(lambda: supervisor._lan_pool.submit(done.set))
    qtbot.waitUntil(done.is_set, timeout=WAIT_MS)


def test_discovery_is_refreshed_off_the_ui_thread_after_a_new_space_and_an_unlink(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeLanSync.made.clear()
    monkeypatch.setattr(supervisor_module, "LanSync", FakeLanSync)
    monkeypatch.setattr(supervisor_module, "lan_discovery_allowed", lambda: True)
    monkeypatch.setattr(supervisor_module, "lan_address", lambda: "127.0.0.1")
    window = make_window()
    flows.create_vault(qtbot, window)
    ui_thread = threading.current_thread().name
    assert FakeLanSync.made == []  # LAN sync is off until a device or a space exists

    page = spaces_steps.open_spaces(qtbot, window)
    space_id = spaces_steps.create_space(qtbot, page, "Circle")
    qtbot.waitUntil(lambda: len(FakeLanSync.made) == 1, timeout=WAIT_MS)
    fake = FakeLanSync.made[0]
    qtbot.waitUntil(lambda: len(fake.refreshes) >= 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: space_id in fake.announced[-1], timeout=WAIT_MS)
    after_space = len(fake.refreshes)

    session = spaces_steps.window_session(window)
    replica = replica_of(session, tmp_path / "laptop")
    device = replica.identity.device_id
    engine = SyncEngine(replica)
    engine.start()
    try:
        # The first sync brings the laptop's own device events (its key, certified when it
        # was linked): the devices change, and discovery follows.
        engine.sync_with("127.0.0.1", window.bridge.background.serving_port).result(30)
        qtbot.waitUntil(
            lambda: device in [d.device_id for d in session.devices.list()], timeout=WAIT_MS
        )
        qtbot.waitUntil(lambda: len(fake.refreshes) > after_space, timeout=WAIT_MS)
        settle(qtbot, window)
        after_link = len(fake.refreshes)
        replica.journal.add("an ordinary entry")
        engine.sync_with("127.0.0.1", window.bridge.background.serving_port).result(30)
        qtbot.waitUntil(lambda: len(session.journal.list()) >= 1, timeout=WAIT_MS)
        settle(qtbot, window)
    finally:
        engine.stop()
    replica.lock()
    assert len(fake.refreshes) == after_link  # an ordinary sync changes no key
    after_space = after_link
    window.bridge.run(lambda: session.devices.unlink(device), lambda _r: None)
    qtbot.waitUntil(lambda: len(fake.refreshes) > after_space, timeout=WAIT_MS)

    # Leaving with "delete everything": the keys go after the leave event is written. With
    # the device unlinked and the space left there is no one to sync with: discovery
    # stops altogether (LAN sync is off until a device or a space exists), once the keys
    # are gone (a refresh may run in between, while the space still exists).
    supervisor = window.bridge.background.supervisor
    assert supervisor is not None
    window.bridge.run(lambda: session.spaces.leave(space_id, wipe=True), lambda _r: None)
    qtbot.waitUntil(lambda: not supervisor.lan_running, timeout=WAIT_MS)
    assert space_id not in {k.space_id for k in session.lan.discovery_keys()}
    assert ui_thread not in fake.refreshes
    assert all(name.startswith("haven-lan") for name in fake.refreshes)  # the LAN helper


def test_discovery_is_refreshed_at_utc_midnight(
    qtbot: QtBot, app: HavenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ms_until_utc_midnight(0) == DAY_MS + 1_000
    assert ms_until_utc_midnight(DAY_MS - 1) == 1_001
    supervisor = app.bridge.background.supervisor
    assert supervisor is not None
    qtbot.waitUntil(lambda: supervisor.midnight is not None, timeout=WAIT_MS)
    timer = supervisor.midnight
    assert timer is not None and not timer.cancelled()
    loop = supervisor._runner.loop
    assert 0 < timer.when() - loop.time() <= (DAY_MS + 1_000) / 1000
    calls: list[int] = []
    monkeypatch.setattr(supervisor, "_queue_refresh", lambda: calls.append(1))
    done = threading.Event()
    loop.call_soon_threadsafe(lambda: (timer._run(), done.set()))  # midnight comes
    assert done.wait(WAIT_MS / 1000)
    assert calls == [1]
    assert supervisor.midnight is not timer and not supervisor.midnight.cancelled()  # re-armed
    again = supervisor.midnight
    app.lock()
    app.bridge.background.wait_stopped()
    assert again.cancelled() or loop.is_closed()


@pytest.fixture
def arabic() -> Iterator[bool]:
    loaded = install_translations(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    yield loaded
    install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_status_line_in_arabic_reads_right_to_left(
    qtbot: QtBot, make_window: MakeWindow, arabic: bool
) -> None:
    assert arabic, "haven_ar.qm should load"
    window = make_window()
    flows.create_vault(qtbot, window, name="ريم")
    line = window.journal_page.sync_line
    qtbot.waitUntil(lambda: line.text() == "لم تتم المزامنة بعد", timeout=WAIT_MS)
    assert line.isRightToLeft()
    assert line.accessibleName() == "حالة مزامنة اليوميات"
    status = relays.SyncStatus("relay", 1_000_000, 2, 0)
    assert space_status_text(status, 1_000_000 + 3 * 60_000) == (
        "تمت المزامنة قبل ٣ دقائق عبر خادم وسيط · حدثان بانتظار الإرسال"  # Arabic-Indic digits
    )
