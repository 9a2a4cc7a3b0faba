"""A space's Channels tab: an admin makes #general from the keyboard alone; a member's
message that mentions her arrives; choosing it shows the mention as the app states it (the
member's key's fingerprint and role), never markup; Q quotes it and Ctrl+Enter sends the
answer, which reaches the core with its quote; every control named, no shared Alt letter.
An announcement channel offers a member no composer. In Arabic, right to left, the list sits
on the right; each theme renders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from haven.core.spaces.channels import ChannelInfo, ChannelMessage, ChannelPage, Mention
from haven.core.spaces.model import FeedPost, Role
from haven.core.spaces.name_marks import fingerprint
from haven.ui.appearance import apply_theme
from haven.ui.main_window import HavenWindow
from haven.ui.settings import Theme
from haven.ui.spaces.channel_tab import ChannelTab
from tests.ui import flows
from tests.ui.a11y import unnamed
from tests.ui.spaces_steps import add_member, app_with_own_space, carry, window_session
from tests.ui.test_keyboard_help import clashes

MakeWindow = Callable[..., HavenWindow]
HOSTILE = "<b>Bea</b>"


def test_a_channel_is_made_read_and_answered_from_the_keyboard(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window, page, space_id = app_with_own_space(qtbot, make_window)
    session = window_session(window)
    view = page.view
    view.tabs.setCurrentWidget(view.channels)
    tab = view.channels
    qtbot.waitUntil(tab.admin_box.isVisible)  # the space's owner is an admin
    tab.new_name.setFocus()
    flows.type_text(qtbot, tab.new_name, "general")
    qtbot.keyClick(tab.create_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.channels.count() == 1)
    assert tab.channels.item(0).text().startswith("#")
    (general,) = session.spaces.channels.list_channels(space_id)
    bea = add_member(window, tmp_path, space_id, HOSTILE)
    carry(session, bea, space_id)
    me = next(m.member_pk for m in session.spaces.members(space_id) if m.role is Role.OWNER)
    said = bea.spaces.channels.send(space_id, general.channel_id, "hi, tea?", mentions=[me])
    carry(bea, session, space_id)
    view.reload()
    qtbot.waitUntil(lambda: "mentions of you: 1" in tab.channels.item(0).text())
    tab.channels.setFocus()
    qtbot.keyClick(tab.channels, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.timeline.setFocus()
    tab.timeline.setCurrentIndex(tab.model.index(0))
    assert tab.detail.textFormat() == Qt.TextFormat.PlainText
    assert "Owner" in tab.detail.text() and "Mentions" in tab.detail.text()
    assert " ".join(fingerprint(me).words) in tab.detail.text()
    qtbot.keyClick(tab.timeline, Qt.Key.Key_Q)
    assert tab.quoting.isVisible() and HOSTILE in tab.quoting.text()  # as text, not markup
    flows.type_text(qtbot, tab.body, "yes please")
    qtbot.keyClick(tab.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    last = session.spaces.channels.read(space_id, general.channel_id).messages[-1]
    assert last.post.body == "yes please" and last.quote is not None
    assert last.quote[0] == said
    assert not tab.body.toPlainText()
    assert unnamed(window) == [], unnamed(window)
    assert clashes(window) == [], clashes(window)
    image = window.grab().toImage()
    assert image.save(str(tmp_path / "channels-en.png"))


def _page(may_post: bool) -> ChannelPage:
    info = ChannelInfo(b"\x01" * 32, "أخبار", "announce", False, 3, 1, False, may_post)
    post = FeedPost(
        b"\x02" * 32, b"\x03" * 32, "ريم", "", "", "اجتماع يوم الجمعة", "",
        1_800_000_000_000, None, False, "visible", "",
    )  # fmt: skip
    mention = Mention(b"\x04" * 32, "سارة", fingerprint(b"\x04" * 32).text, Role.MEMBER)
    return ChannelPage(info, (ChannelMessage(post, None, (mention,), True),), False)


def test_announcements_in_arabic_right_to_left_and_each_theme(
    qtbot: QtBot, arabic: bool, tmp_path: Path
) -> None:
    tab = ChannelTab()
    qtbot.addWidget(tab)
    tab.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    page = _page(may_post=False)
    tab.show_channels([page.channel], admin=False)
    tab.channel_id = page.channel.channel_id
    tab.show_page(page)
    tab.resize(900, 500)
    tab.show()
    qtbot.waitExposed(tab)
    assert not tab.body.isEnabled() and not tab.send_button.isEnabled()
    assert tab.no_post.text() and not tab.admin_box.isVisible()
    list_x = tab.channels.mapTo(tab, QPoint(0, 0)).x()
    timeline_x = tab.timeline.mapTo(tab, QPoint(0, 0)).x()
    assert list_x > timeline_x, "the channel list is on the right"
    tab.timeline.setCurrentIndex(tab.model.index(0))
    assert "سارة" in tab.detail.text()
    assert unnamed(tab) == []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        for theme in (Theme.LIGHT, Theme.DARK, Theme.HIGH_CONTRAST):
            apply_theme(app, theme)
            image = tab.grab().toImage()
            assert image.save(str(tmp_path / f"channels-ar-{theme.value}.png"))
    finally:
        apply_theme(app, Theme.LIGHT)
