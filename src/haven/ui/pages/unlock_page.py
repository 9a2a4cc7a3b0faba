"""Later runs, and after every lock: type the passphrase; wrong, in use or damaged gives a
clear message and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class UnlockPage(QWidget):
    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockPage")
        self.heading = QLabel(self.tr("Haven is locked"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        prompt = QLabel(self.tr("Type your passphrase to open your journal."))
        prompt.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.error = QLabel()
        self.error.setObjectName("errorMessage")
        self.error.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Opening your vault"))
        self.busy.hide()

        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        box = QWidget()
        box.setMinimumWidth(420)
        box.setMaximumWidth(520)
        inner = QVBoxLayout(box)
        inner.addWidget(self.heading)
        inner.addWidget(prompt)
        inner.addLayout(row)
        inner.addWidget(self.error)
        inner.addWidget(self.busy)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.setTabOrder(self.passphrase, self.unlock_button)
        self.passphrase.returnPressed.connect(self._submit)
        self.unlock_button.clicked.connect(self._submit)

    def _submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        text = self.passphrase.text()
        if not text:
            self.show_error(self.tr("Type your passphrase first."))
            return
        self.error.clear()
        self.submitted.emit(text)

    def set_discreet(self, discreet: bool) -> None:
        """A neutral heading when discreet mode is on."""
        self.heading.setText(self.tr("Locked") if discreet else self.tr("Haven is locked"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)

    def clear_secrets(self) -> None:
        self.passphrase.clear()

    def reset(self) -> None:
        self.clear_secrets()
        self.error.clear()
        self.set_busy(False)
