"""What a section read through the core in the bridge's worker needs to stay current: a
refresh a short while after changes in any space (a burst of them once), and a ticket so a
read that finishes after a newer one started, or after the lock, is dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from haven.core.changes import Change
from haven.ui.bridge import SessionBridge, changes_of

REFRESH_DELAY_MS = 120


class SectionRefresh(QObject):
    def __init__(self, bridge: SessionBridge, refresh: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._ticket = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(refresh)
        bridge.changed.connect(self._on_changes)

    def _on_changes(self, changes: object) -> None:
        session = self._bridge.session
        journal = session.journal.space_id if session is not None else None
        if any(c.space_id != journal for c in changes_of(changes, Change)):
            self._timer.start()

    def cancel(self) -> None:
        """On lock: no pending refresh, and no read under way is shown."""
        self._ticket += 1
        self._timer.stop()

    def read(
        self,
        work: Callable[[], Any],
        show: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run `work` in the worker; `show` its result only if no newer read started and the
        vault is still open; `failed` only if no newer read started."""
        self._ticket += 1
        ticket = self._ticket

        def done(result: Any) -> None:
            if ticket == self._ticket and self._bridge.session is not None:
                show(result)

        def fail(exc: BaseException) -> None:
            if ticket == self._ticket:
                failed(exc)

        self._bridge.run(work, done, fail)
