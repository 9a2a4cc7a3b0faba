"""Pictures and files in the app, as a person would use them: attach from the keyboard, see
what was removed, describe the picture; read it as a thumbnail named by its description,
open it larger, save a copy only after a warning. A hostile member's picture (a
decompression bomb) and file name (markup, bidi tricks) show as a calm message and plain
text. Every control has an accessible name; it works in Arabic, right to left."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from haven.core.attachments import spec
from haven.core.attachments.spec import FileSpec, PreparedFile
from haven.ui.main_window import HavenWindow
from haven.ui.spaces import attach_picker, attachment_strip
from tests.attachment_helpers import METADATA_WORDS, photo_with_gps, png_claiming
from tests.ui import flows
from tests.ui.a11y import unnamed
from tests.ui.spaces_steps import add_member, app_with_own_space, carry, window_session

MakeWindow = Callable[..., HavenWindow]


def _press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def test_attach_describe_send_view_and_save_with_the_keyboard(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = tmp_path / "march.jpeg"
    photo.write_bytes(photo_with_gps(120, 90))
    monkeypatch.setattr(attach_picker, "choose_file", lambda _parent: str(photo))
    window, page, _ = app_with_own_space(qtbot, make_window)
    composer = page.view.feed.composer
    picker = composer.attachments

    composer.body.setFocus()
    flows.type_text(qtbot, composer.body, "From the march")
    _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is picker.attach_button
    _press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: picker.list.count() == 1)
    assert picker.list.item(0).text().startswith("Picture: march.jpg")
    assert "GPS location" in picker.note.text() and "march.jpg" in picker.note.text()
    picker.alt.setFocus()
    flows.type_text(qtbot, picker.alt, "Our banner in the rain")
    picker.alt.setFocus()
    _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.view.feed.model.rowCount() == 1)
    qtbot.waitUntil(lambda: picker.list.count() == 0)  # the composer was cleared

    strip = page.view.feed.thread_view.attachments
    qtbot.waitUntil(lambda: len(strip.buttons) == 1)
    (thumb,) = strip.buttons
    assert isinstance(thumb, QToolButton)
    assert thumb.accessibleName().startswith("Picture: ")
    assert "Our banner in the rain" in thumb.accessibleName()
    qtbot.waitUntil(lambda: not thumb.icon().isNull())
    assert unnamed(window) == []

    thumb.setFocus()
    _press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: strip.dialog is not None and strip.dialog.isVisible())
    dialog = strip.dialog
    assert dialog is not None
    assert "Our banner in the rain" in dialog.description.text()
    assert dialog.picture.pixmap().size().width() == 90  # upright: the orientation applied
    assert unnamed(dialog) == []

    target = tmp_path / "copy.jpg"
    monkeypatch.setattr(attachment_strip, "choose_save_path", lambda _p, _n: str(target))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists)
    qtbot.waitUntil(lambda: "outside the vault" in strip.status.text())
    data = target.read_bytes()
    assert b"Exif" not in data and not any(w.encode() in data for w in METADATA_WORDS)
    dialog.close()


def test_a_hostile_members_picture_and_file_name_stay_harmless(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window, page, space_id = app_with_own_space(qtbot, make_window)
    mallory = add_member(window, tmp_path, space_id, "Mallory")
    bomb = png_claiming(60_000, 60_000)
    name = "<b>invoice</b>\u202egpj.exe"
    files = [
        PreparedFile(FileSpec("bomb.png", "image/png", len(bomb), spec.digest(bomb)), bomb),
        PreparedFile(FileSpec(name, "application/octet-stream", 3, spec.digest(b"abc")), b"abc"),
    ]
    mallory.spaces.post(space_id, "look at this", files=files)  # past her own checks
    carry(mallory, window_session(window), space_id)
    page.view.reload()
    qtbot.waitUntil(lambda: page.view.feed.model.rowCount() == 1)
    strip = page.view.feed.thread_view.attachments
    qtbot.waitUntil(lambda: len(strip.buttons) == 2)
    picture, file = strip.buttons
    qtbot.waitUntil(lambda: "too large to open safely" in picture.text())
    assert picture.icon().isNull()
    assert "<b>" in file.text() and "\u202e" not in file.text()  # plain text, no override
    assert file.accessibleName().startswith("File: ")
    mallory.lock()


def test_attachments_in_arabic_right_to_left(
    qtbot: QtBot, make_window: MakeWindow, arabic: bool, tmp_path: Path
) -> None:
    assert arabic
    window, page, space_id = app_with_own_space(qtbot, make_window)
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 0, 0)).save(out, "PNG")
    session = window_session(window)
    prepared = session.spaces.attachments.prepare_bytes(
        spec.DEFAULT_LIMIT, "علم.png", out.getvalue(), "علم أحمر"
    )
    session.spaces.post(space_id, "صورة", files=[prepared])
    page.view.reload()
    strip = page.view.feed.thread_view.attachments
    qtbot.waitUntil(lambda: len(strip.buttons) == 1)
    assert strip.isRightToLeft() and page.view.feed.composer.attachments.isRightToLeft()
    assert "علم أحمر" in strip.buttons[0].accessibleName()
    assert unnamed(window) == []
