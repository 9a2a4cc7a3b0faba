"""The Upcoming section (ui/spaces/upcoming_page.py): the person's next events across spaces,
soonest first, read through the core; a hostile title and space name shown as plain text;
opened and refreshed from the keyboard alone; every control named, no shared Alt letter; in
Arabic the dates in the locale's digits and the layout right to left; nothing kept on lock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from haven.core.changes import CausesChanged, MembersChanged, PostsChanged
from haven.core.spaces.gatherings.details import local_to_utc
from haven.ui.main_window import HavenWindow
from tests.ui import flows
from tests.ui.a11y import unnamed
from tests.ui.spaces_steps import window_session
from tests.ui.test_keyboard_help import clashes
from tests.ui.test_settings_vault_files import choose_file

MakeWindow = Callable[..., HavenWindow]
HOSTILE = "<b>Tea</b> <img src=/etc/passwd>"


def _event(title: str, start: str) -> dict[str, object]:
    at = local_to_utc(start, "Europe/London")
    return {"kind": "online", "title": title, "start": at, "end": at + 3600, "tz": "Europe/London"}


def test_upcoming_across_spaces_from_the_keyboard_in_arabic(
    qtbot: QtBot, make_window: MakeWindow, arabic: bool
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window_session(window)
    circle = session.spaces.create_space("<i>Circle</i>", display_name="Ari")
    other = session.spaces.create_space("Elsewhere", display_name="Ari")
    gid = session.spaces.gatherings.create(circle, _event(HOSTILE, "2031-03-01T18:00"))
    session.spaces.gatherings.create(other, _event("Picnic", "2031-02-01T12:00"))
    session.spaces.gatherings.rsvp(circle, gid, "going")

    page = window.upcoming_page
    window.home.sidebar.setFocus()
    qtbot.keyClick(window.home.sidebar, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.isVisible)
    qtbot.waitUntil(lambda: page.list.count() == 2)
    first, second = page.list.item(0).text(), page.list.item(1).text()
    assert "Picnic" in first and "Elsewhere" in first, "soonest first, across spaces"
    assert "<b>Tea</b>" in second and "<i>Circle</i>" in second  # as written, not markup
    assert "(ستحضر)" in second or not arabic  # the answer, translated
    assert "٢٠٣١" in first, "the date in the Arabic locale's digits"
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert page.intro.textFormat() == Qt.TextFormat.PlainText
    list_x = page.list.mapTo(page, QPoint(0, 0)).x() + page.list.width()
    button_x = page.refresh_button.mapTo(page, QPoint(0, 0)).x() + page.refresh_button.width()
    assert button_x >= list_x - 20, "the button starts on the right"
    assert unnamed(window) == [] and clashes(window) == []

    # Refreshed from the keyboard after a change made elsewhere.
    session.spaces.gatherings.create(other, _event("Earlier", "2031-01-01T12:00"))
    page.refresh_button.setFocus()
    qtbot.keyClick(page.refresh_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.list.count() == 3 and "Earlier" in page.list.item(0).text())

    window.bridge.lock()
    qtbot.waitUntil(lambda: page.list.count() == 0)


def test_changes_in_a_space_left_do_not_read_the_list_again(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    """Once the person has left a space, a change there (a post synced in) does not make
    the page read again; one about its members does (they may be added back), and so does
    a change in a space they belong to or one new here."""
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window_session(window)
    stay = session.spaces.create_space("Stay", display_name="Ari")
    gone = session.spaces.create_space("Gone", display_name="Ari")
    session.spaces.gatherings.create(gone, _event("Left behind", "2031-03-01T18:00"))
    session.spaces.gatherings.create(stay, _event("Picnic", "2031-02-01T12:00"))
    page = window.upcoming_page
    window.home.sidebar.setFocus()
    qtbot.keyClick(window.home.sidebar, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.list.count() == 2)
    session.spaces.leave(gone)
    qtbot.waitUntil(lambda: page.list.count() == 1 and "Picnic" in page.list.item(0).text())
    qtbot.waitUntil(lambda: not page._timer.isActive())

    post = (b"\x01" * 32,)
    window.bridge.changed.emit([PostsChanged(gone, post), CausesChanged(gone)])
    assert not page._timer.isActive(), "a change in a space left reads nothing"
    window.bridge.changed.emit([MembersChanged(gone)])
    assert page._timer.isActive(), "they may have been added back"
    page._timer.stop()
    for change in (PostsChanged(stay, post), PostsChanged(b"\x02" * 32, post)):
        window.bridge.changed.emit([change])
        assert page._timer.isActive(), "a space they belong to, or one new here"
        page._timer.stop()


def test_export_my_events_after_a_plain_text_warning(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, language: str
) -> None:
    """Export my events…: a warning that the file is not encrypted (Cancel by default), the
    places only when ticked, a file dialog, a new file only this user may read with the
    events the person is going to; never over an existing file; in English and Arabic."""
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window_session(window)
    circle = session.spaces.create_space("Circle", display_name="Ari")
    going = session.spaces.gatherings.create(circle, _event(HOSTILE, "2031-03-01T18:00"))
    session.spaces.gatherings.create(circle, _event("Not going", "2031-02-01T12:00"))
    session.spaces.gatherings.rsvp(circle, going, "going")
    page = window.upcoming_page
    window.home.sidebar.setFocus()
    qtbot.keyClick(window.home.sidebar, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.list.count() == 2)
    assert page.layoutDirection() == (
        Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    )
    assert unnamed(window) == [] and clashes(window) == []

    page.export_button.setFocus()
    qtbot.keyClick(page.export_button, Qt.Key.Key_Space)
    box = page.export.box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "NOT encrypted" in box.text() or language != "en"
    assert box.defaultButton() is not page.export.choose_button  # Cancel, unless chosen
    assert page.export.with_places is not None and not page.export.with_places.isChecked()
    assert unnamed(box) == []
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Cancel: nothing asked, nothing written
    qtbot.waitUntil(lambda: not box.isVisible())
    assert page.export.dialog is None

    dest = tmp_path / "going.ics"
    page.export.start()
    box = page.export.box
    assert box is not None and page.export.choose_button is not None
    qtbot.waitUntil(box.isVisible)
    page.export.choose_button.click()
    choose_file(qtbot, page.export.dialog, dest)
    qtbot.waitUntil(dest.exists)
    qtbot.waitUntil(lambda: str(dest) in page.status.text())
    assert dest.stat().st_mode & 0o777 == 0o600
    text = dest.read_text()
    assert text.startswith("BEGIN:VCALENDAR") and text.count("BEGIN:VEVENT") == 1
    assert "Tea" in text and "Not going" not in text

    # The same name again: refused, the file as it was.
    before = dest.read_bytes()
    page.export.write(dest, with_places=False)
    qtbot.waitUntil(lambda: str(dest) not in page.status.text() and "…" not in page.status.text())
    assert page.status.text() and dest.read_bytes() == before
    assert "exists" in page.status.text() or language != "en"

    # A lock closes an open question and drops what it held.
    page.export.start()
    box = page.export.box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    window.lock()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert page.export.box is None and page.status.text() == ""
