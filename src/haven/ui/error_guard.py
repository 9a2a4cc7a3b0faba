"""No traceback reaches a person: an exception nothing else caught, on the UI thread or any
other, becomes one calm message (at most one at a time) and one log line naming only the
exception's type — never its text or traceback, which can carry content (a title in a
`KeyError`, a value in a SQL error) and file paths.

Workers already turn the errors they expect into messages (`haven.ui.bridge`); this is the
net under everything else. Qt calls Python slots from its event loop, where an uncaught
exception goes to `sys.excepthook`; threads go to `threading.excepthook`.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger("haven.ui")


class ErrorGuard(QObject):
    """Installed once per app. `shown` fires when the message box opens (for tests)."""

    shown = Signal()
    # Carries an error from any thread to the UI thread (queued connection).
    _raised = Signal(str)

    def __init__(self, parent_window: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._parent_window = parent_window
        self._box: QMessageBox | None = None
        self._previous_hooks: tuple[object, object] | None = None
        self._raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.on_exception
        threading.excepthook = self.on_thread_exception

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks  # type: ignore[assignment]
            self._previous_hooks = None

    def on_exception(
        self,
        kind: type[BaseException],
        error: BaseException,
        _traceback: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        log.error("unexpected error in the app: %s", kind.__name__)
        self._raised.emit(kind.__name__)

    def on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        log.error("unexpected error in a background task: %s", args.exc_type.__name__)
        self._raised.emit(args.exc_type.__name__)

    def _show(self, _kind: str) -> None:
        if self._box is not None and self._box.isVisible():
            return  # one message at a time, however many errors follow
        title = QCoreApplication.translate("ErrorGuard", "Something went wrong")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            QCoreApplication.translate(
                "ErrorGuard",
                "Something inside Haven went wrong. What you have already saved is safe. "
                "If this happens again, lock Haven and open it again.",
            ),
            QMessageBox.StandardButton.Ok,
            self._parent_window(),
        )
        box.setObjectName("unexpectedError")
        box.setAccessibleName(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._box = box
        box.open()
        self.shown.emit()
