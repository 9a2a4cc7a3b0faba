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
from PySide6.QtWidgets import QAbstractSlider, QApplication
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
    # A page further back: newer messages follow it.
    return ChannelPage(info, (ChannelMessage(post, None, (mention,), True),), False, True)


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
    assert tab.newer_button.isVisible() and not tab.older_button.isVisible()
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


def test_a_reported_message_opens_in_its_channel_and_newer_pages_come_back(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """The moderators' queue opens a reported channel message where it was written: the
    Channels tab, its channel chosen, the page that holds it with it current (not "no longer
    there"); a refresh keeps it there, so the moderator sees it removed. From that page
    further back, "Show newer messages" (from the keyboard) reads the newer ones again."""
    window, page, sid = app_with_own_space(qtbot, make_window)
    session = window_session(window)
    general = session.spaces.channels.create(sid, "general")
    session.spaces.channels.create(sid, "art")  # listed first or second: chosen by id
    for i in range(5):
        session.spaces.channels.send(sid, general, f"m {i}")
    bea = add_member(window, tmp_path, sid, "Bea")
    unkind = bea.spaces.channels.send(sid, general, "unkind words")
    carry(bea, session, sid)
    for i in range(6, 130):  # the newest page (100) no longer holds it
        session.spaces.channels.send(sid, general, f"m {i}")
    session.spaces.report(sid, unkind, "cruel")
    view, tab = page.view, page.view.channels
    view.reload()
    view.tabs.setCurrentWidget(view.moderation)
    qtbot.waitUntil(lambda: view.moderation.reports_model.rowCount() == 1)
    assert "“unkind words”" in flows.shown(view.moderation.report_texts()[0])
    view.moderation.reports.setCurrentIndex(view.moderation.reports_model.index(0, 0))
    view.moderation.open_button.setFocus()
    qtbot.keyClick(view.moderation.open_button, Qt.Key.Key_Space)

    def current() -> str:
        m = tab.message(tab.timeline.currentIndex().row())
        return m.post.body if m is not None else ""

    qtbot.waitUntil(lambda: view.tabs.currentWidget() is tab and current() == "unkind words")
    assert not view.status.text()  # no "no longer there"
    assert tab.timeline.hasFocus()  # the keyboard is on the message
    assert (
        tab.channel_id == general
        and tab.channels.currentItem().data(Qt.ItemDataRole.UserRole) == general
    )
    first = tab.message(0)
    assert first is not None and first.post.body == "m 0"
    assert tab.newer_button.isVisibleTo(tab) and not tab.older_button.isVisibleTo(tab)
    assert window.grab().toImage().save(str(tmp_path / "channel-opened-en.png"))

    session.spaces.moderate(sid, unkind, "be kind")  # as the queue's Remove does
    view.reload()
    qtbot.waitUntil(lambda: tab.message(5) is not None and tab.message(5).post.state == "removed")  # type: ignore[union-attr]
    assert tab.timeline.currentIndex().row() == 5 and tab.newer_button.isVisibleTo(tab)

    tab.newer_button.setFocus()
    qtbot.keyClick(tab.newer_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 130)
    assert not tab.newer_button.isVisibleTo(tab)
    # Back at the report's page, scrolling to its end brings the newer messages too.
    view.tabs.setCurrentWidget(view.moderation)
    view.moderation.reports.setCurrentIndex(view.moderation.reports_model.index(0, 0))
    qtbot.mouseClick(view.moderation.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 100 and tab.newer_button.isVisibleTo(tab))
    bar = tab.timeline.verticalScrollBar()
    bar.triggerAction(QAbstractSlider.SliderAction.SliderToMaximum)  # as a wheel or drag does
    qtbot.waitUntil(lambda: tab.model.rowCount() == 130)
    last = tab.message(129)
    assert last is not None and last.post.body == "m 129"
    assert not tab.newer_button.isVisibleTo(tab)
    assert tab.newer_button.accessibleName()
    assert unnamed(window) == [], unnamed(window)
    assert clashes(window) == [], clashes(window)

    # In a channel archived since (no longer listed), the report opens all the same, and a
    # refresh keeps the page instead of dropping the channel that is not listed.
    session.spaces.channels.archive(sid, general)
    view.reload()
    qtbot.waitUntil(lambda: tab.channels.count() == 1 and tab.channel_id is None)
    view.tabs.setCurrentWidget(view.moderation)
    view.moderation.reports.setCurrentIndex(view.moderation.reports_model.index(0, 0))
    view.moderation.open_button.setFocus()
    qtbot.keyClick(view.moderation.open_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.tabs.currentWidget() is tab and tab.channel_id == general)
    assert tab.message(tab.timeline.currentIndex().row()).post.post_id == unkind  # type: ignore[union-attr]
    assert "archived" in tab.no_post.text() and not tab.send_button.isEnabled()
    session.spaces.channels.create(sid, "later")
    view.reload()
    qtbot.waitUntil(lambda: tab.channels.count() == 2)
    assert tab.channel_id == general and tab.message(5).post.post_id == unkind  # type: ignore[union-attr]
