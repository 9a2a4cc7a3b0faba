"""Search box (debounced) plus tag and mood filters, producing one EntryFilter."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from haven.core.journal import EntryFilter
from haven.ui import messages
from haven.ui.dates import number_text

DEBOUNCE_MS = 250


class FilterBar(QWidget):
    filterChanged = Signal(object)  # EntryFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search your journal (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search entries"))
        self.search.setClearButtonEnabled(True)
        self.tag = QComboBox()
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.mood = QComboBox()
        self.mood.setAccessibleName(self.tr("Filter by mood"))
        self.mood.addItem(self.tr("Any mood"), None)
        for value in range(1, 6):
            self.mood.addItem(messages.mood_text(value), value)  # the language's digits
        self.set_tags([])
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)

        # Labels as buddies: a screen reader announces each box by its label. One row each,
        # so a narrow journal column (or a long translation) never clips them.
        combos = QFormLayout()
        combos.setContentsMargins(0, 0, 0, 0)
        combos.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for caption, combo in ((self.tr("B&y tag"), self.tag), (self.tr("By m&ood"), self.mood)):
            caption_label = QLabel(caption)
            caption_label.setBuddy(combo)
            combos.addRow(caption_label, combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(combos)
        self.search.textChanged.connect(self._debounce.start)
        self.tag.activated.connect(self._emit)
        self.mood.activated.connect(self._emit)

    def set_tags(self, tags: list[tuple[str, int]]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), None)
        for tag, count in tags:
            self.tag.addItem(f"#{tag} ({number_text(count)})", tag)
        index = self.tag.findData(current) if current is not None else 0
        self.tag.setCurrentIndex(max(0, index))
        self.tag.blockSignals(False)

    def current(self) -> EntryFilter:
        tag = self.tag.currentData()
        mood = self.mood.currentData()
        return EntryFilter(
            tags=(str(tag),) if tag else (),
            mood=int(mood) if mood is not None else None,
            text=self.search.text().strip(),
        )

    def reset(self) -> None:
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.setText("")  # not clear(): that keeps the search in the undo history
        self.search.blockSignals(False)
        self.mood.setCurrentIndex(0)
        self.set_tags([])

    def _emit(self) -> None:
        self._debounce.stop()
        self.filterChanged.emit(self.current())
