"""Linking a device with a short spoken code in the app, both sides real windows offscreen and
the real `haven-relay` on 127.0.0.1: the Devices page's link dialog shows a short code through
the person's relay; the first-run "Link to my other device" page takes it with the relay's
name, and the four words still decide (sync/short_link.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.core import session as sessions
from haven.core.wordlist import WORDS
from haven.ui.devices.link_dialog import LinkDialog
from haven.ui.main_window import HavenWindow
from tests.helpers import PASSPHRASE
from tests.integration.relay_sync_support import Relay
from tests.ui import flows
from tests.ui.a11y import unnamed
from tests.ui.devices_steps import open_link_dialog
from tests.ui.spaces_steps import window_session

MakeWindow = Callable[..., HavenWindow]
WAIT_MS = 30_000
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[Relay]:
    r = Relay(tmp_path / "relay")
    yield r
    r.stop()


def desktop_with_short_code(qtbot: QtBot, make_window: MakeWindow, relay: Relay) -> LinkDialog:
    """The desktop's app, with a journal entry and a relay, showing a short code."""
    desk = make_window()
    flows.create_vault(qtbot, desk, name="Sam")
    flows.write_entry(qtbot, desk, "written on the desktop")
    session = window_session(desk)
    session.relays.add_relay(session.journal.space_id, relay.url)
    dialog = open_link_dialog(qtbot, desk)
    assert dialog.short_button.isVisible() and dialog.short_button.isEnabled()
    qtbot.keyClick(dialog.short_button, Qt.Key.Key_Space)  # from the keyboard
    qtbot.waitUntil(lambda: dialog.short_code.text() != "", timeout=WAIT_MS)
    assert dialog.short_code.isVisible() and dialog.short_relay_label.isVisible()
    assert dialog.short_relay_label.text() == relay.url.rstrip("/")
    assert unnamed(dialog) == [] and dialog.short_code.accessibleName()
    assert dialog.short_code.text() in dialog.short_code.accessibleName()  # read aloud too
    assert dialog.short_relay_label.text() in dialog.short_relay_label.accessibleName()
    return dialog


def type_short_code(qtbot: QtBot, laptop: HavenWindow, code: str, relay_name: str) -> None:
    qtbot.mouseClick(laptop.create_page.link_button, LEFT)
    page = laptop.link_page
    assert not page.relay.isVisible()  # only a short code needs the relay
    qtbot.keyClicks(page.code, code)
    assert page.relay.isVisible() and page.relay.accessibleName()
    qtbot.keyClick(page.code, Qt.Key.Key_Tab)
    assert laptop.focusWidget() is page.relay  # the next field from the keyboard
    qtbot.keyClicks(page.relay, relay_name)
    qtbot.keyClicks(page.device_name, "laptop")
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.confirm, PASSPHRASE)
    qtbot.mouseClick(page.connect_button, LEFT)


def test_both_sides_link_with_a_short_code(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, relay: Relay
) -> None:
    dialog = desktop_with_short_code(qtbot, make_window, relay)
    short = dialog.short_code.text()
    assert len(short.split("-")) == 3 and len(short) < 40
    laptop = make_window(tmp_path / "laptop")
    type_short_code(qtbot, laptop, short, dialog.short_relay_label.text())
    page = laptop.link_page
    qtbot.waitUntil(lambda: page.match_button.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.match_button.isVisible(), timeout=WAIT_MS)
    assert page.words.text().split() == dialog.words.text().split()  # the same four words
    qtbot.mouseClick(dialog.match_button, LEFT)
    qtbot.mouseClick(page.match_button, LEFT)
    qtbot.waitUntil(lambda: laptop.current_page() is laptop.home, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: laptop.journal_page.model.rowCount() == 1, timeout=WAIT_MS)
    assert "Sam" in laptop.home.persona.text()
    qtbot.waitUntil(lambda: "laptop" in dialog.message.text(), timeout=WAIT_MS)
    assert not dialog.short_code.isVisible()  # the code is gone once linking ended


def test_a_wrong_short_code_stops_linking_on_both_sides(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, relay: Relay
) -> None:
    """One guess: the right number with other words fails the PAKE, reveals nothing (the
    long code is never handed over), and the code is spent on the desktop too."""
    dialog = desktop_with_short_code(qtbot, make_window, relay)
    number, *words = dialog.short_code.text().split("-")
    others = [w for w in WORDS if w not in words][:2]
    laptop = make_window(tmp_path / "laptop")
    type_short_code(qtbot, laptop, "-".join([number, *others]), dialog.short_relay_label.text())
    page = laptop.link_page
    qtbot.waitUntil(lambda: "did not match" in page.error.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "did not match" in dialog.message.text(), timeout=WAIT_MS)
    assert not sessions.exists(tmp_path / "laptop")
    assert page.connect_button.isEnabled()  # the person can try again with a new code
    assert dialog.code.text() == ""  # the long code is withdrawn as well


def test_the_short_code_needs_its_relay(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    qtbot.mouseClick(window.create_page.link_button, LEFT)
    page = window.link_page
    qtbot.keyClicks(page.code, f"7-{WORDS[0]}-{WORDS[1]}")
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.confirm, PASSPHRASE)
    qtbot.keyClick(page.confirm, Qt.Key.Key_Return)
    assert "needs the relay" in page.error.text()
    assert window.focusWidget() is page.relay


def test_no_relay_no_short_code_button(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    dialog = open_link_dialog(qtbot, window)
    assert not dialog.short_button.isVisible()
