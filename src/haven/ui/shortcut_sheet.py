"""The keyboard-shortcut sheet (F1 or Ctrl+?): every shortcut Haven has, in a table a screen
reader reads row by row (key, then what it does). The keys are written the way the platform
writes them (⌘N on macOS); the section shortcuts come from the window's own sidebar, so the
sheet cannot drift from what Ctrl+1… really open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haven.ui.safety import quick_exit_keys_text

#: The keys that open the sheet.
SHEET_KEYS = ("F1", "Ctrl+?")


def native(keys: str | QKeySequence.StandardKey) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def sections_of(sidebar: QListWidget) -> list[tuple[str, str]]:
    """(keys, title) of each sidebar section with a shortcut (its tooltip holds the keys)."""
    items = [sidebar.item(row) for row in range(sidebar.count())]
    return [(item.toolTip(), item.text()) for item in items if item and item.toolTip()]


class ShortcutSheet(QDialog):
    def __init__(self, sections: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        """`sections`: (key text, section title) for each Ctrl+number of the sidebar."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setMinimumSize(520, 460)
        intro = QLabel(
            self.tr(
                "Alt and an underlined letter presses that button or moves to that field. "
                "Tab and Shift+Tab move between fields; Esc closes a dialog."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the Close button
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for keys, action in self.rows(sections):
            self._add(keys, action)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        close.setAccessibleName(self.tr("Close the list of shortcuts"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setFocus()
        self.table.setCurrentCell(0, 0)

    def rows(self, sections: list[tuple[str, str]]) -> list[tuple[str, str]]:
        or_ = self.tr("%1 or %2")
        rows = [
            (
                or_.replace("%1", self.tr("Shift three times")).replace(
                    "%2", quick_exit_keys_text()
                ),
                self.tr("Quick exit: hide Haven and lock it at once"),
            ),
            (native("Ctrl+L"), self.tr("Lock")),
            (
                or_.replace("%1", native(SHEET_KEYS[0])).replace("%2", native(SHEET_KEYS[1])),
                self.tr("Show this list of shortcuts"),
            ),
        ]
        for keys, title in sections:
            rows.append((keys, self.tr("Go to %1").replace("%1", title)))
        rows += [
            (native(QKeySequence.StandardKey.New), self.tr("Journal: a new entry")),
            (native(QKeySequence.StandardKey.Save), self.tr("Journal: save the entry")),
            (native(QKeySequence.StandardKey.Find), self.tr("Journal: search")),
            (native("Ctrl+Return"), self.tr("Spaces: send the post or reply")),
        ]
        return rows

    def _add(self, keys: str, action: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((keys, action)):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, column, item)
        # A screen reader reads the row as one sentence: the keys, then what they do.
        first = self.table.item(row, 0)
        if first is not None:
            first.setData(Qt.ItemDataRole.AccessibleTextRole, f"{keys}: {action}")
