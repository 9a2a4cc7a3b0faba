"""The four words two devices compare while linking, in the UI's language.

The words are bytes of the handshake's transcript hash, one word per byte
(`sync.handshake.verification_words` names them by the English list). A person reads them
in their own language: each byte is shown as the word of the same position in that
language's list (`resources/fingerprint_words/<lang>.txt`, the lists the space fingerprints
use), so two devices in Persian show the same Persian words. Two devices in different
languages would show different words for the same bytes, so outside English a second line
gives the English words too, which every device can show.
Where the UI's language has no list, the English words are shown alone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from haven.core.spaces.name_marks import fingerprint_words
from haven.core.wordlist import WORDS
from haven.ui import peer_text
from haven.ui.translations import ui_language

#: Between the words: wide enough to tell four words apart at a glance.
GAP = "  "


def words_in(language: str, words: Sequence[str]) -> list[str] | None:
    """The same words from `language`'s list (None: no list, or a word not in English's)."""
    table = fingerprint_words(language)
    if table is None or table is WORDS:
        return None
    index = {word: i for i, word in enumerate(WORDS)}
    if any(w not in index for w in words):
        return None
    return [table[index[w]] for w in words]


class VerificationWords(QWidget):
    """The words, large (QLabel#verificationWords in the style sheet), at the reading
    side of the window in either direction, and the English line where it helps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = QLabel()
        self.words.setObjectName("verificationWords")  # large: stylesheet.py, any text size
        self.words.setAccessibleName(self.tr("Verification words"))
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.english = peer_text.plain_label()
        self.english.setWordWrap(True)
        self.english.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.english.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words)
        layout.addWidget(self.english)

    def show_words(self, words: object) -> None:
        english = [str(w) for w in words] if isinstance(words, list) else []
        local = words_in(ui_language(), english)
        # A label's alignment follows its text's direction when that differs from the
        # window's: say the reading side absolutely, as the window's direction has it.
        flag = Qt.AlignmentFlag
        side = flag.AlignRight if self.isRightToLeft() else flag.AlignLeft
        for label in (self.words, self.english):
            label.setAlignment(side | flag.AlignAbsolute | flag.AlignVCenter)
        shown = GAP.join(local if local is not None else english)
        self.words.setText(shown)
        # A label's accessible name is all a screen reader says of it: the words too.
        self.words.setAccessibleName(
            self.tr("Verification words: %1").replace("%1", ", ".join(shown.split()))
            if shown
            else self.tr("Verification words")
        )
        if local is not None and english:
            text = self.tr(
                "If your other device uses another language, compare these words instead: %1"
            )
            self.english.setText(text.replace("%1", peer_text.isolate(GAP.join(english))))
        else:
            self.english.clear()
        self.english.setVisible(bool(self.english.text()))

    def clear(self) -> None:
        self.words.clear()
        self.words.setAccessibleName(self.tr("Verification words"))
        self.english.clear()
        self.english.setVisible(False)

    def text(self) -> str:
        return self.words.text()
