"""The buttons that end a fundraiser or campaign in the causes tab (docs/PROTOCOL.md §5.10):
"Close" for its organisers (no more pledges or "I did this"), and "Remove…" for moderators,
which asks for a reason and erases its text on every replica. The core decides; these only
show what the reader's role allows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from haven.core.spaces.fundraisers import Campaign, Fundraiser

Chosen = Callable[[], Fundraiser | Campaign | None]


class EndButtons(QWidget):
    closeRequested = Signal(str, bytes)  # "fundraiser" or "campaign", its id
    removeRequested = Signal(str, bytes, str)  # kind, id, its title (to ask a reason)

    @classmethod
    def of(cls, kind: str, chosen: Chosen) -> EndButtons:
        """The buttons for a fundraiser or a campaign, with Alt letters the window leaves
        free ("Remove campaign…" has none left: Tab reaches it)."""
        if kind == "fundraiser":
            return cls(
                kind,
                chosen,
                (
                    QCoreApplication.translate("CausesTab", "Close &fundraiser"),
                    QCoreApplication.translate(
                        "CausesTab", "Close this fundraiser: no more pledges"
                    ),
                ),
                (
                    QCoreApplication.translate("CausesTab", "Remo&ve fundraiser…"),
                    QCoreApplication.translate(
                        "CausesTab", "Remove this fundraiser and erase its text (moderators)"
                    ),
                ),
            )
        return cls(
            kind,
            chosen,
            (
                QCoreApplication.translate("CausesTab", "Close c&ampaign"),
                QCoreApplication.translate("CausesTab", "Close this campaign: no more sign-ups"),
            ),
            (
                QCoreApplication.translate("CausesTab", "Remove campaign…"),
                QCoreApplication.translate(
                    "CausesTab", "Remove this campaign and erase its text (moderators)"
                ),
            ),
        )

    def __init__(
        self,
        kind: str,
        chosen: Chosen,
        close: tuple[str, str],
        remove: tuple[str, str],
        parent: QWidget | None = None,
    ) -> None:
        """`chosen`: the fundraiser or campaign chosen in the tab; `close` and `remove`: each
        button's text (with its mnemonic) and accessible name."""
        super().__init__(parent)
        self._kind, self._chosen = kind, chosen
        self.close_button = QPushButton(close[0])
        self.close_button.setAccessibleName(close[1])
        self.remove_button = QPushButton(remove[0])
        self.remove_button.setAccessibleName(remove[1])
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.close_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.close_button.clicked.connect(lambda: self._emit(remove=False))
        self.remove_button.clicked.connect(lambda: self._emit(remove=True))

    def show_for(self, chosen: bool, organise: bool, closed: bool, moderator: bool) -> None:
        """Close: an organiser's, while it is open. Remove…: a moderator's."""
        self.close_button.setVisible(chosen and organise)
        self.close_button.setEnabled(chosen and organise and not closed)
        self.remove_button.setVisible(chosen and moderator)
        self.setVisible(chosen and (organise or moderator))

    def _emit(self, remove: bool) -> None:
        item = self._chosen()
        if item is None:
            return
        ident = item.fundraiser_id if isinstance(item, Fundraiser) else item.campaign_id
        if remove:
            self.removeRequested.emit(self._kind, ident, item.title)
        elif self.close_button.isEnabled():
            self.closeRequested.emit(self._kind, ident)
