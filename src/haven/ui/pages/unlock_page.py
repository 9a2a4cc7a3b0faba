"""Later runs, and after every lock: type the passphrase; wrong, in use or damaged gives a
clear message and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from haven.ui.pages.frame import busy_bar, centred_column, error_line, page_title
from haven.ui.passphrase_fields import RevealBox, clear_on_typing


class UnlockPage(QWidget):
    submitted = Signal(str)
    helpRequested = Signal()
    #: "Restore a backup…": into a new folder, without opening this vault.
    restoreRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockPage")
        self.heading = page_title(self.tr("Haven is locked"))
        self.prompt = prompt = QLabel(self.tr("Type your passphrase to open your journal."))
        prompt.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.reveal = RevealBox(self, [self.passphrase])
        self.error = error_line()
        self.busy = busy_bar(self.tr("Opening your vault"))
        self.help_button = QPushButton(self.tr("Get &help now"))
        self.help_button.setAccessibleName(self.tr("Get help now: crisis lines and support"))
        self.restore_button = QPushButton(self.tr("&Restore a backup…"))
        self.restore_button.setAccessibleName(self.tr("Restore a backup into a new folder"))

        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        inner = centred_column(self, 420, 520)
        inner.addWidget(self.heading)
        inner.addWidget(prompt)
        inner.addLayout(row)
        inner.addWidget(self.reveal, 0, Qt.AlignmentFlag.AlignLeading)
        inner.addWidget(self.error)
        inner.addWidget(self.busy)
        extra = QHBoxLayout()
        extra.addWidget(self.help_button)
        extra.addWidget(self.restore_button)
        extra.addStretch(1)
        inner.addLayout(extra)

        self.setTabOrder(self.passphrase, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.reveal)
        self.setTabOrder(self.reveal, self.help_button)
        self.setTabOrder(self.help_button, self.restore_button)
        clear_on_typing(self.error, self.passphrase)
        self.passphrase.returnPressed.connect(self._submit)
        self.unlock_button.clicked.connect(self._submit)
        self.help_button.clicked.connect(self.helpRequested)
        self.restore_button.clicked.connect(self.restoreRequested)

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

    def show_restored(self) -> None:
        """After a first-run restore into this folder: the backup's passphrase opens it."""
        self.prompt.setText(
            self.tr("Your backup was restored. Type its passphrase to open your journal.")
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.reveal.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)

    def clear_secrets(self) -> None:
        self.passphrase.clear()
        self.reveal.reset()

    def reset(self) -> None:
        self.prompt.setText(self.tr("Type your passphrase to open your journal."))
        self.clear_secrets()
        self.error.clear()
        self.set_busy(False)
