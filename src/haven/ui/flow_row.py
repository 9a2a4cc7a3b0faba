"""A row of buttons that wraps onto more rows when its column is narrow (Qt's "flow layout"
example; Qt ships none), so a row of reactions never sets the window's minimum width.
Right-to-left it fills from the right."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget

SPACING = 6


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def height_for_width(self, width: int) -> int:
        """Not Qt's heightForWidth: advertised, it would make every layout above (and the
        window's scroll area) use preferred heights instead of minimum ones."""
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._items) + SPACING * max(0, self.count() - 1)
        return QSize(width, self.minimumSize().height())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, place: bool) -> int:
        """Lays the items out in rows (if `place`); returns the height they take."""
        x, y, row_height = rect.x(), rect.y(), 0
        owner = self.parentWidget()
        rtl = owner is not None and owner.isRightToLeft()
        for item in self._items:
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, row_height = rect.x(), y + row_height + SPACING, 0
            if place:
                cell = QRect(QPoint(x, y), hint)
                if rtl:
                    cell = QStyle.visualRect(Qt.LayoutDirection.RightToLeft, rect, cell)
                item.setGeometry(cell)
            x += hint.width() + SPACING
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class FlowRow(QWidget):
    def __init__(self, widgets: Sequence[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self)
        for widget in widgets:
            self.flow.addWidget(widget)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        """As tall as its rows at this width; as narrow as its widest button."""
        size = QSize(self.flow.minimumSize().width(), self.flow.height_for_width(width))
        if size != self.minimumSize():
            self.setMinimumSize(size)
            self.setMaximumHeight(size.height())

    def refit(self) -> None:
        """After the buttons' texts (or the font, or what is shown) changed: placed again at
        once, so a button shown a moment ago can be pressed before the next event loop."""
        self.flow.invalidate()
        self._fit(self.width())
        self.flow.activate()
