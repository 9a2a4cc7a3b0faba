"""About the space and you in it: its description and guidelines, the name, pronouns and
colour this space knows you by (only this space: other spaces see another persona), your
mute words, which hide matching posts for you alone, and leaving the space (owners may first
hand it over)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces.model import COLOURS, Member, Role, SpaceInfo
from haven.ui import peer_text
from haven.ui.dates import number_text
from haven.ui.spaces.media_settings_box import MediaSettingsBox
from haven.ui.user_text import PlainTextEdit


def _swatch(colour: str) -> QPixmap:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return pixmap


class MeTab(QWidget):
    #: name, pronouns, colour
    personaRequested = Signal(str, str, str)
    muteRequested = Signal(list)
    leaveRequested = Signal()
    handOverRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.about = peer_text.plain_label()
        self.about.setWordWrap(True)
        self.guidelines = PlainTextEdit()
        self.guidelines.setReadOnly(True)
        self.guidelines.setTabChangesFocus(True)
        self.guidelines.setAccessibleName(self.tr("The space's guidelines"))
        self.guidelines.setMaximumHeight(110)
        self.name = QLineEdit()
        self.name.setMaxLength(80)
        self.name.setAccessibleName(self.tr("Your name in this space"))
        self.pronouns = QLineEdit()
        self.pronouns.setMaxLength(40)
        self.pronouns.setAccessibleName(self.tr("Your pronouns in this space"))
        self.colour = QComboBox()
        self.colour.setAccessibleName(self.tr("Your colour in this space"))
        for number, colour in enumerate(COLOURS, 1):
            self.colour.addItem(
                _swatch(colour), self.tr("Colour %1").replace("%1", number_text(number)), colour
            )
        self.save_persona = QPushButton(self.tr("Sav&e name"))
        self.save_persona.setAccessibleName(self.tr("Save your name in this space"))
        self.mute = PlainTextEdit()
        self.mute.setTabChangesFocus(True)
        self.mute.setAccessibleName(self.tr("Mute words, one per line"))
        self.mute.setPlaceholderText(self.tr("One word or phrase per line"))
        self.mute.setMaximumHeight(90)
        self.save_mute = QPushButton(self.tr("Save mu&te words"))
        self.save_mute.setAccessibleName(self.tr("Save the mute words"))
        self.membership = QLabel()
        self.membership.setWordWrap(True)
        self.leave_button = QPushButton(self.tr("Leave this spa&ce…"))
        self.leave_button.setAccessibleName(self.tr("Leave this space"))
        self.hand_over_button = QPushButton(self.tr("Hand o&ver ownership…"))
        self.hand_over_button.setAccessibleName(
            self.tr("Hand over ownership of this space to another member")
        )
        self.status = QLabel()
        self.status.setWordWrap(True)

        persona_box = QGroupBox(self.tr("You in this space"))
        form = QFormLayout(persona_box)
        form.addRow(self.tr("Na&me"), self.name)
        form.addRow(self.tr("&Pronouns"), self.pronouns)
        form.addRow(self.tr("C&olour"), self.colour)
        form.addRow("", self.save_persona)
        persona_hint = QLabel(
            self.tr(
                "Other spaces know you by another name and key, so "
                "nobody can link your memberships."
            )
        )
        persona_hint.setWordWrap(True)
        form.addRow(persona_hint)
        mute_box = QGroupBox(self.tr("Mute words"))
        mute_layout = QVBoxLayout(mute_box)
        mute_hint = QLabel(self.tr("Posts containing these are hidden for you only."))
        mute_hint.setWordWrap(True)
        mute_layout.addWidget(mute_hint)
        mute_layout.addWidget(self.mute)
        mute_row = QHBoxLayout()
        mute_row.addStretch(1)
        mute_row.addWidget(self.save_mute)
        mute_layout.addLayout(mute_row)
        leave_box = QGroupBox(self.tr("Your membership"))
        leave_layout = QVBoxLayout(leave_box)
        leave_layout.addWidget(self.membership)
        leave_row = QHBoxLayout()
        leave_row.addStretch(1)
        leave_row.addWidget(self.hand_over_button)
        leave_row.addWidget(self.leave_button)
        leave_layout.addLayout(leave_row)
        # The tallest tab: it scrolls, rather than holding the window taller than the screen.
        content = QWidget()
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroller)
        layout = QVBoxLayout(content)
        layout.addWidget(self.about)
        layout.addWidget(self.guidelines)
        layout.addWidget(persona_box)
        layout.addWidget(mute_box)
        self.media = MediaSettingsBox()
        layout.addWidget(self.media)
        layout.addWidget(leave_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.save_persona.clicked.connect(self._save_persona)
        self.save_mute.clicked.connect(self._save_mute)
        self.leave_button.clicked.connect(self.leaveRequested)
        self.hand_over_button.clicked.connect(self.handOverRequested)

    def show_space(
        self, info: SpaceInfo, me: Member | None, mute_words: Sequence[str], refresh_fields: bool
    ) -> None:
        topics = ", ".join(peer_text.line(t) for t in info.topics)
        about = peer_text.block(info.description) or self.tr("No description.")
        self.about.setText(f"{about}\n{topics}" if topics else about)
        self.guidelines.setPlainText(
            peer_text.block(info.guidelines) or self.tr("No guidelines yet.")
        )
        editable = me is not None
        for widget in (self.name, self.pronouns, self.colour, self.save_persona):
            widget.setEnabled(editable)
        self._show_membership(info.my_role)
        if refresh_fields:
            self.status.clear()
            self.name.setText(me.display_name if me is not None else "")
            self.pronouns.setText(me.pronouns if me is not None else "")
            found = self.colour.findData(me.colour if me is not None else "")
            self.colour.setCurrentIndex(max(found, 0))
            self.mute.setPlainText("\n".join(mute_words))

    def _show_membership(self, role: Role | None) -> None:
        self.leave_button.setEnabled(role is not None)
        self.hand_over_button.setVisible(role is Role.OWNER)
        if role is None:
            text = self.tr(
                "You are not a member of this space any more. What you read before stays "
                "on this computer, locked in your vault."
            )
        elif role is Role.OWNER:
            text = self.tr(
                "You own this space. If you leave, the highest-ranked member who joined first "
                "becomes its owner; to choose who, hand it over first."
            )
        else:
            text = self.tr("Leaving stops new posts reaching you; the others see that you left.")
        self.membership.setText(text)

    def clear(self) -> None:
        for widget in (self.about, self.status, self.name, self.pronouns, self.membership):
            widget.clear()
        self.leave_button.setEnabled(False)
        self.hand_over_button.setVisible(False)
        self.guidelines.clear()
        self.mute.clear()

    def _save_persona(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.status.setText(self.tr("Choose a name for this space."))
            self.name.setFocus()
            return
        self.personaRequested.emit(
            name, self.pronouns.text().strip(), str(self.colour.currentData() or "")
        )

    def _save_mute(self) -> None:
        words = [w.strip() for w in self.mute.toPlainText().split("\n") if w.strip()]
        self.muteRequested.emit(words)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
