"""The app tells the remaining admins that invite codes stopped because an admin who held
them stepped down (core/spaces/rules/invites.py, "void"): the space's warning notice, read
by a screen reader too; and tells a guest refused through such a code why. Real widgets
offscreen, real vaults."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from haven.cli.relay_invites_cli import describe_settled
from haven.core.spaces.invites.host import ADMIN_LEFT
from haven.core.spaces.model import Role
from haven.sync import relay_invites as ri
from haven.sync.invites import AdmitterLeft, InviteRefused
from haven.ui.bridge import SessionBridge
from haven.ui.main_window import HavenWindow
from haven.ui.spaces import wording
from haven.ui.spaces.join_dialog import JoinDialog, Joined
from tests.ui.spaces_steps import add_member, app_with_own_space, window_session

URL = "ws://127.0.0.1:9/"
STOPPED = "stopped working because an admin who held them was removed or stepped down"


def test_the_space_says_its_invites_stopped_when_an_admin_steps_down(
    qtbot: QtBot, make_window: Callable[..., HavenWindow], tmp_path: Path
) -> None:
    window, page, space_id = app_with_own_space(qtbot, make_window)
    view, ari = page.view, window_session(window)
    bea = add_member(window, tmp_path, space_id, "Bea")
    bea_pk = bea.spaces.space_info(space_id).my_persona
    ari.spaces.set_role(space_id, bea_pk, Role.ADMIN)
    ari.invites.relay_host.create(space_id, URL, 3, 3600)  # sealed to Bea's device too
    view.reload()
    assert not view.own.notice.isVisible()
    ari.spaces.set_role(space_id, bea_pk, Role.MEMBER)
    view.reload()
    qtbot.waitUntil(view.own.notice.isVisible)
    assert STOPPED in view.own.notice.text()
    assert STOPPED in view.own.notice.accessibleDescription()
    bea.lock()


class _Background(QObject):
    invitesChecked = Signal(object)


class _Bridge:
    """All the dialog touches of a SessionBridge before any work is run."""

    def __init__(self) -> None:
        self.background = _Background()
        self.session = None  # locked


def test_a_guest_refused_through_a_void_invite_is_told_why_kindly(qtbot: QtBot) -> None:
    """The guest's side: a void relay invite (read before asking, or after) and a direct
    invite whose maker is no longer an admin get their own sentence, in the app's language
    and never the inviter's words; any other refusal keeps the general one. The CLI says the
    same through `describe_settled`."""
    dialog = JoinDialog(cast(SessionBridge, _Bridge()))
    qtbot.addWidget(dialog)
    void = wording.invite_void_text()
    assert "not about you" in void and "ask an admin of the space for a new invite" in void
    dialog._answered(Joined("void"))
    assert dialog.message.text() == void
    for refused in (ri.InviteVoid(ri.VOID_TEXT), AdmitterLeft(ADMIN_LEFT)):
        assert dialog._problem(refused) == void
    other = dialog._problem(InviteRefused("the inviter has no request from you"))
    assert other != void and "no longer valid" in other
    [line] = describe_settled(ri.Settled("void", "Circle"))
    assert line.startswith("Circle: this invite stopped working because an admin who held it")
    assert "not about you" in line and "were deleted" in line
