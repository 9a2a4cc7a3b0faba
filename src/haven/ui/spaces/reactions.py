"""Supportive reactions for one post: a toggle button per kind with its count, always in the
same order (never ranked by count), each reachable by Tab and Space."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from haven.core.spaces.model import REACTIONS, FeedPost
from haven.ui.dates import number_text
from haven.ui.flow_row import FlowRow
from haven.ui.spaces import wording


class ReactionsBar(QWidget):
    #: kind, on
    toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        for kind in REACTIONS:
            button = QPushButton()
            button.setCheckable(True)
            button.setObjectName(f"reaction-{kind}")
            button.clicked.connect(lambda on, k=kind: self.toggled.emit(k, on))
            self.buttons[kind] = button
        # Wraps onto more rows in a narrow column (it used to hold the window 500 px wide).
        self.row = FlowRow(list(self.buttons.values()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.row)
        self.show_post(None)

    def show_post(self, post: FeedPost | None) -> None:
        usable = post is not None and post.state == "visible"
        for kind, button in self.buttons.items():
            count = post.reactions.get(kind, 0) if post is not None else 0
            mine = post is not None and kind in post.my_reactions
            label = wording.reaction_label(kind)
            button.setText(f"{label} {number_text(count)}" if count else label)
            button.setChecked(mine)
            button.setEnabled(usable)
            name = self.tr("%1: %Ln reactions", "", count).replace("%1", label)
            if mine:
                name += ", " + self.tr("including yours")
            button.setAccessibleName(name)
        self.row.refit()

    def count(self, kind: str) -> int:
        """The number shown on a kind's button (0 when none)."""
        text = self.buttons[kind].text().rsplit(" ", 1)
        return int(text[1]) if len(text) == 2 and text[1].isdigit() else 0
