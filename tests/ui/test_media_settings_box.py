"""The space's attachment and timer settings keep what an admin chose and has not saved yet
when the space reloads (sync, the minute's sweep), and start afresh for another space."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from haven.ui.spaces.media_settings_box import MediaSettingsBox

MIB = 1024 * 1024


def test_a_reload_keeps_an_unsaved_choice_and_another_space_does_not(qtbot: QtBot) -> None:
    box = MediaSettingsBox()
    qtbot.addWidget(box)
    box.show_settings(5 * MIB, 0, admin=True)
    box.timer.setCurrentIndex(box.timer.findData(86400))  # the admin picks a day…
    box.show_settings(10 * MIB, 0, admin=True, fresh=False)  # …and the space reloads
    assert box.timer.currentData() == 86400, "the unsaved choice stays"
    assert box.limit.currentData() == 10 * MIB, "an untouched setting follows the space"
    box.show_settings(5 * MIB, 0, admin=True)  # another space
    assert box.timer.currentData() == 0
    box.show_settings(5 * MIB, 3600, admin=False, fresh=False)  # not an admin: as it is
    assert box.timer.currentData() == 3600 and not box.timer.isEnabled()
