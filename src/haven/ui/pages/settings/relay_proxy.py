"""Settings: how this device reaches relays — directly, or through Tor (a SOCKS5 proxy).

Kept in the vault (core/relay_proxy.py), so it shows only while the vault is open. With a
proxy, the relay and the network see the proxy's exit, not this computer's address; when
the proxy is not running, nothing goes to the relays. LAN and direct sync never use it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from haven.core.relay_proxy import TOR_BROWSER, TOR_SERVICE
from haven.errors import InvalidInput
from haven.ui import messages
from haven.ui.bridge import SessionBridge
from haven.ui.pages.settings.section import Section

DIRECT, TOR, BROWSER, OTHER = range(4)


class RelayProxySection(Section):
    def __init__(self, bridge: SessionBridge | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reaching relays"), parent)
        self.bridge = bridge
        self.route = QComboBox()
        self.route.setAccessibleName(self.tr("How to reach relays"))
        self.route.addItem(self.tr("Directly"), None)
        self.route.addItem(self.tr("Through Tor (the Tor service, port 9050)"), TOR_SERVICE)
        self.route.addItem(self.tr("Through Tor Browser (port 9150)"), TOR_BROWSER)
        self.route.addItem(self.tr("Through another SOCKS5 proxy"), "")
        self.other = QLineEdit()
        self.other.setAccessibleName(self.tr("Address of the SOCKS5 proxy"))
        self.other.setPlaceholderText("socks5://127.0.0.1:9050")
        self.save_button = QPushButton(self.tr("Apply"))
        self.save_button.setAccessibleName(self.tr("Reach relays this way"))
        self.add_row(self.tr("Reach relays"), self.route)
        self.other_label = self.add_row(self.tr("Proxy"), self.other)
        self.form.addRow("", self.save_button)
        self.hint = QLabel(
            self.tr(
                "Through Tor, relays and the network see a Tor address instead of yours, and "
                "the relay's name is looked up by Tor. If Tor is not running, nothing is sent "
                "to relays (never directly). Sync with your devices on the local network and "
                "direct sync do not use Tor. A relay whose address ends in .onion works only "
                "through Tor."
            )
        )
        self.hint.setWordWrap(True)
        self.form.addRow("", self.hint)
        #: The vault's setting has been read since it opened (tests wait for it).
        self.loaded = False
        self._touched = False  # the person chose something before that read came back
        self.route.activated.connect(self._touch)
        self.other.textEdited.connect(self._touch)
        self.route.currentIndexChanged.connect(lambda _i: self._enable())
        self.save_button.clicked.connect(self.save)
        self.other.returnPressed.connect(self.save)
        self.set_open(False)

    def set_open(self, is_open: bool) -> None:
        for widget in (self.route, self.save_button, self.other):
            widget.setEnabled(is_open)
        if not is_open:
            self.route.setCurrentIndex(DIRECT)
            self.other.clear()
            self.say("")
            self.loaded = self._touched = False
        self._enable()

    def _touch(self, *_args: object) -> None:
        self._touched = True

    def _enable(self) -> None:
        other = self.route.currentIndex() == OTHER
        self.other.setVisible(other)
        self.other_label.setVisible(other)

    def _chosen(self) -> str | None:
        if self.route.currentIndex() == OTHER:
            return self.other.text().strip()
        data = self.route.currentData()
        return data if isinstance(data, str) else None

    def load(self) -> None:
        session = self.bridge.session if self.bridge is not None else None
        if session is None or self.bridge is None:
            return
        self.bridge.run(session.proxy.url, self._loaded, self._failed)

    def _loaded(self, url: object) -> None:
        if not self._touched:  # never undo what the person chose meanwhile
            self._show(url)
        self.loaded = True

    def _show(self, url: object) -> None:
        index = DIRECT if url is None else self.route.findData(url)
        if index < 0:
            index = OTHER
            self.other.setText(str(url))
        self.route.setCurrentIndex(index)
        self._enable()

    def save(self) -> None:
        session = self.bridge.session if self.bridge is not None else None
        if session is None or self.bridge is None:
            return
        chosen = self._chosen()

        def done(url: object) -> None:
            self._show(url)
            self.say(
                self.tr("Relays are now reached directly.")
                if url is None
                else self.tr("Relays are now reached through %1.").replace("%1", str(url))
            )

        self.bridge.run(lambda: session.proxy.set(chosen), done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidInput):
            self.say(
                self.tr(
                    "Haven cannot use that proxy: it looks like socks5://127.0.0.1:9050 "
                    "(an IP address or localhost, and a port)."
                )
            )
        else:
            self.say(messages.error_text(exc))
