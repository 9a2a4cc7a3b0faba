"""The app tells the remaining admins that invite codes stopped because an admin who held
them stepped down (core/spaces/rules/invites.py, "void"): the space's warning notice, read
by a screen reader too. Real widgets offscreen, real vaults."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from haven.core.spaces.model import Role
from haven.ui.main_window import HavenWindow
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
