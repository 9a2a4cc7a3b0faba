"""The one object in the UI thread that holds the core Session.

Slow work (the Argon2id KDF in create/unlock, searches over many entries) runs on a worker
thread from a QThreadPool and reports back through queued `finished`/`failed` signals, so the
window never freezes. The core's typed changes (core/changes.py: `JournalChanged`,
`PostsChanged`, `MembersChanged` …) are published in whichever thread wrote, after the commit;
the bridge re-emits them as one Qt signal, `changed`, which Qt queues into the UI thread
(Briar's event bus, Dangerzone's shape; see STYLE.md). Each page listens for the changes
about what it shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from haven.core import session as core_session
from haven.core.changes import Change, DevicesChanged, KeysChanged, SpaceDetailsChanged
from haven.core.session import Session
from haven.crypto.wipe import wipe_immutable
from haven.errors import HavenError
from haven.ui.background_sync import BackgroundSync

log = logging.getLogger(__name__)

C = TypeVar("C", bound=Change)


def changes_of(changes: object, kind: type[C], space_id: bytes | None = None) -> list[C]:
    """The changes of one kind (in one space, if given) in what `changed` carried."""
    if not isinstance(changes, list):
        return []
    return [
        c for c in changes if isinstance(c, kind) and (space_id is None or c.space_id == space_id)
    ]


Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _TaskSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Relay(QObject):
    """Lives in the UI thread, so the queued signal from a worker lands there; a bare Python
    callable as receiver would give no such guarantee."""

    def __init__(
        self, done: Done, failed: Failed, forget: Callable[[_Relay], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._done, self._failed, self._forget = done, failed, forget

    @Slot(object)
    def on_finished(self, result: object) -> None:
        self._forget(self)
        self._done(result)

    @Slot(object)
    def on_failed(self, exc: object) -> None:
        self._forget(self)
        self._failed(exc)  # type: ignore[arg-type]


class Task(QRunnable):
    """Run `work` on a pool thread; its result or exception comes back as a signal."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the bridge keeps it alive until its signal is delivered
        self._work = work
        self.signals = _TaskSignals()

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # every failure must reach the UI
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class SessionBridge(QObject):
    #: The vault was opened (created or unlocked); `session` is set.
    unlocked = Signal()
    #: The vault was locked; `session` is None and views must drop what they show.
    locked = Signal()
    #: Opening the vault failed; carries the exception (a HavenError or other).
    openFailed = Signal(object)
    #: A KDF is running (True) or done (False): the pages show a busy indicator.
    busyChanged = Signal(bool)
    #: Changes were committed (a list of haven.core.changes.Change); pages refresh only what
    #: they show.
    changed = Signal(object)
    #: The background check after unlock found this many damaged pages.
    damageFound = Signal(int)
    #: From the writer's thread: spaces or epoch keys changed, LAN discovery must follow.
    _discoveryStale = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._session: Session | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._tasks: dict[_Relay, Task] = {}
        self._generation = 0  # bumped by lock(): results of older opens are discarded
        self._busy = False
        self._discovery_after_task = False
        #: Sync while unlocked: started on open, stopped (off this thread) on every lock.
        self.background = BackgroundSync(self)
        self._discoveryStale.connect(self.background.refresh_discovery)

    # ---------------------------------------------------------------- state

    @property
    def session(self) -> Session | None:
        return self._session if self._session is not None and self._session.is_open else None

    @property
    def busy(self) -> bool:
        return self._busy

    def vault_exists(self) -> bool:
        return core_session.exists(self.data_dir)

    # ---------------------------------------------------------------- open / lock

    def create_vault(self, passphrase: str, display_name: str, pronouns: str) -> None:
        data_dir = self.data_dir

        def work() -> Session:
            try:
                return core_session.create(data_dir, passphrase, display_name, pronouns)
            finally:
                wipe_immutable(passphrase)  # the str the field gave us; nobody reads it again

        self._open_in_worker(work)

    def unlock(self, passphrase: str) -> None:
        """Open the vault in a worker. Takes ownership of `passphrase`: its characters are
        zeroed in place afterwards (`wipe_immutable`), so pass the str a field gave, never a
        constant or a value anything else still reads."""
        data_dir = self.data_dir

        def work() -> Session:
            try:
                return core_session.unlock(data_dir, passphrase)
            finally:
                wipe_immutable(passphrase)

        self._open_in_worker(work)

    def lock(self) -> None:
        """Close the vault now. Safe to call at any time, from the UI thread."""
        self._generation += 1
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.background.stop()  # returns at once; the network winds down on its own thread
        was_open = self._session is not None
        if self._session is not None:
            self._session.lock()
            self._session = None
        self._set_busy(False)
        if was_open:
            log.info("vault locked")
        self.locked.emit()

    def _open_in_worker(self, work: Callable[[], Session]) -> None:
        if self._busy:
            return
        generation = self._generation
        self._set_busy(True)

        def done(result: Any) -> None:
            if generation != self._generation:  # locked while the KDF ran
                result.lock()
                return
            self._set_busy(False)
            self._adopt(result)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._set_busy(False)
            if not isinstance(exc, HavenError):
                log.error("opening the vault failed: %s", type(exc).__name__)
            self.openFailed.emit(exc)

        self.run(work, done, failed)

    def adopt(self, new_session: object) -> None:
        """Take over a session opened elsewhere (a newly linked device's vault)."""
        if isinstance(new_session, Session):
            self._adopt(new_session)

    def _adopt(self, new_session: Session) -> None:
        if self._session is not None:
            self._session.lock()
        self._session = new_session
        self._unsubscribe = new_session.changes.subscribe(self._on_changes)
        log.info("vault opened")
        self.background.start(new_session)
        self.unlocked.emit()
        self._check_integrity(new_session)

    def _check_integrity(self, session: Session) -> None:
        """Read every page once, off the UI thread, so a damaged page is reported now rather
        than when someone happens to read it."""

        def done(problems: list[str]) -> None:
            if problems and session is self._session:
                log.warning("the integrity check found %d damaged pages", len(problems))
                self.damageFound.emit(len(problems))

        self.run(session.damaged_pages, done, lambda _exc: None)

    def _on_changes(self, changes: Sequence[Change]) -> None:
        # Called in the writer's thread after commit: a signal crosses threads safely.
        self.changed.emit(list(changes))
        # New keys, a device linked or a space joined: the LAN policy and discovery follow.
        if any(isinstance(c, (KeysChanged, DevicesChanged, SpaceDetailsChanged)) for c in changes):
            self._discoveryStale.emit()
            # Once more when the task that wrote them ends: a leave with wipe deletes the
            # space's keys after its event, and the refresh above may run before that.
            self._discovery_after_task = True

    # ---------------------------------------------------------------- workers

    def run(self, work: Callable[[], Any], done: Done, failed: Failed | None = None) -> None:
        """Run `work` off the UI thread; `done(result)` or `failed(exc)` runs in the UI
        thread afterwards."""
        task = Task(work)
        relay = _Relay(done, failed or self._log_failure, self._forget, self)
        task.signals.finished.connect(relay.on_finished)
        task.signals.failed.connect(relay.on_failed)
        self._tasks[relay] = task
        self._pool.start(task)

    def _forget(self, relay: _Relay) -> None:
        self._tasks.pop(relay, None)
        relay.deleteLater()
        if self._discovery_after_task:
            self._discovery_after_task = False
            self.background.refresh_discovery()

    def _log_failure(self, exc: BaseException) -> None:
        log.warning("background task failed: %s", type(exc).__name__)

    def wait_for_workers(self, msecs: int = 30_000) -> bool:
        return bool(self._pool.waitForDone(msecs))

    def shutdown(self) -> None:
        self.wait_for_workers()
        self.lock()
        self.background.wait_stopped(5.0)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
