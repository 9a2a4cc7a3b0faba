"""Invites and joining in the app, over real sockets on 127.0.0.1 only: an admin's invite
dialog shows a code (words, compact text, QR) that a second vault uses to ask; the request
appears in the admin's queue, Approve adds them and they can read the space. And the other
way round: the app joins a space served by another vault, showing the guidelines to
accept first; a mistyped code is caught and nothing is kept."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.core.session import Session
from haven.core.spaces.invites import InviteCode, InviteService
from haven.sync.engine import SyncEngine
from haven.sync.invites import (
    InviteRoute,
    async_ask_status,
    async_fetch_info,
    async_send_request,
)
from haven.ui.main_window import HavenWindow
from tests.helpers import new_session
from tests.ui import flows
from tests.ui.a11y import unnamed
from tests.ui.spaces_steps import LEFT, create_space, open_spaces, window_session, write_post

MakeWindow = Callable[..., HavenWindow]
HOST = "127.0.0.1"


def service(session: Session) -> InviteService:
    return session.invites


def test_admin_invites_and_approves_a_request(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Ari")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page, guidelines="Be kind. No outing anyone.")
    write_post(qtbot, page, "Welcome to the circle")
    background = window.bridge.background
    qtbot.waitUntil(lambda: background.serving_port != 0)
    view = page.view
    view.tabs.setCurrentWidget(view.members)
    requests = view.members.requests
    assert requests.isVisible()
    qtbot.mouseClick(view.header.invite_button, LEFT)
    qtbot.waitUntil(lambda: view.invite_dialog is not None)
    dialog = view.invite_dialog
    assert dialog is not None
    code = InviteCode.decode(dialog.words.toPlainText())
    assert InviteCode.decode(dialog.compact.text()) == code
    assert (code.host, code.port) == (HOST, background.serving_port)
    assert not dialog.qr.pixmap().isNull()
    assert unnamed(dialog) == []
    qtbot.mouseClick(dialog.close_button, LEFT)
    qtbot.waitUntil(lambda: view.invite_dialog is None)

    bea = new_session(tmp_path / "bea", "Bea")
    try:
        svc = service(bea)
        info = asyncio.run(async_fetch_info(code))
        assert (info.name, info.guidelines) == ("Circle", "Be kind. No outing anyone.")
        request = svc.begin(code, info.name, "Bea", "she/her")
        assert asyncio.run(async_send_request(svc, code, request)).kind == "pending"
        qtbot.waitUntil(lambda: requests.names() == ["Bea"], timeout=10_000)
        assert "Bea (she/her) asks to join" in flows.shown(requests.model.item(0).text())
        qtbot.mouseClick(requests.approve_button, LEFT)
        qtbot.waitUntil(lambda: "Bea" in view.members.names())
        qtbot.waitUntil(lambda: requests.names() == [])
        outcome = asyncio.run(async_ask_status(svc, code, request.persona_pk))
        assert outcome.kind == "approved" and outcome.welcome is not None
        assert svc.complete(code, outcome.welcome) == space_id
        assert [p.body for p in bea.spaces.read_feed(space_id)] == ["Welcome to the circle"]
    finally:
        bea.lock()


@pytest.fixture
def inviter(tmp_path: Path) -> Iterator[tuple[Session, bytes, InviteCode]]:
    """Ari's vault, serving invites on 127.0.0.1 the way `haven serve` does."""
    ari = new_session(tmp_path / "ari", "Ari")
    space_id = ari.spaces.create_space(
        "Night owls", "for people who cannot sleep", guidelines="Listen first.", display_name="Ari"
    )
    ari.spaces.post(space_id, "Tea and insomnia, anyone?")
    engine = SyncEngine(ari, routes=[InviteRoute(service(ari))])
    engine.start()
    try:
        port = engine.serve(HOST, 0)
        yield ari, space_id, service(ari).create(space_id, HOST, port)
    finally:
        engine.stop()
        ari.lock()


def test_join_a_space_showing_the_guidelines(
    qtbot: QtBot, make_window: MakeWindow, inviter: tuple[Session, bytes, InviteCode]
) -> None:
    ari, space_id, code = inviter
    window = make_window()
    flows.create_vault(qtbot, window, name="Bea")
    page = open_spaces(qtbot, window)
    qtbot.mouseClick(page.join_button, LEFT)
    dialog = page.join_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []
    compact = code.encode_compact()
    flows.type_text(
        qtbot, dialog.code_edit, compact[:-3] + ("aaa" if compact[-3:] != "aaa" else "bbb")
    )
    qtbot.mouseClick(dialog.lookup_button, LEFT)
    assert "not a whole Haven invite code" in dialog.message.text()
    assert not dialog.guidelines.isVisible() and not dialog.ask_button.isEnabled()

    dialog.code_edit.clear()
    flows.type_text(qtbot, dialog.code_edit, code.encode_words())
    qtbot.mouseClick(dialog.lookup_button, LEFT)
    qtbot.waitUntil(lambda: dialog.guidelines.isVisible(), timeout=10_000)
    assert dialog.guidelines.toPlainText() == "Listen first."
    assert "Night owls" in dialog.space.text()
    assert not dialog.ask_button.isEnabled()  # not before the guidelines are accepted
    assert dialog.accept_box.hasFocus()  # the next thing to do, for keyboard users too
    qtbot.keyClick(dialog.accept_box, Qt.Key.Key_Space)
    assert dialog.ask_button.isEnabled()
    qtbot.mouseClick(dialog.ask_button, LEFT)
    qtbot.waitUntil(lambda: dialog.check_button.isVisible(), timeout=10_000)
    assert "An admin needs to approve it" in dialog.message.text()
    assert page.model.rowCount() == 0  # nothing readable before approval

    pending = service(ari).requests(space_id)
    assert [r.display_name for r in pending] == ["Bea"]
    service(ari).approve(space_id, pending[0].request_id)
    qtbot.mouseClick(dialog.check_button, LEFT)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert dialog.message.text() == "You joined the space."
    qtbot.waitUntil(
        lambda: page.view.snapshot is not None and page.view.snapshot.info.space_id == space_id
    )
    snapshot = page.view.snapshot
    assert snapshot is not None
    assert [p.body for p in snapshot.feed] == ["Tea and insomnia, anyone?"]
    assert window_session(window).spaces.space_info(space_id).name == "Night owls"
