"""Settings → name, this device and relays, from the window: what is typed reaches the vault
through the core's services, bad input is refused with a sentence, and a space's relays are
changed only by its admins."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.core import session as sessions
from haven.core.linking import create_linked, make_bundle
from haven.ui.main_window import HavenWindow
from tests.helpers import PASSPHRASE
from tests.space_helpers import join, sync
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


def test_rename_persona_and_device(qtbot: QtBot, make_window: MakeWindow, data_dir: Path) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Robin", pronouns="they/them")
    window.home.show_section("settings")
    profile = window.settings_page.profile
    qtbot.waitUntil(lambda: profile.name.text() == "Robin")
    assert profile.pronouns.text() == "they/them"

    profile.name.clear()
    qtbot.mouseClick(profile.save_profile, Qt.MouseButton.LeftButton)
    assert "Type a name first" in profile.status.text()  # an empty name is refused

    flows.type_text(qtbot, profile.name, "سارا")
    profile.pronouns.clear()
    flows.type_text(qtbot, profile.pronouns, "she/her")
    qtbot.keyClick(profile.pronouns, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Saved" in profile.status.text())
    assert "سارا" in flows.shown(window.home.persona.text())
    session = window.bridge.session
    assert session is not None
    persona = session.identity.primary()
    assert (persona.display_name, persona.pronouns) == ("سارا", "she/her")

    flows.type_text(qtbot, profile.device, "Kitchen laptop")
    qtbot.mouseClick(profile.save_device, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "learn the new name" in profile.status.text())
    (me,) = [d for d in session.devices.list() if d.this_device]
    assert me.label == "Kitchen laptop"

    # After a lock and unlock, Settings shows what the vault holds.
    window.lock()
    assert profile.name.text() == "" and profile.device.text() == ""
    flows.unlock(qtbot, window)
    qtbot.waitUntil(lambda: profile.device.text() == "Kitchen laptop")
    assert profile.name.text() == "سارا"


def test_a_rename_on_a_linked_device_shows_here(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window, name="Robin", pronouns="they/them")
    window.home.show_section("settings")
    profile = window.settings_page.profile
    qtbot.waitUntil(lambda: profile.name.text() == "Robin")
    session = window.bridge.session
    assert session is not None
    laptop = create_linked(tmp_path / "laptop", PASSPHRASE, make_bundle(session), "laptop")
    laptop.profile.update("Ash", "she/they")
    space = session.journal.space_id
    session.log.ingest(laptop.log.envelopes_after(space, session.log.chain_tips(space), 1000))
    qtbot.waitUntil(lambda: profile.name.text() == "Ash")
    assert profile.pronouns.text() == "she/they"
    qtbot.waitUntil(lambda: "Ash (she/they)" in flows.shown(window.home.persona.text()))

    # A rename arriving while the person types a new name keeps what they typed (the
    # fields they did not touch follow), says so, and their save wins afterwards.
    flows.type_text(qtbot, profile.name, "ley")
    laptop.profile.update("Sam", "they/them")
    session.log.ingest(laptop.log.envelopes_after(space, session.log.chain_tips(space), 1000))
    laptop.lock()
    qtbot.waitUntil(lambda: profile.pronouns.text() == "they/them")
    assert profile.name.text() == "Ashley"
    assert "what you typed is kept" in profile.status.text()
    assert "Sam (they/them)" in flows.shown(window.home.persona.text())
    qtbot.keyClick(profile.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Saved" in profile.status.text())
    assert session.identity.primary().display_name == "Ashley"
    qtbot.waitUntil(lambda: "Ashley (they/them)" in flows.shown(window.home.persona.text()))
    assert not profile.name.isModified()  # saved: the next rename from elsewhere shows


def test_relays_of_the_journal_and_of_a_space(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window.bridge.session
    assert session is not None
    own = session.spaces.create_space("Circle")
    window.home.show_section("settings")
    relays = window.settings_page.relays
    qtbot.waitUntil(lambda: relays.space.count() == 2)
    assert relays.space.currentData() == session.journal.space_id.hex()

    flows.type_text(qtbot, relays.new_url, "ws://relay.example.org/")
    qtbot.mouseClick(relays.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot use that address" in relays.status.text())
    assert session.relays.urls(session.journal.space_id) == []

    relays.new_url.clear()
    flows.type_text(qtbot, relays.new_url, "ws://127.0.0.1:9/haven")
    qtbot.keyClick(relays.new_url, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: relays.status.text() == "Relay added.")
    assert session.relays.urls(session.journal.space_id) == ["ws://127.0.0.1:9/haven"]
    assert relays.urls.item(0).text() == "ws://127.0.0.1:9/haven"

    # The space's own list: this persona owns it, so it may change it.
    relays.space.setFocus()
    qtbot.keyClick(relays.space, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: relays.space.currentData() == own.hex())
    flows.type_text(qtbot, relays.new_url, "ws://localhost:9/")
    qtbot.mouseClick(relays.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.relays.urls(own) == ["ws://localhost:9/"])
    qtbot.waitUntil(
        lambda: relays.urls.count() == 1 and relays.urls.item(0).text() == "ws://localhost:9/"
    )
    relays.urls.setCurrentRow(0)
    assert relays.remove_button.isEnabled()
    qtbot.mouseClick(relays.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: relays.status.text() == "Relay removed.")
    assert session.relays.urls(own) == []
    assert session.relays.urls(session.journal.space_id) == ["ws://127.0.0.1:9/haven"]


def test_a_member_cannot_change_a_space_s_relays(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    session = window.bridge.session
    assert session is not None
    owner = sessions.create(tmp_path / "owner", PASSPHRASE, "Ash")
    space = owner.spaces.create_space("Their circle")
    join(owner, session, space, "Robin")
    sync(space, owner, session)

    window.home.show_section("settings")
    relays = window.settings_page.relays
    relays.load()
    qtbot.waitUntil(lambda: relays.space.findData(space.hex()) >= 0)
    relays.space.setCurrentIndex(relays.space.findData(space.hex()))
    qtbot.waitUntil(lambda: not relays.hint.isHidden())
    assert "Only the space's admins" in relays.hint.text()
    assert not relays.new_url.isEnabled() and not relays.add_button.isEnabled()
    assert not relays.remove_button.isEnabled()
    owner.lock()
