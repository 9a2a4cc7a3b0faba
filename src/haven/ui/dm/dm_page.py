"""The Messages section: the person's direct conversations (each with one member of a space
they share), and the one chosen (dm_view.py). The list is read in the bridge's worker on
unlock, when the section is shown, and after changes in any space (a burst of them once);
names come from peers and are shown as plain text (list items are never markup)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from haven.core.spaces.dm.service import DmSummary
from haven.ui import appearance, peer_text
from haven.ui.bridge import SessionBridge
from haven.ui.dates import number_text
from haven.ui.dm.dm_view import DmView
from haven.ui.section_refresh import SectionRefresh
from haven.ui.spaces import wording

DmRole = Qt.ItemDataRole.UserRole + 1


class DmPage(QWidget):
    #: Messages waiting to be read in all conversations (each counted up to the feed's cap).
    unreadChanged = Signal(int)

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._wanted: bytes | None = None
        heading = peer_text.plain_label(self.tr("Private messages"))
        appearance.mark_heading(heading, 1)
        self.intro = peer_text.plain_label(
            self.tr(
                "Each conversation is with one member of a space you share, under the names "
                'you both use there. Start one from a space\'s members: "Message privately".'
            )
        )
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Your private conversations"))
        self.list.setWordWrap(True)
        self.empty = peer_text.plain_label(self.tr("No private conversations yet."))
        self.status = peer_text.plain_label()
        self.status.setWordWrap(True)
        self.view = DmView(bridge)
        left = QWidget()
        left.setMinimumWidth(180)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.empty)
        column.addWidget(self.list, 1)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self._reads = SectionRefresh(bridge, self.refresh, self)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.view.changed.connect(self.refresh)
        self.show_conversations([])

    # ---------------------------------------------------------------- lifecycle

    def attach(self) -> None:
        self.refresh()

    def detach(self) -> None:
        """On lock: drop every name and message this page holds."""
        self._reads.cancel()
        self._wanted = None
        self.show_conversations([])
        self.view.load(None)
        self.status.clear()
        self.unreadChanged.emit(0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def open_dm(self, dm_id: bytes) -> None:
        """Show this conversation (just opened from a member row)."""
        self._wanted = dm_id
        self.refresh()

    def refresh(self) -> None:
        session = self.bridge.session
        if session is None:
            return
        self._reads.read(session.spaces.dms.list_dms, self.show_conversations, self._failed)

    def _failed(self, exc: BaseException) -> None:
        peer_text.set_plain(self.status, wording.failure_text(exc))

    # ---------------------------------------------------------------- showing

    def show_conversations(self, found: Sequence[DmSummary]) -> None:
        current = self.list.currentItem()
        keep = self._wanted or (current.data(DmRole) if current is not None else None)
        self._wanted = None
        self.list.blockSignals(True)
        self.list.clear()
        for d in found:
            item = QListWidgetItem(self.line(d))
            item.setData(DmRole, d.dm_id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, d in enumerate(found) if d.dm_id == keep), 0 if found else -1)
        self.list.setCurrentRow(row)
        self.empty.setVisible(not found)
        self.list.setVisible(bool(found))
        self._show_current()
        self.unreadChanged.emit(sum(d.unread for d in found))

    def _show_current(self) -> None:
        item = self.list.currentItem()
        self.view.load(item.data(DmRole) if item is not None else None)

    def line(self, d: DmSummary) -> str:
        text = (
            self.tr("%1 (from %2)")
            .replace("%1", peer_text.name(d.partner_name))
            .replace("%2", peer_text.space_name(d.parent_name))
        )
        if d.state == "blocked":
            return self.tr("%1, blocked").replace("%1", text)
        if d.state == "waiting":
            return self.tr("%1, arrives with the next sync").replace("%1", text)
        if d.unread:
            return self.tr("%1, %2 unread").replace("%1", text).replace("%2", number_text(d.unread))
        return text
