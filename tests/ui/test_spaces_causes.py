"""Fundraisers and campaigns in the app, in Arabic, right to left, from the keyboard: the
progress bar and amounts in the Arabic locale's digits and separators, a pledge typed with
Arabic-Indic digits and the Arabic decimal point, peers' text shown as plain text (markup
and a stray "%2" left as written), every control named, no Alt letter shared."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from haven.errors import InvalidInput
from haven.ui.main_window import HavenWindow
from haven.ui.spaces import wording
from haven.ui.spaces.cause_dialogs import NewFundraiserDialog
from haven.ui.spaces.dialogs import ReasonDialog
from tests.ui import flows
from tests.ui.a11y import unnamed
from tests.ui.spaces_steps import create_space, open_spaces, window_session
from tests.ui.test_keyboard_help import clashes

MakeWindow = Callable[..., HavenWindow]
TITLE = "<b>Rent</b> %2"


def test_fundraiser_progress_and_pledge_in_arabic_from_the_keyboard(
    qtbot: QtBot, make_window: MakeWindow, arabic: bool
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="ريم")
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page)
    session = window_session(window)
    session.spaces.campaigns.create(space_id, "Sign it", "petition", "sign the petition")
    view = page.view
    causes = view.causes
    view.tabs.setCurrentWidget(causes)
    causes.start_fundraiser.setFocus()
    qtbot.keyClick(causes.start_fundraiser, Qt.Key.Key_Space)
    dialog = causes.dialog
    assert isinstance(dialog, NewFundraiserDialog)
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []
    for field, text in ((dialog.title, TITLE), (dialog.goal, "٥٠٫٠٠٥"), (dialog.currency, "eur"),
                        (dialog.deadline, "2099-12-31"), (dialog.purpose, "<i>a deposit</i>"),
                        (dialog.give, "https://pay.example/x")):  # fmt: skip
        flows.type_text(qtbot, field, text)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # 50.005 EUR: one decimal too many; the dialog says so and stays
    assert dialog.isVisible() and dialog.error.text()
    dialog.goal.clear()
    flows.type_text(qtbot, dialog.goal, "٥٠")
    ok.click()
    qtbot.waitUntil(lambda: len(session.spaces.fundraisers.listing(space_id)) == 1)
    fid = session.spaces.fundraisers.listing(space_id)[0].fundraiser_id
    qtbot.waitUntil(lambda: causes.funds_model.rowCount() == 1 and causes.camps_model.rowCount())
    assert causes.isRightToLeft()
    assert TITLE in causes.heading.text()  # as written: no markup, no "%2" filled in
    assert causes.heading.textFormat() == Qt.TextFormat.PlainText
    assert TITLE in causes.funds_model.item(0).text()  # the "%2" in it is not filled in
    assert "<i>a deposit</i>" in causes.details.text()
    assert causes.details.textFormat() == Qt.TextFormat.PlainText
    assert "٥٠٫٠٠" in causes.progress.format()  # 50.00 in Arabic-Indic digits and separator
    assert unnamed(window) == []
    assert clashes(window) == []

    causes.amount.setFocus()
    flows.type_text(qtbot, causes.amount, "١٢٫٥٠")  # 12.50, typed as an Arabic keyboard writes it
    qtbot.keyClick(causes.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: causes.progress.value() == 25)  # the organiser's own tally
    (f,) = session.spaces.fundraisers.listing(space_id)
    assert (f.fundraiser_id, f.your_pledge, f.total) == (fid, 1_250, 1_250)
    assert "١٢٫٥٠" in causes.progress.format() and "٢٥" in causes.progress.format()
    assert causes.pledges.isVisible() and causes.pledges_model.rowCount() == 1  # organiser

    causes.done_button.setFocus()
    qtbot.keyClick(causes.done_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not causes.done_button.isEnabled())
    assert [c.done_count for c in session.spaces.campaigns.listing(space_id)] == [1]
    causes.amount.setFocus()
    flows.type_text(
        qtbot, causes.amount, "1,5"
    )  # a separator the amount does not take: one message
    qtbot.keyClick(causes.amount, Qt.Key.Key_Return)
    refused = wording.failure_text(InvalidInput("an amount is written like 25"))
    qtbot.waitUntil(lambda: view.status.text() == refused)
    assert [f.your_pledge for f in session.spaces.fundraisers.listing(space_id)] == [1_250]


def test_an_organiser_marks_a_pledge_received_from_the_keyboard(
    qtbot: QtBot, make_window: MakeWindow, language: str
) -> None:
    """Mark received (organisers): the button shows only beside the organisers' list of
    pledges, takes a chosen pledge not yet marked, and marks it; in English and Arabic."""
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page)
    session = window_session(window)
    fid = session.spaces.fundraisers.create(
        space_id, "Rent", "a deposit", "ask Ari", 5_000, "EUR", ""
    )
    session.spaces.fundraisers.pledge(space_id, fid, 1_250)
    me = session.spaces.space_info(space_id).my_persona
    view = page.view
    causes = view.causes
    view.reload()
    view.tabs.setCurrentWidget(causes)
    qtbot.waitUntil(lambda: causes.pledges_model.rowCount() == 1)
    assert causes.received_button.isVisible() and not causes.received_button.isEnabled()
    assert causes.isRightToLeft() == (language == "ar")
    assert unnamed(window) == [] and clashes(window) == []
    causes.pledges.setFocus()
    qtbot.keyClick(causes.pledges, Qt.Key.Key_Down)  # the first pledge chosen
    qtbot.waitUntil(causes.received_button.isEnabled)
    assert causes.selected_pledge() is not None
    assert causes.selected_pledge().member_pk == me  # type: ignore[union-attr]
    causes.received_button.setFocus()
    qtbot.keyClick(causes.received_button, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: [p.received for p in session.spaces.fundraisers.pledges(space_id, fid)] == [True]
    )
    qtbot.waitUntil(lambda: not causes.received_button.isEnabled())  # marked: nothing to do
    assert causes.selected_pledge() is not None and causes.selected_pledge().received  # type: ignore[union-attr]
    if language == "en":
        assert "(received)" in causes.pledges_model.item(0).text()
        assert view.status.text() == "Marked received."

    # Someone who does not organise it sees no list and no button.
    (f,) = session.spaces.fundraisers.listing(space_id)
    pledges = ((fid, tuple(session.spaces.fundraisers.pledges(space_id, fid))),)
    causes.show_causes([dataclasses.replace(f, you_organise=False)], [], pledges)
    assert not causes.pledges.isVisible() and not causes.received_button.isVisible()


def test_close_and_remove_from_the_keyboard(
    qtbot: QtBot, make_window: MakeWindow, language: str
) -> None:
    """The owner (an organiser and a moderator) closes a fundraiser — pledging is then off —
    and removes a campaign with a reason, from the keyboard, in English and Arabic; a
    member who neither organises nor moderates sees neither button (§5.10)."""
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    space_id = create_space(qtbot, page)
    session = window_session(window)
    fid = session.spaces.fundraisers.create(space_id, "Rent", "rent", "ask Ari", 5_000, "EUR")
    session.spaces.campaigns.create(space_id, "Scam <b>x</b>", "other", "pay here")
    view = page.view
    causes = view.causes
    view.reload()
    view.tabs.setCurrentWidget(causes)
    qtbot.waitUntil(lambda: causes.funds_model.rowCount() == 1 and causes.camps_model.rowCount())
    for end in (causes.fund_end, causes.camp_end):
        assert end.close_button.isVisible() and end.remove_button.isVisible()
    assert unnamed(window) == [] and clashes(window) == []
    assert causes.isRightToLeft() == (language == "ar")
    causes.fund_end.close_button.setFocus()
    qtbot.keyClick(causes.fund_end.close_button, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: [f.closed for f in session.spaces.fundraisers.listing(space_id)] == [True]
    )
    qtbot.waitUntil(lambda: not causes.fund_end.close_button.isEnabled())
    assert not causes.pledge_button.isEnabled() and not causes.amount.isEnabled()
    assert session.spaces.fundraisers.listing(space_id)[0].fundraiser_id == fid
    if language == "en":
        assert "Closed: no more pledges." in causes.details.text()

    causes.camp_end.remove_button.setFocus()
    qtbot.keyClick(causes.camp_end.remove_button, Qt.Key.Key_Space)
    dialog = causes.dialog
    assert isinstance(dialog, ReasonDialog)
    qtbot.waitExposed(dialog)
    assert unnamed(dialog) == []
    assert "Scam <b>x</b>" in dialog.findChildren(QLabel)[0].text()  # plain text, as written
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: the dialog asks for one
    assert dialog.isVisible() and dialog.error.text()
    flows.type_text(qtbot, dialog.reason, "a scam")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.spaces.campaigns.listing(space_id) == [])
    qtbot.waitUntil(lambda: causes.camps_model.rowCount() == 0)
    assert not causes.camp_end.isVisible()
    log = session.spaces.moderation_log(space_id)
    assert [(a.action, a.detail) for a in log if a.action == "remove-campaign"] == [
        ("remove-campaign", "a scam")
    ]

    (f,) = session.spaces.fundraisers.listing(space_id)  # a plain member's view of it
    causes.show_causes([dataclasses.replace(f, you_organise=False)], [], (), moderator=False)
    assert not causes.fund_end.isVisible()
    assert not causes.fund_end.close_button.isVisible()
    assert not causes.fund_end.remove_button.isVisible()
