"""Sync in the background while the vault is open: a thin adapter over the sync supervisor.

Every decision about sync (which transports run, the address and port, discovery and its
midnight refresh, relays and their backoff, recording rounds) is the supervisor's
(haven/sync/supervisor.py), which `haven serve` runs too. This QObject starts one per
unlocked session, stops it on lock (on a helper thread, so locking never waits on the
network), and turns its events, which arrive on the supervisor's loop thread, into Qt
signals queued into the UI thread: `statusChanged` for the status indicator, `syncRecorded`
for the per-space status lines.
"""

from __future__ import annotations

import concurrent.futures
import enum
import logging
import threading
import time
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal, Slot

from haven.core.session import Session
from haven.errors import HavenError
from haven.sync.invite_background import DEFAULT_INTERVAL_S
from haven.sync.relay_background import MAX_BACKOFF_S, MIN_BACKOFF_S
from haven.sync.supervisor import (
    InvitesChecked,
    LanStarted,
    ListeningChanged,
    RelayRound,
    RoundCrashed,
    RoundFinished,
    RoundStarted,
    SupervisorEvent,
    SupervisorOptions,
    SyncSupervisor,
    listen_host,
)

log = logging.getLogger(__name__)


class SyncState(enum.Enum):
    OFF = "off"  # locked, or sync could not start
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
    #: The relay proxy (Tor) could not be reached at the latest relay attempt: relays wait.
    proxy_down: bool = False


class BackgroundSync(QObject):
    statusChanged = Signal(object)  # SyncStatus
    #: A sync was recorded, or a relay round changed what waits to go out: per-space
    #: status lines re-read their space.
    syncRecorded = Signal()
    #: A pass over relay invites ended (an InvitePass: counts, and what became of this
    #: device's own requests).
    invitesChecked = Signal(object)
    #: From the supervisor's thread (queued into the UI thread): generation, event.
    _event = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: The port to serve on (from the app's settings); 0 lets the system choose.
        self.port = 0
        #: The relay syncer's retry delays while a relay is down (seconds; tests shorten them).
        self.relay_backoff = (MIN_BACKOFF_S, MAX_BACKOFF_S)
        #: How often relay invites are looked at when nothing asks sooner (tests shorten it).
        self.invite_interval_s = DEFAULT_INTERVAL_S
        self._supervisor: SyncSupervisor | None = None
        self._generation = 0
        self._status = SyncStatus(SyncState.OFF)
        self._stoppers: list[threading.Thread] = []
        self._event.connect(self._on_event)

    # ---------------------------------------------------------------- state

    @property
    def status(self) -> SyncStatus:
        return self._status

    @property
    def serving_port(self) -> int:
        return self._status.port

    @property
    def supervisor(self) -> SyncSupervisor | None:
        return self._supervisor

    def _set(self, status: SyncStatus) -> None:
        self._status = status
        self.statusChanged.emit(status)

    def _synced(self, transport: str) -> None:
        self._set(
            replace(
                self._status, state=SyncState.SYNCED, last_synced_ms=_now_ms(), transport=transport
            )
        )

    # ---------------------------------------------------------------- start / stop

    def start(self, session: Session) -> None:
        """Serve on `port` (and announce on the LAN when allowed). Failure to listen leaves
        sync off and the app fully usable."""
        self.stop()
        self._generation += 1
        generation = self._generation
        supervisor = SyncSupervisor(
            session,
            SupervisorOptions(
                host=listen_host(),
                port=self.port,
                relay_backoff=self.relay_backoff,
                invite_interval_s=self.invite_interval_s,
            ),
            on_event=lambda e: self._event.emit(generation, e),
        )
        try:
            port = supervisor.start()
        except (HavenError, OSError, concurrent.futures.TimeoutError) as exc:
            log.warning("background sync could not start: %s", type(exc).__name__)
            self._set(SyncStatus(SyncState.FAILED))
            return
        self._supervisor = supervisor
        self._set(SyncStatus(SyncState.NEVER, port=port, lan=supervisor.lan_running))

    def set_lan_enabled(self, enabled: bool) -> None:
        """Apply the Settings toggle (already stored in the vault) to the running sync; the
        status follows when the supervisor has moved (`ListeningChanged`)."""
        if self._supervisor is not None:
            self._supervisor.set_lan_enabled(enabled)

    def stop(self) -> None:
        """Stop syncing, on a helper thread; returns at once."""
        self._generation += 1
        supervisor, self._supervisor = self._supervisor, None
        if supervisor is not None:
            thread = threading.Thread(target=supervisor.stop, name="haven-sync-stop", daemon=True)
            self._stoppers = [t for t in self._stoppers if t.is_alive()] + [thread]
            thread.start()
        if self._status.state is not SyncState.OFF:
            self._set(SyncStatus(SyncState.OFF))

    def wait_stopped(self, timeout_s: float = 15.0) -> bool:
        """For tests and the app's last moments: wait for helper threads to finish."""
        deadline = time.monotonic() + timeout_s
        for thread in list(self._stoppers):
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self._stoppers)

    # ---------------------------------------------------------------- rounds

    def sync_with(self, host: str, port: int) -> None:
        """Start one round with a peer; the outcome arrives as `statusChanged`."""
        if self._supervisor is not None:
            self._supervisor.sync_with(host, port)

    @Slot()
    def refresh_discovery(self) -> None:
        """Keys changed: the supervisor re-derives the announced service types (off the UI
        thread)."""
        if self._supervisor is not None:
            self._supervisor.refresh_discovery()

    @Slot(int, object)
    def _on_event(self, generation: int, event: SupervisorEvent) -> None:
        if generation != self._generation:
            return  # from a session that was locked since
        if isinstance(event, RoundStarted):
            self._set(replace(self._status, state=SyncState.SYNCING))
        elif isinstance(event, RoundCrashed):
            self._set(replace(self._status, state=SyncState.FAILED))
        elif isinstance(event, RoundFinished):
            report = event.report
            if report.error or not report.complete:
                self._set(replace(self._status, state=SyncState.FAILED))
                return
            transport = event.transport if event.recorded else "direct"
            self._set(
                replace(
                    self._status,
                    state=SyncState.SYNCED,
                    last_synced_ms=_now_ms(),
                    transport=transport,
                )
            )
            if event.recorded:
                self.syncRecorded.emit()
        elif isinstance(event, RelayRound):
            # The syncer recorded it already when it reached the relay. A relay that is down
            # changes only what waits to go out.
            relay = event.report
            if relay.reached and any(sp.error is None for sp in relay.spaces):
                self._set(
                    replace(
                        self._status,
                        state=SyncState.SYNCED,
                        last_synced_ms=_now_ms(),
                        transport="relay",
                        proxy_down=False,
                    )
                )
            elif relay.error == "proxy_unreachable":
                self._set(replace(self._status, proxy_down=True))
            self.syncRecorded.emit()
        elif isinstance(event, InvitesChecked):
            self.invitesChecked.emit(event.report)
        elif isinstance(event, LanStarted):
            self._set(replace(self._status, lan=True))
        elif isinstance(event, ListeningChanged):
            self._set(replace(self._status, port=event.port, lan=event.lan))


def _now_ms() -> int:
    return int(time.time() * 1000)
