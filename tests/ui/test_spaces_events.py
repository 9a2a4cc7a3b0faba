"""A space's Events tab: an event made with "New event…" (a wrong zone refused first), listed
with a hostile title shown as plain text, answered from the keyboard alone (the answer reaches
the core), its guest list shown to the organiser and a guest approved from it; every control
named, no shared Alt letter; a member's view has no guest list and says when the place is
revealed instead of the place; dates in the Arabic locale's digits; answers right to left."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QPoint, Qt, QTime
from pytestqt.qtbot import QtBot

from haven.core.spaces.gatherings.details import check, local_to_utc
from haven.core.spaces.gatherings.model import Counts, Gathering
from haven.ui.main_window import HavenWindow
from haven.ui.spaces.event_dialog import NewEventDialog
from haven.ui.spaces.events_tab import EventsTab
from tests.ui import flows
from tests.ui.a11y import unnamed
from tests.ui.spaces_steps import create_space, open_spaces, window_session
from tests.ui.test_keyboard_help import clashes

MakeWindow = Callable[..., HavenWindow]
HOSTILE = "<b>Tea</b> <img src=/etc/passwd>"
START = local_to_utc("2027-03-01T18:00", "Europe/London")


def _content() -> dict[str, object]:
    return {
        "kind": "hybrid",
        "title": HOSTILE,
        "description": "**Bring** a mug",
        "start": START,
        "end": START + 7200,
        "tz": "Europe/London",
        "reveal_at": START - 86400,
    }


def test_an_event_is_listed_and_answered_from_the_keyboard(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    qtbot.waitUntil(page.empty.isVisible)
    space_id = create_space(qtbot, page)
    session = window_session(window)
    view = page.view
    view.tabs.setCurrentWidget(view.events)
    tab = view.events
    qtbot.waitUntil(tab.new_button.isVisible)  # the space's owner is an admin
    qtbot.keyClick(tab.new_button, Qt.Key.Key_Space)
    dialog = view.event_actions.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []
    flows.type_text(qtbot, dialog.title, HOSTILE)
    dialog.zone.clear()
    flows.type_text(qtbot, dialog.zone, "Mars/Olympus")
    dialog.start.setDateTime(QDateTime(QDate(2027, 3, 1), QTime(18, 0)))
    dialog.end.setDateTime(QDateTime(QDate(2027, 3, 1), QTime(20, 0)))
    flows.type_text(qtbot, dialog.place, "12 Hidden St")
    dialog.reveal.setDateTime(QDateTime(QDate(2027, 2, 28), QTime(18, 0)))
    dialog.accept()
    assert dialog.isVisible() and "Unknown time zone" in dialog.error.text()
    dialog.zone.clear()
    flows.type_text(qtbot, dialog.zone, "Europe/London")
    dialog.accept()
    qtbot.waitUntil(lambda: tab.list.count() == 1)
    (made,) = session.spaces.gatherings.list(space_id)
    gid = made.gathering_id
    assert made.details.start == START and made.details.reveal_at == START - 86400
    assert "<b>Tea</b>" in tab.list.item(0).text()  # shown as written, not as markup
    assert tab.heading.textFormat() == Qt.TextFormat.PlainText
    assert tab.details.textFormat() == Qt.TextFormat.PlainText
    assert "12 Hidden St" in tab.details.text()  # the organiser holds the place
    assert unnamed(window) == [] and clashes(window) == []

    tab.list.setFocus()
    qtbot.keyClick(tab.list, Qt.Key.Key_Tab)  # list → details → the answers
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is tab.going
    qtbot.keyClick(tab.going, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: session.spaces.gatherings.show(space_id, gid).my_answer == "going")
    qtbot.waitUntil(lambda: "You are going." in tab.details.text())
    # The organiser's guest list (only theirs): approve the guest from the keyboard.
    qtbot.waitUntil(lambda: tab.guests.count() == 1)
    assert tab.guests.isVisibleTo(window) and "going" in tab.guests.item(0).text()
    assert unnamed(window) == [] and clashes(window) == []
    tab.guests.setCurrentRow(0)
    qtbot.keyClick(tab.approve, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: session.spaces.gatherings.attendees(space_id, gid)[0].approved)
    qtbot.waitUntil(
        lambda: "approved" in tab.guests.item(0).text() if tab.guests.count() else False
    )


@pytest.fixture
def arabic_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    yield
    QLocale.setDefault(before)


def test_a_members_view_in_arabic_right_to_left(qtbot: QtBot, arabic_locale: None) -> None:
    details = check({**_content(), "ref": b"r" * 16, "has_place": True})
    member_view = Gathering(
        b"\x01" * 32, b"\x02" * 16, details, ((b"\x03" * 32, "Ari"),), False, False,
        None, "maybe", False, False, Counts(3),
    )  # fmt: skip
    tab = EventsTab(lambda: START - 10 * 86400)
    qtbot.addWidget(tab)
    tab.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    tab.show_events([member_view])
    tab.resize(800, 400)
    tab.show()
    qtbot.waitExposed(tab)
    text = tab.details.text()
    assert "revealed on" in text and "12 Hidden St" not in text
    assert "٢٠٢٧" in text, "dates in the Arabic locale's digits"
    assert "You said maybe." in text and "٣ people answered" in text  # %Ln: the locale's digits
    assert not tab.guests.isVisibleTo(tab), "a member sees no guest list"
    going_x = tab.going.mapTo(tab, QPoint(0, 0)).x()
    no_x = tab.no.mapTo(tab, QPoint(0, 0)).x()
    assert going_x > no_x, "the first answer is on the right"


def test_a_repeating_event_stays_upcoming_under_its_next_date(qtbot: QtBot) -> None:
    """Weekly, ten times: three weeks in, it is upcoming (above a one-off that is over) and
    listed by its next date, not its first."""
    weekly = check({**_content(), "title": "Weekly", "ref": b"w" * 16, "has_place": False,
                    "repeat": "weekly", "repeat_count": 10})  # fmt: skip
    once = check({**_content(), "title": "Once", "ref": b"o" * 16, "has_place": False,
                  "start": START + 86400, "end": START + 90000})  # fmt: skip
    views = [
        Gathering(
            bytes([n]) * 32,
            b"\x02" * 16,
            d,
            ((b"\x03" * 32, "Ari"),),
            False,
            False,
            None,
            None,
            False,
            False,
            Counts(0),
        )
        for n, d in ((1, once), (2, weekly))
    ]
    now = START + 3 * 7 * 86400 - 3600  # an hour before the fourth
    tab = EventsTab(lambda: now)
    qtbot.addWidget(tab)
    tab.show_events(views)
    first = tab.list.item(0).text()
    assert "Weekly" in first and "Once" in tab.list.item(1).text()
    fourth = tab.list.item(0).text().split(" — ")[0]
    assert fourth != tab.list.item(1).text().split(" — ")[0]
    assert "22" in fourth  # 2027-03-22, three weeks after the first (1 March)


def test_the_new_event_dialog_says_what_is_wrong_in_arabic(qtbot: QtBot, arabic: bool) -> None:
    """Each mistake the core refuses is shown in the UI's language (Arabic here, its digits
    too), never in the core's English; the dialog stays open until it is right."""
    assert arabic, "haven_ar.qm should load"
    dialog = NewEventDialog()
    qtbot.addWidget(dialog)
    dialog.title.setText("شاي")
    dialog.zone.setText("Europe/London")

    def said(when: tuple[int, int, int, int], until: tuple[int, int, int, int]) -> str:
        dialog.start.setDateTime(QDateTime(QDate(*when[:3]), QTime(when[3], 0)))
        dialog.end.setDateTime(QDateTime(QDate(*until[:3]), QTime(until[3], 0)))
        dialog.accept()
        assert dialog.result() != dialog.DialogCode.Accepted
        return dialog.error.text()

    assert said((2027, 3, 1, 20), (2027, 3, 1, 18)) == "يجب أن تنتهي الفعالية بعد أن تبدأ."
    assert "تُقدَّم الساعة" in said((2027, 3, 28, 1), (2027, 3, 28, 4))  # London skips 01:00
    assert "٣١" in said((2027, 3, 1, 18), (2027, 5, 1, 18))
    assert said((2300, 3, 1, 18), (2300, 3, 1, 20)) == "يجب أن تقع الأوقات بين عامي ٢٠٠٠ و٢٢٠٠."
    dialog.title.setText("ش" * 201)
    assert said((2027, 3, 1, 18), (2027, 3, 1, 20)) == "العنوان طويل جدًا: ٢٠٠ حرفًا على الأكثر."
    dialog.title.setText("شاي")
    dialog.place.setText("م" * 2001)
    assert said((2027, 3, 1, 18), (2027, 3, 1, 20)).startswith("المكان طويل جدًا")
    dialog.place.setText("")
    dialog.zone.setText("Mars/Olympus")
    assert said((2027, 3, 1, 18), (2027, 3, 1, 20)).startswith("منطقة زمنية غير معروفة")
    dialog.zone.setText("Europe/London")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.content["title"] == "شاي"
