"""Hostile names, titles, warnings and reasons from members of a space, shown in the real
window (English and Arabic layouts): markup stays text and loads nothing, bidi controls
cannot reorder the app's own words, and megabyte-sized values are cut without hanging.

"Loads nothing" is checked at the kernel: an inotify watch on the file a `<img src=…>` name
points at records any open of it, by any code in the process (Qt's image loader included)."""

from __future__ import annotations

import ctypes
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from haven.core import peer_text
from haven.core.spaces.model import FeedPost, Member, Report, Role, SpaceInfo, SpaceSummary, Status
from haven.core.spaces.name_marks import NameMarks, fingerprint, fingerprint_words
from haven.core.wordlist import WORDS
from haven.ui.main_window import HavenWindow
from haven.ui.spaces import wording
from haven.ui.spaces.me_tab import MeTab
from haven.ui.spaces.members_tab import MemberRole, MembersTab
from haven.ui.spaces.models import FeedModel, SpaceListModel, byline
from haven.ui.spaces.moderation_tab import ModerationTab
from haven.ui.spaces.space_view import SpaceView
from haven.ui.spaces.thread_view import ThreadView
from haven.ui.translations import ui_language
from tests.ui import flows
from tests.ui.spaces_steps import add_member, carry, create_space, open_spaces, window_session

MakeWindow = Callable[..., HavenWindow]
RICH = "<b><font color=#c00>Ari</font></b> (moderator)"
RLO_NAME = "Bo\u202eeman\u202c"  # would show as "Bonamee" and flip what follows
ARABIC_NAME = "عمر"
RLO_TITLE = "title \u202etxt.exe"
MEGABYTE = "\u202e<b>x</b>" * (1 << 17)  # 1 MiB of characters, bidi controls and markup


# ------------------------------------------------------------------ the watch on the spy file

IN_ACCESS, IN_OPEN = 0x1, 0x20


class OpenWatch:
    """inotify: did anything open or read this file since the watch began?"""

    def __init__(self, path: Path) -> None:
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        assert self.fd >= 0, "inotify is needed for this test"
        wd = self.libc.inotify_add_watch(self.fd, str(path).encode(), IN_OPEN | IN_ACCESS)
        assert wd >= 0

    def touched(self) -> bool:
        try:
            return bool(os.read(self.fd, 4096))
        except BlockingIOError:
            return False

    def close(self) -> None:
        os.close(self.fd)


@pytest.fixture
def spy_image() -> Iterator[Path]:
    """A real PNG at a path short enough to fit in a 64-character display name."""
    folder = Path(tempfile.mkdtemp(prefix="hv", dir="/tmp"))
    path = folder / "s.png"
    image = QImage(300, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#cc0000"))
    assert image.save(str(path))
    yield path
    shutil.rmtree(folder)


# ------------------------------------------------------------------ what a reader sees


def visual_order(text: str, name: str, rtl: bool) -> list[tuple[str, int]]:
    """The characters of `text` outside the first `name`, in the order they are drawn (by
    the centre of each one, as Qt lays the line out), each as (before|after, offset)."""
    start = text.index(name)
    end = start + len(name)
    layout = QTextLayout(text, QApplication.font())
    option = QTextOption()
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    keyed = []
    for i, ch in enumerate(text):
        if start <= i < end or unicodedata.category(ch) == "Cf":
            continue  # the name itself, and zero-width isolates
        centre = (line.cursorToX(i)[0] + line.cursorToX(i, line.Edge.Trailing)[0]) / 2
        keyed.append((centre, ("before", i) if i < start else ("after", i - end)))
    keyed.sort(key=lambda k: k[0], reverse=rtl)
    return [k for _, k in keyed]


def assert_not_reordered(text: str, raw_name: str, rtl: bool) -> None:
    """The app's words around a name are drawn exactly as around a plain Latin name."""
    shown = peer_text.one_line(raw_name, peer_text.NAME_CHARS)
    assert "\u202e" not in text and shown in text, text
    baseline = text.replace(shown, "Ari", 1)
    assert visual_order(text, shown, rtl) == visual_order(baseline, "Ari", rtl), text


def red_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage()
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            count += c.red() > 150 and c.green() < 90 and c.blue() < 90
    return count


def labels_showing(root: QWidget, fragment: str) -> list[QLabel]:
    return [w for w in root.findChildren(QLabel) if fragment in w.text()]


# ------------------------------------------------------------------ the real window


def test_hostile_members_in_the_window(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, spy_image: Path, language: str
) -> None:
    rtl = language == "ar"
    img_name = f"<img src={spy_image}>"
    assert len(img_name) <= 64
    watch = OpenWatch(spy_image)
    try:
        window = make_window()
        assert QGuiApplication.isRightToLeft() == rtl
        flows.create_vault(qtbot, window, name="Dana")
        page = open_spaces(qtbot, window)
        space_id = create_space(qtbot, page)
        view = page.view
        dana = window_session(window)
        hostile = {}
        for handle, name in [("img", img_name), ("rich", RICH), ("rlo", RLO_NAME)]:
            member = add_member(window, tmp_path, space_id, handle)
            member.spaces.update_persona(space_id, name, "\u202eshe/her")
            hostile[handle] = member
        impostor = add_member(window, tmp_path, space_id, "impostor")
        impostor.spaces.update_persona(space_id, "D\u0430na")  # Cyrillic а: "Dana"
        hostile["impostor"] = impostor
        dana.spaces.post(space_id, "welcome", title="from the owner")
        arabic = add_member(window, tmp_path, space_id, ARABIC_NAME)
        arabic.spaces.post(space_id, "from Omar", title="hello")
        rich = hostile["rich"]
        post_id = rich.spaces.post(space_id, "body", title=RLO_TITLE, cw=RICH)
        carry(rich, dana, space_id)
        carry(dana, hostile["img"], space_id)
        hostile["img"].spaces.report(space_id, post_id, RICH)
        hostile["rlo"].spaces.post(space_id, "hi", title="from Bo")
        hostile["img"].spaces.post(space_id, "look", title="from img")
        for member in [*hostile.values(), arabic]:
            carry(member, dana, space_id)
        view.reload()
        qtbot.waitUntil(lambda: len(view.members.names()) == 6 and view.feed.model.rowCount() == 5)
        qtbot.waitUntil(lambda: view.moderation.reports_model.rowCount() == 1)

        # Markup is text: every label that shows any of it is in plain-text mode, and the
        # literal tags are what it shows.
        for tab in (view.feed, view.members, view.moderation):
            view.tabs.setCurrentWidget(tab)
            for label in labels_showing(window, "<"):
                assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
        members = view.members.model
        shown_names = [members.item(r, 0).text() for r in range(members.rowCount())]
        assert RICH in shown_names and img_name in shown_names
        assert "Boeman" in shown_names and ARABIC_NAME in shown_names

        # Badges from the authority rules, fingerprints from keys, warnings about names.
        check_badges(view, rtl)

        # The reading pane of the posts by "<b><font…>" and by "<img src=…>".
        view.tabs.setCurrentWidget(view.feed)
        feed, thread = view.feed, view.feed.thread_view
        for author in (img_name, RICH):
            row = next(
                r for r in range(feed.model.rowCount()) if feed.model.post(r).author_name == author
            )  # type: ignore[union-attr]
            feed.list.setCurrentIndex(feed.model.index(row))
            qtbot.waitUntil(lambda a=author: a in thread.heading.text())  # type: ignore[misc]
            assert thread.heading.textFormat() == Qt.TextFormat.PlainText
            assert red_pixels(thread.heading) == 0
        assert RICH in thread.cw_label.text() and red_pixels(thread.cw_label) == 0
        thread.toggle_opened()
        assert "title txt.exe" in thread.body.toPlainText()
        assert "\u202e" not in thread.body.toPlainText()
        assert thread.body.loads == []

        # Names inside the app's sentences: the words around them keep their order.
        for r in range(feed.model.rowCount()):
            post = feed.model.post(r)
            assert post is not None
            assert_not_reordered(byline(post), post.author_name, rtl)
        report = view.moderation.report_texts()[0]
        assert_not_reordered(report, img_name, rtl)
        assert RICH in report  # the reason, literally

        # The question before removing a member shows the name as written, not red.
        for name in (RICH, img_name):
            pk = next(m.member_pk for m in dana.spaces.members(space_id) if m.display_name == name)
            view._ask_remove_member(pk, name)
            dialog = view.dialog
            assert dialog is not None
            qtbot.waitExposed(dialog)
            question = labels_showing(dialog, name)
            assert question and all(q.textFormat() == Qt.TextFormat.PlainText for q in question)
            assert red_pixels(dialog) == 0
            dialog.reject()

        QApplication.processEvents()
        assert not watch.touched(), "something opened the file a name pointed at"
    finally:
        touched_after = spy_image.read_bytes() and watch.touched()  # the watch itself works
        watch.close()
    assert touched_after


def check_badges(view: SpaceView, rtl: bool) -> None:
    members = view.members.model
    rows = {
        members.item(r, 0).data(MemberRole).display_name: [
            members.item(r, c).text() for c in range(members.columnCount())
        ]
        for r in range(members.rowCount())
    }
    similar = wording.name_warnings(NameMarks(fingerprint(b""), None, True, False))[0]
    role_word = wording.name_warnings(NameMarks(fingerprint(b""), None, False, True))[0]
    # The one who calls themselves "(moderator)" is a member, and the app says so.
    assert rows[RICH][2] == wording.role_label(Role.MEMBER)
    assert role_word in rows[RICH][4]
    # "Dаna" with a Cyrillic а: both Danas are marked; their fingerprints differ.
    assert similar in rows["Dana"][4] and similar in rows["D\u0430na"][4]
    assert rows["Dana"][2] == wording.role_label(Role.OWNER)
    assert rows["Dana"][3] != rows["D\u0430na"][3] and rows["Dana"][3]
    assert rows[ARABIC_NAME][4] == "" and rows[RLO_NAME][4] == ""
    # In the feed: the owner's byline carries the owner badge after the name; the
    # self-declared moderator's byline carries no moderator badge of the app's.
    feed = view.feed.model
    lines = {}
    for r in range(feed.rowCount()):
        post = feed.post(r)
        assert post is not None
        lines[post.author_name] = byline(post, feed.marks(post.author))
    after_name = {n: flows.shown(t).split(" · ")[1:] for n, t in lines.items()}
    assert wording.role_label(Role.OWNER) in after_name["Dana"]
    assert wording.role_label(Role.MODERATOR) not in after_name[RICH]
    assert role_word in after_name[RICH]
    assert rows[RICH][3] in after_name[RICH]  # the same fingerprint in both places
    # The fingerprint is worded in the UI's language: two words of that language's list
    # (Arabic words in the Arabic UI, never English ones).
    words = fingerprint_words(ui_language())
    assert words is not None
    for row in rows.values():
        first, second = row[3].split(" ")
        assert first in words and second in words, row[3]
        assert (first in WORDS) == (ui_language() == "en")


# ------------------------------------------------------------------ a megabyte of name


def test_megabyte_values_are_cut_without_hanging(qtbot: QtBot, language: str) -> None:
    """Values this large cannot pass the core's checks; the widgets cut them anyway, in a
    slice, so a bug elsewhere cannot freeze the window (pytest-timeout would fail a hang)."""
    member = Member(b"m" * 32, MEGABYTE, MEGABYTE, "", Role.MEMBER, Status.ACTIVE)
    members = MembersTab()
    qtbot.addWidget(members)
    members.show_members([member], None, Role.MEMBER)
    for column in (0, 1):
        text = members.model.item(0, column).text()
        assert len(text) <= peer_text.NAME_CHARS and "\u202e" not in text
        assert text.endswith(peer_text.ELLIPSIS)

    post = FeedPost(
        b"p" * 32, b"m" * 32, MEGABYTE, "", MEGABYTE, MEGABYTE, MEGABYTE,
        0, None, False, "visible", "",
    )  # fmt: skip
    thread = ThreadView(FeedModel())
    qtbot.addWidget(thread)
    thread.show_thread(post)
    thread.toggle_opened()
    assert len(thread.heading.text()) < 200 and len(thread.cw_label.text()) < 400
    assert len(thread.body.toPlainText()) < 60_000

    spaces = SpaceListModel()
    spaces.set_spaces([SpaceSummary(b"s" * 16, MEGABYTE, (), 3, Role.MEMBER, 2)])
    assert len(spaces.index(0).data()) < 120

    moderation = ModerationTab()
    qtbot.addWidget(moderation)
    moderation.show_queue([Report(b"r", b"m", MEGABYTE, b"p" * 32, MEGABYTE, 0)], [], {})
    assert len(moderation.report_texts()[0]) < 600

    me = MeTab()
    qtbot.addWidget(me)
    info = SpaceInfo(
        b"s" * 16, MEGABYTE, MEGABYTE, (MEGABYTE,), MEGABYTE, b"o" * 32, b"m" * 32,
        Role.MEMBER, 0, 2,
    )  # fmt: skip
    me.show_space(info, member, [], refresh_fields=False)
    assert me.about.textFormat() == Qt.TextFormat.PlainText
    assert len(me.about.text()) <= peer_text.BLOCK_CHARS + 300
    assert len(me.guidelines.toPlainText()) <= peer_text.BLOCK_CHARS + 1
