"""For admins: people who used an invite and wait for an answer. Approving adds them (and
seals the space's keys to their device); denying sends them a no, and their keys are
deleted on their side."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces.invites import RequestInfo
from haven.ui import peer_text
from haven.ui.spaces import wording

RequestRole = Qt.ItemDataRole.UserRole + 1


class RequestsBox(QGroupBox):
    approveRequested = Signal(bytes, str)  # request id, name
    denyRequested = Signal(bytes, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Join requests"))
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("Join requests"))
        self.list.setMaximumHeight(110)
        self.approve_button = QPushButton(self.tr("A&pprove"))
        self.approve_button.setAccessibleName(self.tr("Approve the selected request"))
        self.deny_button = QPushButton(self.tr("Den&y"))
        self.deny_button.setAccessibleName(self.tr("Deny the selected request"))
        row = QHBoxLayout()
        row.addWidget(self.approve_button)
        row.addWidget(self.deny_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update())
        self.approve_button.clicked.connect(lambda: self._emit(self.approveRequested))
        self.deny_button.clicked.connect(lambda: self._emit(self.denyRequested))
        self._update()

    def show_requests(self, requests: Sequence[RequestInfo]) -> None:
        index = self.list.currentIndex()
        keep = index.data(RequestRole).request_id if index.isValid() else None
        self.model.clear()
        for request in requests:
            who = peer_text.name(request.display_name)
            if request.pronouns:
                who += f" ({peer_text.name(request.pronouns)})"
            text = (
                self.tr("%1 asks to join · %2")
                .replace("%1", who)
                .replace("%2", wording.when(request.created_ms))
            )
            item = QStandardItem(text)
            item.setData(request, RequestRole)
            self.model.appendRow(item)
            if request.request_id == keep:
                self.list.setCurrentIndex(item.index())
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.setTitle(self.tr("Join requests (%Ln)", "", len(requests)))
        self._update()

    def names(self) -> list[str]:
        return [
            self.model.item(r).data(RequestRole).display_name for r in range(self.model.rowCount())
        ]

    def _selected(self) -> RequestInfo | None:
        index = self.list.currentIndex()
        request = index.data(RequestRole) if index.isValid() else None
        return request if isinstance(request, RequestInfo) else None

    def _update(self) -> None:
        """Approve and Deny only with a request to act on: hidden while none waits, enabled
        once one is selected. (Inviting is on the space's header, space_header.py.)"""
        chosen = self._selected() is not None
        for button in (self.approve_button, self.deny_button):
            button.setVisible(self.model.rowCount() > 0)
            button.setEnabled(chosen)

    def _emit(self, signal: SignalInstance) -> None:
        request = self._selected()
        if request is not None:
            signal.emit(request.request_id, request.display_name)
