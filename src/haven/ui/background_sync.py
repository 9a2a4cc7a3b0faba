"""Sync in the background while the vault is open: serve on a port, announce on the LAN.

The engine runs on its own thread and loop (sync/engine.py); this QObject starts and stops
it and turns its reports, which arrive on the engine's thread, into `statusChanged` signals
that Qt queues into the UI thread. Every finished round is recorded in the vault's per-space
sync status (core/relays.py) on the thread that ran it, as the CLI does: "lan" for a round
with a peer found by discovery, "direct" for any other round (served or asked for), "relay"
for the relay syncer's rounds; `syncRecorded` then tells the per-space status lines.

LAN discovery is kept current: `refresh_discovery()` (on a helper thread) re-derives the
announced service types when spaces or epoch keys change, and a timer does it at every UTC
midnight, when the service types change. Nothing here waits on the network in the UI thread: the
listening socket is bound locally, LAN discovery starts on a helper thread, and stopping
(lock, auto-lock, quick exit) happens on a helper thread too.

Environment: `HAVEN_LISTEN_HOST` (default 0.0.0.0) is the address to serve on;
`HAVEN_LAN_DISCOVERY=0` turns mDNS announcing and browsing off entirely.
"""

from __future__ import annotations

import concurrent.futures
import enum
import logging
import os
import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from haven.core.session import Session
from haven.errors import HavenError
from haven.sync.addresses import lan_address
from haven.sync.engine import SyncEngine, SyncFailed
from haven.sync.invites import InviteRoute
from haven.sync.lan import LanSync
from haven.sync.reconcile import SyncReport
from haven.sync.relay_background import MAX_BACKOFF_S, MIN_BACKOFF_S, RelaySyncer
from haven.sync.relay_sync import RelayReport

log = logging.getLogger(__name__)

DEFAULT_LISTEN_HOST = "0.0.0.0"
DAY_MS = 86_400_000


def ms_until_utc_midnight(now_ms: int) -> int:
    """Milliseconds to the next UTC midnight, plus a second so the new day has begun."""
    return DAY_MS - now_ms % DAY_MS + 1_000


def listen_host() -> str:
    return os.environ.get("HAVEN_LISTEN_HOST", "").strip() or DEFAULT_LISTEN_HOST


def discovery_allowed() -> bool:
    return os.environ.get("HAVEN_LAN_DISCOVERY", "1").strip() != "0"


class SyncState(enum.Enum):
    OFF = "off"  # locked, or the engine could not start
    NEVER = "never"  # serving, no round finished yet
    SYNCING = "syncing"
    SYNCED = "synced"
    FAILED = "failed"


@dataclass(frozen=True)
class SyncStatus:
    """What the status indicator shows. Counts and times only: never keys or content."""

    state: SyncState
    last_synced_ms: int | None = None
    port: int = 0
    lan: bool = False
    transport: str | None = None  # of the newest sync: "lan", "direct" or "relay"


def record_round(session: Session, report: SyncReport, transport: str) -> bool:
    """Record a finished round in each of its spaces' sync status (off the UI thread).
    Returns whether anything was recorded: failed rounds and rounds with no shared space
    are not a sync."""
    if report.error or not report.complete or not report.spaces:
        return False
    try:
        session.relays.record_sync([s.space_id for s in report.spaces], transport)
    except HavenError as exc:  # locked under us
        log.info("sync status not recorded: %s", type(exc).__name__)
        return False
    return True


class _NotifyingEngine(SyncEngine):
    """The engine, telling the UI when a round begins and ends, and recording each one with
    its transport. Served rounds arrive through `on_report`; rounds this device starts are
    told through their future instead, which knows whether discovery asked for them."""

    def __init__(self, session: Session, owner: BackgroundSync, generation: int) -> None:
        # Invite channels (a joiner holding one of this device's invite codes) are
        # answered by the invite route, so the app admits people as `haven serve` does.
        super().__init__(
            session,
            on_report=lambda r: self._finished(r, "direct"),
            routes=[InviteRoute(session.invites)],
        )
        self._owner = owner
        self._generation = generation

    def _tell(self, report: SyncReport) -> None:
        """Started rounds are recorded by `sync_with`'s callback (it knows the transport)."""

    def _finished(self, report: SyncReport, transport: str) -> None:
        recorded = record_round(self._session, report, transport)
        self._owner._reported.emit(self._generation, report, transport if recorded else "")

    def sync_with(
        self, host: str, port: int, transport: str = "direct"
    ) -> concurrent.futures.Future[SyncReport]:
        owner, generation = self._owner, self._generation
        owner._started.emit(generation)
        future = super().sync_with(host, port)

        def done(f: concurrent.futures.Future[SyncReport]) -> None:
            if f.cancelled():
                return
            exc = f.exception()
            if isinstance(exc, SyncFailed):
                self._finished(exc.report, transport)
            elif exc is not None:
                owner._failed.emit(generation)
            else:
                self._finished(f.result(), transport)

        future.add_done_callback(done)
        return future

    def sync_discovered(self, host: str, port: int) -> concurrent.futures.Future[SyncReport]:
        """What LanSync calls for a peer it found: the round is recorded as "lan"."""
        return self.sync_with(host, port, "lan")


class BackgroundSync(QObject):
    statusChanged = Signal(object)  # SyncStatus
    #: A sync was recorded, or a relay round changed what waits to go out: per-space
    #: status lines re-read their space.
    syncRecorded = Signal()
    # From the engine's, the relay syncer's and discovery's threads (queued into the UI thread):
    _reported = Signal(int, object, str)  # generation, SyncReport, transport ("" if failed)
    _relayReported = Signal(int, object)  # generation, RelayReport
    _started = Signal(int)
    _failed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: The port to serve on (from the app's settings); 0 lets the system choose.
        self.port = 0
        #: The relay syncer's retry delays while a relay is down (seconds; tests shorten them).
        self.relay_backoff = (MIN_BACKOFF_S, MAX_BACKOFF_S)
        self._engine: _NotifyingEngine | None = None
        self._lan: LanSync | None = None
        self._relays: RelaySyncer | None = None
        self._session: Session | None = None
        self._generation = 0
        self._status = SyncStatus(SyncState.OFF)
        self._stoppers: list[threading.Thread] = []
        self._refresh_lock = threading.Lock()
        self._refresh_again = False
        self._refreshing = False
        self._reported.connect(self._on_report)
        self._relayReported.connect(self._on_relay_report)
        self._started.connect(self._on_started)
        self._failed.connect(self._on_failed)
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._on_midnight)

    # ---------------------------------------------------------------- state

    @property
    def status(self) -> SyncStatus:
        return self._status

    @property
    def serving_port(self) -> int:
        return self._status.port

    @property
    def engine(self) -> SyncEngine | None:
        return self._engine

    def _set(self, status: SyncStatus) -> None:
        self._status = status
        self.statusChanged.emit(status)

    # ---------------------------------------------------------------- start / stop

    def start(self, session: Session) -> None:
        """Serve on `port` (and announce on the LAN when allowed). Failure to listen leaves
        sync off and the app fully usable."""
        self.stop()
        self._generation += 1
        self._session = session
        engine = _NotifyingEngine(session, self, self._generation)
        try:
            engine.start()
            port = engine.serve(listen_host(), self.port)
        except (HavenError, OSError, concurrent.futures.TimeoutError) as exc:
            log.warning("background sync could not start: %s", type(exc).__name__)
            engine.stop()
            self._set(SyncStatus(SyncState.FAILED))
            return
        self._engine = engine
        self._set(SyncStatus(SyncState.NEVER, port=port))
        self._start_lan(session)
        generation = self._generation
        self._relays = RelaySyncer(  # idle unless a space lists relays
            session,
            on_report=lambda r: self._relayReported.emit(generation, r),
            min_backoff=self.relay_backoff[0],
            max_backoff=self.relay_backoff[1],
        )
        self._relays.start()
        self._arm_midnight()

    def _start_lan(self, session: Session) -> None:
        if self._engine is None or not discovery_allowed() or not session.lan.enabled():
            return
        host = listen_host()
        address = lan_address() if host in ("0.0.0.0", "::") else host
        if address is None:
            return  # no local network right now
        engine = self._engine
        lan = LanSync(
            session,
            engine,
            self._status.port,
            addresses=[address],
            sync=engine.sync_discovered,
        )
        self._lan = lan

        def start() -> None:
            try:
                lan.start()
            except Exception as exc:  # no multicast on this network: sync still serves
                log.warning("LAN discovery could not start: %s", type(exc).__name__)

        threading.Thread(target=start, name="haven-lan-start", daemon=True).start()
        s = self._status
        self._status = SyncStatus(s.state, s.last_synced_ms, s.port, True, s.transport)

    def set_lan_enabled(self, enabled: bool) -> None:
        """Apply the Settings toggle (already stored in the vault) to the running engine."""
        lan, self._lan = self._lan, None
        if lan is not None:
            self._stop_in_background(None, lan)
        s = self._status
        self._status = SyncStatus(s.state, s.last_synced_ms, s.port, False, s.transport)
        if enabled and self._session is not None and self._session.is_open:
            self._start_lan(self._session)
        self.statusChanged.emit(self._status)

    def stop(self) -> None:
        """Stop serving and announcing, on a helper thread; returns at once."""
        self._generation += 1
        engine, self._engine = self._engine, None
        lan, self._lan = self._lan, None
        relays, self._relays = self._relays, None
        self._session = None
        self._midnight.stop()
        if relays is not None:
            thread = threading.Thread(target=relays.stop, name="haven-relay-stop", daemon=True)
            self._stoppers = [t for t in self._stoppers if t.is_alive()] + [thread]
            thread.start()
        if engine is not None or lan is not None:
            self._stop_in_background(engine, lan)
        if self._status.state is not SyncState.OFF:
            self._set(SyncStatus(SyncState.OFF))

    def _stop_in_background(self, engine: SyncEngine | None, lan: LanSync | None) -> None:
        def stop() -> None:
            if lan is not None:
                try:
                    lan.stop()
                except Exception as exc:
                    log.info("LAN discovery did not stop cleanly: %s", type(exc).__name__)
            if engine is not None:
                engine.stop()

        thread = threading.Thread(target=stop, name="haven-sync-stop", daemon=True)
        self._stoppers = [t for t in self._stoppers if t.is_alive()] + [thread]
        thread.start()

    def wait_stopped(self, timeout_s: float = 15.0) -> bool:
        """For tests and the app's last moments: wait for helper threads to finish."""
        deadline = time.monotonic() + timeout_s
        for thread in list(self._stoppers):
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self._stoppers)

    # ---------------------------------------------------------------- rounds

    def sync_with(self, host: str, port: int) -> None:
        """Start one round with a peer; the outcome arrives as `statusChanged`."""
        if self._engine is not None:
            self._engine.sync_with(host, port)

    @Slot(int)
    def _on_started(self, generation: int) -> None:
        if generation == self._generation:
            s = self._status
            self._set(SyncStatus(SyncState.SYNCING, s.last_synced_ms, s.port, s.lan, s.transport))

    @Slot(int, object, str)
    def _on_report(self, generation: int, report: object, transport: str) -> None:
        if generation != self._generation or not isinstance(report, SyncReport):
            return
        s = self._status
        if report.error or not report.complete:
            self._set(SyncStatus(SyncState.FAILED, s.last_synced_ms, s.port, s.lan, s.transport))
            return
        self._set(SyncStatus(SyncState.SYNCED, _now_ms(), s.port, s.lan, transport or "direct"))
        if transport:
            self.syncRecorded.emit()

    @Slot(int, object)
    def _on_relay_report(self, generation: int, report: object) -> None:
        """A relay round, a push or a pull: the syncer recorded it already when it reached
        the relay. A relay that is down changes only what waits to go out."""
        if generation != self._generation or not isinstance(report, RelayReport):
            return
        if report.reached and any(sp.error is None for sp in report.spaces):
            s = self._status
            self._set(SyncStatus(SyncState.SYNCED, _now_ms(), s.port, s.lan, "relay"))
        self.syncRecorded.emit()

    @Slot(int)
    def _on_failed(self, generation: int) -> None:
        if generation == self._generation:
            s = self._status
            self._set(SyncStatus(SyncState.FAILED, s.last_synced_ms, s.port, s.lan, s.transport))

    # ---------------------------------------------------------------- discovery

    @Slot()
    def refresh_discovery(self) -> None:
        """Re-derive the announced LAN service types on a helper thread (never the UI's).
        Calls that arrive while one runs are folded into one more run after it."""
        lan = self._lan
        if lan is None:
            return
        with self._refresh_lock:
            if self._refreshing:
                self._refresh_again = True
                return
            self._refreshing = True

        def run() -> None:
            while True:
                try:
                    lan.discovery.refresh()
                except Exception as exc:  # the vault locked under us, or the network went
                    log.info("LAN discovery refresh failed: %s", type(exc).__name__)
                with self._refresh_lock:
                    if not self._refresh_again:
                        self._refreshing = False
                        return
                    self._refresh_again = False

        thread = threading.Thread(target=run, name="haven-lan-refresh", daemon=True)
        self._stoppers = [t for t in self._stoppers if t.is_alive()] + [thread]
        thread.start()

    def _arm_midnight(self) -> None:
        self._midnight.start(ms_until_utc_midnight(_now_ms()))

    @Slot()
    def _on_midnight(self) -> None:
        self.refresh_discovery()  # the service types are derived from the UTC date
        self._arm_midnight()


def _now_ms() -> int:
    return int(time.time() * 1000)
