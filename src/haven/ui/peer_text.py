"""Showing other people's text in Qt widgets: as plain text, never as markup.

`QLabel` and `QMessageBox` guess by default (`Qt.AutoText`): a display name such as
`<img src=/some/file>` or `<b><font color=#c00>Ari</font></b>` would be parsed as HTML, the
file opened and the name drawn as the app's own emphasis. Every widget that shows peer text
goes through this module: the label is switched to `Qt.PlainText` and the string is cleaned,
cut and bidi-isolated by `haven.core.peer_text` (re-exported here so the UI has one import).
Item views (`QStandardItem`, list models) and window titles are always plain text in Qt, so
only the cleaning applies there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from haven.core.peer_text import (
    NAME_CHARS,
    SPACE_NAME_CHARS,
    block,
    isolate,
    line,
    name,
    one_line,
    space_name,
)

__all__ = [
    "NAME_CHARS",
    "SPACE_NAME_CHARS",
    "block",
    "isolate",
    "line",
    "name",
    "one_line",
    "plain",
    "plain_label",
    "set_plain",
    "space_name",
]


def plain(widget: QLabel | QMessageBox) -> QLabel | QMessageBox:
    """Make a label or message box show its text as written, whatever it contains."""
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that never interprets markup (for any text that may carry a peer's words)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def set_plain(label: QLabel, text: str) -> None:
    """Show `text` (already passed through name/line/block) as plain text."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
