"""Discreet mode beyond the main window: every dialog and message box Haven opens gets the
same neutral title ("Notes"), and the windows a neutral icon, so a glance at the taskbar,
the window switcher or a dialog's title bar ("Join a space", "Unlink laptop?") gives nothing
away. The taskbar name (X11 WM_CLASS, Wayland app id) is read by the system when the process
starts, so `haven.ui.app` sets it from the saved setting at start: turning discreet mode on
renames it from the next start. Haven shows no desktop notifications; this is where their
titles would be neutralised.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QWidget

_TITLE_EVENTS = {QEvent.Type.Show, QEvent.Type.WindowTitleChange}


def neutral_title() -> str:
    return QCoreApplication.translate("Discreet", "Notes")


class DiscreetTitles(QObject):
    """An application-wide event filter: while on, a window that shows itself or changes its
    title gets the neutral title instead."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on = False
        self._icon: QIcon | None = None

    def is_on(self) -> bool:
        return self._on

    def set_on(self, on: bool) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication) or on == self._on:
            self._on = on
            return
        self._on = on
        if on:
            self._icon = app.windowIcon()
            app.setWindowIcon(app.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
            for widget in app.topLevelWidgets():
                self._neutralise(widget)
        elif self._icon is not None:
            app.setWindowIcon(self._icon)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._on and event.type() in _TITLE_EVENTS and isinstance(watched, QWidget):
            self._neutralise(watched)
        return False

    def _neutralise(self, widget: QWidget) -> None:
        if widget.isWindow() and widget.windowTitle() != neutral_title():
            widget.setWindowTitle(neutral_title())
