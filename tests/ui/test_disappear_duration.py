"""How a space's disappearing timer is worded: the largest unit that divides it, so a timer
set in minutes (`--disappear 90m`, or by a peer admin) is not shown as a rounded hour."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from haven.ui.spaces.disappear_notice import duration_text


def test_each_timer_is_worded_in_the_unit_that_divides_it(qtbot: QtBot) -> None:
    assert duration_text(5400).startswith("90 minute")
    assert duration_text(3600).startswith("1 hour")
    assert duration_text(3 * 86400).startswith("3 day")
    assert duration_text(14 * 86400).startswith("2 week")
