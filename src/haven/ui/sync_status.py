"""The sync status line in the sidebar footer: "Not synced yet", "Syncing…",
"Synced 3 min ago (relay)", "Last sync failed": the newest sync of any space and how it
went (local network, direct connection or relay). It names no peer and no address."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtWidgets import QLabel, QWidget

from haven.ui.background_sync import SyncState, SyncStatus

# Written as T.translate("SyncStatus", …) so that pyside6-lupdate finds the strings.
T = QCoreApplication

#: How often "N min ago" is recomputed.
TICK_MS = 60_000


def status_text(status: SyncStatus, now_ms: int | None = None) -> str:
    if status.proxy_down:
        return T.translate("SyncStatus", "Tor is not running: nothing goes to relays")
    if status.state is SyncState.OFF:
        return T.translate("SyncStatus", "Sync is off")
    if status.state is SyncState.SYNCING:
        return T.translate("SyncStatus", "Syncing…")
    if status.state is SyncState.FAILED:
        return T.translate("SyncStatus", "Last sync failed")
    if status.state is SyncState.NEVER or status.last_synced_ms is None:
        return T.translate("SyncStatus", "Not synced yet")
    now = int(time.time() * 1000) if now_ms is None else now_ms
    minutes = int(max(0, (now - status.last_synced_ms) // 60_000))
    if status.transport == "relay":
        if minutes < 1:
            return T.translate("SyncStatus", "Synced just now (relay)")
        if minutes < 120:
            return T.translate("SyncStatus", "Synced %Ln min ago (relay)", "", minutes)
        return T.translate("SyncStatus", "Synced %Ln hours ago (relay)", "", minutes // 60)
    if status.transport == "lan":
        if minutes < 1:
            return T.translate("SyncStatus", "Synced just now (local network)")
        if minutes < 120:
            return T.translate("SyncStatus", "Synced %Ln min ago (local network)", "", minutes)
        return T.translate("SyncStatus", "Synced %Ln hours ago (local network)", "", minutes // 60)
    if minutes < 1:
        return T.translate("SyncStatus", "Synced just now (direct connection)")
    if minutes < 120:
        return T.translate("SyncStatus", "Synced %Ln min ago (direct connection)", "", minutes)
    return T.translate("SyncStatus", "Synced %Ln hours ago (direct connection)", "", minutes // 60)


class SyncStatusLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Sync status"))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._status = SyncStatus(SyncState.OFF)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._render)
        self._render()

    @property
    def status(self) -> SyncStatus:
        return self._status

    @Slot(object)
    def set_status(self, status: object) -> None:
        if not isinstance(status, SyncStatus):
            return
        self._status = status
        if status.state is SyncState.SYNCED:
            self._timer.start()
        else:
            self._timer.stop()
        self._render()

    def _render(self) -> None:
        text = status_text(self._status)
        self.setText(text)
        self.setAccessibleDescription(text)
