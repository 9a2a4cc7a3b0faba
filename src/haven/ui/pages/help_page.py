""" "Get help now": crisis lines and LGBTQ+ support services for a chosen country, the
emergency number, and a note on calling from a shared phone. Reachable while locked (from
the unlock and first-run pages) and while unlocked; it needs no vault and no network
(haven.core.help_lines reads the file Haven ships)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from haven.core import help_lines
from haven.errors import HavenError
from haven.ui.pages.frame import centred_column, page_title
from haven.ui.peer_text import plain_label
from haven.ui.translations import ui_language


class HelpPage(QWidget):
    backRequested = Signal()
    # Show the first-run introduction again (ui/onboarding.py).
    introductionRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpPage")
        self.heading = page_title(self.tr("Get help now"))
        intro = plain_label(
            self.tr(
                "If you are in danger now, call the emergency number. These services listen "
                "without judging; many are free and confidential."
            )
        )
        intro.setWordWrap(True)
        self.country = QComboBox()
        self.country.setAccessibleName(self.tr("Country"))
        self.services = QPlainTextEdit()
        self.services.setReadOnly(True)
        self.services.setTabChangesFocus(True)
        self.services.setAccessibleName(self.tr("Services in this country"))
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setObjectName("helpSafetyNote")
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.introduction_button = QPushButton(self.tr("Show the &introduction again"))
        self.introduction_button.setAccessibleName(self.tr("Show the introduction to Haven again"))
        form = QFormLayout()
        form.addRow(self.tr("&Country"), self.country)
        column = centred_column(self, 480, 720)
        column.addWidget(self.heading)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.services, 1)
        column.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.introduction_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        column.addLayout(buttons)
        self.book: help_lines.HelpBook | None = None
        self.country.currentIndexChanged.connect(lambda _i: self._show_country())
        self.back_button.clicked.connect(self.backRequested)
        self.introduction_button.clicked.connect(self.introductionRequested)

    def load(self) -> None:
        """Read the services in the UI's language; choose the system's country if listed."""
        try:
            self.book = help_lines.load(ui_language())
        except HavenError:
            self.book = None
            self.services.setPlainText(
                self.tr("The list of services is missing. In danger, call your emergency number.")
            )
            return
        here = QLocale.system().name().split("_")[-1].upper()
        self.country.blockSignals(True)
        self.country.clear()
        for country in self.book.countries:
            self.country.addItem(f"{country.name} ({country.code})", country.code)
        index = self.country.findData(here)
        self.country.setCurrentIndex(max(index, 0))
        self.country.blockSignals(False)
        self.note.setText(self.book.safety_note)
        self._show_country()
        self.country.setFocus()

    def choose(self, code: str) -> None:
        index = self.country.findData(code.upper())
        if index >= 0:
            self.country.setCurrentIndex(index)

    def _show_country(self) -> None:
        book = self.book
        country = book.country(str(self.country.currentData() or "")) if book else None
        if book is None or country is None:
            return
        # Said first and kindly: these numbers were gathered with care but can be out of date.
        lines = [book.check_note, "", self.tr("Emergency: %1").replace("%1", country.emergency), ""]
        for service in (*country.services, *book.international):
            lines.append(service.name)
            if service.phone:
                lines.append("  " + self.tr("Call: %1").replace("%1", service.phone))
            if service.sms:
                lines.append("  " + self.tr("Text: %1").replace("%1", service.sms))
            if service.web:
                lines.append("  " + self.tr("Web: %1").replace("%1", service.web))
            if service.hours:
                lines.append("  " + self.tr("Hours: %1").replace("%1", service.hours))
            status = help_lines.status_text(book, service, self.tr("checked %1"))
            lines.append(
                "  "
                + self.tr("%1 · source: %2").replace("%1", status).replace("%2", service.source)
            )
            lines.append("")
        self.services.setPlainText("\n".join(lines).strip())
