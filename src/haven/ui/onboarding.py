"""The first-run introduction: four short steps after a vault is created — what Haven keeps
private, that the passphrase cannot be recovered, quick exit and lock, making a backup.

Skippable at any step (Skip, or Esc), shown once (the window records it in AppSettings as
soon as it opens, so quitting half-way does not bring it back), and shown again only when
asked from the Help page. It holds no content and names nothing of the person's."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from haven.core.resource_files import resource_dir
from haven.ui.appearance import mark_heading, mark_muted
from haven.ui.dates import number_text
from haven.ui.safety import quick_exit_keys_text


@dataclass(frozen=True)
class Step:
    glyph: str
    heading: str
    text: str


class IntroductionDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, show_icon: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome"))
        self.setAccessibleName(self.tr("Introduction to Haven"))
        self.setMinimumWidth(480)
        self.steps = self._steps()
        self.pages = QStackedWidget()
        for step in self.steps:
            self.pages.addWidget(self._page(step))
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if show_icon:  # not in discreet mode, which shows no Haven icon anywhere
            self.icon.setPixmap(_icon_pixmap())
        self.progress = QLabel()
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark_muted(self.progress)
        self.skip_button = QPushButton(self.tr("S&kip"))
        self.skip_button.setAccessibleName(self.tr("Skip the introduction"))
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Previous step"))
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.next_button.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.icon)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.skip_button.clicked.connect(self.reject)  # Esc skips too
        self.back_button.clicked.connect(lambda: self.go(self.pages.currentIndex() - 1))
        self.next_button.clicked.connect(self._next)
        self.go(0)

    def _steps(self) -> list[Step]:
        return [
            Step(
                "\u2302",  # ⌂
                self.tr("A private place, on your computer"),
                self.tr(
                    "Your journal and your spaces are encrypted on this computer. Nobody — no "
                    "company, no server, no relay — can read them. Haven sends nothing about "
                    "you anywhere and needs no email, phone number or real name."
                ),
            ),
            Step(
                "\u26bf",  # ⚿ a key
                self.tr("Only you know your passphrase"),
                self.tr(
                    "Your passphrase is the only key. If you forget it, nobody can open your "
                    "vault — not even the people who make Haven. Keep it somewhere safe."
                ),
            ),
            Step(
                "\u21e7",  # ⇧ Shift
                self.tr("Leave in a moment"),
                self.tr(
                    "Press Shift three times, or %1, to hide Haven and lock it at once. "
                    "Ctrl+L locks without hiding, and Haven locks itself when you step away."
                ).replace("%1", quick_exit_keys_text()),
            ),
            Step(
                "\u2398",  # ⎘ copies
                self.tr("Keep a backup"),
                self.tr(
                    "A lost or broken computer should not cost you your journal. Make an "
                    "encrypted backup now and then and keep it somewhere safe; it opens only "
                    "with your passphrase."
                ),
            ),
        ]

    def _page(self, step: Step) -> QWidget:
        page = QWidget()
        glyph = QLabel(step.glyph)
        glyph.setObjectName("emptyStateGlyph")
        glyph.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(step.heading)
        heading.setWordWrap(True)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark_heading(heading, 2)
        text = QLabel(step.text)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addWidget(glyph)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(1)
        page.setAccessibleName(step.heading)
        return page

    def go(self, index: int) -> None:
        index = max(0, min(index, len(self.steps) - 1))
        self.pages.setCurrentIndex(index)
        last = index == len(self.steps) - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setText(self.tr("&Start") if last else self.tr("&Next"))
        self.next_button.setAccessibleName(
            self.tr("Close the introduction") if last else self.tr("Next step")
        )
        self.progress.setText(
            self.tr("Step %1 of %2")
            .replace("%1", number_text(index + 1))
            .replace("%2", number_text(len(self.steps)))
        )
        self.progress.setAccessibleName(self.progress.text())
        self.next_button.setFocus()

    def _next(self) -> None:
        if self.pages.currentIndex() >= len(self.steps) - 1:
            self.accept()
        else:
            self.go(self.pages.currentIndex() + 1)


def _icon_pixmap() -> QPixmap:
    folder = resource_dir("icons")
    if folder is None:
        return QPixmap()
    return QPixmap(str(folder / "haven-64.png"))
