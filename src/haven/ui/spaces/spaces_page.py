"""The Spaces section: your spaces with their unread counts on one side, the chosen space
on the other. Any committed event (a post written here, or one arriving by sync) refreshes
the list and the open space, a moment later and off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from haven.core.changes import Change
from haven.core.spaces.model import SpaceSummary
from haven.ui.bridge import SessionBridge, changes_of
from haven.ui.empty_state import GLYPH_SPACES, EmptyState
from haven.ui.spaces import wording
from haven.ui.spaces.dialogs import CreateSpaceDialog
from haven.ui.spaces.join_dialog import JoinDialog
from haven.ui.spaces.models import SpaceListModel
from haven.ui.spaces.space_view import SpaceView
from haven.ui.window_fit import PageStack

#: How long after an event the views re-read (events often come in bursts during sync).
REFRESH_DELAY_MS = 120


class SpacesPage(QWidget):
    #: Total unread posts over all spaces (the sidebar shows it).
    unreadChanged = Signal(int)

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.create_dialog: CreateSpaceDialog | None = None
        self.join_dialog: JoinDialog | None = None
        self._ticket = 0
        self._select_after_load: bytes | None = None
        self.model = SpaceListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Your spaces"))
        self.list.setAccessibleDescription(self.tr("Each with its number of unread posts"))
        self.list.setStyleSheet("QListView::item { padding: 6px 4px; }")
        self.empty = EmptyState(
            GLYPH_SPACES,
            self.tr("Spaces: small circles you trust"),
            self.tr(
                "A space is a private group: a support circle, a topic, an organising team. "
                "Everything in it is encrypted for its members only. Start one and invite "
                "people, or join with an invite someone gave you."
            ),
        )
        self.empty.finish_buttons()
        self.new_button = QPushButton(self.tr("&New space…"))
        self.new_button.setAccessibleName(self.tr("Create a new space"))
        self.join_button = QPushButton(self.tr("&Join…"))
        self.join_button.setAccessibleName(self.tr("Join a space with an invite code"))
        self.view = SpaceView(bridge)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("&Spaces"))
        heading.setBuddy(self.list)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.list, 1)
        self._left_layout = left_layout
        self.action_row = QWidget()  # the two buttons: under the list, or on the welcome page
        buttons = QHBoxLayout(self.action_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.join_button)
        left_layout.addWidget(self.action_row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 800])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.stack = PageStack()
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._open_current())
        self.new_button.clicked.connect(self.open_create_dialog)
        self.join_button.clicked.connect(self.open_join_dialog)
        self.view.changed.connect(self.refresh_list)
        self._pending: set[bytes] = set()  # spaces changed since the last refresh
        bridge.changed.connect(self._on_changes)

    # ---------------------------------------------------------------- lifecycle

    def attach(self) -> None:
        self.refresh_list()

    def detach(self) -> None:
        """On lock: drop every name, post and count this page holds."""
        self._ticket += 1
        self._timer.stop()
        self._pending.clear()
        for dialog in (self.create_dialog, self.join_dialog):
            if dialog is not None:
                dialog.reject()
        self.create_dialog = self.join_dialog = None
        self.model.set_spaces([])
        self.view.clear()
        self._show_welcome(False)
        self.unreadChanged.emit(0)

    # ---------------------------------------------------------------- loading

    def _on_changes(self, changes: object) -> None:
        """Changes in group spaces (not the journal) refresh the list (names, unread counts)
        and, if the space shown is among them, the view; a burst of them once."""
        session = self.bridge.session
        journal = session.journal.space_id if session is not None else None
        touched = {c.space_id for c in changes_of(changes, Change) if c.space_id != journal}
        if touched:
            self._pending |= touched
            self._timer.start()

    def refresh(self) -> None:
        """Re-read the list, and the space shown if it changed (with nothing pending: a
        refresh asked for by hand re-reads both)."""
        pending, self._pending = self._pending, set()
        self.refresh_list()
        if not pending or self.view.space_id in pending:
            self.view.reload()

    def refresh_list(self) -> None:
        session = self.bridge.session
        if session is None:
            return
        spaces = session.spaces
        self._ticket += 1
        ticket = self._ticket

        def done(summaries: list[SpaceSummary]) -> None:
            if ticket == self._ticket and self.bridge.session is not None:
                self._show_list(summaries)

        def failed(exc: BaseException) -> None:
            self.view.status.setText(wording.failure_text(exc))

        self.bridge.run(spaces.list_spaces, done, failed)

    def _show_list(self, summaries: list[SpaceSummary]) -> None:
        current = self.current_space()
        wanted = self._select_after_load or current
        self.model.set_spaces(summaries)
        self._show_welcome(not summaries)
        row = self.model.row_of(wanted) if wanted is not None else -1
        if row < 0 and summaries:
            row = 0
        if row >= 0 and (
            self._select_after_load is not None or current is None or self.model.row_of(current) < 0
        ):
            self._select_after_load = None
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        elif not summaries:
            self.view.show_space(None)
        self.unreadChanged.emit(self.model.total_unread())

    def _show_welcome(self, welcome: bool) -> None:
        """No space yet: a welcoming page that offers to create or join one, instead of an
        empty list beside a space view full of disabled controls."""
        if welcome == (self.stack.currentWidget() is self.empty):
            return
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.action_row.isAncestorOf(focused)
        if welcome:
            self.empty.add_button(self.action_row)
            self.stack.setCurrentWidget(self.empty)
        else:
            self._left_layout.addWidget(self.action_row)
            self.stack.setCurrentWidget(self.splitter)
        self.action_row.show()
        if had_focus:
            self.new_button.setFocus()

    def current_space(self) -> bytes | None:
        index = self.list.currentIndex()
        summary = self.model.summary(index.row()) if index.isValid() else None
        return summary.space_id if summary is not None else None

    def select_space(self, space_id: bytes) -> None:
        row = self.model.row_of(space_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))

    def _open_current(self) -> None:
        space_id = self.current_space()
        if space_id is not None and space_id == self.view.space_id:
            return  # a list refresh selected the space shown again: it re-reads on its changes
        self.view.show_space(space_id)

    # ---------------------------------------------------------------- creating

    def open_create_dialog(self) -> None:
        if self.bridge.session is None:
            return
        dialog = CreateSpaceDialog(self)
        self.create_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._create(dialog))
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        dialog.open()

    def _forget_dialog(self, dialog: CreateSpaceDialog) -> None:
        if self.create_dialog is dialog:
            self.create_dialog = None
        dialog.deleteLater()

    def _create(self, dialog: CreateSpaceDialog) -> None:
        session = self.bridge.session
        if session is None:
            return
        new, spaces = dialog.value(), session.spaces
        persona = session.identity.primary()

        def work() -> bytes:
            return spaces.create_space(
                new.name,
                new.description,
                new.topics,
                new.guidelines,
                display_name=persona.display_name,
                pronouns=persona.pronouns,
            )

        def done(space_id: bytes) -> None:
            self._select_after_load = space_id
            self.view.status.setText(self.tr("Space created. You are its owner."))
            self.refresh_list()

        def failed(exc: BaseException) -> None:
            self.view.status.setText(wording.failure_text(exc))

        self.bridge.run(work, done, failed)

    # ---------------------------------------------------------------- joining

    def open_join_dialog(self) -> None:
        if self.bridge.session is None:
            return
        dialog = JoinDialog(self.bridge, self)
        self.join_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.joined.connect(self._joined)
        dialog.finished.connect(lambda _r: self._forget_join(dialog))
        dialog.open()

    def _forget_join(self, dialog: JoinDialog) -> None:
        if self.join_dialog is dialog:
            self.join_dialog = None
        dialog.deleteLater()

    def _joined(self, space_id: bytes) -> None:
        self._select_after_load = space_id
        self.refresh_list()
