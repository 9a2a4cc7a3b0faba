"""The window's size against its content and the screen (GNOME HIG: a window fits the
smallest screen it supports, and content scrolls rather than pushing the window off it).

The pages sit in a scroll area, so their minimum no longer drags the window past the screen
when the text grows; the window's own minimum is the content's at the current text size,
bounded by the screen. After a text-size change the window grows to fit (never past the
screen) and, when the text shrinks again, returns to the size the person had chosen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QMainWindow, QScrollArea, QStackedWidget, QWidget

#: The size a new window opens at: the default content fits it at 100 % text.
DEFAULT_SIZE = QSize(1040, 720)


class PageStack(QStackedWidget):
    """A stack of pages whose size is its current page's, not the largest page's. A hidden
    page keeps the layout it had when it was last shown — at the text size of then — so a
    page shown at 200 % and hidden before the text shrank held the window taller than the
    size the person chose (the Spaces page, when its list arrived during the change)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return super().minimumSizeHint() if page is None else page.minimumSizeHint()

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return super().sizeHint() if page is None else page.sizeHint()


class PageScroller(QScrollArea):
    """Gives the pages the whole view, and scrolls only below their minimum size. Not
    widgetResizable: that sizes a page by heightForWidth (every word-wrapped label has one),
    a preferred height that scrolled pages which fit."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit_content()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_content()

    def fit_content(self) -> None:
        content = self.widget()
        if content is not None:
            content.resize(self.viewport().size().expandedTo(content.minimumSizeHint()))


class WindowFit:
    def __init__(self, window: QMainWindow, content: QWidget) -> None:
        self.window = window
        self.content = content
        self.scroller = PageScroller(content)
        window.setCentralWidget(self.scroller)
        self.chosen = QSize(DEFAULT_SIZE)  # what the person (or the default) chose
        self._fitting = False
        self._scale: int | None = None
        window.resize(DEFAULT_SIZE)

    def on_resized(self, event: QResizeEvent) -> None:
        if not self._fitting and self.window.isVisible():
            self.chosen = QSize(event.size())

    def needed(self) -> QSize:
        """The content's minimum at the current text size, bounded by the screen."""
        screen = self.window.screen().availableGeometry().size()
        need = self.content.minimumSizeHint().expandedTo(QSize(480, 360))
        return need.boundedTo(screen)

    def apply(self, scale: int) -> None:
        """After the text size is (re)applied: the minimum follows the content; a change of
        size grows the window to fit, or shrinks it back to the chosen size. Measured once
        the new font's layout requests have run (they are posted events)."""
        QTimer.singleShot(0, self.window, lambda: self._fit(scale))

    def _fit(self, scale: int) -> None:
        minimum = self.needed()
        changed = self._scale is not None and scale != self._scale
        self._scale = scale
        screen = self.window.screen().availableGeometry().size()
        self._fitting = True  # these resizes are ours, not a size the person chose
        try:
            self.window.setMinimumSize(minimum)
            if changed:
                self.window.resize(self.chosen.expandedTo(minimum).boundedTo(screen))
        finally:
            self._fitting = False
