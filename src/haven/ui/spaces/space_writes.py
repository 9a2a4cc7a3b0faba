"""The one-step writes the space view's tabs ask for — a reaction, a role, a block, this
persona's name, the mute words — each through the view's `act`, which says how it went and
re-reads the space."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from haven.ui.spaces.me_tab import MeTab
from haven.ui.spaces.members_tab import MembersTab
from haven.ui.spaces.thread_view import ThreadView

# The strings keep the space view's translation context (they were its own).
T = QCoreApplication
Act = Callable[..., None]


class SpaceWrites(QObject):
    def __init__(
        self, view: QWidget, thread: ThreadView, members: MembersTab, me: MeTab, act: Act
    ) -> None:
        super().__init__(view)
        self.act = act
        thread.reactRequested.connect(self._react)
        members.roleRequested.connect(self._set_role)
        members.blockRequested.connect(self._block)
        me.personaRequested.connect(self._update_persona)
        me.muteRequested.connect(self._set_mute_words)

    def _react(self, post_id: bytes, kind: str, on: bool) -> None:
        self.act(lambda s, sid: s.react(sid, post_id, kind, on), "")

    def _set_role(self, member_pk: bytes, role: str) -> None:
        self.act(
            lambda s, sid: s.set_role(sid, member_pk, role),
            T.translate("SpaceView", "Role changed."),
        )

    def _block(self, member_pk: bytes, blocked: bool) -> None:
        self.act(
            lambda s, sid: s.block(sid, member_pk, blocked),
            T.translate("SpaceView", "Blocked: their posts are hidden for you.")
            if blocked
            else T.translate("SpaceView", "Unblocked."),
        )

    def _update_persona(self, name: str, pronouns: str, colour: str) -> None:
        self.act(
            lambda s, sid: s.update_persona(sid, name, pronouns, colour),
            T.translate("SpaceView", "Saved your name in this space."),
        )

    def _set_mute_words(self, words: list[str]) -> None:
        self.act(
            lambda s, sid: s.set_mute_words(sid, words),
            T.translate("SpaceView", "Mute words saved."),
        )
