"""The top of an open space: its name, and for its admins an "Invite someone…" button in
plain sight (issue 17: it used to sit inside the join-requests box of the Members tab, where
a new admin did not find it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from haven.core.spaces.model import Role
from haven.ui import appearance, peer_text


class SpaceHeader(QWidget):
    inviteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = peer_text.plain_label()
        appearance.mark_heading(self.title, 2)
        # No Alt letter: each one it could take (i, v, t, e, s, o, m, n) is used beside it.
        self.invite_button = QPushButton(self.tr("Invite someone…"))
        self.invite_button.setAccessibleName(self.tr("Invite someone to this space"))
        self.invite_button.clicked.connect(self.inviteRequested)
        self.invite_button.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.invite_button)

    def show_role(self, role: Role | None) -> None:
        """Only admins can invite (the core refuses anyone else), so only they see it."""
        self.invite_button.setVisible(role is not None and role.rank >= Role.ADMIN.rank)
