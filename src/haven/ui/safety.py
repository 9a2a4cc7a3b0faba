"""Quick exit and auto-lock, watched through one application-wide event filter.

Quick exit: three presses of Shift within about a second (with no other key between them, so
typing capitals never triggers it), or Ctrl+Shift+Q, from any widget or dialog. On macOS the
chord is Control+Shift+Q with the physical Control key (⌃⇧Q): Qt reports ⌘ as "Control"
there, and ⌘⇧Q is the system's Log Out, which a person in a hurry must not hit instead.
Auto-lock: after `timeout_ms` without key, mouse, wheel or touch input.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence

SHIFT_PRESSES = 3
SHIFT_WINDOW_MS = 1000

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


def quick_exit_modifiers(platform: str = sys.platform) -> Qt.KeyboardModifier:
    """Ctrl+Shift everywhere; on macOS Qt's Meta, which is the physical Control key."""
    first = (
        Qt.KeyboardModifier.MetaModifier
        if platform == "darwin"
        else Qt.KeyboardModifier.ControlModifier
    )
    return first | Qt.KeyboardModifier.ShiftModifier


def quick_exit_keys_text(platform: str = sys.platform) -> str:
    """The chord as the platform writes it ("Ctrl+Shift+Q", "⌃⇧Q")."""
    keys = QKeySequence(quick_exit_modifiers(platform).value | Qt.Key.Key_Q.value)
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


class SafetyWatcher(QObject):
    quickExit = Signal()
    idleTimeout = Signal()

    def __init__(self, parent: QObject | None = None, platform: str = sys.platform) -> None:
        super().__init__(parent)
        self._chord = quick_exit_modifiers(platform)
        self._clock = QElapsedTimer()
        self._clock.start()
        self._shift_times: list[int] = []
        self._shift_released = True
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setTimerType(Qt.TimerType.PreciseTimer)
        self._idle.timeout.connect(self.idleTimeout)
        self._idle_ms = 0
        self._armed = False

    # ---------------------------------------------------------------- auto-lock

    def set_idle_timeout_ms(self, msecs: int) -> None:
        """0 turns auto-lock off."""
        self._idle_ms = max(0, int(msecs))
        self._restart_idle()

    def arm_idle(self, armed: bool) -> None:
        """Only count idle time while the vault is open."""
        self._armed = armed
        self._restart_idle()

    def idle_active(self) -> bool:
        return self._idle.isActive()

    def _restart_idle(self) -> None:
        if self._armed and self._idle_ms > 0:
            self._idle.start(self._idle_ms)
        else:
            self._idle.stop()

    # ---------------------------------------------------------------- event filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT_EVENTS:
            if self._idle.isActive():
                self._idle.start(self._idle_ms)
            if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._on_key(event)
        elif (
            kind == QEvent.Type.KeyRelease
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Shift
            and not event.isAutoRepeat()
        ):
            self._shift_released = True
        return False

    def _on_key(self, event: QKeyEvent) -> bool:
        if event.isAutoRepeat():
            return False
        key = event.key()
        mods = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.MetaModifier
            | Qt.KeyboardModifier.ShiftModifier
            | Qt.KeyboardModifier.AltModifier
        )
        if key == Qt.Key.Key_Q and mods == self._chord:
            self._trigger()
            return True
        if key != Qt.Key.Key_Shift:
            self._shift_times.clear()
            return False
        # One physical press reaches the filter several times (window, focus widget, its
        # parents): count it once, until Shift has been released again.
        if not self._shift_released:
            return False
        self._shift_released = False
        now = self._clock.elapsed()
        self._shift_times = [t for t in self._shift_times if now - t <= SHIFT_WINDOW_MS]
        self._shift_times.append(now)
        if len(self._shift_times) >= SHIFT_PRESSES:
            self._trigger()
        return False

    def _trigger(self) -> None:
        self._shift_times.clear()
        self.quickExit.emit()
