"""Two people who are never online at the same time form a space and talk, each in the app,
through the real `haven-relay` process on 127.0.0.1: Ari invites (a relay code, no address)
and locks; Bea asks to join and locks; Ari's app approves and she posts, then locks; Bea's app
collects the welcome, reads the post and replies, then locks; Ari's app shows the reply. Only
one window is unlocked (and so syncing) at any moment, so nothing can pass between them but
what the relay holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.sync.invite_background import InvitePass
from haven.ui.main_window import HavenWindow
from haven.ui.spaces.spaces_page import SpacesPage
from tests.integration.relay_sync_support import Relay
from tests.integration.ui.test_relay_invites_app import WAIT_MS, offer_published
from tests.ui import flows
from tests.ui.spaces_steps import (
    LEFT,
    app_with_space_invites,
    ask_to_join,
    create_space,
    open_spaces,
    select_thread,
    window_session,
    write_post,
)

MakeWindow = Callable[..., HavenWindow]


def go_away(window: HavenWindow) -> None:
    """Lock the window and wait until its sync (relay, LAN, listening socket) has stopped."""
    window.lock()
    assert window.bridge.session is None
    assert window.bridge.background.wait_stopped()
    assert window.bridge.background.supervisor is None


def come_back(qtbot: QtBot, window: HavenWindow, other: HavenWindow) -> SpacesPage:
    """Unlock the window while the other person's is locked; its sync starts again."""
    assert other.bridge.session is None and other.bridge.background.supervisor is None
    flows.unlock(qtbot, window)
    return open_spaces(qtbot, window)


def pushed(window: HavenWindow, space_id: bytes) -> bool:
    """Every event this device wrote in the space is acknowledged by its relay."""
    return window_session(window).relays.waiting(space_id) == 0


def test_two_apps_never_online_together_form_a_space_and_talk(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, relay: Relay
) -> None:
    ari = app_with_space_invites(qtbot, make_window, "Ari")
    passes: list[InvitePass] = []
    ari.bridge.background.invitesChecked.connect(passes.append)
    page = open_spaces(qtbot, ari)
    space_id = create_space(qtbot, page, guidelines="Be kind.")
    window_session(ari).relays.add_relay(space_id, relay.url)
    view = page.view
    view.tabs.setCurrentWidget(view.members)
    qtbot.mouseClick(view.header.invite_button, LEFT)
    maker = view.invite_maker
    assert maker is not None
    qtbot.waitUntil(lambda: maker.route_dialog is not None, timeout=WAIT_MS)
    assert maker.route_dialog is not None and maker.route_dialog.anywhere.isChecked()
    qtbot.keyClick(maker.route_dialog, Qt.Key.Key_Return)  # "from anywhere": the relay
    qtbot.waitUntil(lambda: view.invite_dialog is not None, timeout=WAIT_MS)
    assert view.invite_dialog is not None
    typed = view.invite_dialog.compact.text()
    code = RelayInviteCode.decode(typed)
    assert code.relay_url == relay.url
    qtbot.mouseClick(view.invite_dialog.close_button, LEFT)
    # Two passes of the app's invite poller later, one began after the invite was made: the
    # offer is on the relay (asked once: polling the relay would only meet its rate limit).
    made = len(passes)
    qtbot.waitUntil(lambda: len(passes) >= made + 2, timeout=WAIT_MS)
    assert offer_published(code)
    qtbot.waitUntil(lambda: pushed(ari, space_id), timeout=WAIT_MS)
    go_away(ari)

    bea = app_with_space_invites(qtbot, make_window, "Bea", tmp_path / "bea-app")
    bea_page = open_spaces(qtbot, bea)
    join = ask_to_join(qtbot, bea_page, typed, WAIT_MS)
    assert join.guidelines.toPlainText() == "Be kind."
    join.close()
    go_away(bea)  # her request waits on the relay, sealed to the space's admins

    page = come_back(qtbot, ari, bea)
    page.select_space(space_id)
    view = page.view
    qtbot.waitUntil(lambda: view.snapshot is not None, timeout=WAIT_MS)
    view.tabs.setCurrentWidget(view.members)
    requests = view.members.requests
    qtbot.waitUntil(lambda: requests.names() == ["Bea"], timeout=WAIT_MS)
    qtbot.mouseClick(requests.approve_button, LEFT)
    qtbot.waitUntil(lambda: "Bea" in view.members.names(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: sum(p.replies_sent for p in passes) == 1, timeout=WAIT_MS)
    view.tabs.setCurrentWidget(view.feed)
    write_post(qtbot, page, "Welcome, Bea. How was today?")
    qtbot.waitUntil(lambda: pushed(ari, space_id), timeout=WAIT_MS)
    go_away(ari)

    # Bea's app, opened again, still holds the request: it collects the welcome and syncs.
    bea_page = come_back(qtbot, bea, ari)
    qtbot.waitUntil(lambda: bea_page.model.rowCount() == 1, timeout=WAIT_MS)
    bea_page.select_space(space_id)
    bea_view = bea_page.view
    qtbot.waitUntil(
        lambda: (
            bea_view.snapshot is not None
            and [p.body for p in bea_view.snapshot.feed] == ["Welcome, Bea. How was today?"]
        ),
        timeout=WAIT_MS,
    )
    assert window_session(bea).invites.relay_guest.waiting() == []
    select_thread(qtbot, bea_view, "Welcome, Bea. How was today?")
    thread = bea_view.feed.thread_view
    flows.type_text(qtbot, thread.composer.body, "Long, but better now. Thank you.")
    qtbot.mouseClick(thread.composer.send_button, LEFT)
    qtbot.waitUntil(lambda: thread.model.rowCount() == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: pushed(bea, space_id), timeout=WAIT_MS)
    go_away(bea)

    page = come_back(qtbot, ari, bea)
    page.select_space(space_id)
    qtbot.waitUntil(lambda: page.view.snapshot is not None, timeout=WAIT_MS)
    select_thread(qtbot, page.view, "Welcome, Bea. How was today?")
    ari_thread = page.view.feed.thread_view

    def replies() -> list[str]:
        posts = [ari_thread.model.post(r) for r in range(ari_thread.model.rowCount())]
        return [p.body for p in posts[1:] if p is not None]

    qtbot.waitUntil(lambda: replies() == ["Long, but better now. Thank you."], timeout=WAIT_MS)
    reply = ari_thread.model.post(1)
    assert reply is not None and reply.author_name == "Bea"
