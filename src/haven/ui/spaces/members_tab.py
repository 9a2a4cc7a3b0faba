"""The members of a space with their roles, each with what the app itself says about them: the
role from the authority rules, a fingerprint of their key (colour and two words), and a warning
when a name looks like another member's or uses a role word. Admins change roles and remove
members; anyone can block a member (for themselves only: that member's posts are hidden here)
and start a private conversation with another member ("Message privately", ui/dm/)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces.model import Member, Role, Status
from haven.core.spaces.name_marks import NameMarks, mark_members
from haven.ui import peer_text
from haven.ui.flow_row import FlowRow
from haven.ui.spaces import wording
from haven.ui.spaces.requests_box import RequestsBox

MemberRole = Qt.ItemDataRole.UserRole + 1
_SETTABLE = (Role.ADMIN, Role.MODERATOR, Role.MEMBER)


class MembersTab(QWidget):
    #: member key, role value
    roleRequested = Signal(bytes, str)
    removeRequested = Signal(bytes, str)  # member key, display name
    blockRequested = Signal(bytes, bool)
    messageRequested = Signal(bytes)  # member key: open a private conversation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._me: bytes | None = None
        self._my_role: Role | None = None
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Pronouns"),
                self.tr("Role"),
                self.tr("Key"),
                self.tr("Check"),
            ]
        )
        self.requests = RequestsBox()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Members"))
        self.count = QLabel()
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("New role for the selected member"))
        for role in _SETTABLE:
            self.role.addItem(wording.role_label(role), role.value)
        self.role_button = QPushButton(self.tr("Set &role"))
        self.role_button.setAccessibleName(self.tr("Give the selected member this role"))
        self.remove_button = QPushButton(self.tr("Remo&ve from space…"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected member"))
        self.block_button = QPushButton(self.tr("Bloc&k"))
        self.block_button.setAccessibleName(self.tr("Block or unblock the selected member"))
        self.block_button.setToolTip(self.tr("Hides their posts for you only"))
        self.message_button = QPushButton(self.tr("&Message privately"))
        self.message_button.setAccessibleName(
            self.tr("Start a private conversation with the selected member")
        )
        self.message_button.setToolTip(self.tr("The space's admins see nothing of it"))

        self.role_label = QLabel(self.tr("R&ole"))
        self.role_label.setBuddy(self.role)  # announced by its label, not only by its value
        # Two groups that wrap onto a second row when narrow (in Persian the one row held
        # the window wider than its default size).
        self.action_row = FlowRow(
            [
                _group(self.role_label, self.role, self.role_button, self.remove_button),
                _group(self.message_button, self.block_button),
            ]
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.requests)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.action_row)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.role_button.clicked.connect(self._set_role)
        self.remove_button.clicked.connect(self._remove)
        self.block_button.clicked.connect(self._block)
        self.message_button.clicked.connect(self._message)
        self._update_buttons()

    def show_members(
        self,
        members: Sequence[Member],
        me: bytes | None,
        my_role: Role | None,
        marks: Mapping[bytes, NameMarks] | None = None,
    ) -> None:
        marks = marks if marks is not None else mark_members(members)
        selected = self.selected()
        keep = selected.member_pk if selected is not None else None
        self._me, self._my_role = me, my_role
        self.model.removeRows(0, self.model.rowCount())
        ordered = sorted(members, key=lambda m: (-m.role.rank, m.display_name.casefold()))
        for member in ordered:
            shown = peer_text.name(member.display_name)
            name = QStandardItem(peer_text.one_line(member.display_name, peer_text.NAME_CHARS))
            if member.colour:
                name.setData(QColor(member.colour), Qt.ItemDataRole.DecorationRole)
            if member.member_pk == me:
                name.setText(self.tr("%1 (you)").replace("%1", shown))
            if member.blocked:
                name.setText(self.tr("%1 (blocked)").replace("%1", name.text()))
            name.setData(member, MemberRole)
            role = QStandardItem(wording.role_label(member.role))
            pronouns = QStandardItem(peer_text.one_line(member.pronouns, peer_text.NAME_CHARS))
            mark = marks.get(member.member_pk)
            key, check = QStandardItem(), QStandardItem()
            if mark is not None:
                key.setText(wording.fingerprint_text(mark.fingerprint))
                key.setData(QColor(mark.fingerprint.colour), Qt.ItemDataRole.DecorationRole)
                key.setData(
                    self.tr("Key fingerprint: %1").replace(
                        "%1", wording.fingerprint_text(mark.fingerprint)
                    ),
                    Qt.ItemDataRole.AccessibleTextRole,
                )
                check.setText(" · ".join(wording.name_warnings(mark)))
            self.model.appendRow([name, pronouns, role, key, check])
        self.count.setText(self.tr("%Ln members", "", len(ordered)))
        row = next((r for r, m in enumerate(ordered) if m.member_pk == keep), -1)
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def clear(self) -> None:
        self.show_members([], None, None)
        self.count.clear()

    def selected(self) -> Member | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        member = self.model.item(index.row(), 0).data(MemberRole)
        return member if isinstance(member, Member) else None

    def names(self) -> list[str]:
        return [
            self.model.item(r, 0).data(MemberRole).display_name
            for r in range(self.model.rowCount())
        ]

    def select_name(self, name: str) -> None:
        for r in range(self.model.rowCount()):
            if self.model.item(r, 0).data(MemberRole).display_name == name:
                self.table.setCurrentIndex(self.model.index(r, 0))
                return

    def _update_buttons(self) -> None:
        member = self.selected()
        admin = self._my_role is not None and self._my_role.rank >= Role.ADMIN.rank
        other = member is not None and member.member_pk != self._me
        can_manage = admin and other and member is not None and member.role is not Role.OWNER
        self.requests.setVisible(admin)
        for widget in (self.role, self.role_button, self.remove_button):
            widget.setVisible(admin)
            widget.setEnabled(can_manage)
        self.role_label.setVisible(admin)
        self.block_button.setEnabled(other)
        active = member is not None and member.status is Status.ACTIVE
        self.message_button.setEnabled(other and active and self._my_role is not None)
        blocked = member is not None and member.blocked
        self.block_button.setText(self.tr("Unbloc&k") if blocked else self.tr("Bloc&k"))
        self.action_row.refit()

    def _set_role(self) -> None:
        member = self.selected()
        if member is not None:
            self.roleRequested.emit(member.member_pk, str(self.role.currentData()))

    def _remove(self) -> None:
        member = self.selected()
        if member is not None:
            self.removeRequested.emit(member.member_pk, member.display_name)

    def _block(self) -> None:
        member = self.selected()
        if member is not None:
            self.blockRequested.emit(member.member_pk, not member.blocked)

    def _message(self) -> None:
        member = self.selected()
        if member is not None:
            self.messageRequested.emit(member.member_pk)


def _group(*widgets: QWidget) -> QWidget:
    """Widgets kept together on one row of the tab's wrapping row of actions."""
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return group
