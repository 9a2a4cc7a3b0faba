"""Posting in a space as a person would: a post with a content warning stays collapsed until
opened, a reply joins the thread, reactions count up and down, mute words hide posts for
this reader only, and hostile Markdown shows as text and loads nothing."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from tests.ui import flows
from tests.ui.spaces_steps import LEFT, create_space, open_spaces, write_post

MakeWindow = Callable[..., HavenWindow]


def test_post_with_content_warning_reply_and_react(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    qtbot.waitUntil(page.empty.isVisible)  # the welcome, once the list has loaded
    create_space(qtbot, page)
    assert page.view.title.text() == "Circle"
    assert "Be kind." in page.view.me.guidelines.toPlainText()

    write_post(
        qtbot,
        page,
        "My dad said awful things at dinner.",
        title="Rough night",
        cw="family conflict",
    )
    feed, thread = page.view.feed, page.view.feed.thread_view
    row = feed.model.index(0)
    # Collapsed: the list shows only the warning; the reading pane neither.
    assert flows.shown(row.data()) == "Content warning: family conflict"
    assert "awful" not in thread.body.toPlainText()
    assert "Rough night" not in thread.body.toPlainText()
    assert thread.show_button.isVisible()
    assert not any(b.isEnabled() for b in thread.reactions.buttons.values())
    qtbot.mouseClick(thread.show_button, LEFT)
    assert "My dad said awful things at dinner." in thread.body.toPlainText()
    assert row.data() == "Rough night"
    assert thread.show_button.text() == "Hide p&ost"

    flows.type_text(qtbot, thread.composer.body, "Sending you strength.")
    qtbot.mouseClick(thread.composer.send_button, LEFT)
    qtbot.waitUntil(lambda: thread.model.rowCount() == 2)
    reply, root = thread.model.post(1), feed.model.post(0)
    assert reply is not None and root is not None
    assert reply.body == "Sending you strength."
    assert thread.model.is_opened(root.post_id)  # still open after a reload

    care = thread.reactions.buttons["sending-care"]
    qtbot.mouseClick(care, LEFT)
    qtbot.waitUntil(lambda: thread.reactions.count("sending-care") == 1)
    assert care.isChecked()
    assert "Sending care 1" in feed.model.index(0).data(0x0B)  # AccessibleTextRole
    qtbot.mouseClick(care, LEFT)
    qtbot.waitUntil(lambda: thread.reactions.count("sending-care") == 0)
    assert not care.isChecked()
    # The post's text never reaches the window title.
    assert window.windowTitle() in ("Haven", "Notes")


def test_mute_words_hide_posts_for_this_reader(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    create_space(qtbot, page)
    write_post(qtbot, page, "Election results are in")
    write_post(qtbot, page, "Went to the picnic")
    me = page.view.me
    page.view.tabs.setCurrentWidget(me)
    flows.type_text(qtbot, me.mute, "election")
    qtbot.mouseClick(me.save_mute, LEFT)
    qtbot.waitUntil(lambda: page.view.feed.model.rowCount() == 1)
    shown = page.view.feed.model.post(0)
    assert shown is not None and shown.body == "Went to the picnic"
    # Not without a trace: a marker says how many are hidden, and shows them on request.
    feed = page.view.feed
    assert page.view.status.text() == "Mute words saved."
    page.view.tabs.setCurrentWidget(feed)
    assert page.view.status.text() == ""  # a message does not outlive its tab
    assert feed.muted_button.isVisible()
    assert feed.muted_button.text() == "1 post hidden by your mute words — show"
    qtbot.mouseClick(feed.muted_button, LEFT)
    assert feed.model.rowCount() == 2
    assert feed.muted_button.text().startswith("Showing 1 post your mute words hide")
    qtbot.mouseClick(feed.muted_button, LEFT)
    assert feed.model.rowCount() == 1
    page.view.tabs.setCurrentWidget(me)
    me.mute.clear()
    qtbot.mouseClick(me.save_mute, LEFT)
    qtbot.waitUntil(lambda: page.view.feed.model.rowCount() == 2)
    assert not page.view.feed.muted_button.isVisibleTo(page.view.feed)
    # And it fades by itself (the delay shortened for the test).
    page.view.status.fade.setInterval(50)
    page.view.status.setText("Mute words saved.")
    qtbot.waitUntil(lambda: page.view.status.text() == "")


def test_hostile_markdown_is_shown_as_text_and_loads_nothing(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    create_space(qtbot, page)
    hostile = (
        '<img src="http://198.51.100.7/x.png"> ![p](http://198.51.100.7/y.png) '
        '[tap](http://198.51.100.7/) <a href="file:///etc/passwd">a</a> **bold**'
    )
    write_post(qtbot, page, hostile)
    browser = page.view.feed.thread_view.body
    text = browser.toPlainText()
    assert '<img src="http://198.51.100.7/x.png">' in text
    assert "[tap](http://198.51.100.7/)" in text  # links are off in the parser: as typed
    assert browser.loads == []
    assert "<a " not in browser.toHtml() and "<img" not in browser.toHtml()
    assert browser.anchorAt(browser.viewport().rect().center()) == ""


def test_reaction_counts_keep_a_fixed_order_never_ranked(qtbot: QtBot) -> None:
    from haven.core.spaces.model import REACTIONS, FeedPost
    from haven.ui.spaces.models import reactions_text
    from haven.ui.spaces.reactions import ReactionsBar

    post = FeedPost(
        b"p" * 32,
        b"a" * 32,
        "Ari",
        "",
        "",
        "body",
        "",
        0,
        None,
        False,
        "visible",
        "",
        {"thank-you": 9, "me-too": 2, "sending-care": 1},
    )
    assert reactions_text(post) == "Sending care 1 · Me too 2 · Thank you 9"
    bar = ReactionsBar()
    qtbot.addWidget(bar)
    bar.show_post(post)
    # Left to right in the fixed order, whatever the counts.
    bar.resize(900, 60)
    bar.layout().activate()  # type: ignore[union-attr]
    order = sorted(bar.buttons, key=lambda k: bar.buttons[k].x())
    assert order == list(REACTIONS)
    assert [bar.count(k) for k in REACTIONS] == [1, 2, 0, 0, 9]
    assert bar.buttons["thank-you"].accessibleName() == "Thank you: 9 reactions"
