"""What people write, shown and edited with each paragraph in its own direction: an Arabic or
Persian paragraph aligns right in the English UI, an English one left in the Arabic UI.

`QPlainTextEdit` lays every paragraph out with the document's one alignment, so a right-to-left
paragraph in a left-to-right window hugs the left edge; `QTextEdit` aligns each paragraph by its
own direction (Qt's visual alignment), so the editors for journal entries and posts are a
`QTextEdit` that accepts plain text only (`PlainTextEdit`). A painted row asks `lead_for`
which edge a line of someone's text starts at."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextEdit, QWidget

_RTL_CLASSES = frozenset({"R", "AL"})
_LTR_CLASSES = frozenset({"L"})


def is_rtl(text: str) -> bool | None:
    """The direction of `text` from its first strongly directional character (Unicode's
    rule P2): True for right-to-left, False for left-to-right, None when it has none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _RTL_CLASSES:
            return True
        if kind in _LTR_CLASSES:
            return False
    return None


def lead_for(text: str, ui_rtl: bool) -> Qt.AlignmentFlag:
    """The edge a line of `text` starts at: its own direction's, the UI's when it has none."""
    rtl = is_rtl(text)
    if rtl is None:
        rtl = ui_rtl
    return Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft


class PlainTextEdit(QTextEdit):
    """A plain-text editor (pasted formatting, images and links are dropped: what is saved is
    exactly the text) whose paragraphs each align by their own direction."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setAutoFormatting(QTextEdit.AutoFormattingFlag.AutoNone)
