"""A space's fundraisers and campaigns: each fundraiser's progress towards its goal (the
organisers' published total), what it is for and where to give (the organiser's words, as
plain text: Haven moves no money and opens no link), a pledge only the organisers see, who
pledged what for an organiser, who marks a pledge received once the money has come; each
campaign's action and its "I did this" count.

Amounts are shown as the reader's locale writes them (Babel over CLDR, exact from the
integer minor units) and typed with the locale's digits and decimal point."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces.fundraisers import Campaign, CauseUpdate, Fundraiser, Pledge, money
from haven.ui import peer_text
from haven.ui.dates import DATE_FORMAT, number_text
from haven.ui.spaces.cause_dialogs import NewCampaignDialog, NewFundraiserDialog, typed_amount
from haven.ui.spaces.cause_ending import EndButtons

ItemRole = Qt.ItemDataRole.UserRole + 1


def money_text(minor: int, currency: str) -> str:
    """An amount as the UI's language writes it, in its digits (Arabic-Indic in Arabic)."""
    locale = QLocale()
    text = money.format_local(minor, currency, locale.name())
    zero = locale.zeroDigit()
    if zero != "0":
        text = text.translate({ord("0") + i: chr(ord(zero) + i) for i in range(10)})
    return text


def fill(template: str, *values: str) -> str:
    """Put `values` into %1, %2… in one pass, so a peer's text that contains "%2" stays
    as written (chained replace() calls would substitute inside it)."""
    return re.sub(r"%([1-9])", lambda m: values[int(m.group(1)) - 1], template)


def day_text(iso_day: str) -> str:
    """A deadline or a campaign's day (YYYY-MM-DD) as the UI's language writes a date."""
    return QLocale().toString(QDate.fromString(iso_day, Qt.DateFormat.ISODate), DATE_FORMAT)


class CausesTab(QWidget):
    pledgeRequested = Signal(bytes, str, str)  # fundraiser id, amount typed, currency
    withdrawRequested = Signal(bytes)
    updateRequested = Signal(bytes, str)
    receivedRequested = Signal(bytes, bytes)  # fundraiser id, the pledging member's key
    doneRequested = Signal(bytes)
    startFundraiserRequested = Signal()
    startCampaignRequested = Signal()
    closeRequested = Signal(str, bytes)  # "fundraiser" or "campaign", its id
    removeRequested = Signal(str, bytes, str)  # kind, id, its title (to ask a reason)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pledges: dict[bytes, tuple[Pledge, ...]] = {}
        self._keep_pledge: bytes | None = None  # the pledge chosen, while the lists refill
        self._moderator = False
        self.dialog: NewFundraiserDialog | NewCampaignDialog | QDialog | None = None
        self.start_fundraiser = QPushButton(self.tr("Sta&rt a fundraiser…"))
        self.start_fundraiser.setAccessibleName(self.tr("Start a fundraiser"))
        self.start_campaign = QPushButton(self.tr("Start a campai&gn…"))
        self.start_campaign.setAccessibleName(self.tr("Start a campaign"))
        self.funds_model = QStandardItemModel(self)
        self.funds = self._list(self.funds_model, self.tr("Fundraisers"))
        funds_label = QLabel(self.tr("F&undraisers"))
        funds_label.setBuddy(self.funds)
        self.heading = peer_text.plain_label()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(self.tr("Progress towards the goal"))
        self.details = peer_text.plain_label()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.amount = QLineEdit()
        self.amount.setAccessibleName(self.tr("Amount to pledge"))
        amount_label = QLabel(self.tr("Am&ount"))
        amount_label.setBuddy(self.amount)
        self.pledge_button = QPushButton(self.tr("&Pledge"))
        self.pledge_button.setAccessibleName(
            self.tr("Pledge this amount; only the organisers see it")
        )
        self.withdraw_button = QPushButton(self.tr("&Withdraw my pledge"))
        self.withdraw_button.setAccessibleName(self.tr("Withdraw my pledge"))
        self.pledges_model = QStandardItemModel(self)
        self.pledges = self._list(self.pledges_model, self.tr("Who pledged what (organisers only)"))
        self.received_button = QPushButton(self.tr("Mark r&eceived"))
        self.received_button.setAccessibleName(
            self.tr("Mark the chosen pledge received (organisers only)")
        )
        self.update_text = QLineEdit()
        self.update_text.setAccessibleName(self.tr("An update for the supporters"))
        self.update_button = QPushButton(self.tr("Post an upda&te"))
        self.update_button.setAccessibleName(self.tr("Post the update"))

        self.camps_model = QStandardItemModel(self)
        self.camps = self._list(self.camps_model, self.tr("Campaigns"))
        camps_label = QLabel(self.tr("&Campaigns"))
        camps_label.setBuddy(self.camps)
        self.camp_details = peer_text.plain_label()
        self.camp_details.setWordWrap(True)
        self.done_button = QPushButton(self.tr("I d&id this"))
        self.done_button.setAccessibleName(self.tr("Say that I did this (counted once)"))
        self.fund_end = EndButtons.of("fundraiser", self.selected_fundraiser)
        self.camp_end = EndButtons.of("campaign", self.selected_campaign)

        widget: QWidget
        pledge_row = QHBoxLayout()
        for widget in (amount_label, self.amount, self.pledge_button, self.withdraw_button):
            pledge_row.addWidget(widget)
        update_row = QHBoxLayout()
        update_row.addWidget(self.update_text, 1)
        update_row.addWidget(self.update_button)
        starts = QHBoxLayout()
        starts.addWidget(self.start_fundraiser)
        starts.addWidget(self.start_campaign)
        starts.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(starts)
        for widget in (funds_label, self.funds, self.heading, self.progress, self.details):
            layout.addWidget(widget)
        layout.addLayout(pledge_row)
        layout.addWidget(self.pledges)
        received_row = QHBoxLayout()
        received_row.addWidget(self.received_button)
        received_row.addStretch(1)
        layout.addLayout(received_row)
        layout.addLayout(update_row)
        layout.addWidget(self.fund_end)
        for widget in (camps_label, self.camps, self.camp_details, self.done_button):
            layout.addWidget(widget)
        layout.addWidget(self.camp_end)
        for end in (self.fund_end, self.camp_end):
            end.closeRequested.connect(self.closeRequested)
            end.removeRequested.connect(self.removeRequested)
        self.funds.selectionModel().currentChanged.connect(lambda *_: self._show_fundraiser())
        self.camps.selectionModel().currentChanged.connect(lambda *_: self._show_campaign())
        self.pledge_button.clicked.connect(self._pledge)
        self.amount.returnPressed.connect(self._pledge)
        self.withdraw_button.clicked.connect(
            lambda: self._with_fundraiser(lambda f: self.withdrawRequested.emit(f.fundraiser_id))
        )
        self.update_button.clicked.connect(self._update)
        self.received_button.clicked.connect(self._received)
        self.pledges.selectionModel().currentChanged.connect(lambda *_: self._enable_received())
        self.done_button.clicked.connect(self._done)
        self.start_fundraiser.clicked.connect(self.startFundraiserRequested.emit)
        self.start_campaign.clicked.connect(self.startCampaignRequested.emit)
        self.show_causes((), (), ())

    def _list(self, model: QStandardItemModel, name: str) -> QListView:
        view = QListView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        return view

    # ---------------------------------------------------------------- showing

    def show_causes(
        self,
        fundraisers: Sequence[Fundraiser],
        campaigns: Sequence[Campaign],
        pledges: Sequence[tuple[bytes, tuple[Pledge, ...]]],
        moderator: bool = False,
    ) -> None:
        """`moderator`: the reader is a moderator or above here (offered "Remove…")."""
        self._moderator = moderator
        chosen = self.selected_fundraiser()
        chosen_camp = self.selected_campaign()
        # Refilling the lists passes through "nothing chosen", which empties the pledges.
        pledge = self.selected_pledge()
        self._keep_pledge = pledge.member_pk if pledge is not None else None
        self._pledges = dict(pledges)
        self._fill(
            self.funds,
            self.funds_model,
            fundraisers,
            self._fundraiser_line,
            chosen.fundraiser_id if chosen else None,
        )
        self._fill(
            self.camps,
            self.camps_model,
            campaigns,
            self._campaign_line,
            chosen_camp.campaign_id if chosen_camp else None,
        )
        self._show_fundraiser()
        self._keep_pledge = None
        self._show_campaign()

    def _fill(
        self,
        view: QListView,
        model: QStandardItemModel,
        items: Sequence[object],
        line: Callable[[Any], str],
        keep: bytes | None,
    ) -> None:
        model.clear()
        for item in items:
            text = line(item)
            row = QStandardItem(text)
            row.setData(item, ItemRole)
            row.setData(text, Qt.ItemDataRole.AccessibleTextRole)
            model.appendRow(row)
            ident = getattr(item, "fundraiser_id", None) or getattr(item, "campaign_id", None)
            if ident == keep or (keep is None and model.rowCount() == 1):
                view.setCurrentIndex(model.indexFromItem(row))

    def _fundraiser_line(self, f: Fundraiser) -> str:
        return fill(
            self.tr("%1 — %2 of %3"),
            peer_text.line(f.title),
            money_text(f.total, f.currency),
            money_text(f.goal, f.currency),
        )

    def _campaign_line(self, c: Campaign) -> str:
        return self.tr("%1 — %Ln did this", "", c.done_count).replace("%1", peer_text.line(c.title))

    def selected_fundraiser(self) -> Fundraiser | None:
        item = (
            self.funds.currentIndex().data(ItemRole)
            if self.funds.currentIndex().isValid()
            else None
        )
        return item if isinstance(item, Fundraiser) else None

    def selected_campaign(self) -> Campaign | None:
        item = (
            self.camps.currentIndex().data(ItemRole)
            if self.camps.currentIndex().isValid()
            else None
        )
        return item if isinstance(item, Campaign) else None

    def _show_fundraiser(self) -> None:
        f = self.selected_fundraiser()
        widget: QWidget
        for widget in (self.progress, self.amount, self.pledge_button, self.withdraw_button):
            widget.setEnabled(f is not None and not f.closed)
        organise = f is not None and f.you_organise
        self.fund_end.show_for(f is not None, organise, bool(f and f.closed), self._moderator)
        for widget in (self.pledges, self.received_button, self.update_text, self.update_button):
            widget.setVisible(organise)
        self.withdraw_button.setEnabled(f is not None and not f.closed and bool(f.your_pledge))
        if f is None:
            self.pledges_model.clear()
            self._enable_received()
            self.heading.setText(self.tr("No fundraiser chosen"))
            self.details.setText("")
            self.progress.setValue(0)
            self.progress.setFormat("")
            return
        locale = QLocale()
        percent = min(100, f.total * 100 // f.goal)
        self.heading.setText(peer_text.line(f.title))
        self.progress.setValue(percent)
        progress = fill(
            self.tr("%1 of %2 (%3)"),
            money_text(f.total, f.currency),
            money_text(f.goal, f.currency),
            number_text(f.total * 100 // f.goal) + locale.percent(),
        )
        self.progress.setFormat(progress)
        self.progress.setAccessibleDescription(progress)
        lines = [self.tr("Closed: no more pledges.")] if f.closed else []
        lines += [
            self.tr("For: %1").replace("%1", peer_text.block(f.purpose)),
            self.tr("Where to give (Haven moves no money; nothing here is opened): %1").replace(
                "%1", peer_text.block(f.give)
            ),
            self.tr("%Ln supporter(s)", "", f.supporters),
        ]
        if f.deadline:
            lines.append(self.tr("Until %1").replace("%1", day_text(f.deadline)))
        if f.pending:
            lines.append(
                self.tr("%Ln pledge change(s) not yet counted by an organiser", "", f.pending)
            )
        if f.mismatch:
            lines.append(
                self.tr("Warning: the published total differs from the pledges this device read.")
            )
        if f.your_pledge:
            lines.append(
                self.tr("Your pledge: %1 (only the organisers see it)").replace(
                    "%1", money_text(f.your_pledge, f.currency)
                )
            )
        lines += [self._update_line(u) for u in f.updates]
        self.details.setText("\n".join(lines))
        self._show_pledges(f)

    def _show_pledges(self, f: Fundraiser) -> None:
        """Who pledged what, for an organiser; the pledge chosen stays chosen."""
        index = self.pledges.currentIndex()
        chosen = index.data(ItemRole).member_pk if index.isValid() else self._keep_pledge
        self.pledges_model.clear()
        for p in self._pledges.get(f.fundraiser_id, ()):
            amount = self.tr("unreadable") if p.amount is None else money_text(p.amount, f.currency)
            template = self.tr("%1: %2 (received)") if p.received else self.tr("%1: %2")
            text = fill(template, peer_text.name(p.member_name), amount)
            row = QStandardItem(text)
            row.setData(p, ItemRole)
            row.setData(text, Qt.ItemDataRole.AccessibleTextRole)
            self.pledges_model.appendRow(row)
            if p.member_pk == chosen:
                self.pledges.setCurrentIndex(self.pledges_model.indexFromItem(row))
        self._enable_received()

    def selected_pledge(self) -> Pledge | None:
        index = self.pledges.currentIndex()
        item = index.data(ItemRole) if index.isValid() else None
        return item if isinstance(item, Pledge) else None

    def _enable_received(self) -> None:
        """Only a pledge this device could read and not yet marked can be marked received."""
        p = self.selected_pledge()
        self.received_button.setEnabled(p is not None and p.amount is not None and not p.received)

    def _update_line(self, u: CauseUpdate) -> str:
        text = self.tr("Update from %1: %2")
        return fill(text, peer_text.name(u.author_name), peer_text.block(u.text))

    def _show_campaign(self) -> None:
        c = self.selected_campaign()
        self.done_button.setEnabled(c is not None and not c.you_did and not c.closed)
        self.camp_end.show_for(
            c is not None, bool(c and c.you_organise), bool(c and c.closed), self._moderator
        )
        if c is None:
            self.camp_details.setText("")
            return
        lines = [self.tr("Closed: no more sign-ups.")] if c.closed else []
        lines.append(self.tr("Action: %1").replace("%1", peer_text.block(c.action)))
        if c.place:
            lines.append(self.tr("Where: %1").replace("%1", peer_text.block(c.place)))
        if c.date:
            lines.append(self.tr("On %1").replace("%1", day_text(c.date)))
        if c.you_did:
            lines.append(self.tr("You did this. Thank you."))
        lines += [self._update_line(u) for u in c.updates]
        self.camp_details.setText("\n".join(lines))

    def clear(self) -> None:
        """On lock or another space: forget what is shown and close a start dialog."""
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.show_causes((), (), ())

    # ---------------------------------------------------------------- acting

    def _with_fundraiser(self, act: Callable[[Fundraiser], None]) -> None:
        f = self.selected_fundraiser()
        if f is not None:
            act(f)

    def _pledge(self) -> None:
        f = self.selected_fundraiser()
        if f is not None and self.amount.text().strip():
            self.pledgeRequested.emit(f.fundraiser_id, typed_amount(self.amount.text()), f.currency)

    def _update(self) -> None:
        f = self.selected_fundraiser()
        if f is not None and self.update_text.text().strip():
            self.updateRequested.emit(f.fundraiser_id, self.update_text.text())

    def _received(self) -> None:
        f, p = self.selected_fundraiser(), self.selected_pledge()
        if f is not None and p is not None and self.received_button.isEnabled():
            self.receivedRequested.emit(f.fundraiser_id, p.member_pk)

    def _done(self) -> None:
        c = self.selected_campaign()
        if c is not None:
            self.doneRequested.emit(c.campaign_id)
