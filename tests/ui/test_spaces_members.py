"""Members and moderation with two real vaults: a member joins and shows up, unread counts
reach the sidebar, a report lands in the moderator's queue, a removed post becomes a
tombstone with the reason (for the member too), roles change, and a removed member leaves
the list while the space gets a new key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from haven.core.spaces.invites import RequestInfo
from haven.core.spaces.model import Role
from haven.ui.main_window import HavenWindow
from haven.ui.spaces.requests_box import RequestsBox
from haven.ui.spaces.space_view import SpaceView
from tests.ui import flows
from tests.ui.spaces_steps import (
    LEFT,
    add_member,
    carry,
    create_space,
    open_spaces,
    window_session,
    write_post,
)

MakeWindow = Callable[..., HavenWindow]
OK = QDialogButtonBox.StandardButton.Ok


def answer_reason(qtbot: QtBot, view: SpaceView, reason: str, ban: bool = False) -> None:
    dialog = view.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    flows.type_text(qtbot, dialog.reason, reason)
    if ban:
        qtbot.mouseClick(dialog.ban, LEFT)
    qtbot.mouseClick(dialog.buttons.button(OK), LEFT)


def test_members_reports_moderation_and_removal(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Ari")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page)
    view = page.view
    # Inviting is in plain sight on the space's header, from any tab; Approve and Deny wait
    # for a request (none yet).
    qtbot.waitUntil(lambda: view.header.invite_button.isVisibleTo(view))
    assert view.header.invite_button.accessibleName() == "Invite someone to this space"
    view.tabs.setCurrentWidget(view.members)
    requests = view.members.requests
    assert not requests.approve_button.isVisibleTo(requests)
    assert not requests.deny_button.isVisibleTo(requests)
    view.tabs.setCurrentWidget(view.feed)
    bea = add_member(window, tmp_path, space_id, "Bea")
    qtbot.waitUntil(lambda: "Bea" in view.members.names())
    assert view.members.names()[0] == "Ari"  # the owner first
    assert view.tabs.isTabVisible(view.tabs.indexOf(view.moderation))

    # Unread: while Ari reads the journal, Bea posts; the counts show in both lists.
    window.home.show_section("journal")
    bea_post = bea.spaces.post(space_id, "Anyone around tonight?")
    carry(bea, window_session(window), space_id)
    qtbot.waitUntil(lambda: window.home.sidebar.item(window._spaces_row).text() == "Spaces (1)")
    assert flows.shown(page.model.index(0).data()) == "Circle  (1)"
    page_again = open_spaces(qtbot, window)
    qtbot.waitUntil(lambda: window.home.sidebar.item(window._spaces_row).text() == "Spaces")
    assert flows.shown(page_again.model.index(0).data()) == "Circle"

    # Ari posts; Bea reports it; the report reaches Ari's queue with Bea's reason.
    write_post(qtbot, page, "Buy cheap watches at my shop")
    carry(window_session(window), bea, space_id)
    ad = next(p for p in bea.spaces.read_feed(space_id) if p.post_id != bea_post)
    bea.spaces.report(space_id, ad.post_id, "spam")
    carry(bea, window_session(window), space_id)
    view.tabs.setCurrentWidget(view.moderation)
    qtbot.waitUntil(lambda: view.moderation.reports_model.rowCount() == 1)
    assert "Bea reported" in flows.shown(view.moderation.report_texts()[0])
    assert flows.shown(view.moderation.report_texts()[0]).split(" · ")[0].endswith(": spam")

    # Remove the reported post with a reason: a tombstone in its place.
    view.moderation.reports.setCurrentIndex(view.moderation.reports_model.index(0, 0))
    qtbot.mouseClick(view.moderation.remove_button, LEFT)
    answer_reason(qtbot, view, "advertising is not allowed")
    feed = view.feed
    qtbot.waitUntil(lambda: any(p.state == "removed" for p in feed.model._posts))
    row = feed.model.row_of(ad.post_id)
    assert (
        flows.shown(feed.model.index(row).data())
        == "Removed by a moderator: advertising is not allowed"
    )
    feed.list.setCurrentIndex(feed.model.index(row))
    assert "advertising is not allowed" in feed.thread_view.body.toPlainText()
    assert "watches" not in feed.thread_view.body.toPlainText()
    assert not feed.thread_view.composer.isEnabled()
    qtbot.waitUntil(
        lambda: any("removed a post" in t for t in map(flows.shown, view.moderation.log_texts()))
    )
    carry(window_session(window), bea, space_id)
    gone = next(p for p in bea.spaces.read_feed(space_id) if p.post_id == ad.post_id)
    assert (gone.state, gone.removed_reason) == ("removed", "advertising is not allowed")

    # Roles: make Bea a moderator.
    members = view.members
    view.tabs.setCurrentWidget(members)
    members.select_name("Bea")
    assert members.remove_button.isEnabled()
    members.role.setCurrentIndex(members.role.findData(Role.MODERATOR.value))
    qtbot.mouseClick(members.role_button, LEFT)
    qtbot.waitUntil(lambda: members.model.item(1, 2).text() == "Moderator")

    # Remove Bea: she leaves the list and the space gets a new epoch key.
    epoch = view.snapshot.info.epoch if view.snapshot else -1
    members.select_name("Bea")
    qtbot.mouseClick(members.remove_button, LEFT)
    answer_reason(qtbot, view, "")
    qtbot.waitUntil(lambda: members.names() == ["Ari"])
    assert view.snapshot is not None and view.snapshot.info.epoch != epoch  # a new key
    # The list can refresh (from the background sync) before the removal's own message.
    qtbot.waitUntil(lambda: flows.shown(view.status.text()) == "Bea was removed.")
    bea.lock()


def test_a_member_sees_no_admin_tools(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """Bea's own window: no moderation tab, no role buttons; blocking is for her alone."""
    owner = make_window()
    flows.create_vault(qtbot, owner, name="Ari")
    page = open_spaces(qtbot, owner)
    space_id = create_space(qtbot, page)
    write_post(qtbot, page, "Welcome, everyone")
    bea = add_member(owner, tmp_path, space_id, "Bea")
    bea.lock()
    window = make_window(tmp_path / "bea")
    flows.unlock(qtbot, window)
    mine = open_spaces(qtbot, window)
    qtbot.waitUntil(lambda: mine.view.snapshot is not None)
    view = mine.view
    assert not view.tabs.isTabVisible(view.tabs.indexOf(view.moderation))
    assert not view.header.invite_button.isVisibleTo(view)  # only admins can invite
    assert not view.feed.thread_view.remove_button.isVisible()
    first = view.feed.model.post(0)
    assert first is not None and first.body == "Welcome, everyone"
    view.tabs.setCurrentWidget(view.members)
    assert not view.members.role_button.isVisible()
    assert not view.members.role_label.isVisible()  # no "Role" label left beside nothing
    view.members.select_name("Ari")
    qtbot.mouseClick(view.members.block_button, LEFT)
    qtbot.waitUntil(lambda: view.feed.model.rowCount() == 0)
    assert view.members.block_button.text() == "Unbloc&k"
    assert not view.members.remove_button.isVisible()
    qtbot.keyClick(view.members.block_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.feed.model.rowCount() == 1)


def test_approve_and_deny_show_only_with_a_request(qtbot: QtBot) -> None:
    box = RequestsBox()
    qtbot.addWidget(box)
    box.show()
    assert not box.approve_button.isVisible() and not box.deny_button.isVisible()
    waiting = RequestInfo(b"r" * 16, b"i" * 16, b"s" * 16, b"p" * 32, "Cai", "", "pending", 0)
    box.show_requests([waiting])
    assert box.approve_button.isVisible() and box.approve_button.isEnabled()
    assert box.deny_button.isVisible() and box.deny_button.isEnabled()
    asked: list[str] = []
    box.approveRequested.connect(lambda _rid, name: asked.append(name))
    qtbot.keyClick(box.approve_button, Qt.Key.Key_Space)
    assert asked == ["Cai"]
    box.show_requests([])  # answered: nothing left to act on
    assert not box.approve_button.isVisible() and not box.deny_button.isVisible()
