"""Discreet mode beyond the main window: every dialog and message box Haven opens gets the
same neutral title ("Notes"), and the windows a neutral icon, so a glance at the taskbar,
the window switcher or a dialog's title bar ("Join a space", "Unlink laptop?") gives nothing
away. Haven shows no desktop notifications; this is where their titles would be
neutralised.

The taskbar name changes at once too (`TaskbarName`). `haven.ui.app` names the application
from the saved setting before the first window; when the setting changes, the application
and desktop-file names change and every visible window is hidden and shown again, since a
desktop reads a window's class when the window is mapped:

- X11: Qt's xcb plugin computes WM_CLASS once per process and writes it only when it
  creates a window, so each window Haven shows gets the class rewritten (the ICCCM
  property, on Qt's own X connection through libxcb) before it is mapped;
- Wayland: Qt gives a window its app id (the desktop file name) each time it makes the
  window's shell surface, which hiding and showing does again (not tried here: no
  compositor on the test machine).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QStyle, QWidget

log = logging.getLogger(__name__)
#: X11's predefined atoms WM_CLASS and STRING (xproto.h), and PropModeReplace.
_WM_CLASS, _STRING, _REPLACE = 67, 31, 0

_TITLE_EVENTS = {QEvent.Type.Show, QEvent.Type.WindowTitleChange}


def neutral_title() -> str:
    return QCoreApplication.translate("Discreet", "Notes")


def desktop_file_name(discreet: bool) -> str:
    """The desktop file the window belongs to (Wayland app id, X11 WM_CLASS). Installed from
    packaging/linux/haven.desktop it is `haven`; a Flatpak exports the same file under its
    app id, which it passes in FLATPAK_ID. Discreet mode names no desktop file of Haven."""
    if discreet:
        return "notes"
    return os.environ.get("FLATPAK_ID") or "haven"


def app_names(discreet: bool) -> tuple[str, str]:
    """(instance, class) of WM_CLASS, and the application's name is the class."""
    name = "notes" if discreet else "haven"
    return name, name.capitalize()


def name_application(app: QCoreApplication, discreet: bool) -> None:
    # No applicationDisplayName: Qt would append it to the title, defeating discreet mode.
    app.setApplicationName(app_names(discreet)[1])
    QGuiApplication.setDesktopFileName(desktop_file_name(discreet))


class _Xcb:
    """WM_CLASS written on Qt's own X connection (libxcb, which Qt's xcb plugin loads)."""

    def __init__(self) -> None:
        found = ctypes.util.find_library("xcb")
        self._lib = ctypes.CDLL(found) if found else None
        if self._lib is not None:
            self._lib.xcb_change_property.argtypes = [
                ctypes.c_void_p,
                ctypes.c_uint8,
                ctypes.c_uint32,
                ctypes.c_uint32,
                ctypes.c_uint32,
                ctypes.c_uint8,
                ctypes.c_uint32,
                ctypes.c_char_p,
            ]
            self._lib.xcb_change_property.restype = ctypes.c_uint32
            self._lib.xcb_flush.argtypes = [ctypes.c_void_p]

    def set_class(self, window: QWidget, instance: str, klass: str) -> bool:
        app = QGuiApplication.instance()
        if self._lib is None or QGuiApplication.platformName() != "xcb" or app is None:
            return False
        native = app.nativeInterface()  # type: ignore[attr-defined]
        connection = native.connection() if native is not None else None
        if not connection:
            return False
        value = f"{instance}\0{klass}\0".encode()
        self._lib.xcb_change_property(
            connection, _REPLACE, int(window.winId()), _WM_CLASS, _STRING, 8, len(value), value
        )
        self._lib.xcb_flush(connection)
        return True


class TaskbarName:
    """Keeps the name the desktop shows for Haven's windows in step with discreet mode."""

    def __init__(self, discreet: bool) -> None:
        self.discreet = discreet
        self._xcb: _Xcb | None = None

    def set_discreet(self, discreet: bool) -> None:
        """Rename the application and every visible window (hidden and shown again)."""
        app = QApplication.instance()
        if discreet == self.discreet or not isinstance(app, QApplication):
            self.discreet = discreet
            return
        self.discreet = discreet
        name_application(app, discreet)
        for window in [w for w in app.topLevelWidgets() if w.isVisible()]:
            window.hide()
            window.show()  # the Show event (before the map) writes the class: `on_show`

    def on_show(self, window: QWidget) -> None:
        """A window is about to be mapped: give it the class of the current setting."""
        if QGuiApplication.platformName() != "xcb":
            return
        if self._xcb is None:
            self._xcb = _Xcb()
        if not self._xcb.set_class(window, *app_names(self.discreet)):
            log.info("the window's class could not be set")


class DiscreetTitles(QObject):
    """An application-wide event filter: while on, a window that shows itself or changes its
    title gets the neutral title instead; every window shown gets the taskbar name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on = False
        self._icon: QIcon | None = None
        app = QGuiApplication.instance()
        started = app is not None and app.applicationName() == app_names(True)[1]
        self.taskbar = TaskbarName(started)

    def is_on(self) -> bool:
        return self._on

    def set_on(self, on: bool) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication) or on == self._on:
            self._on = on
            return
        self._on = on
        self.taskbar.set_discreet(on)
        if on:
            self._icon = app.windowIcon()
            app.setWindowIcon(app.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
            for widget in app.topLevelWidgets():
                self._neutralise(widget)
        elif self._icon is not None:
            app.setWindowIcon(self._icon)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _TITLE_EVENTS and isinstance(watched, QWidget):
            if self._on:
                self._neutralise(watched)
            if event.type() == QEvent.Type.Show and watched.isWindow():
                self.taskbar.on_show(watched)
        return False

    def _neutralise(self, widget: QWidget) -> None:
        if widget.isWindow() and widget.windowTitle() != neutral_title():
            widget.setWindowTitle(neutral_title())
