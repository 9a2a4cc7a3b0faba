"""Who comes into a space, as its view offers it: the invite code an admin opens (which way
the person joins, then the code), the join requests an admin's open Members tab asks for
while it shows, and approving or declining one — each write through the view's `act`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QWidget

from haven.core.spaces.invites import InviteCode, RequestInfo
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.ui import peer_text
from haven.ui.bridge import SessionBridge
from haven.ui.spaces.invite_dialog import InviteDialog
from haven.ui.spaces.invite_route import InviteMaker
from haven.ui.spaces.members_tab import MembersTab
from haven.ui.spaces.snapshot import Snapshot

# The strings keep the space view's translation context (they were its own).
T = QCoreApplication
Act = Callable[..., None]


class SpaceAdmission(QObject):
    def __init__(
        self,
        view: QWidget,
        bridge: SessionBridge,
        space_id: Callable[[], bytes | None],
        snapshot: Callable[[], Snapshot | None],
        members: MembersTab,
        is_admin: Callable[[], bool],
        act: Act,
        say: Callable[[str], None],
    ) -> None:
        super().__init__(view)
        self._view, self.bridge, self._space_id, self._snapshot = view, bridge, space_id, snapshot
        self.members, self._is_admin, self.act, self._say = members, is_admin, act, say
        self.invite_dialog: InviteDialog | None = None
        self.invite_maker: InviteMaker | None = None
        requests = members.requests
        requests.approveRequested.connect(self._approve)
        requests.denyRequested.connect(self._deny)

    def poll_requests(self) -> None:
        session, space_id = self.bridge.session, self._space_id()
        if (
            session is None
            or space_id is None
            or not self._is_admin()
            or not self.members.isVisible()
        ):
            return

        def done(requests: list[RequestInfo]) -> None:
            if space_id == self._space_id():
                self.members.requests.show_requests(requests)

        self.bridge.run(lambda: session.invites.requests(space_id), done, lambda _e: None)

    def open_invite(self) -> None:
        """Ask which way the person will join when both are possible (through the space's
        relay, the default, or straight to this computer), then show the code
        (invite_route.py: the background sync publishes a relay invite and answers it)."""
        session, space_id, snap = self.bridge.session, self._space_id(), self._snapshot()
        if session is None or space_id is None or snap is None:
            return
        name = snap.info.name

        def show(made: tuple[InviteCode | RelayInviteCode, int]) -> None:
            code, expires_s = made
            dialog = InviteDialog(code, name, expires_s, self._view)
            self.invite_dialog = dialog
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.finished.connect(lambda _r: self._forget_invite(dialog))
            dialog.open()

        self.invite_maker = InviteMaker(self.bridge, self._view, self._say, show)
        self.invite_maker.start(session, space_id)

    def _forget_invite(self, dialog: InviteDialog) -> None:
        if self.invite_dialog is dialog:
            self.invite_dialog = None
        dialog.deleteLater()

    def close_dialogs(self) -> None:
        route = self.invite_maker.route_dialog if self.invite_maker is not None else None
        for dialog in (self.invite_dialog, route):
            if dialog is not None:
                dialog.reject()
        self.invite_dialog = None

    def _approve(self, request_id: bytes, untrusted_name: str) -> None:
        name = peer_text.name(untrusted_name)
        session = self.bridge.session
        if session is not None:
            svc = session.invites
            self.act(
                lambda _s, sid: svc.approve(sid, request_id),
                T.translate(
                    "SpaceView",
                    "%1 was added. They can read the space once their Haven collects the welcome.",
                ).replace("%1", name),
            )

    def _deny(self, request_id: bytes, untrusted_name: str) -> None:
        name = peer_text.name(untrusted_name)
        session = self.bridge.session
        if session is not None:
            svc = session.invites
            self.act(
                lambda _s, sid: svc.deny(sid, request_id),
                T.translate("SpaceView", "%1's request was declined.").replace("%1", name),
            )
