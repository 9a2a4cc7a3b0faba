"""For moderators: the reports queue (what members flagged, and why) and the moderation log
(who removed, banned, or changed what, in order)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces.model import FeedPost, ModAction, Report, Role
from haven.ui import peer_text
from haven.ui.spaces import wording
from haven.ui.spaces.markdown import preview

ReportRole = Qt.ItemDataRole.UserRole + 1


class ModerationTab(QWidget):
    #: post id of the selected report
    removeRequested = Signal(bytes)
    openRequested = Signal(bytes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reports_model = QStandardItemModel(self)
        self.reports = QListView()
        self.reports.setModel(self.reports_model)
        self.reports.setAccessibleName(self.tr("Reports"))
        self.reports.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.reports_label = QLabel(self.tr("Reports"))
        self.reports_label.setBuddy(self.reports)
        self.open_button = QPushButton(self.tr("&Open the post"))
        self.open_button.setAccessibleName(self.tr("Open the reported post in the feed"))
        self.remove_button = QPushButton(self.tr("Re&move the post…"))
        self.remove_button.setAccessibleName(self.tr("Remove the reported post"))
        self.log_model = QStandardItemModel(self)
        self.log = QListView()
        self.log.setModel(self.log_model)
        self.log.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.log.setAccessibleName(self.tr("Moderation log"))
        log_label = QLabel(self.tr("Moderation log"))
        log_label.setBuddy(self.log)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reports_label)
        layout.addWidget(self.reports, 2)
        layout.addLayout(buttons)
        layout.addWidget(log_label)
        layout.addWidget(self.log, 2)
        self.reports.selectionModel().currentChanged.connect(lambda *_: self._update())
        self.open_button.clicked.connect(lambda: self._emit(self.openRequested))
        self.remove_button.clicked.connect(lambda: self._emit(self.removeRequested))
        self._update()

    def show_queue(
        self, reports: Sequence[Report], actions: Sequence[ModAction], posts: dict[bytes, FeedPost]
    ) -> None:
        """Reports newest first, each with what the post says (or that it is gone)."""
        self.reports_model.clear()
        for report in sorted(reports, key=lambda r: -r.created_ms):
            post = posts.get(report.target_id)
            if post is None:
                about = self.tr("a post not loaded here")
            elif post.state != "visible":
                about = self.tr("(already removed or deleted)")
            else:
                headline = peer_text.line(post.title) or peer_text.isolate(preview(post.body, 80))
                about = f"“{headline}” — {peer_text.name(post.author_name)}"
            text = (
                self.tr("%1 reported %2: %3")
                .replace("%1", peer_text.name(report.reporter_name))
                .replace("%2", about)
                .replace("%3", peer_text.line(report.reason))
                + f" · {wording.when(report.created_ms)}"
            )
            item = QStandardItem(text)
            item.setData(report, ReportRole)
            item.setData(text, Qt.ItemDataRole.AccessibleTextRole)
            self.reports_model.appendRow(item)
        self.reports_label.setText(self.tr("Reports (%Ln)", "", len(reports)))
        self.log_model.clear()
        for action in reversed(actions):
            detail = _detail(action)
            text = (
                f"{wording.when(action.created_ms)} · {peer_text.name(action.actor_name)} "
                f"{wording.modlog_action(action.action)}{detail}"
            )
            self.log_model.appendRow(QStandardItem(text))
        self._update()

    def clear(self) -> None:
        self.show_queue([], [], {})

    def selected(self) -> Report | None:
        index = self.reports.currentIndex()
        report = index.data(ReportRole) if index.isValid() else None
        return report if isinstance(report, Report) else None

    def report_texts(self) -> list[str]:
        return [self.reports_model.item(r).text() for r in range(self.reports_model.rowCount())]

    def log_texts(self) -> list[str]:
        return [self.log_model.item(r).text() for r in range(self.log_model.rowCount())]

    def _update(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _emit(self, signal: SignalInstance) -> None:
        report = self.selected()
        if report is not None:
            signal.emit(report.target_id)


def _detail(action: ModAction) -> str:
    """The reason or name an entry carries; internal details (key counts) are left out."""
    if action.action == "role":
        try:
            return ": " + wording.role_label(Role(action.detail))
        except ValueError:
            return ""
    removals = ("remove-post", "remove-fundraiser", "remove-campaign")
    if action.action in ("add", "remove", "ban", *removals) and action.detail:
        return f": {peer_text.line(action.detail)}"
    return ""
