"""Join a space with an invite code: look the code up (the inviter's Haven answers with the
space's name, description and guidelines, nothing more), accept the guidelines, choose the
name this space will know you by, and ask. An admin answers; until then "Check again" asks
whether they have. The network work runs in the bridge's worker, never in the UI thread.

A code's problems (mistyped, expired, revoked, the inviter unreachable) each get a clear
sentence, and a failed request leaves nothing behind.

A relay code (`hvr2.…`, or an older `hvr3.…`) works the same way through the relay it
names: the request waits there, and the background sync collects the answer (the dialog
shows it if still open): "waiting for an admin", "approved — fetching the space",
"declined", "expired"."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.session import Session
from haven.core.spaces.invites import CodeError, InviteCode, InviteService, PublicInfo
from haven.core.spaces.invites.relay_code import RelayInviteCode, is_relay_code
from haven.errors import HavenError, SyncError
from haven.sync import relay_invites as ri
from haven.sync.invite_background import InvitePass
from haven.sync.invites import (
    JoinOutcome,
    ask_status,
    fetch_info,
    first_sync,
    send_request,
)
from haven.ui import peer_text
from haven.ui.bridge import SessionBridge
from haven.ui.dates import moment_text
from haven.ui.spaces import wording
from haven.ui.user_text import PlainTextEdit


@dataclass(frozen=True)
class Joined:
    kind: str  # pending | approved | denied | revoked | used up | expired | void
    space_id: bytes | None = None
    #: False for a denial that another admin's approval at the same moment may still undo
    #: (the request's keys stay until `final_at_ms`).
    final: bool = True
    final_at_ms: int = 0


def _settled(settled: ri.Settled) -> Joined:
    kind = "pending" if settled.kind == "waiting" else settled.kind
    return Joined(kind, settled.space_id, settled.final, settled.final_at_ms)


def _relay_check(session: Session, code: RelayInviteCode) -> Joined:
    """Worker side: where a relay request stands, acted on (joined, or keys deleted)."""
    status = ri.run(ri.async_status(session, code))
    return _settled(ri.run(ri.async_settle(session, code, status)))


def _finish(session: Session, svc: InviteService, code: InviteCode, outcome: JoinOutcome) -> Joined:
    """Worker side: act on the inviter's answer."""
    if outcome.kind == "denied":
        svc.abandon(code)
        return Joined("denied")
    if outcome.kind != "approved" or outcome.welcome is None:
        return Joined("pending")
    space_id = svc.complete(code, outcome.welcome)
    # The history since the welcome; if this fails, the next sync catches up.
    with contextlib.suppress(HavenError):
        first_sync(session, code)
    return Joined("approved", space_id)


class JoinDialog(QDialog):
    #: The space joined (its id).
    joined = Signal(bytes)

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.code: InviteCode | RelayInviteCode | None = None
        self.info: PublicInfo | None = None
        self._busy = False
        self._pending = False
        self.setWindowTitle(self.tr("Join a space"))
        self.setMinimumWidth(520)
        self.code_edit = QLineEdit()
        self.code_edit.setAccessibleName(self.tr("Invite code"))
        self.code_edit.setPlaceholderText(self.tr("Paste the code, or type its words"))
        self.code_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.lookup_button = QPushButton(self.tr("&Look up"))
        self.lookup_button.setAccessibleName(self.tr("Look up the invite code"))
        self.space = peer_text.plain_label()
        self.space.setWordWrap(True)
        self.guidelines = PlainTextEdit()
        self.guidelines.setReadOnly(True)
        self.guidelines.setTabChangesFocus(True)
        self.guidelines.setAccessibleName(self.tr("The space's guidelines"))
        self.accept_box = QCheckBox(self.tr("I &accept these guidelines"))
        self.accept_box.setAccessibleName(self.tr("Accept the guidelines"))
        self.name = QLineEdit()
        self.name.setMaxLength(80)
        self.name.setAccessibleName(self.tr("Your name in this space"))
        self.pronouns = QLineEdit()
        self.pronouns.setMaxLength(40)
        self.pronouns.setAccessibleName(self.tr("Your pronouns in this space"))
        self.ask_button = QPushButton(self.tr("As&k to join"))
        self.ask_button.setAccessibleName(self.tr("Send the join request"))
        self.check_button = QPushButton(self.tr("Check a&gain"))
        self.check_button.setAccessibleName(self.tr("Ask whether an admin answered"))
        self.message = QLabel()
        self.message.setObjectName("joinMessage")
        self.message.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))

        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.lookup_button)
        form = QFormLayout()
        form.addRow(self.tr("&Name here"), self.name)
        form.addRow(self.tr("&Pronouns"), self.pronouns)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ask_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(code_row)
        layout.addWidget(self.space)
        layout.addWidget(self.guidelines)
        layout.addWidget(self.accept_box)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.lookup_button.clicked.connect(self.look_up)
        self.code_edit.returnPressed.connect(self.look_up)
        self.accept_box.toggled.connect(lambda _on: self._update())
        self.name.textChanged.connect(lambda _t: self._update())
        self.ask_button.clicked.connect(self.ask)
        self.check_button.clicked.connect(self.check)
        self.close_button.clicked.connect(self.reject)
        bridge.background.invitesChecked.connect(self._on_invite_pass)
        session = bridge.session
        if session is not None:
            primary = session.identity.primary()
            self.name.setText(primary.display_name)
            self.pronouns.setText(primary.pronouns)
        self._update()

    # ---------------------------------------------------------------- steps

    def _service(self) -> tuple[Session, InviteService] | None:
        session = self.bridge.session
        if session is None:
            return None
        return session, session.invites

    def look_up(self) -> None:
        found = self._service()
        if found is None or self._busy:
            return
        session, svc = found
        text = self.code_edit.text()
        try:
            code: InviteCode | RelayInviteCode = (
                RelayInviteCode.decode(text)
                if is_relay_code(text)
                else InviteCode.decode(text, allow_expired=True)
            )
        except CodeError:
            self._say(
                self.tr(
                    "That is not a whole Haven invite code. Check it against what "
                    "you were given (a mistyped word is caught)."
                )
            )
            return
        self.code, self.info = code, None
        if svc.outgoing(code) is not None:  # asked before with this code
            self._pending = True
            self._say(self.tr("You already asked to join with this code."))
            self.check()
            return
        if isinstance(code, InviteCode) and code.expired():  # a relay code: its offer says
            self._say(self.tr("This invite code has expired. Ask for a new one."))
            return
        if isinstance(code, RelayInviteCode):
            relay_code = code

            def offer() -> PublicInfo:
                found = ri.run(ri.async_read_offer(relay_code, proxy=session.proxy.url()))
                return PublicInfo(found.name, found.description, found.guidelines)

            self._run(offer, self._show_info, self.tr("Reading the invite on the relay…"))
            return
        direct = code
        self._run(
            lambda: fetch_info(direct),
            self._show_info,
            self.tr("Asking the person who invited you…"),
        )

    def _show_info(self, info: object) -> None:
        if not isinstance(info, PublicInfo):
            return
        self.info = info
        about = peer_text.one_line(info.name, peer_text.SPACE_NAME_CHARS)
        if info.description:
            about += "\n" + peer_text.block(info.description)
        self.space.setText(about)
        self.guidelines.setPlainText(
            peer_text.block(info.guidelines) or self.tr("(No guidelines written.)")
        )
        self._say(
            self.tr(
                "Read the guidelines. If you accept them, choose the name this "
                "space will know you by and ask to join."
            )
        )
        self._busy = False
        self._update()  # shows the guidelines and the box, so focus can move there
        self.accept_box.setFocus()

    def ask(self) -> None:
        found, code, info = self._service(), self.code, self.info
        if found is None or code is None or info is None or not self.accept_box.isChecked():
            return
        session, svc = found
        name, pronouns = self.name.text().strip(), self.pronouns.text().strip()
        if isinstance(code, RelayInviteCode):
            relay_code = code

            def leave() -> Joined:  # the guidelines were accepted on screen
                ri.run(ri.async_request(session, relay_code, lambda _o: True, name, pronouns))
                return Joined("pending")

            self._run(leave, self._answered, self.tr("Leaving your request on the relay…"))
            return

        def work() -> Joined:
            request = svc.begin(code, info.name, name, pronouns)
            # If the request does not reach the inviter, its keys are deleted again.
            return _finish(session, svc, code, send_request(svc, code, request))

        self._run(work, self._answered, self.tr("Sending your request…"))

    def check(self) -> None:
        found, code = self._service(), self.code
        if found is None or code is None:
            return
        session, svc = found
        if svc.outgoing(code) is None:
            return
        if isinstance(code, RelayInviteCode):
            relay_code = code
            self._run(
                lambda: _relay_check(session, relay_code),
                self._answered,
                self.tr("Looking for an answer on the relay…"),
            )
            return

        def work() -> Joined:  # a refused code deletes the request's keys
            return _finish(session, svc, code, ask_status(svc, code))

        self._run(work, self._answered, self.tr("Asking whether an admin answered…"))

    def _answered(self, result: object) -> None:
        if not isinstance(result, Joined):
            return
        self._pending = result.kind == "pending" or not result.final
        if not result.final:
            self._say(
                self.tr(
                    "An admin declined your request. If another admin lets you in at the "
                    "same time, you still join: Haven keeps your request until %1."
                ).replace("%1", moment_text(result.final_at_ms))
            )
        elif result.kind == "pending" and isinstance(self.code, RelayInviteCode):
            self._say(
                self.tr(
                    "Waiting for an admin. Your request waits on the relay; you can close "
                    "this window or Haven, and Haven collects the answer when it syncs."
                )
            )
        elif result.kind == "pending":
            self._say(
                self.tr(
                    "Your request was sent. An admin needs to approve it; press "
                    "“Check again” later."
                )
            )
        elif result.kind == "denied":
            self._say(
                self.tr(
                    "Declined: an admin turned your request down. The keys made for it "
                    "were deleted."
                )
            )
        elif result.kind == "expired":
            self._say(
                self.tr("Expired: nobody answered before the code ran out. Ask for a new one.")
            )
        elif result.kind == "void":
            self._say(wording.invite_void_text())
        elif result.kind in ("revoked", "used up"):
            self._say(
                self.tr("The invite was withdrawn or used up before an answer. Ask for a new one.")
            )
        elif result.space_id is not None and isinstance(self.code, RelayInviteCode):
            self._say(self.tr("Approved — fetching the space. You joined it."))
            self.joined.emit(result.space_id)
        elif result.space_id is not None:
            self._say(self.tr("You joined the space."))
            self.joined.emit(result.space_id)
        self._update()

    def _on_invite_pass(self, report: object) -> None:
        """The background sync settled a request: if it is the one shown here, say so."""
        code, info = self.code, self.info
        if not (
            isinstance(report, InvitePass)
            and self._pending
            and isinstance(code, RelayInviteCode)
            and not self._busy
        ):
            return
        for settled in report.settled:
            if settled.kind != "waiting" and (info is None or settled.space_name == info.name):
                self._answered(_settled(settled))
                return

    # ---------------------------------------------------------------- helpers

    def _run(
        self, work: Callable[[], object], done: Callable[[object], None], busy_text: str
    ) -> None:
        self._busy = True
        self._say(busy_text)
        self._update()

        def finished(result: object) -> None:
            self._busy = False
            done(result)
            self._update()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._say(self._problem(exc))
            self._update()

        self.bridge.run(work, finished, failed)

    def _problem(self, exc: BaseException) -> str:
        refused = wording.invite_refusal_text(exc)
        if refused is not None:
            return refused
        if isinstance(exc, SyncError):
            return self.tr(
                "Haven cannot reach the person who invited you. Their Haven needs "
                "to be open and unlocked, on a network you can reach. Try again "
                "later."
            )
        return wording.failure_text(exc)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _update(self) -> None:
        ready = self.info is not None and not self._busy
        self.lookup_button.setEnabled(not self._busy)
        self.accept_box.setEnabled(ready)
        self.ask_button.setEnabled(
            ready
            and self.accept_box.isChecked()
            and bool(self.name.text().strip())
            and not self._pending
        )
        self.check_button.setVisible(self._pending)
        self.check_button.setEnabled(self._pending and not self._busy)
        for widget in (self.space, self.guidelines, self.accept_box):
            widget.setVisible(self.info is not None)
