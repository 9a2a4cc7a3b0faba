"""Making an invite from a space: which way the person will join, then the code.

With a relay and sync on the network both possible, the inviter chooses, in words that say
what each means for them and not how it works: "from anywhere" (through the space's relay —
the default: it works across networks, while the inviter is offline, and the code holds
nobody's address) or "only nearby" (straight to this computer, on the same network, while
Haven stays open here). With only one of the two possible, that one is used, as before.

The vault is read and written in the bridge's worker; this module only asks and shows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.session import Session
from haven.core.spaces.invites import InviteCode
from haven.core.spaces.invites.host import DEFAULT_TTL_S
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.sync.supervisor import listen_host
from haven.ui.bridge import SessionBridge
from haven.ui.devices.link_dialog import advertise_host
from haven.ui.spaces import wording

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
RELAY, DIRECT = "relay", "direct"

Made = tuple[InviteCode | RelayInviteCode, int]


class InviteRouteDialog(QDialog):
    """Ask how the invited person will join. `route()` says the choice once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How will they join?"))
        self.setMinimumWidth(480)
        self.anywhere = QRadioButton(self.tr("From &anywhere (recommended)"))
        anywhere_text = self.tr(
            "Works wherever they are, even when your computer is off. The code goes "
            "through your space's relay and holds no address of yours."
        )
        self.nearby = QRadioButton(self.tr("Only &nearby, on this network"))
        nearby_text = self.tr(
            "For someone on the same Wi-Fi or network as this computer right now. Haven "
            "must stay open here until they join. The code holds this computer's network "
            "address."
        )
        question = QLabel(self.tr("Where is the person you are inviting?"))
        question.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        self.group = QButtonGroup(self)
        for button, text in ((self.anywhere, anywhere_text), (self.nearby, nearby_text)):
            button.setAccessibleName(button.text().replace("&", ""))
            button.setAccessibleDescription(text)
            self.group.addButton(button)
            note = QLabel(text)
            note.setWordWrap(True)
            note.setIndent(24)
            layout.addWidget(button)
            layout.addWidget(note)
        self.anywhere.setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.make_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.make_button.setText(self.tr("&Make the code"))
        self.make_button.setAccessibleName(self.tr("Make the invite code"))
        self.make_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel the invite"))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.anywhere.setFocus()

    def route(self) -> str:
        return DIRECT if self.nearby.isChecked() else RELAY


class InviteMaker(QObject):
    """One invite being made for a space view: routes known → (choice) → code → `show`."""

    def __init__(
        self,
        bridge: SessionBridge,
        parent: QWidget,
        say: Callable[[str], None],
        show: Callable[[Made], None],
    ) -> None:
        super().__init__(parent)
        self._bridge, self._parent, self._say, self._show = bridge, parent, say, show
        self.route_dialog: InviteRouteDialog | None = None

    def start(self, session: Session, space_id: bytes) -> None:
        port = self._bridge.background.serving_port
        host = listen_host()

        def routes() -> tuple[list[str], str]:
            if not port:
                direct = "no-sync"
            elif host not in LOOPBACK_HOSTS and not session.lan.enabled():
                # Sync listens on this computer only: a code would name a network address
                # that nothing answers on (and tell the guest that address for nothing).
                direct = "lan-off"
            else:
                direct = "ok"
            return session.relays.urls(space_id), direct

        def known(found: tuple[list[str], str]) -> None:
            relays, direct = found
            if relays and direct == "ok":
                self._ask(session, space_id, relays[0], host, port)
            elif relays:
                self._make(lambda: _relay_invite(session, space_id, relays[0]))
            elif direct == "ok":
                self._make(lambda: _direct_invite(session, space_id, host, port))
            else:
                self._say(self._why_not(direct))

        self._bridge.run(routes, known, self._failed)

    def _ask(self, session: Session, space_id: bytes, relay: str, host: str, port: int) -> None:
        dialog = InviteRouteDialog(self._parent)
        self.route_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(result: int) -> None:
            self.route_dialog = None
            dialog.deleteLater()
            if result != QDialog.DialogCode.Accepted or self._bridge.session is not session:
                return
            if dialog.route() == RELAY:
                self._make(lambda: _relay_invite(session, space_id, relay))
            else:
                self._make(lambda: _direct_invite(session, space_id, host, port))

        dialog.finished.connect(answered)
        dialog.open()

    def _make(self, make: Callable[[], Made]) -> None:
        self._bridge.run(make, self._made, self._failed)

    def _made(self, made: Made) -> None:
        if self._bridge.session is not None:
            self._show(made)

    def _failed(self, exc: BaseException) -> None:
        self._say(wording.failure_text(exc))

    @staticmethod
    def _why_not(direct: str) -> str:
        # The space view's words before this module existed: their translations stay.
        if direct == "lan-off":
            return QCoreApplication.translate(
                "SpaceView",
                "A direct invite needs sync on the local network, which is off. Turn it "
                "on in Settings, or invite through a relay.",
            )
        return QCoreApplication.translate(
            "SpaceView",
            "Sync is not running, so nobody could reach you to join. Unlock again, or check "
            "the sync port in Settings.",
        )


def _relay_invite(session: Session, space_id: bytes, relay: str) -> Made:
    host = session.invites.relay_host
    code = host.create(space_id, relay, 1, DEFAULT_TTL_S)[0]
    return code, host.expires_s(host.job_for(code))


def _direct_invite(session: Session, space_id: bytes, host: str, port: int) -> Made:
    direct = session.invites.create(space_id, advertise_host(host), port)
    return direct, direct.expires_s
