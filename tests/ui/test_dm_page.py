"""Private messages in the app (ui/dm/): "Message privately" on a member row opens the
conversation in the Messages section, from the keyboard alone; a message with the composer
reaches the other person's vault (carried as sync would), their reply shows as plain text;
every control named, no shared Alt letter; right to left in Arabic; Block closes it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.core.session import Session
from haven.ui.main_window import HavenWindow
from tests.ui import flows
from tests.ui.a11y import unnamed
from tests.ui.spaces_steps import add_member, carry, open_spaces, window_session
from tests.ui.test_keyboard_help import clashes

MakeWindow = Callable[..., HavenWindow]
HOSTILE = "<b>tonight</b> <img src=/etc/passwd>"


def _circle(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> tuple[HavenWindow, Session, bytes, Session]:
    """The window's vault (Ari) owns a space Bea (a vault of her own) is a member of."""
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window_session(window)
    space = session.spaces.create_space("Circle", display_name="Ari")
    bea = add_member(window, tmp_path, space, "Bea")
    carry(bea, session, space)
    return window, session, space, bea


def test_message_privately_from_the_keyboard_in_arabic(
    qtbot: QtBot, make_window: MakeWindow, arabic: bool, tmp_path: Path
) -> None:
    window, session, space, bea = _circle(qtbot, make_window, tmp_path)

    page = open_spaces(qtbot, window)
    qtbot.waitUntil(lambda: page.current_space() == space)
    members = page.view.members
    page.view.tabs.setCurrentWidget(members)
    qtbot.waitUntil(lambda: "Bea" in members.names())
    members.select_name("Bea")
    assert members.message_button.isEnabled()
    members.message_button.setFocus()
    qtbot.keyClick(members.message_button, Qt.Key.Key_Space)

    dm_page = window.dm_page
    qtbot.waitUntil(dm_page.isVisible)
    qtbot.waitUntil(lambda: dm_page.list.count() == 1)
    view = dm_page.view
    qtbot.waitUntil(lambda: view.summary is not None)
    assert "Bea" in view.title.text() and "Circle" in view.notice.text()
    view.composer.body.setFocus()
    flows.type_text(qtbot, view.composer.body, "are you free?")
    qtbot.keyClick(view.composer.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.messages.count() == 1)
    assert "are you free?" in view.messages.item(0).text()

    # Bea's vault takes the offer and reads it; her reply comes back as plain text
    carry(session, bea, space)
    (dm,) = [d.dm_id for d in bea.spaces.dms.list_dms()]
    carry(session, bea, dm)
    assert [p.body for p in bea.spaces.dms.read(dm)] == ["are you free?"]
    bea.spaces.dms.send(dm, HOSTILE)
    carry(bea, session, dm)
    qtbot.waitUntil(lambda: view.messages.count() == 2)
    assert HOSTILE in view.messages.item(1).text()
    assert dm_page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.notice.textFormat() == Qt.TextFormat.PlainText
    assert unnamed(window) == [] and clashes(window) == []
    window.grab().toImage().save(str(tmp_path / "dm.png"))

    # Block: the composer closes
    view.block()
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.state == "blocked")
    assert not view.composer.isEnabled()
    window.bridge.lock()
    qtbot.waitUntil(lambda: dm_page.list.count() == 0 and view.messages.count() == 0)


def test_the_messages_item_counts_unread_messages_until_they_are_shown(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """Bea writes while the Messages section is hidden: the sidebar's item shows the count
    (text and spoken name) and loading the list does not mark them read; showing the section
    does, and the count goes."""
    window, session, space, bea = _circle(qtbot, make_window, tmp_path)
    item = window.home.sidebar.item(window._messages_row)
    assert item.text() == "Messages"

    dm = bea.spaces.dms.open(space, session.spaces.space_info(space).my_persona)
    for text in ("are you there?", "write when you can"):
        bea.spaces.dms.send(dm, text)
    carry(bea, session, space)  # the offer, then the conversation
    carry(bea, session, dm)
    qtbot.waitUntil(lambda: item.text() == "Messages (2)")
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "Messages, 2 unread"
    assert not window.dm_page.isVisible()
    assert session.spaces.dms.summary(dm).unread == 2  # the hidden page read none

    window.home.show_section("messages")
    qtbot.waitUntil(lambda: item.text() == "Messages")
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "Messages"
    assert session.spaces.dms.summary(dm).unread == 0
    window.home.show_section("journal")
    bea.spaces.dms.send(dm, "one more")
    carry(bea, session, dm)
    qtbot.waitUntil(lambda: item.text() == "Messages (1)")
    window.bridge.lock()
    qtbot.waitUntil(lambda: item.text() == "Messages")
