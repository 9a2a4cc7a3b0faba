"""What a page shows while it has nothing to show: a glyph, a kind heading, a line of text and
the one or two things a person can do next (GNOME's "placeholder pages", Day One's empty
journal). The glyph is decoration: screen readers read the heading and the text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from haven.ui.appearance import mark_heading, mark_muted

#: One glyph per empty state, from Unicode blocks every desktop font covers (no emoji font).
GLYPH_JOURNAL = "\u270e"  # ✎ a pencil: write the first entry
GLYPH_SEARCH = "\u2315"  # ⌕ a magnifier: nothing matched
GLYPH_SPACES = "\u2302"  # ⌂ a house: a haven to make or join
MAX_WIDTH = 480


class EmptyState(QWidget):
    def __init__(self, glyph: str, heading: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.glyph = QLabel(glyph)
        self.glyph.setObjectName("emptyStateGlyph")
        self.glyph.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.glyph.setAccessibleName("")  # decoration only
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark_heading(self.heading, 2)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark_muted(self.text)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self._finished = False
        box = QWidget()  # a readable measure, centred
        box.setMaximumWidth(MAX_WIDTH)
        column = QVBoxLayout(box)
        column.addWidget(self.glyph)
        column.addWidget(self.heading)
        column.addWidget(self.text)
        column.addSpacing(8)
        column.addLayout(self.buttons)
        row = QHBoxLayout()  # not AlignHCenter: a wrapped label would shrink to one word
        row.addStretch(1)
        row.addWidget(box, 100)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setAccessibleName(heading)

    def add_button(self, button: QWidget) -> None:
        """A button (or a row of them), centred: call finish_buttons() after the last."""
        self.buttons.insertWidget(self.buttons.count() - (1 if self._finished else 0), button)

    def finish_buttons(self) -> None:
        self.buttons.addStretch(1)
        self._finished = True

    def set_texts(self, glyph: str, heading: str, text: str) -> None:
        self.glyph.setText(glyph)
        self.heading.setText(heading)
        self.text.setText(text)
        self.setAccessibleName(heading)
