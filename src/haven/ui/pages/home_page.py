"""The unlocked window: a sidebar of sections and the section itself. Later issues add
Spaces and Devices with one `add_section` call each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.ui.peer_text import plain_label
from haven.ui.window_fit import PageStack


class HomePage(QWidget):
    lockRequested = Signal()
    helpRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setFixedWidth(170)
        self.sidebar.setStyleSheet("QListWidget::item { padding: 8px 6px; }")
        self.sections = PageStack()
        self.persona = plain_label()
        self.persona.setWordWrap(True)
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.lock_button.setAccessibleName(self.tr("Lock Haven"))
        self.lock_button.setToolTip(self.tr("Lock (Ctrl+L); quick exit: Shift three times"))
        side = QVBoxLayout()
        self._side = side
        side.addWidget(self.sidebar, 1)
        side.addWidget(self.persona)
        self.help_button = QPushButton(self.tr("Get &help now"))
        self.help_button.setAccessibleName(self.tr("Get help now: crisis lines and support"))
        side.addWidget(self.help_button)
        side.addWidget(self.lock_button)
        layout = QHBoxLayout(self)
        layout.addLayout(side)
        layout.addWidget(self.sections, 1)
        self._keys: list[str] = []
        self.sidebar.currentRowChanged.connect(self.sections.setCurrentIndex)
        # A screen reader switches sections by selecting an item (AT-SPI Selection), which
        # moves the selection but not the current row.
        self.sidebar.itemSelectionChanged.connect(self._follow_selection)
        self.lock_button.clicked.connect(self.lockRequested)
        self.help_button.clicked.connect(self.helpRequested)

    def add_section(self, key: str, title: str, widget: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        self.sidebar.addItem(item)
        self.sections.addWidget(widget)
        self._keys.append(key)
        number = len(self._keys)
        if number <= 9:  # Ctrl+1, Ctrl+2, … open the sections
            keys = QKeySequence(f"Ctrl+{number}")
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(lambda: self.show_section(key))
            item.setToolTip(keys.toString(QKeySequence.SequenceFormat.NativeText))
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)

    def add_footer(self, widget: QWidget) -> None:
        """A line under the sidebar, above the persona (e.g. the sync status)."""
        self._side.insertWidget(1, widget)

    def _follow_selection(self) -> None:
        selected = self.sidebar.selectedItems()
        if selected:
            row = self.sidebar.row(selected[0])
            if row != self.sidebar.currentRow():
                self.sidebar.setCurrentRow(row)

    def show_section(self, key: str) -> None:
        self.sidebar.setCurrentRow(self._keys.index(key))

    def current_section(self) -> str:
        row = self.sidebar.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else ""
