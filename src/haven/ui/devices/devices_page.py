"""The Devices section: which computers hold this journal, linking a new one, unlinking.

Unlinking writes an unlink event and rotates the journal key in the bridge's worker; the
confirmation says plainly what it does and does not do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.changes import DevicesChanged
from haven.core.devices import DeviceInfo
from haven.errors import HavenError
from haven.ui import appearance, messages, peer_text
from haven.ui.bridge import SessionBridge, changes_of
from haven.ui.devices.link_dialog import LinkDialog

DEVICE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DevicesPage(QWidget):
    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        heading = QLabel(self.tr("Devices"))
        appearance.mark_heading(heading, 1)
        intro = QLabel(
            self.tr(
                "Your journal can live on several of your computers. Linked devices sync with each "
                "other directly, encrypted end to end; no server ever sees your entries."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Linked devices"))
        self.list.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.link_button = QPushButton(self.tr("&Link a new device…"))
        self.link_button.setAccessibleName(self.tr("Link a new device"))
        self.unlink_button = QPushButton(self.tr("&Unlink…"))
        self.unlink_button.setAccessibleName(self.tr("Unlink the selected device"))
        self.unlink_button.setEnabled(False)
        self.message = peer_text.plain_label()
        self.message.setObjectName("devicesMessage")
        self.message.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(720)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(heading)
        inner.addWidget(intro)
        inner.addWidget(self.list, 1)
        inner.addLayout(buttons)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(box, 1)
        self.setTabOrder(self.list, self.link_button)
        self.setTabOrder(self.link_button, self.unlink_button)

        self.link_dialog: LinkDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._asking = False  # reading which devices an unlink would leave out
        self.list.currentItemChanged.connect(self._update_buttons)
        self.link_button.clicked.connect(self.open_link_dialog)
        self.unlink_button.clicked.connect(self.ask_unlink)
        bridge.changed.connect(self._on_changes)

    # ---------------------------------------------------------------- lifecycle

    def attach(self) -> None:
        self.message.clear()
        self.refresh()

    def detach(self) -> None:
        """On lock: forget the list, and stop any linking in progress."""
        for dialog in (self.link_dialog, self.confirm_box):
            if dialog is not None:
                dialog.reject()
        self.link_dialog = self.confirm_box = None
        self._asking = False
        self.list.clear()
        self.message.clear()

    def _on_changes(self, changes: object) -> None:
        if changes_of(changes, DevicesChanged):
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        session = self.bridge.session
        if session is None:
            self.list.clear()
            return
        selected = self.selected_device()
        try:
            devices = session.devices.list()
        except HavenError:
            return  # locked in between: the lock handler clears the page
        self.list.clear()
        for device in devices:
            item = QListWidgetItem(self.device_text(device))
            item.setData(DEVICE_ID_ROLE, device)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.device_text(device))
            self.list.addItem(item)
            if selected is not None and device.device_id == selected.device_id:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def device_text(self, device: DeviceInfo) -> str:
        name = peer_text.name(device.label) or self.tr("Unnamed device")
        if device.label and not (device.this_device or device.unlinked):
            return peer_text.one_line(device.label, peer_text.NAME_CHARS)  # alone in its row
        if device.this_device:
            return self.tr("%1 — this device").replace("%1", name)
        if device.unlinked:
            return self.tr("%1 — unlinked").replace("%1", name)
        return name

    def selected_device(self) -> DeviceInfo | None:
        item = self.list.currentItem()
        value = item.data(DEVICE_ID_ROLE) if item is not None else None
        return value if isinstance(value, DeviceInfo) else None

    def _update_buttons(self) -> None:
        device = self.selected_device()
        self.unlink_button.setEnabled(
            device is not None and not device.this_device and not device.unlinked
        )

    # ---------------------------------------------------------------- linking

    def open_link_dialog(self) -> None:
        session = self.bridge.session
        if session is None or self.link_dialog is not None:
            return
        dialog = LinkDialog(session, self)
        dialog.linked.connect(lambda _label: self.refresh())
        dialog.finished.connect(self._link_dialog_closed)
        self.link_dialog = dialog
        dialog.open()
        dialog.start()

    def _link_dialog_closed(self) -> None:
        dialog, self.link_dialog = self.link_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.refresh()

    # ---------------------------------------------------------------- unlinking

    def ask_unlink(self) -> None:
        """Ask before unlinking, after reading (in a worker) which other devices have not
        synced here since the last key update: unlinking now would leave them out."""
        device, session = self.selected_device(), self.bridge.session
        if device is None or device.this_device or device.unlinked or session is None:
            return
        if self.confirm_box is not None or self._asking:
            return
        self._asking = True

        def done(behind: object) -> None:
            self._asking = False
            if self.bridge.session is session:  # not locked meanwhile
                self._confirm_unlink(device, behind if isinstance(behind, list) else [])

        def failed(exc: BaseException) -> None:
            self._asking = False
            if self.bridge.session is session:  # not locked meanwhile
                self.message.setText(messages.error_text(exc))

        self.bridge.run(lambda: session.devices.without_key(besides=device.device_id), done, failed)

    def _confirm_unlink(self, device: DeviceInfo, behind: list[DeviceInfo]) -> None:
        name = peer_text.name(device.label) or self.tr("Unnamed device")
        box = QMessageBox(self)
        peer_text.plain(box)  # the device's name was chosen on that device
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unlink %1?").replace("%1", name))
        what = self.tr(
            "It keeps what it already has, but it cannot read anything written after this: "
            "your journal moves to a new key that it never receives. To remove what is "
            "already on it, erase Haven's data there."
        )
        if behind:
            names = self.tr(", ").join(
                peer_text.name(d.label) or self.tr("Unnamed device") for d in behind
            )
            box.setText(self.tr("Unlink %1 anyway?").replace("%1", name))
            warning = self.tr(
                "%1 has not synced with this device since the last key update, so this "
                "device does not have its key yet. After this unlink it would have to be "
                "linked again. Sync it with this device first to avoid that.",
                "",
                len(behind),
            ).replace("%1", names)
            box.setInformativeText(warning + "\n\n" + what)
            label = self.tr("Unlink anyway")
        else:
            box.setText(self.tr("Unlink %1?").replace("%1", name))
            box.setInformativeText(what)
            label = self.tr("Unlink")
        unlink = box.addButton(label, QMessageBox.ButtonRole.DestructiveRole)
        unlink.setAccessibleName(label)
        keep = box.addButton(self.tr("Keep it linked"), QMessageBox.ButtonRole.RejectRole)
        keep.setAccessibleName(self.tr("Keep it linked"))
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.confirm_box = box

        def answered() -> None:
            self.confirm_box = None
            if box.clickedButton() is unlink:
                self._unlink(device)
            box.deleteLater()

        box.finished.connect(answered)
        box.open()

    def _unlink(self, device: DeviceInfo) -> None:
        session = self.bridge.session
        if session is None:
            return
        name = peer_text.name(device.label) or self.tr("Unnamed device")

        def done(_epoch: object) -> None:
            self.message.setText(
                self.tr(
                    "%1 is unlinked. Your other devices receive the new key when they next sync."
                ).replace("%1", name)
            )
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.message.setText(messages.error_text(exc))
            self.refresh()

        self.unlink_button.setEnabled(False)
        self.bridge.run(lambda: session.devices.unlink(device.device_id), done, failed)
