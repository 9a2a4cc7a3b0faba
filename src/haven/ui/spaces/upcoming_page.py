"""The Upcoming section: the person's next events across every space they are a member of,
soonest first (core/spaces/gatherings/upcoming.py), each line its time in this computer's zone
and the app's language (Arabic digits in Arabic, as the Events tab writes them), the space,
the title, and the person's own answer; a cancelled event marked. "Export my events…" writes
the events they are going to as one calendar file (going_export.py).

Space names and titles come from peers: they are cleaned and bidi-isolated, and the list shows
them as plain text (list items are never markup). The list is read in the bridge's worker on
unlock, when the section is shown, and after changes in a space whose events it could list (a
burst of them once): not after those in a space the person has left, except to its members."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from haven.core.changes import Change, KeysChanged, MembersChanged, SpaceDetailsChanged
from haven.core.spaces.gatherings.upcoming import Occurrence, Upcoming
from haven.ui import appearance, peer_text
from haven.ui.bridge import SessionBridge, changes_of
from haven.ui.spaces import wording
from haven.ui.spaces.events_tab import local_when
from haven.ui.spaces.going_export import GoingExport

# How many occurrences the section lists.
SHOWN = 50
REFRESH_DELAY_MS = 120
#: Changes that may make the person a member of a space again (an admin adds them back).
MEMBERSHIP = (MembersChanged, SpaceDetailsChanged, KeysChanged)


class UpcomingPage(QWidget):
    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._ticket = 0
        #: spaces held here that the last read left out (left, or removed from)
        self._not_member: frozenset[bytes] = frozenset()
        heading = peer_text.plain_label(self.tr("Upcoming events"))
        appearance.mark_heading(heading, 1)
        self.intro = peer_text.plain_label(
            self.tr(
                "Your next events in every space you belong to, soonest first. "
                "Only the organisers see your answers."
            )
        )
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Your upcoming events in every space, soonest first"))
        self.empty = peer_text.plain_label(self.tr("No upcoming events in your spaces."))
        self.status = peer_text.plain_label()
        self.status.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.setAccessibleName(self.tr("Read your upcoming events again"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("E&xport my events…"))
        self.export_button.setAccessibleName(
            self.tr("Export the events you are going to as a calendar file (not encrypted)")
        )
        self.export = GoingExport(bridge, self, lambda text: peer_text.set_plain(self.status, text))
        self.export_button.clicked.connect(self.export.start)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        bridge.changed.connect(self._on_changes)
        self.show_occurrences([])

    # ---------------------------------------------------------------- lifecycle

    def attach(self) -> None:
        self.refresh()

    def detach(self) -> None:
        """On lock: drop every title and name this page holds."""
        self._ticket += 1
        self._timer.stop()
        self._not_member = frozenset()
        self.export.close()
        self.show_occurrences([])
        self.status.clear()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # time has passed: what is upcoming has changed

    def _on_changes(self, changes: object) -> None:
        """A change in a space whose events could be listed reads the list again (a burst
        once). Not the journal's, and not one in a space the person has left or was
        removed from — unless it is about its members (they may have been added back)."""
        session = self.bridge.session
        journal = session.journal.space_id if session is not None else None
        if any(
            c.space_id != journal
            and (c.space_id not in self._not_member or isinstance(c, MEMBERSHIP))
            for c in changes_of(changes, Change)
        ):
            self._timer.start()

    def refresh(self) -> None:
        session = self.bridge.session
        if session is None:
            return
        gatherings = session.spaces.gatherings
        self._ticket += 1
        ticket = self._ticket

        def done(found: Upcoming) -> None:
            if ticket == self._ticket and self.bridge.session is not None:
                self._not_member = found.not_member
                self.show_occurrences(found.occurrences)

        def failed(exc: BaseException) -> None:
            if ticket == self._ticket:
                peer_text.set_plain(self.status, wording.failure_text(exc))

        self.bridge.run(lambda: gatherings.upcoming_view(SHOWN), done, failed)

    # ---------------------------------------------------------------- showing

    def show_occurrences(self, found: Sequence[Occurrence]) -> None:
        """Fill the list (the order is the core's: soonest first); keeps the row selected."""
        row = self.list.currentRow()
        self.list.clear()
        self.list.addItems([self.line(o) for o in found])
        if self.list.count():
            self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self.empty.setVisible(not found)
        self.list.setVisible(bool(found))

    def line(self, o: Occurrence) -> str:
        g = o.gathering
        text = (
            self.tr("%1 — %2: %3")
            .replace("%1", local_when(o.start))
            .replace("%2", peer_text.space_name(o.space_name))
            .replace("%3", peer_text.line(g.details.title))
        )
        if g.cancelled:
            return self.tr("%1 (cancelled)").replace("%1", text)
        answers = {
            "going": self.tr("%1 (you are going)"),
            "maybe": self.tr("%1 (you said maybe)"),
            "no": self.tr("%1 (you can't go)"),
        }
        if g.my_answer in answers:
            return answers[g.my_answer].replace("%1", text)
        return text
