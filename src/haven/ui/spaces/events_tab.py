"""A space's events: upcoming first, then past and cancelled ones; the selected event's details
in the reader's own time zone and locale (dates and digits as the language writes them); the
place only once it has been revealed to this device, otherwise when it will be; and the
person's answer — going, maybe, can't go — which only the organisers see.

Every string from a peer (title, description, place, names) is shown as plain text, cleaned
and bidi-isolated. Reading and answering run in the bridge's workers; the view re-reads when
an answer is written. Admins create events with "New event…" (event_dialog.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces.gatherings.details import next_occurrence
from haven.core.spaces.gatherings.model import Attendee, Gathering
from haven.ui import peer_text

EventId = Qt.ItemDataRole.UserRole + 1


def local_when(utc_s: int) -> str:
    """A time in this computer's zone, written the way the app's language writes dates."""
    moment = QDateTime.fromSecsSinceEpoch(utc_s).toLocalTime()
    return QLocale().toString(moment, QLocale.FormatType.LongFormat)


class EventsTab(QWidget):
    #: event id, answer ("going", "maybe" or "no")
    answerRequested = Signal(bytes, str)
    #: an admin asked for the "New event…" dialog
    createRequested = Signal()
    #: an organiser selected their event: read its guest list (event id)
    guestsRequested = Signal(bytes)
    #: event id, member key
    approveRequested = Signal(bytes, bytes)

    def __init__(self, now_s: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now_s = now_s
        self._events: dict[bytes, Gathering] = {}
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Events, upcoming first"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentItemChanged.connect(lambda _c, _p: self._show_selected())
        self.empty = peer_text.plain_label(self.tr("No events in this space yet."))
        self.new_button = QPushButton(self.tr("Ne&w event…"))
        self.new_button.setAccessibleName(self.tr("Create a new event"))
        self.new_button.clicked.connect(self.createRequested)
        self.new_button.hide()  # admins only (set_can_create)
        self.heading = peer_text.plain_label()
        self.heading.setObjectName("eventHeading")
        self.details = peer_text.plain_label()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.details.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details.setAccessibleName(self.tr("Event details"))
        self.going = QPushButton(self.tr("&Going"))
        self.going.setAccessibleName(self.tr("Answer: going"))
        self.maybe = QPushButton(self.tr("Ma&ybe"))
        self.maybe.setAccessibleName(self.tr("Answer: maybe"))
        self.no = QPushButton(self.tr("Can'&t go"))
        self.no.setAccessibleName(self.tr("Answer: can't go"))
        for button, answer in ((self.going, "going"), (self.maybe, "maybe"), (self.no, "no")):
            button.clicked.connect(lambda _c=False, a=answer: self._answer(a))
        self.privacy = peer_text.plain_label(
            self.tr("Only the organisers see your answer and your note.")
        )
        self.privacy.setWordWrap(True)
        self.guests_label = peer_text.plain_label(self.tr("Guest list (only organisers see it)"))
        self.guests = QListWidget()
        self.guests.setAccessibleName(self.tr("Guest list, only organisers see it"))
        self.approve = QPushButton(self.tr("Appro&ve guest"))
        self.approve.setAccessibleName(self.tr("Approve the selected guest"))
        self.approve.clicked.connect(self._approve)

        answers = QHBoxLayout()
        for button in (self.going, self.maybe, self.no):
            answers.addWidget(button)
        answers.addStretch(1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.heading)
        column.addWidget(self.details, 1)
        column.addLayout(answers)
        column.addWidget(self.privacy)
        column.addWidget(self.guests_label)
        column.addWidget(self.guests, 1)
        column.addWidget(self.approve)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(self.empty, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.show_events([])

    # ---------------------------------------------------------------- showing

    def set_can_create(self, admin: bool) -> None:
        self.new_button.setVisible(admin)

    def show_events(self, events: Sequence[Gathering]) -> None:
        """Upcoming (not over, not cancelled) first, soonest first; then the rest, newest
        first. Keeps the selection when the event is still there."""
        selected = self.selected_id()
        now = self._now_s()

        # A repeating event is upcoming until its last occurrence ends, and listed by the
        # next one (not by its first date).
        coming = {g.gathering_id: next_occurrence(g.details, now) for g in events}
        nxt = {gid: when[0] for gid, when in coming.items() if when is not None}

        def over(g: Gathering) -> bool:
            return g.cancelled or g.gathering_id not in nxt

        upcoming = sorted((g for g in events if not over(g)), key=lambda g: nxt[g.gathering_id])
        rest = sorted((g for g in events if over(g)), key=lambda g: -g.details.start)
        self._events = {g.gathering_id: g for g in events}
        self.list.blockSignals(True)
        self.list.clear()
        for g in [*upcoming, *rest]:
            item = QListWidgetItem(self._line(g, nxt.get(g.gathering_id, g.details.start)))
            item.setData(EventId, g.gathering_id)
            self.list.addItem(item)
            if g.gathering_id == selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.empty.setVisible(not events)
        self._show_selected()

    def _line(self, g: Gathering, start: int) -> str:
        title = peer_text.line(g.details.title)
        if g.cancelled:
            return (
                self.tr("%1 — %2 (cancelled)").replace("%1", local_when(start)).replace("%2", title)
            )
        return self.tr("%1 — %2").replace("%1", local_when(start)).replace("%2", title)

    def selected_id(self) -> bytes | None:
        item = self.list.currentItem()
        value = item.data(EventId) if item is not None else None
        return bytes(value) if isinstance(value, bytes | bytearray) else None

    def _show_selected(self) -> None:
        gid = self.selected_id()
        g = self._events.get(gid) if gid is not None else None
        for button in (self.going, self.maybe, self.no):
            button.setEnabled(g is not None and not g.cancelled)
        self.privacy.setVisible(g is not None)
        organising = g is not None and g.i_organise and not g.cancelled
        for widget in (self.guests_label, self.guests, self.approve):
            widget.setVisible(organising)
        self.guests.clear()
        if organising and gid is not None:
            self.guestsRequested.emit(gid)
        if g is None:
            peer_text.set_plain(self.heading, "")
            peer_text.set_plain(self.details, "")
            return
        peer_text.set_plain(self.heading, peer_text.one_line(g.details.title))
        self.heading.setAccessibleName(self.heading.text())
        peer_text.set_plain(self.details, self.describe(g))

    def describe(self, g: Gathering) -> str:
        d = g.details
        lines = []
        if g.cancelled:
            lines.append(self.tr("This event was cancelled."))
        when = local_when(d.start)
        if d.end is not None:
            when = self.tr("%1 to %2").replace("%1", when).replace("%2", local_when(d.end))
        lines.append(self.tr("When: %1").replace("%1", when))
        if d.repeat == "weekly":
            lines.append(self.tr("Every week, %Ln times", "", d.repeat_count))
        elif d.repeat == "monthly":
            lines.append(self.tr("Every month, %Ln times", "", d.repeat_count))
        kinds = {
            "in_person": self.tr("In person"),
            "online": self.tr("Online"),
            "hybrid": self.tr("In person and online"),
        }
        lines.append(kinds.get(d.kind, ""))
        names = ", ".join(peer_text.name(n) for _, n in g.organisers)
        lines.append(self.tr("Organisers: %1").replace("%1", names))
        if g.place is not None:
            lines.append(self.tr("Place: %1").replace("%1", peer_text.block(g.place)))
        elif d.has_place and d.reveal_at is not None:
            lines.append(
                self.tr("The place is revealed on %1 to people who have a place.").replace(
                    "%1", local_when(d.reveal_at)
                )
            )
        elif d.has_place:
            lines.append(self.tr("The place is revealed to people who have a place."))
        if g.counts is not None:
            lines.append(self.tr("%Ln people answered", "", g.counts.responses))
        answers = {
            "going": self.tr("You are going."),
            "maybe": self.tr("You said maybe."),
            "no": self.tr("You can't go."),
        }
        if g.my_answer is not None:
            lines.append(answers[g.my_answer])
        if g.my_approved:
            lines.append(self.tr("The organisers approved you."))
        if d.description:
            lines += ["", peer_text.block(d.description)]
        return "\n".join(line for line in lines if line is not None)

    def show_guests(self, gid: bytes, guests: Sequence[Attendee]) -> None:
        """The guest list of `gid`, if it is still the event shown."""
        if gid != self.selected_id():
            return
        self.guests.clear()
        for a in guests:
            item = QListWidgetItem(self._guest_line(a))
            item.setData(EventId, a.member_pk)
            self.guests.addItem(item)

    def _guest_line(self, a: Attendee) -> str:
        answers = {"going": self.tr("going"), "maybe": self.tr("maybe"), "no": self.tr("can't go")}
        parts = [answers.get(a.answer, "")]
        if a.plus_one:
            parts.append(self.tr("+1"))
        if a.approved:
            parts.append(self.tr("approved"))
        parts.append(self.tr("has a place") if a.has_place else self.tr("no place"))
        if not a.active:
            parts.append(self.tr("no longer a member"))
        line = (
            self.tr("%1: %2").replace("%1", peer_text.name(a.name)).replace("%2", ", ".join(parts))
        )
        if a.note:
            line = (
                self.tr("%1 — note: %2").replace("%1", line).replace("%2", peer_text.line(a.note))
            )
        return line

    def _approve(self) -> None:
        gid, item = self.selected_id(), self.guests.currentItem()
        member = item.data(EventId) if item is not None else None
        if gid is not None and isinstance(member, bytes | bytearray):
            self.approveRequested.emit(gid, bytes(member))

    def _answer(self, answer: str) -> None:
        gid = self.selected_id()
        if gid is not None:
            self.answerRequested.emit(gid, answer)
