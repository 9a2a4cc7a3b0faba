"""Bad input in Spaces gets a clear message and loses nothing; the persona editor changes
the name this space knows you by (only here); locking drops every post, name and opened
content warning the section held."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from tests.ui import flows
from tests.ui.spaces_steps import LEFT, create_space, open_spaces, window_session, write_post

MakeWindow = Callable[..., HavenWindow]


def test_bad_input_is_refused_clearly_and_keeps_what_was_typed(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = page.create_dialog
    assert dialog is not None
    flows.type_text(qtbot, dialog.guidelines, "Be kind.")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, LEFT)
    assert dialog.isVisible() and dialog.error.text() == "Give the space a name."
    flows.type_text(qtbot, dialog.name, "Circle")
    flows.type_text(qtbot, dialog.topics, ", ".join(f"topic{i}" for i in range(9)))
    qtbot.mouseClick(ok, LEFT)
    assert dialog.isVisible() and "Up to 8 topics" in dialog.error.text()
    assert dialog.guidelines.toPlainText() == "Be kind."  # nothing typed was lost
    dialog.reject()
    assert window_session(window).spaces.list_spaces() == []

    create_space(qtbot, page)
    composer = page.view.feed.composer
    qtbot.mouseClick(composer.send_button, LEFT)
    assert composer.status.text() == "Write something first."
    flows.type_text(qtbot, composer.body, "This is about my family.")
    qtbot.mouseClick(composer.cw_toggle, LEFT)
    qtbot.mouseClick(composer.send_button, LEFT)
    assert "content warning" in composer.status.text()
    assert composer.body.toPlainText() == "This is about my family."
    assert page.view.feed.model.rowCount() == 0
    qtbot.mouseClick(composer.cw_toggle, LEFT)  # off again: posts without a warning
    qtbot.mouseClick(composer.send_button, LEFT)
    qtbot.waitUntil(lambda: page.view.feed.model.rowCount() == 1)


def test_persona_editor_and_lock(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Robin")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page)
    write_post(qtbot, page, "Private thoughts", cw="grief")
    view = page.view
    view.tabs.setCurrentWidget(view.me)
    me = view.me
    assert me.name.text() == "Robin"
    me.name.clear()
    qtbot.mouseClick(me.save_persona, LEFT)
    assert me.status.text() == "Choose a name for this space."
    flows.type_text(qtbot, me.name, "Wren")
    assert me.pronouns.text() == "they/them"
    me.pronouns.clear()
    flows.type_text(qtbot, me.pronouns, "she/her")
    me.colour.setCurrentIndex(3)
    qtbot.mouseClick(me.save_persona, LEFT)
    qtbot.waitUntil(lambda: view.members.names() == ["Wren"])
    assert view.status.text() == "Saved your name in this space."
    session = window_session(window)
    assert session.identity.primary().display_name == "Robin"  # the vault's own persona
    member = session.spaces.members(space_id)[0]
    assert (member.pronouns, member.colour) == ("she/her", me.colour.itemData(3))

    view.tabs.setCurrentWidget(view.feed)
    feed = view.feed
    qtbot.mouseClick(feed.thread_view.show_button, LEFT)
    assert feed.model.is_opened(feed.model.post(0).post_id)  # type: ignore[union-attr]
    window.lock()
    qtbot.waitUntil(lambda: window.current_page() is window.unlock_page)
    assert page.model.rowCount() == 0 and feed.model.rowCount() == 0
    assert feed.thread_view.body.toPlainText() == ""
    assert view.members.names() == [] and me.name.text() == ""
    assert window.home.sidebar.item(window._spaces_row).text() == "Spaces"
    flows.unlock(qtbot, window)
    page = open_spaces(qtbot, window)
    qtbot.waitUntil(lambda: page.view.feed.model.rowCount() == 1)
    first = page.view.feed.model.post(0)
    assert first is not None and not page.view.feed.model.is_opened(first.post_id)
