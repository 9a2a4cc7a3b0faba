"""One space's sync status line: how it last synced (local network, a direct connection or a
relay), when, and how many of this device's events wait to go out, e.g.
"Synced 3 min ago through a relay · 2 waiting to go out".

The status is read from the vault (core/relays.py `sync_status`, where every sync the app and
the CLI do is recorded) in the bridge's worker, never in the UI thread. The line re-reads when
a sync is recorded or the log changes (a new entry raises the waiting count) and re-words
itself once a minute for "N min ago". It names no peer, relay address or content.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtWidgets import QLabel, QWidget

from haven.core import relays
from haven.core.changes import Change
from haven.ui.bridge import SessionBridge, changes_of

# Written as T.translate("SpaceStatus", …) so that pyside6-lupdate finds the strings.
T = QCoreApplication

#: How often "N min ago" is re-worded.
TICK_MS = 60_000
#: How long what an action did stays on screen.
FADE_MS = 8_000
SEPARATOR = " · "


def _when(transport: str, minutes: int) -> str:
    hours = minutes // 60
    if transport == "relay":
        if minutes < 1:
            return T.translate("SpaceStatus", "Synced just now through a relay")
        if minutes < 120:
            return T.translate("SpaceStatus", "Synced %Ln min ago through a relay", "", minutes)
        return T.translate("SpaceStatus", "Synced %Ln hours ago through a relay", "", hours)
    if transport == "lan":
        if minutes < 1:
            return T.translate("SpaceStatus", "Synced just now on the local network")
        if minutes < 120:
            return T.translate(
                "SpaceStatus", "Synced %Ln min ago on the local network", "", minutes
            )
        return T.translate("SpaceStatus", "Synced %Ln hours ago on the local network", "", hours)
    if minutes < 1:
        return T.translate("SpaceStatus", "Synced just now with a direct connection")
    if minutes < 120:
        return T.translate(
            "SpaceStatus", "Synced %Ln min ago with a direct connection", "", minutes
        )
    return T.translate("SpaceStatus", "Synced %Ln hours ago with a direct connection", "", hours)


def space_status_text(status: relays.SyncStatus, now_ms: int | None = None) -> str:
    if status.transport is None or status.last_sync_ms is None:
        parts = [T.translate("SpaceStatus", "Not synced yet")]
    else:
        now = int(time.time() * 1000) if now_ms is None else now_ms
        parts = [_when(status.transport, int(max(0, now - status.last_sync_ms) // 60_000))]
    if status.waiting > 0:
        parts.append(T.translate("SpaceStatus", "%Ln waiting to go out", "", status.waiting))
    if status.held > 0:
        parts.append(T.translate("SpaceStatus", "%Ln waiting for earlier events", "", status.held))
    return SEPARATOR.join(parts)


class SpaceStatusLabel(QLabel):
    """Shows the status of `space_id` (set with `set_space`); empty while none is set."""

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.space_id: bytes | None = None
        self.status: relays.SyncStatus | None = None
        self._ticket = 0
        self._reading = False
        self._again = False
        self.setObjectName("spaceSyncStatus")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Sync status of this space"))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._render)
        bridge.background.syncRecorded.connect(self.refresh)
        bridge.changed.connect(self._on_changes)
        bridge.locked.connect(lambda: self.set_space(None))

    def set_space(self, space_id: bytes | None) -> None:
        if space_id == self.space_id and space_id is not None:
            return
        self._ticket += 1  # results for the space shown before are dropped
        self._reading = self._again = False
        self.space_id = space_id
        self.status = None
        self._render()
        if space_id is None:
            self._timer.stop()
        else:
            self._timer.start()
            self.refresh()

    def _on_changes(self, changes: object) -> None:
        """What waits to go out and what is held change only with events of this space."""
        if self.space_id is not None and changes_of(changes, Change, self.space_id):
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Re-read the status in a worker; a request while one runs is folded into one more
        read after it, so a big sync does not queue a read per batch."""
        session, space_id = self.bridge.session, self.space_id
        if session is None or space_id is None:
            return
        if self._reading:
            self._again = True
            return
        self._reading = True
        ticket = self._ticket

        def done(result: object) -> None:
            if ticket != self._ticket:
                return
            self._reading = False
            if isinstance(result, relays.SyncStatus):
                self.status = result
                self._render()
            if self._again:
                self._again = False
                self.refresh()

        def failed(exc: BaseException) -> None:  # locked, or the space was left meanwhile
            if ticket == self._ticket:
                self._reading = self._again = False

        self.bridge.run(lambda: session.relays.sync_status(space_id), done, failed)

    @Slot()
    def _render(self) -> None:
        text = space_status_text(self.status) if self.status is not None else ""
        self.setText(text)
        self.setAccessibleDescription(text)


class FadingStatus(QLabel):
    """The line that says what an action did ("Mute words saved."): plain text (it may quote
    a name), cleared again after FADE_MS so an old message is not read as news, and cleared
    when the person moves to another tab. Screen readers hear it when it is set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.fade = QTimer(self)
        self.fade.setSingleShot(True)
        self.fade.setInterval(FADE_MS)
        self.fade.timeout.connect(self.clear)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text)
        if text:
            self.fade.start()  # a new message restarts the count
        else:
            self.fade.stop()
