"""Relay invites in the app, with the real `haven-relay` process on 127.0.0.1 and real widgets
offscreen: the invite dialog uses the space's relay and says so; the app's background sync
publishes the invite, picks the request up for the Members tab and sends the answer; the
joiner's app shows where its request stands and joins once an admin (here a second admin's
device, in-process) approves — the two never online together in the relay's eyes."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.core.session import Session
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.core.spaces.model import Role
from haven.sync import relay_invites as ri
from haven.sync.relay_sync import sync_relays
from haven.ui.main_window import HavenWindow
from haven.ui.spaces.invite_route import InviteRouteDialog
from tests.helpers import new_session
from tests.integration.relay_sync_support import Relay
from tests.space_helpers import join as join_in_process
from tests.ui import flows
from tests.ui.a11y import unnamed
from tests.ui.spaces_steps import (
    LEFT,
    app_with_space_invites,
    ask_to_join,
    create_space,
    open_spaces,
    window_session,
    write_post,
)

MakeWindow = Callable[..., HavenWindow]
WAIT_MS = 20_000


def publish_invite(admin: Session, space_id: bytes, relay: Relay) -> RelayInviteCode:
    """An admin's one-use relay invite, its offer on the relay and its event synced; the
    admin's device is offline from then on."""
    code, offer = admin.invites.relay_host.create(space_id, relay.url, 1, 3600)
    asyncio.run(ri.publish_offer(code.relay_url, code.secret, offer, proxy=None))
    sync_relays(admin)
    return code


def settled(joiner: Session, code: RelayInviteCode) -> bool:
    """Whether the joiner's request was approved; if so, collect the welcome and join."""
    status = asyncio.run(ri.async_status(joiner, code))
    if status.kind != "approved":
        return False
    asyncio.run(ri.async_settle(joiner, code, status))
    return True


def answer_the_request(admin: Session, space_id: bytes, approve: bool) -> None:
    """Another admin's device reads the request from the relay and answers it."""
    sync_relays(admin)
    asyncio.run(ri.async_host_pass(admin))
    [request] = admin.invites.requests(space_id)
    if approve:
        admin.invites.approve(space_id, request.request_id)
    else:
        admin.invites.deny(space_id, request.request_id)
    asyncio.run(ri.async_host_pass(admin))


def offer_published(code: RelayInviteCode) -> bool:
    try:
        asyncio.run(ri.async_read_offer(code, proxy=None))
    except ri.InviteRefused:
        return False
    return True


def test_the_app_invites_through_the_relay_and_answers(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, relay: Relay
) -> None:
    window = app_with_space_invites(qtbot, make_window, "Ari")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page, guidelines="Be kind.")
    write_post(qtbot, page, "Welcome to the circle")
    window_session(window).relays.add_relay(space_id, relay.url)
    view = page.view
    view.tabs.setCurrentWidget(view.members)
    requests = view.members.requests
    qtbot.mouseClick(view.header.invite_button, LEFT)
    # Sync runs here too, so Haven asks which way: "from anywhere" (the relay) is the default.
    maker = view.invite_maker
    assert maker is not None
    qtbot.waitUntil(lambda: maker.route_dialog is not None, timeout=WAIT_MS)
    route = maker.route_dialog
    assert route is not None and route.anywhere.isChecked() and unnamed(route) == []
    qtbot.keyClick(route, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.invite_dialog is not None, timeout=WAIT_MS)
    dialog = view.invite_dialog
    assert dialog is not None
    code = RelayInviteCode.decode(dialog.compact.text())
    assert code.relay_url == relay.url
    assert relay.url in dialog.route.text() and "no address" in dialog.route.text()
    assert not dialog.words.isVisible()  # a relay code has no words form
    assert not dialog.qr.pixmap().isNull()
    assert unnamed(dialog) == []
    qtbot.mouseClick(dialog.close_button, LEFT)
    # The background sync publishes the offer (nobody pressed anything).
    qtbot.waitUntil(lambda: offer_published(code), timeout=WAIT_MS)

    bea = new_session(tmp_path / "bea", "Bea")
    try:
        asyncio.run(ri.async_request(bea, code, lambda _o: True, "Bea", "she/her"))
        qtbot.waitUntil(lambda: requests.names() == ["Bea"], timeout=WAIT_MS)
        qtbot.mouseClick(requests.approve_button, LEFT)
        qtbot.waitUntil(lambda: "Bea" in view.members.names(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: settled(bea, code), timeout=WAIT_MS)
        assert [p.body for p in bea.spaces.read_feed(space_id)] == ["Welcome to the circle"]
    finally:
        bea.lock()


@pytest.fixture
def admins(tmp_path: Path, relay: Relay) -> Iterator[tuple[Session, Session, bytes]]:
    """Ari (owner) and Dee (a second admin, on her own device) share a space on the relay."""
    ari, dee = new_session(tmp_path / "ari", "Ari"), new_session(tmp_path / "dee", "Dee")
    space_id = ari.spaces.create_space(
        "Night owls", "for people who cannot sleep", guidelines="Listen first.", display_name="Ari"
    )
    ari.relays.add_relay(space_id, relay.url)
    ari.spaces.post(space_id, "Tea and insomnia, anyone?")
    ari.spaces.set_role(space_id, join_in_process(ari, dee, space_id, "Dee"), Role.ADMIN)
    sync_relays(ari)
    sync_relays(dee)
    yield ari, dee, space_id
    ari.lock()
    dee.lock()


def test_the_app_joins_and_shows_where_the_request_stands(
    qtbot: QtBot,
    make_window: MakeWindow,
    admins: tuple[Session, Session, bytes],
    relay: Relay,
) -> None:
    ari, dee, space_id = admins
    code = publish_invite(ari, space_id, relay)  # its event reaches Dee's device too

    window = app_with_space_invites(qtbot, make_window, "Bea")
    page = open_spaces(qtbot, window)
    dialog = ask_to_join(qtbot, page, code.encode_compact(), WAIT_MS)
    assert dialog.guidelines.toPlainText() == "Listen first."
    assert page.model.rowCount() == 0  # nothing readable before approval

    # Dee's device: the invite came with the space's events; it reads the request and
    # approves; the welcome goes out at its next sync.
    answer_the_request(dee, space_id, approve=True)
    # Bea's app collects it in the background and says so in the still-open dialog.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Approved — fetching the space" in dialog.message.text())
    qtbot.waitUntil(
        lambda: (
            page.view.snapshot is not None
            and [p.body for p in page.view.snapshot.feed] == ["Tea and insomnia, anyone?"]
        ),
        timeout=WAIT_MS,
    )


def test_a_decline_waits_for_an_approval_given_at_the_same_moment(
    qtbot: QtBot,
    make_window: MakeWindow,
    admins: tuple[Session, Session, bytes],
    relay: Relay,
) -> None:
    """Dee declines Bea's request while Ari, not yet aware, approves it. Bea's app reads the
    denial first: it says so but keeps the request's keys, and joins when the approval
    arrives (approval wins)."""
    ari, dee, space_id = admins
    code = publish_invite(ari, space_id, relay)
    window = app_with_space_invites(qtbot, make_window, "Bea")
    page = open_spaces(qtbot, window)
    dialog = ask_to_join(qtbot, page, code.encode_compact(), WAIT_MS)
    answer_the_request(dee, space_id, approve=False)
    qtbot.waitUntil(lambda: "An admin declined" in dialog.message.text(), timeout=WAIT_MS)
    assert "still join" in dialog.message.text()
    assert page.model.rowCount() == 0
    assert window_session(window).invites.relay_guest.waiting() == [code]  # keys kept
    # Ari approves the same request before hearing of Dee's answer.
    asyncio.run(ri.async_host_pass(ari))
    ari.invites.approve(space_id, ari.invites.requests(space_id)[0].request_id)
    asyncio.run(ri.async_host_pass(ari))
    qtbot.waitUntil(lambda: "Approved" in dialog.message.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert window_session(window).invites.relay_guest.waiting() == []


def test_the_members_tab_of_a_second_admin_lists_and_approves(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, relay: Relay
) -> None:
    """Ari (in-process) invites and goes offline; Dee's app, an admin's other device, lists
    the request in the Members tab and approves it; Ari's device later sees it approved."""
    window = app_with_space_invites(qtbot, make_window, "Dee")
    dee = window_session(window)
    ari = new_session(tmp_path / "ari", "Ari")
    bea = new_session(tmp_path / "bea", "Bea")
    try:
        space_id = ari.spaces.create_space("Circle", "", guidelines="Be kind.", display_name="Ari")
        ari.relays.add_relay(space_id, relay.url)
        ari.spaces.set_role(space_id, join_in_process(ari, dee, space_id, "Dee"), Role.ADMIN)
        sync_relays(ari)
        code = publish_invite(ari, space_id, relay)  # Ari is offline from here on
        asyncio.run(ri.async_request(bea, code, lambda _o: True, "Bea", "she/her"))

        page = open_spaces(qtbot, window)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
        page.select_space(space_id)
        view = page.view
        qtbot.waitUntil(lambda: view.snapshot is not None, timeout=WAIT_MS)
        view.tabs.setCurrentWidget(view.members)
        requests = view.members.requests
        qtbot.waitUntil(lambda: requests.names() == ["Bea"], timeout=WAIT_MS)
        qtbot.mouseClick(requests.approve_button, LEFT)
        qtbot.waitUntil(lambda: "Bea" in view.members.names(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: settled(bea, code), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: bool(sync_relays(ari)) and _approved_on(ari, space_id))
        [info] = ari.invites.invites(space_id, include_inactive=True)
        assert (info.uses, info.state) == (1, "used up")
    finally:
        ari.lock()
        bea.lock()


def _approved_on(s: Session, space_id: bytes) -> bool:
    """The answer reached this admin device as a space event (its device never read the
    request itself: the row holds no name, and nothing is left for it to send)."""
    return [r.status for r in s.invites.requests(space_id, include_decided=True)] == ["approved"]


def test_with_a_relay_the_inviter_may_choose_a_code_for_someone_nearby(
    qtbot: QtBot, make_window: MakeWindow, relay: Relay
) -> None:
    """The route question: cancelling makes no invite; "only nearby", chosen from the
    keyboard, makes a direct code (words, this computer's address) even with a relay."""
    window = make_window()
    flows.create_vault(qtbot, window, name="Ari")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page, guidelines="Be kind.")
    session = window_session(window)
    session.relays.add_relay(space_id, relay.url)
    view = page.view
    view.tabs.setCurrentWidget(view.members)

    def ask() -> InviteRouteDialog:
        qtbot.mouseClick(view.header.invite_button, LEFT)
        qtbot.waitUntil(
            lambda: view.invite_maker is not None and view.invite_maker.route_dialog is not None,
            timeout=WAIT_MS,
        )
        assert view.invite_maker is not None and view.invite_maker.route_dialog is not None
        return view.invite_maker.route_dialog

    route = ask()
    assert "no address of yours" in route.anywhere.accessibleDescription()
    qtbot.keyClick(route, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.invite_maker.route_dialog is None)  # type: ignore[union-attr]
    assert session.invites.invites(space_id) == [] and view.invite_dialog is None
    route = ask()
    route.anywhere.setFocus()
    qtbot.keyClick(route.anywhere, Qt.Key.Key_Down)  # arrows move between the choices
    assert route.nearby.isChecked()
    qtbot.keyClick(route, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.invite_dialog is not None, timeout=WAIT_MS)
    dialog = view.invite_dialog
    assert dialog is not None
    assert "straight to this computer" in dialog.route.text()
    assert dialog.compact.text().startswith("hvi1")
    assert len(dialog.words.toPlainText().split()) > 4
    qtbot.mouseClick(dialog.close_button, LEFT)
