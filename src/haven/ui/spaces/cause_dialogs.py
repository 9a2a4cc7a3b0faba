"""Starting a fundraiser or a campaign: two small dialogs. What is typed is checked by the
core's own rules before the dialog closes (nothing is written until it passes); every
field is named for screen readers and reachable by Tab."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces.fundraisers import content as fc
from haven.core.spaces.fundraisers import money
from haven.errors import InvalidInput
from haven.ui.spaces.dialogs import _buttons
from haven.ui.user_text import PlainTextEdit


def typed_amount(text: str) -> str:
    """What a person typed, with their locale's decimal point made '.' (digits of any
    script are read as they are); money.parse_amount checks the rest."""
    point = QLocale().decimalPoint()
    return text.strip().replace(point, ".") if point != "." else text.strip()


def _text(parent: QWidget, name: str) -> PlainTextEdit:
    edit = PlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(name)
    edit.setMaximumHeight(80)
    return edit


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class NewFundraiserDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a fundraiser"))
        self.setMinimumWidth(460)
        self.title = _line(self.tr("Title"))
        self.goal = _line(self.tr("Goal"), self.tr("e.g. 500 or 499.50"))
        self.currency = _line(self.tr("Currency code"), "EUR")
        self.deadline = _line(self.tr("Deadline (optional)"), "2027-03-31")
        self.purpose = _text(self, self.tr("What it is for"))
        self.give = _text(self, self.tr("Where and how to give"))
        self.give.setPlaceholderText(
            self.tr("A link or instructions, in your words. Haven moves no money.")
        )
        self.error = QLabel()
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Goal"), self.goal)
        form.addRow(self.tr("C&urrency"), self.currency)
        form.addRow(self.tr("&Deadline"), self.deadline)
        form.addRow(self.tr("&What it is for"), self.purpose)
        form.addRow(self.tr("Where to gi&ve"), self.give)
        self.buttons = _buttons(self, self.tr("&Start"), self.tr("Start the fundraiser"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.checked: fc.FundraiserContent | None = None

    def accept(self) -> None:
        try:
            currency = money.clean_currency(self.currency.text() or "EUR")
            goal = money.parse_amount(typed_amount(self.goal.text()), currency)
            self.checked = fc.clean_fundraiser(
                self.title.text(),
                self.purpose.toPlainText(),
                self.give.toPlainText(),
                goal,
                currency,
                self.deadline.text().strip(),
            )
        except InvalidInput:
            self.error.setText(
                self.tr(
                    "Check what you typed: a title, a goal like 500 or 499.50, a currency code"
                    " like EUR, a deadline like 2027-03-31 (or none), what it is for and where"
                    " to give."
                )
            )
            return
        super().accept()


class NewCampaignDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a campaign"))
        self.setMinimumWidth(460)
        self.title = _line(self.tr("Title"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of action"))
        for kind, label in zip(
            fc.KINDS,
            (self.tr("A petition to sign"), self.tr("A letter to send"),
             self.tr("A day to show up"), self.tr("Something else")),
            strict=True,
        ):  # fmt: skip
            self.kind.addItem(label, kind)
        self.action = _text(self, self.tr("What to do"))
        self.place = _text(self, self.tr("Where (a link or instructions)"))
        self.date = _line(self.tr("Date (optional)"), "2027-03-31")
        self.error = QLabel()
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&What to do"), self.action)
        form.addRow(self.tr("W&here"), self.place)
        form.addRow(self.tr("&Date"), self.date)
        self.buttons = _buttons(self, self.tr("&Start"), self.tr("Start the campaign"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.checked: fc.CampaignContent | None = None

    def accept(self) -> None:
        try:
            self.checked = fc.clean_campaign(
                self.title.text(),
                self.kind.currentData(),
                self.action.toPlainText(),
                self.place.toPlainText(),
                self.date.text().strip(),
            )
        except InvalidInput:
            self.error.setText(
                self.tr(
                    "Check what you typed: a title, what to do, and a date like 2027-03-31 or none."
                )
            )
            return
        super().accept()
