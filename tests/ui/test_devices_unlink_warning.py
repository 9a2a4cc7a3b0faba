"""Devices page: before an unlink, the app warns about linked devices that have not synced
here since the update to device keys (the unlink would leave them out: they would have to be
linked again), as `haven device unlink` does — read through the core (DeviceService.
without_key) in a worker, never by the UI itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from haven.core.devices import DeviceService
from haven.core.linking import create_linked, make_bundle
from haven.core.session import Session
from haven.ui.main_window import HavenWindow
from tests.helpers import PASSPHRASE
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


def carry(source: Session, target: Session) -> None:
    """What `source` wrote in the journal reaches `target`, as a sync would carry it."""
    space = target.journal.space_id
    target.log.ingest(source.log.envelopes_after(space, target.log.chain_tips(space), 1000))


def test_unlink_warns_about_a_device_that_has_not_synced_since_the_key_update(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    desk = window.bridge.session
    assert desk is not None
    with monkeypatch.context() as old_code:  # linked by a Haven from before device keys
        old_code.setattr(DeviceService, "ensure_device_key", lambda self: None)
        phone = create_linked(tmp_path / "phone", PASSPHRASE, make_bundle(desk), "phone")
        laptop = create_linked(tmp_path / "laptop", PASSPHRASE, make_bundle(desk), "laptop")
    try:
        for other in (phone, laptop):
            carry(other, desk)
            other.devices.ensure_device_key()  # both update; only the laptop syncs again
        carry(laptop, desk)
    finally:
        phone.lock()
        laptop.lock()
    page = window.devices_page
    window.home.show_section("devices")

    def rows() -> list[str]:
        return [flows.shown(page.list.item(i).text()) for i in range(page.list.count())]

    qtbot.waitUntil(lambda: {"phone", "laptop"} <= set(rows()))

    # Unlinking the laptop would leave the phone out: the question names it, and the
    # destructive button says "anyway"; Escape keeps everything.
    page.list.setCurrentRow(rows().index("laptop"))
    qtbot.mouseClick(page.unlink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirm_box is not None)
    box = page.confirm_box
    assert box is not None and box.isVisible()
    assert flows.shown(box.text()) == "Unlink laptop anyway?"
    warning = flows.shown(box.informativeText())
    assert warning.startswith("phone has not synced with this device since the last key update")
    assert "cannot read anything written after" in warning  # what unlinking means, still
    unlink = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    assert unlink.text() == unlink.accessibleName() == "Unlink anyway"
    assert box.defaultButton() is not unlink
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.confirm_box is None)
    assert not any(d.unlinked for d in desk.devices.list())

    # Unlinking the phone itself leaves nobody out: the plain question.
    page.list.setCurrentRow(rows().index("phone"))
    qtbot.mouseClick(page.unlink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirm_box is not None)
    box = page.confirm_box
    assert box is not None and flows.shown(box.text()) == "Unlink phone?"
    assert "synced" not in box.informativeText()
    unlink = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    assert unlink.text() == "Unlink"
    qtbot.mouseClick(unlink, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "phone — unlinked" in rows())
