"""What the Events tab asks of the space view: the events read in a worker after each refresh,
the guest list of an event the person organises, and the writes (answer, approve, create),
each through the view's `act` so the space is re-read afterwards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from haven.core.spaces.gatherings.model import Attendee, Gathering
from haven.core.spaces.service import SpaceService
from haven.ui.bridge import SessionBridge
from haven.ui.spaces import wording
from haven.ui.spaces.event_dialog import NewEventDialog
from haven.ui.spaces.events_tab import EventsTab

Act = Callable[[Callable[[SpaceService, bytes], Any], str], None]


class SpaceEvents(QObject):
    def __init__(
        self,
        parent: QWidget,
        tab: EventsTab,
        bridge: SessionBridge,
        spaces: Callable[[], SpaceService | None],
        space_id: Callable[[], bytes | None],
        act: Act,
        say: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self._parent, self._tab, self._bridge = parent, tab, bridge
        self._spaces, self._space_id, self._act, self._say = spaces, space_id, act, say
        self.dialog: NewEventDialog | None = None
        tab.answerRequested.connect(self._answer)
        tab.createRequested.connect(self._new_event)
        tab.guestsRequested.connect(self._load_guests)
        tab.approveRequested.connect(self._approve)

    def load(self) -> None:
        """The space's events, unless another space was chosen meanwhile."""
        spaces, space_id = self._spaces(), self._space_id()
        if spaces is None or space_id is None:
            return

        def done(events: list[Gathering]) -> None:
            if space_id == self._space_id():
                self._tab.show_events(events)

        self._bridge.run(lambda: spaces.gatherings.list(space_id), done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._say(wording.failure_text(exc))

    def _load_guests(self, gathering_id: bytes) -> None:
        spaces, space_id = self._spaces(), self._space_id()
        if spaces is None or space_id is None:
            return

        def done(guests: list[Attendee]) -> None:
            if space_id == self._space_id():
                self._tab.show_guests(gathering_id, guests)

        self._bridge.run(
            lambda: spaces.gatherings.attendees(space_id, gathering_id), done, self._failed
        )

    def _new_event(self) -> None:
        self.dialog = NewEventDialog(self._parent)
        dialog = self.dialog
        dialog.accepted.connect(
            lambda: self._act(
                lambda spaces, space_id: spaces.gatherings.create(
                    space_id, dialog.content, place=dialog.place_text
                ),
                self.tr("Event created."),
            )
        )
        dialog.open()

    def _approve(self, gathering_id: bytes, member: bytes) -> None:
        self._act(
            lambda spaces, space_id: spaces.gatherings.approve(space_id, gathering_id, member),
            self.tr("Approved. Only they and the organisers know."),
        )

    def _answer(self, gathering_id: bytes, answer: str) -> None:
        self._act(
            lambda spaces, space_id: spaces.gatherings.rsvp(space_id, gathering_id, answer),
            self.tr("Answer sent. Only the organisers see it."),
        )
