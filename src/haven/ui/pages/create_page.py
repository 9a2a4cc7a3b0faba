"""First run: choose a passphrase (typed twice, with a live strength hint), a display name and
pronouns. The KDF then runs in the bridge's worker while a busy bar shows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from haven.core.identity import MAX_NAME_CHARS, MAX_PRONOUNS_CHARS
from haven.ui.pages.frame import busy_bar, centred_column, error_line, page_title
from haven.ui.passphrase_fields import NewPassphraseFields, clear_on_typing


class CreateVaultPage(QWidget):
    #: passphrase, display name, pronouns — all checked already.
    submitted = Signal(str, str, str)
    #: The person already has Haven on another computer and wants to link this one.
    linkRequested = Signal()
    #: The person has a backup (say, on a new computer): restore it into this data folder.
    restoreRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("createPage")
        title = page_title(self.tr("Welcome to Haven"))
        intro = QLabel(
            self.tr(
                "Your journal stays on this computer, encrypted with a passphrase only you know. "
                "If you forget it, nobody can recover your entries."
            )
        )
        intro.setWordWrap(True)

        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME_CHARS)
        self.name.setAccessibleName(self.tr("Display name"))
        self.name.setAccessibleDescription(self.tr("Any name you like; it need not be real"))
        self.pronouns = QLineEdit()
        self.pronouns.setMaxLength(MAX_PRONOUNS_CHARS)
        self.pronouns.setPlaceholderText(self.tr("optional, e.g. they/them"))
        self.pronouns.setAccessibleName(self.tr("Pronouns"))
        self.new_passphrase = NewPassphraseFields(self, lambda: [self.name.text()])
        self.passphrase = self.new_passphrase.passphrase
        self.confirm = self.new_passphrase.confirm
        self.strength = self.new_passphrase.strength
        self.error = error_line()
        self.busy = busy_bar(self.tr("Creating your vault"))
        self.create_button = QPushButton(self.tr("Create my vault"))
        self.create_button.setAccessibleName(self.tr("Create my vault"))
        self.create_button.setDefault(True)
        self.create_button.setAutoDefault(True)
        self.link_button = QPushButton(self.tr("&Link to my other device…"))
        self.link_button.setAccessibleName(self.tr("Link to my other device"))
        self.link_button.setAccessibleDescription(
            self.tr("Use the journal you already have on another computer")
        )
        self.restore_button = QPushButton(self.tr("&Restore a backup…"))
        self.restore_button.setAccessibleName(self.tr("Restore a backup"))
        self.restore_button.setAccessibleDescription(
            self.tr("Open the journal you saved in a Haven backup file")
        )

        form = QFormLayout()
        form.addRow(self.tr("&Display name"), self.name)
        form.addRow(self.tr("Pro&nouns"), self.pronouns)
        self.new_passphrase.add_rows(form)

        inner = centred_column(self)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.busy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        inner.addLayout(buttons)

        self.setTabOrder(self.name, self.pronouns)
        self.setTabOrder(self.pronouns, self.passphrase)
        self.setTabOrder(self.passphrase, self.confirm)
        self.setTabOrder(self.confirm, self.new_passphrase.reveal)
        self.setTabOrder(self.new_passphrase.reveal, self.create_button)
        self.setTabOrder(self.create_button, self.link_button)
        self.setTabOrder(self.link_button, self.restore_button)
        self.name.textChanged.connect(self.new_passphrase.update_strength)
        clear_on_typing(self.error, self.name, self.pronouns, self.passphrase, self.confirm)
        self.passphrase.returnPressed.connect(self._submit)  # Enter from either field
        self.confirm.returnPressed.connect(self._submit)
        self.create_button.clicked.connect(self._submit)
        self.link_button.clicked.connect(self.linkRequested)
        self.restore_button.clicked.connect(self.restoreRequested)

    def _submit(self) -> None:
        if self.create_button.isHidden() or not self.create_button.isEnabled():
            return
        name = " ".join(self.name.text().split())
        if not name:
            self.show_error(self.tr("Choose a display name (any name you like)."))
            self.name.setFocus()
            return
        problem = self.new_passphrase.problem()
        if problem is not None:
            self.show_error(problem)
            return
        self.error.clear()
        self.submitted.emit(self.new_passphrase.text(), name, self.pronouns.text())

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (
            self.name,
            self.pronouns,
            self.passphrase,
            self.confirm,
            self.new_passphrase.reveal,
            self.create_button,
            self.link_button,
            self.restore_button,
        ):
            widget.setEnabled(not busy)

    def clear_secrets(self) -> None:
        self.new_passphrase.clear()
