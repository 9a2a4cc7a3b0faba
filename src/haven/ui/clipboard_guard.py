"""Codes Haven copies (invite codes, pairing codes) leave the clipboard again: after
`CLEAR_AFTER_MS`, or when the vault locks, whichever comes first — and only if the clipboard
still holds what Haven put there (something the person copied since is left alone).

Only a hash of the copied text is remembered, not the text. The copy is marked for
clipboard managers as a secret (KDE's `x-kde-passwordManagerHint`, Windows'
`ExcludeClipboardContentFromMonitorProcessing`), so those that honour the marks keep it out
of their history; others may already have recorded it, which no app can undo.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

#: How long a copied code stays on the clipboard.
CLEAR_AFTER_MS = 60_000

_HINTS = {
    "x-kde-passwordManagerHint": b"secret",
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"1",
}


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.clear_if_ours)

    def copy_secret(self, text: str) -> bool:
        """Put `text` on the clipboard for a while; False when there is no clipboard."""
        clipboard = QGuiApplication.clipboard()
        if clipboard is None or not text:
            return False
        data = QMimeData()
        data.setText(text)
        for kind, value in _HINTS.items():
            data.setData(kind, value)
        clipboard.setMimeData(data, QClipboard.Mode.Clipboard)
        self._ours = _digest(text)
        self._timer.start(CLEAR_AFTER_MS)
        return True

    def pending(self) -> bool:
        return self._ours is not None

    def clear_if_ours(self) -> None:
        """Empty the clipboard if it still holds the code Haven copied."""
        self._timer.stop()
        ours, self._ours = self._ours, None
        clipboard = QGuiApplication.clipboard()
        if ours is None or clipboard is None:
            return
        if _digest(clipboard.text(QClipboard.Mode.Clipboard)) == ours:
            clipboard.clear(QClipboard.Mode.Clipboard)


_guard: ClipboardGuard | None = None


def clipboard_guard() -> ClipboardGuard:
    """The application's one guard (made on first use, owned by the QGuiApplication)."""
    global _guard
    if _guard is None:
        _guard = ClipboardGuard(QGuiApplication.instance())
        _guard.destroyed.connect(_forget)
    return _guard


def _forget() -> None:
    global _guard
    _guard = None
