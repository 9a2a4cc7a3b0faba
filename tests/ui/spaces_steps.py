"""Steps a person takes in the Spaces section, shared by the test_spaces_* UI tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from haven.core.session import Session
from haven.ui.main_window import HavenWindow
from haven.ui.spaces.join_dialog import JoinDialog
from haven.ui.spaces.space_view import SpaceView
from haven.ui.spaces.spaces_page import SpacesPage
from tests.helpers import new_session
from tests.space_helpers import deliver, join
from tests.ui import flows

LEFT = Qt.MouseButton.LeftButton


def open_spaces(qtbot: QtBot, window: HavenWindow) -> SpacesPage:
    window.home.show_section("spaces")
    page = window.spaces_page
    qtbot.waitUntil(page.isVisible)
    return page


def create_space(
    qtbot: QtBot, page: SpacesPage, name: str = "Circle", guidelines: str = "Be kind."
) -> bytes:
    before = page.model.rowCount()
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = page.create_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    flows.type_text(qtbot, dialog.name, name)
    flows.type_text(qtbot, dialog.topics, "coming out, family")
    flows.type_text(qtbot, dialog.guidelines, guidelines)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1)
    qtbot.waitUntil(lambda: page.view.snapshot is not None and page.view.snapshot.info.name == name)
    space_id = page.current_space()
    assert space_id is not None
    # The offscreen platform has no window manager to hand focus back after a dialog.
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    return space_id


def write_post(qtbot: QtBot, page: SpacesPage, body: str, title: str = "", cw: str = "") -> None:
    """Type a post in the composer (with a content warning if `cw`) and send it."""
    composer = page.view.feed.composer
    model = page.view.feed.model
    if title:
        flows.type_text(qtbot, composer.title, title)
    flows.type_text(qtbot, composer.body, body)
    if cw:
        qtbot.mouseClick(composer.cw_toggle, LEFT)
        assert composer.cw.isEnabled()
        flows.type_text(qtbot, composer.cw, cw)
    qtbot.mouseClick(composer.send_button, LEFT)
    qtbot.waitUntil(
        lambda: any(
            model.post(r).body == body  # type: ignore[union-attr]
            for r in range(model.rowCount())
        )
    )
    qtbot.waitUntil(lambda: composer.body.toPlainText() == "")


def window_session(window: HavenWindow) -> Session:
    session = window.bridge.session
    assert session is not None
    return session


def add_member(window: HavenWindow, tmp_path: Path, space_id: bytes, name: str) -> Session:
    """A second person with their own vault joins the window's space: the join request and
    the welcome are exchanged in-process (the network invite flow has not landed), and the
    joiner receives everything written since, the way sync carries it."""
    other = new_session(tmp_path / name.lower(), name)
    join(window_session(window), other, space_id, name)
    carry(window_session(window), other, space_id)
    return other


def carry(src: Session, dst: Session, space_id: bytes) -> None:
    for _ in range(5):
        if not deliver(src, dst, space_id):
            return


def select_thread(qtbot: QtBot, view: SpaceView, body: str) -> None:
    model = view.feed.model
    rows = [r for r in range(model.rowCount()) if model.post(r).body == body]  # type: ignore[union-attr]
    assert rows, body
    view.feed.list.setCurrentIndex(model.index(rows[0]))
    qtbot.waitUntil(lambda: view.feed.thread_view.current_post().body == body)  # type: ignore[union-attr]


def app_with_space_invites(
    qtbot: QtBot, make_window: Callable[..., HavenWindow], name: str, folder: Path | None = None
) -> HavenWindow:
    """A new person's window (on `folder`, or the test's data folder) whose background sync
    runs invite passes every half second (the default waits much longer), with a vault
    already created."""
    window = make_window(folder)
    window.bridge.background.invite_interval_s = 0.5
    flows.create_vault(qtbot, window, name=name)
    return window


def ask_to_join(qtbot: QtBot, page: SpacesPage, code: str, timeout: int = 20_000) -> JoinDialog:
    """Spaces → Join: type the code, look it up, accept the guidelines shown and ask; returns
    the dialog, still open and waiting for an admin."""
    qtbot.mouseClick(page.join_button, LEFT)
    dialog = page.join_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    flows.type_text(qtbot, dialog.code_edit, code)
    qtbot.mouseClick(dialog.lookup_button, LEFT)
    qtbot.waitUntil(lambda: dialog.guidelines.isVisible(), timeout=timeout)
    qtbot.keyClick(dialog.accept_box, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.ask_button, LEFT)
    qtbot.waitUntil(lambda: "Waiting for an admin" in dialog.message.text(), timeout=timeout)
    return dialog


def app_with_own_space(
    qtbot: QtBot, make_window: Callable[..., HavenWindow]
) -> tuple[HavenWindow, SpacesPage, bytes]:
    """A new vault in a new window, its Spaces page open on a space it just created."""
    window = make_window()
    flows.create_vault(qtbot, window)
    page = open_spaces(qtbot, window)
    qtbot.waitUntil(page.empty.isVisible)
    return window, page, create_space(qtbot, page)
