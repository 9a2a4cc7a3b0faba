"""A member's own actions in a space, clicked as a person does, with real vaults: editing and
deleting your own post (seen by the other member once events are carried), no Edit/Delete
on someone else's post, pinning as a moderator (and no Pin for a plain member), handing over
ownership, leaving (with and without wiping the space from this computer), and a forked
chain shown as a warning above the tabs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from haven.core.envelope import seal_event
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces import sealed
from haven.core.spaces.model import Role
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.ui.main_window import HavenWindow
from haven.ui.spaces.post_dialogs import ConfirmDialog, EditPostDialog, HandOverDialog
from haven.ui.spaces.space_view import SpaceView
from haven.ui.translations import install_translations
from tests.helpers import PASSPHRASE
from tests.hostile import Hostile
from tests.ui import flows
from tests.ui.a11y import interactive_widgets, unnamed
from tests.ui.spaces_steps import (
    LEFT,
    add_member,
    carry,
    create_space,
    open_spaces,
    select_thread,
    window_session,
    write_post,
)

MakeWindow = Callable[..., HavenWindow]
OK = QDialogButtonBox.StandardButton.Ok


def open_dialog(qtbot: QtBot, view: SpaceView, button: QWidget) -> object:
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: view.own.dialog is not None)
    dialog = view.own.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def bodies(session: Session, space_id: bytes) -> dict[str, str]:
    return {p.body: p.state for p in session.spaces.read_feed(space_id)}


def test_edit_and_delete_own_post_reach_the_other_member(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Ari")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page)
    view, ari = page.view, window_session(window)
    thread = view.feed.thread_view
    write_post(qtbot, page, "First draft of my story", title="Story", cw="family")
    bea = add_member(window, tmp_path, space_id, "Bea")
    assert bodies(bea, space_id) == {"First draft of my story": "visible"}
    assert thread.edit_button.isVisible() and thread.delete_button.isVisible()

    # Edit: the dialog holds the composer's fields as they are now, the warning included.
    dialog = open_dialog(qtbot, view, thread.edit_button)
    assert isinstance(dialog, EditPostDialog)
    assert dialog.composer.title.text() == "Story"
    assert dialog.composer.cw_toggle.isChecked() and dialog.composer.cw.text() == "family"
    # An empty text is refused with a message; the dialog stays open and nothing is written.
    dialog.composer.body.clear()
    qtbot.mouseClick(dialog.buttons.button(OK), LEFT)
    assert dialog.isVisible() and dialog.composer.status.text() == "Write something first."
    flows.type_text(qtbot, dialog.composer.body, "Second draft")
    qtbot.mouseClick(dialog.composer.cw_toggle, LEFT)  # the warning is no longer needed
    qtbot.mouseClick(dialog.buttons.button(OK), LEFT)
    qtbot.waitUntil(lambda: "Second draft" in thread.body.toPlainText())
    post = view.feed.model.post(0)
    assert post is not None and post.cw == "" and post.edited_ms is not None
    assert "edited" in thread.heading.text()
    carry(ari, bea, space_id)
    [seen] = bea.spaces.read_feed(space_id)
    assert (seen.title, seen.body, seen.cw) == ("Story", "Second draft", "")

    # Your own post: Edit, Delete and (as the owner, a moderator) Pin; never Report or
    # Remove, which are for other people's posts.
    assert thread.pin_button.isVisible()
    assert not thread.report_button.isVisible() and not thread.remove_button.isVisible()
    # Someone else's post: no Edit and no Delete; Report, and Remove for a moderator.
    bea.spaces.post(space_id, "Bea's own words")
    carry(bea, ari, space_id)
    qtbot.waitUntil(lambda: view.feed.model.rowCount() == 2)
    select_thread(qtbot, view, "Bea's own words")
    assert not thread.edit_button.isVisible() and not thread.delete_button.isVisible()
    assert thread.report_button.isVisible() and thread.remove_button.isVisible()

    # Delete: asks first; Cancel keeps the post.
    select_thread(qtbot, view, "Second draft")
    dialog = open_dialog(qtbot, view, thread.delete_button)
    assert isinstance(dialog, ConfirmDialog)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), LEFT)
    qtbot.waitUntil(lambda: view.own.dialog is None)
    assert bodies(ari, space_id)["Second draft"] == "visible"
    dialog = open_dialog(qtbot, view, thread.delete_button)
    qtbot.mouseClick(dialog.buttons.button(OK), LEFT)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "Deleted by its author" in thread.body.toPlainText())
    assert not thread.edit_button.isVisible() and not thread.delete_button.isVisible()
    carry(ari, bea, space_id)
    feed = {p.post_id: p for p in bea.spaces.read_feed(space_id)}
    assert [p.state for p in feed.values()].count("deleted") == 1
    assert all(p.body != "Second draft" for p in feed.values())
    bea.lock()


def test_pin_as_moderator_and_no_pin_for_a_plain_member(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Ari")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page)
    view = page.view
    thread = view.feed.thread_view
    write_post(qtbot, page, "House rules")
    write_post(qtbot, page, "Newer chatter")
    assert view.feed.model.post(0).body == "Newer chatter"  # type: ignore[union-attr]
    select_thread(qtbot, view, "House rules")
    assert thread.pin_button.isVisible() and thread.pin_button.text() == "P&in"
    qtbot.mouseClick(thread.pin_button, LEFT)
    qtbot.waitUntil(lambda: view.feed.model.post(0).pinned)  # type: ignore[union-attr]
    assert view.feed.model.post(0).body == "House rules"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: thread.pin_button.text() == "Unpi&n")

    # Bea, a plain member in her own window and vault, sees the pin but gets no Pin button.
    bea = add_member(window, tmp_path, space_id, "Bea")
    bea.lock()
    bea_window = make_window(tmp_path / "bea")
    flows.unlock(qtbot, bea_window, PASSPHRASE)
    bea_page = open_spaces(qtbot, bea_window)
    qtbot.waitUntil(lambda: bea_page.view.feed.model.rowCount() == 2)
    bea_view = bea_page.view
    assert bea_view.snapshot is not None and bea_view.snapshot.info.my_role is Role.MEMBER
    assert bea_view.feed.model.post(0).body == "House rules"  # type: ignore[union-attr]
    assert not bea_view.feed.thread_view.pin_button.isVisible()
    assert not bea_view.feed.thread_view.edit_button.isVisible()

    # Unpin puts the thread back in date order.
    qtbot.mouseClick(thread.pin_button, LEFT)
    qtbot.waitUntil(lambda: not any(p.pinned for p in view.feed.model._posts))
    assert view.feed.model.post(0).body == "Newer chatter"  # type: ignore[union-attr]


def test_hand_over_then_leave_and_leave_with_wipe(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Ari")
    page = open_spaces(qtbot, window)
    kept = create_space(qtbot, page, name="Circle")
    view, ari = page.view, window_session(window)
    me = view.me
    bea = add_member(window, tmp_path, kept, "Bea")
    qtbot.waitUntil(lambda: "Bea" in view.members.names())
    view.tabs.setCurrentWidget(me)
    qtbot.waitUntil(lambda: me.hand_over_button.isVisible())
    assert "You own this space" in me.membership.text()

    dialog = open_dialog(qtbot, view, me.hand_over_button)
    assert isinstance(dialog, HandOverDialog)
    assert dialog.member.count() == 1 and "Bea" in dialog.member.currentText()
    qtbot.mouseClick(dialog.buttons.button(OK), LEFT)
    qtbot.waitUntil(lambda: view.snapshot is not None and view.snapshot.info.my_role is Role.ADMIN)
    assert not me.hand_over_button.isVisible()
    carry(ari, bea, kept)
    assert bea.spaces.space_info(kept).my_role is Role.OWNER
    bea.lock()

    # Leave without wiping: the space stays in the list, shown as left.
    dialog = open_dialog(qtbot, view, me.leave_button)
    assert isinstance(dialog, ConfirmDialog) and dialog.option is not None
    assert not dialog.option.isChecked()  # keeping the data is the default
    qtbot.mouseClick(dialog.buttons.button(OK), LEFT)
    qtbot.waitUntil(lambda: view.snapshot is not None and view.snapshot.info.my_role is None)
    assert not me.leave_button.isEnabled()
    assert "not a member of this space any more" in me.membership.text()
    assert [s.space_id for s in ari.spaces.list_spaces()] == [kept]
    assert page.model.rowCount() == 1
    qtbot.waitUntil(lambda: flows.shown(page.model.index(0).data()) == "Circle · Not a member")

    # Leave with wipe: the space goes from the list and from the vault.
    page.window().activateWindow()
    gone = create_space(qtbot, page, name="Alone")
    write_post(qtbot, page, "A private thought")
    view.tabs.setCurrentWidget(me)
    dialog = open_dialog(qtbot, view, me.leave_button)
    assert isinstance(dialog, ConfirmDialog) and dialog.option is not None
    qtbot.mouseClick(dialog.option, LEFT)
    assert dialog.option_checked()
    qtbot.mouseClick(dialog.buttons.button(OK), LEFT)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_of(gone) < 0
    assert [s.space_id for s in ari.spaces.list_spaces()] == [kept]
    assert all(p.body != "A private thought" for p in ari.spaces.read_feed(kept))
    with ari.vault.read() as conn:
        assert ids.get_space(conn, gone) is None
        assert lt.count_events(conn, gone) == 0
        assert lt.count_events(conn, kept) > 0


def test_a_forked_chain_shows_a_warning(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Ari")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page)
    view, ari = page.view, window_session(window)
    assert not view.own.notice.isVisible()
    bea = add_member(window, tmp_path, space_id, "Bea")
    first = bea.spaces.post(space_id, "one version")
    carry(bea, ari, space_id)
    # Bea's device signs a second, different event with the same number (as a restored
    # backup, or someone holding her key, would).
    with bea.vault.read() as conn:
        stored = lt.get_event(conn, first)
        key = ids.get_epoch_key(conn, space_id, stored.epoch) if stored else None
        assert stored is not None and key is not None
        header = bea.log.open_stored(conn, stored).header
        device_seed = dt.get_sign_seed(conn, header.device)  # her device's own key
    assert device_seed is not None
    twin = seal_event(header, ev.POST, 1, {"body": "another version"}, device_seed, key)
    assert ari.log.ingest([twin.envelope]).equivocations == 1
    view.reload()
    qtbot.waitUntil(view.own.notice.isVisible)
    assert "Bea" in view.own.notice.text()
    assert view.own.notice.accessibleName() == "Warnings about this space"
    assert "Bea" in view.own.notice.accessibleDescription()  # a screen reader says them
    assert "another version" not in view.own.notice.text()
    bea.lock()


def test_new_widgets_are_named_and_keyboard_operable(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Ari")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page)
    write_post(qtbot, page, "Hello")
    add_member(window, tmp_path, space_id, "Bea").lock()
    view = page.view
    qtbot.waitUntil(lambda: "Bea" in view.members.names())
    thread = view.feed.thread_view
    new: list[QWidget] = [thread.edit_button, thread.delete_button, thread.pin_button]
    new.append(view.me.leave_button)
    new += [view.me.hand_over_button, view.own.notice]
    assert all(w.accessibleName() for w in new)
    assert unnamed(page) == []
    # Keyboard: Space on the focused Edit button opens the dialog; Escape closes it unsaved.
    thread.edit_button.setFocus()
    qtbot.keyClick(thread.edit_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(view.own.dialog, EditPostDialog))
    dialog = view.own.dialog
    assert dialog is not None and unnamed(dialog) == []
    assert len(interactive_widgets(dialog)) >= 5
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.own.dialog is None)
    for button in (thread.delete_button, view.me.leave_button, view.me.hand_over_button):
        view.tabs.setCurrentWidget(view.me if button.parent() is not thread else view.feed)
        opened = open_dialog(qtbot, view, button)
        assert isinstance(opened, QDialog) and unnamed(opened) == []
        opened.reject()
        qtbot.waitUntil(lambda: view.own.dialog is None)
    # Locking closes an open dialog (it may show a post's text).
    opened = open_dialog(qtbot, view, view.me.leave_button)
    window.bridge.lock()
    qtbot.waitUntil(lambda: view.own.dialog is None and not opened.isVisible())  # type: ignore[attr-defined]
    assert window.windowTitle() in ("Haven", "Notes")


@pytest.fixture
def arabic() -> Iterator[bool]:
    loaded = install_translations(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    yield loaded
    install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_own_post_actions_in_arabic_right_to_left(
    qtbot: QtBot, make_window: MakeWindow, arabic: bool
) -> None:
    assert arabic
    window = make_window()
    flows.create_vault(qtbot, window, name="ريم")
    page = open_spaces(qtbot, window)
    create_space(qtbot, page, name="دائرة")
    write_post(qtbot, page, "مرحبا")
    thread = page.view.feed.thread_view
    assert thread.edit_button.text() == "عدّل (&E)…" and thread.pin_button.text() == "ثبّت (&I)"
    assert page.view.me.leave_button.text() == "غادر هذه المساحة (&C)…"
    # Right to left: the first action (Edit) is the rightmost of the row.
    assert thread.isRightToLeft()
    assert thread.edit_button.x() > thread.delete_button.x() > thread.pin_button.x()


def test_refusals_by_the_core_are_explained_and_change_nothing(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Ari")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page)
    view, ari = page.view, window_session(window)
    write_post(qtbot, page, "Soon gone")
    bea = add_member(window, tmp_path, space_id, "Bea")
    qtbot.waitUntil(lambda: "Bea" in view.members.names())

    # The post is deleted (on another device of Ari's, say) while the edit dialog is open.
    dialog = open_dialog(qtbot, view, view.feed.thread_view.edit_button)
    assert isinstance(dialog, EditPostDialog)
    [post] = ari.spaces.read_feed(space_id)
    ari.spaces.delete_post(space_id, post.post_id)
    flows.type_text(qtbot, dialog.composer.body, " and edited")
    qtbot.mouseClick(dialog.buttons.button(OK), LEFT)
    qtbot.waitUntil(lambda: view.status.text().startswith("Not changed: you can edit"))
    [post] = ari.spaces.read_feed(space_id)
    assert post.state == "deleted" and post.edited_ms is None

    # Bea leaves while Ari is choosing her as the new owner.
    view.tabs.setCurrentWidget(view.me)
    dialog = open_dialog(qtbot, view, view.me.hand_over_button)
    assert isinstance(dialog, HandOverDialog) and "Bea" in dialog.member.currentText()
    bea.spaces.leave(space_id)
    carry(bea, ari, space_id)
    qtbot.mouseClick(dialog.buttons.button(OK), LEFT)
    qtbot.waitUntil(lambda: view.status.text().startswith("Not handed over"))
    assert ari.spaces.space_info(space_id).my_role is Role.OWNER
    bea.lock()


def test_edit_a_reply_keeps_it_a_reply(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Ari")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page)
    write_post(qtbot, page, "A question", title="Help")
    thread = page.view.feed.thread_view
    flows.type_text(qtbot, thread.composer.body, "A first answer")
    qtbot.mouseClick(thread.composer.send_button, LEFT)
    qtbot.waitUntil(lambda: thread.model.rowCount() == 2)
    thread.select_row(1)
    assert thread.edit_button.isVisible() and not thread.pin_button.isVisible()  # replies
    dialog = open_dialog(qtbot, page.view, thread.edit_button)
    assert isinstance(dialog, EditPostDialog) and not dialog.composer.title.isVisible()
    assert dialog.windowTitle() == "Edit your reply"
    dialog.activateWindow()  # offscreen has no window manager to do this
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.composer.body.selectAll()
    flows.type_text(qtbot, dialog.composer.body, "A better answer")
    qtbot.keyClick(dialog.composer.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "A better answer" in thread.body.toPlainText())
    [root] = window_session(window).spaces.read_feed(space_id)
    assert root.title == "Help" and [r.body for r in root.replies] == ["A better answer"]
    assert root.replies[0].title == ""


def test_a_key_that_fails_its_commitment_shows_a_warning(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """An admin (Bea's key in hostile hands) rotates, committing to one key and sealing
    another to Ari's device: Ari's app installs neither and says so above the tabs."""
    window = make_window()
    flows.create_vault(qtbot, window, name="Ari")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page)
    view, ari = page.view, window_session(window)
    bea = add_member(window, tmp_path, space_id, "Bea")
    ari.spaces.set_role(space_id, bea.spaces.space_info(space_id).my_persona, Role.ADMIN)
    carry(ari, bea, space_id)
    epoch, _key, commitment = sealed.new_epoch(space_id)
    ari_box = ari.spaces.devices(space_id, ari.spaces.space_info(space_id).my_persona)[0][1]
    keys = sealed.seal_epoch_key_to_all([ari_box], space_id, epoch, os.urandom(32))
    hostile = Hostile.of(bea, space_id)
    bea.log.ingest([hostile.event(ev.ROTATE, {"epoch": epoch, "keys": keys, "commit": commitment})])
    carry(bea, ari, space_id)
    view.reload()
    qtbot.waitUntil(view.own.notice.isVisible)
    assert "Bea" in view.own.notice.text() and "space key" in view.own.notice.text()
    with ari.vault.read() as conn:
        assert ids.get_epoch_key(conn, space_id, epoch) is None
    bea.lock()
