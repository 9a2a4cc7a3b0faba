"""The frame the pages before the journal share (create, unlock, link): a large title, an
error line, a busy bar, and one centred column of limited width."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from haven.ui.appearance import mark_heading


def page_title(text: str) -> QLabel:
    title = QLabel(text)
    title.setObjectName("pageTitle")
    title.setWordWrap(True)
    mark_heading(title, 1)
    return title


def error_line() -> QLabel:
    """Where the page says what went wrong (styled by appearance.py)."""
    error = QLabel()
    error.setObjectName("errorMessage")
    error.setWordWrap(True)
    return error


def busy_bar(accessible_name: str) -> QProgressBar:
    """An indefinite progress bar, hidden until the page starts waiting."""
    busy = QProgressBar()
    busy.setRange(0, 0)
    busy.setTextVisible(False)
    busy.setAccessibleName(accessible_name)
    busy.hide()
    return busy


def centred_column(page: QWidget, min_width: int = 480, max_width: int = 600) -> QVBoxLayout:
    """Lay `page` out as one column, centred, a third of the way down; returns the column's
    layout for the caller to fill."""
    box = QWidget()
    box.setMinimumWidth(min_width)
    box.setMaximumWidth(max_width)
    column = QVBoxLayout(box)
    # Centred by stretches, not AlignHCenter: an aligned box gets its size hint's height,
    # which clipped a wrapped line (the strength hint) in a narrower column.
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(box, 100)
    row.addStretch(1)
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return column
