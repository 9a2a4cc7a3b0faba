"""Settings: the relays of the journal (shared with your linked devices) and of each space
(shared with its members; only admins change them). A relay only ever stores ciphertext;
adding one is the only way Haven talks to a server, so the list says exactly which."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from haven.core.spaces.model import Role, SpaceSummary
from haven.errors import InvalidInput, NotFound
from haven.ui import messages, peer_text
from haven.ui.bridge import SessionBridge
from haven.ui.pages.settings.section import Section


class RelaysSection(Section):
    def __init__(self, bridge: SessionBridge | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Relays"), parent)
        self.bridge = bridge
        self._admin: dict[bytes, bool] = {}
        self._shown: bytes | None = None  # the space whose relays the list shows
        self.space = QComboBox()
        self.space.setAccessibleName(self.tr("Relays of"))
        self.urls = QListWidget()
        self.urls.setAccessibleName(self.tr("Relays in use"))
        self.urls.setMaximumHeight(110)
        self.new_url = QLineEdit()
        self.new_url.setAccessibleName(self.tr("Address of a relay to add"))
        self.new_url.setPlaceholderText("wss://relay.example.org/")
        self.add_button = QPushButton(self.tr("Add rela&y"))
        self.add_button.setAccessibleName(self.tr("Add this relay"))
        self.remove_button = QPushButton(self.tr("Rem&ove relay"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected relay"))
        adding = QWidget()
        row = QHBoxLayout(adding)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_url, 1)
        row.addWidget(self.add_button)
        self.add_row(self.tr("Relays o&f"), self.space)
        self.add_row(self.tr("In &use"), self.urls)
        self.form.addRow("", self.remove_button)
        self.add_row(self.tr("Ne&w relay"), adding).setBuddy(self.new_url)
        self.hint = QLabel(self.tr("Only the space's admins can change its relays."))
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.form.addRow("", self.hint)
        self.space.currentIndexChanged.connect(lambda _i: self.show_urls())
        self.urls.currentRowChanged.connect(lambda _r: self._enable())
        self.new_url.textChanged.connect(lambda _t: self._enable())
        self.new_url.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.set_open(False)

    def set_open(self, is_open: bool) -> None:
        self.space.setEnabled(is_open)
        if not is_open:
            self.space.clear()
            self.urls.clear()
            self._shown = None
            self.new_url.clear()
            self.say("")
        self._enable()

    def _space_id(self) -> bytes | None:
        data = self.space.currentData()  # hex: Qt compares a bytes item by identity
        return bytes.fromhex(data) if isinstance(data, str) and data else None

    def _may_change(self) -> bool:
        space_id = self._space_id()
        return space_id is not None and self._admin.get(space_id, False)

    def _enable(self) -> None:
        may = self._may_change()
        for widget in (self.new_url, self.add_button):
            widget.setEnabled(may)
        self.add_button.setEnabled(may and bool(self.new_url.text().strip()))
        self.remove_button.setEnabled(may and self.urls.currentItem() is not None)

    def load(self) -> None:
        """The journal and every space, with whether this persona may change each list."""
        session = self.bridge.session if self.bridge is not None else None
        if session is None or self.bridge is None:
            return

        def done(spaces: object) -> None:
            chosen = self._space_id()  # what is chosen now, not when the read began
            self.space.blockSignals(True)
            self.space.clear()
            self._admin = {session.journal.space_id: True}
            self.space.addItem(
                self.tr("Your journal and linked devices"), session.journal.space_id.hex()
            )
            for s in spaces if isinstance(spaces, list) else []:
                assert isinstance(s, SpaceSummary)
                self._admin[s.space_id] = (
                    s.my_role is not None and s.my_role.rank >= Role.ADMIN.rank
                )
                self.space.addItem(peer_text.space_name(s.name), s.space_id.hex())
            self.space.setCurrentIndex(max(0, self.space.findData(chosen.hex() if chosen else "")))
            self.space.blockSignals(False)
            self.show_urls()

        self.bridge.run(session.spaces.list_spaces, done, self._failed)

    def show_urls(self) -> None:
        session = self.bridge.session if self.bridge is not None else None
        space_id = self._space_id()
        if session is None or self.bridge is None or space_id is None:
            return
        self.hint.setVisible(not self._may_change())
        if space_id != self._shown:  # never show one space's relays under another's name
            self.urls.clear()
        self.bridge.run(
            lambda: session.relays.urls(space_id),
            lambda urls: self._show(urls, space_id),
            self._failed,
        )
        self._enable()

    def _show(self, urls: object, space_id: bytes) -> None:
        if space_id != self._space_id():
            return  # a read for a space no longer chosen
        self._shown = space_id
        current = self.urls.currentItem()
        selected = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.urls.clear()
        for url in urls if isinstance(urls, list) else []:
            item = QListWidgetItem(peer_text.one_line(str(url), 200))
            item.setData(Qt.ItemDataRole.UserRole, url)
            self.urls.addItem(item)
            if url == selected:
                self.urls.setCurrentItem(item)
        if not self.urls.count():
            self.urls.addItem(QListWidgetItem(self.tr("No relay: syncs only directly.")))
            self.urls.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._enable()

    def add(self) -> None:
        session = self.bridge.session if self.bridge is not None else None
        space_id, url = self._space_id(), self.new_url.text().strip()
        if session is None or self.bridge is None or space_id is None or not url:
            return

        def done(urls: object) -> None:
            self.new_url.clear()
            self.say(self.tr("Relay added."))
            self._show(urls, space_id)

        self.bridge.run(lambda: session.relays.add_relay(space_id, url), done, self._failed)

    def remove(self) -> None:
        session = self.bridge.session if self.bridge is not None else None
        item, space_id = self.urls.currentItem(), self._space_id()
        if session is None or self.bridge is None or item is None or space_id is None:
            return
        url = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(url, str):
            return

        def done(urls: object) -> None:
            self.say(self.tr("Relay removed."))
            self._show(urls, space_id)

        self.bridge.run(lambda: session.relays.remove_relay(space_id, url), done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidInput):
            self.say(
                self.tr(
                    "Haven cannot use that address: a relay looks like wss://relay.example.org/ "
                    "(at most 8 per space; only admins change a space's relays)."
                )
            )
        elif isinstance(exc, NotFound):
            self.say(self.tr("That relay or space is no longer there; the list is up to date."))
            self.show_urls()
        else:
            self.say(messages.error_text(exc))
