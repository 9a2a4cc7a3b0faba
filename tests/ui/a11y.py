"""Helpers for accessibility tests: the widgets a person can reach, and those without an
accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

_INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
)


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """Widgets a person can reach with Tab or click, leaving out the parts Qt builds inside
    composite widgets (a spin box's line edit, a combo box's popup list, scroll bars)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, _INTERACTIVE) or isinstance(widget, QScrollBar):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue
        if widget.window() is not root.window():
            continue  # a combo box's popup list: its own window, named by the combo box
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue  # e.g. a line edit's clear button; reachable by keyboard otherwise
        found.append(widget)
    return found


def unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in interactive_widgets(root)
        if not w.accessibleName().strip()
    ]
