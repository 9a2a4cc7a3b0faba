"""The prompt of the day, with a button that starts an entry about it."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from haven.ui.translations import ui_language

log = logging.getLogger(__name__)


def todays_prompt(day: dt.date | None = None, locale: str = "en") -> Any | None:
    """`haven.core.prompts.prompt_of_the_day(date, locale) -> Prompt(id, category, text)`, or
    None when that module is missing or fails (the card then hides; the journal still works).
    The core falls back to English when the locale has no prompts."""
    try:
        from haven.core.prompts import prompt_of_the_day
    except ImportError:
        return None
    try:
        return prompt_of_the_day(day or dt.date.today(), locale)
    except Exception as exc:  # a broken prompt list must not stop the app
        log.warning("no prompt of the day: %s", type(exc).__name__)
        return None


class PromptCard(QFrame):
    writeRequested = Signal(str)  # the prompt's text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(self.tr("Prompt of the day"))
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.write_button = QPushButton(self.tr("Write a&bout this"))
        self.write_button.setAccessibleName(self.tr("Write about this prompt"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.write_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self._prompt_text = ""
        self.write_button.clicked.connect(lambda: self.writeRequested.emit(self._prompt_text))

    def refresh(self, day: dt.date | None = None) -> None:
        prompt = todays_prompt(day, ui_language())  # the prompt in the UI's language
        text = str(getattr(prompt, "text", "") or "") if prompt is not None else ""
        category = str(getattr(prompt, "category", "") or "") if prompt is not None else ""
        self._prompt_text = text
        self.text.setText(text)
        self.caption.setText(self.tr("Prompt of the day") + (f" · {category}" if category else ""))
        self.setVisible(bool(text))
