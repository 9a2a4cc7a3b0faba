"""The Devices page and first-run linking, for real: the app's window on one side, a second
vault on the other, pairing over TCP on 127.0.0.1. People click the buttons; the other side
runs `sync.pairing.async_accept_link` (or a `LinkOffer`) on a thread of its own."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from haven.core import session as sessions
from haven.core.session import Session
from haven.store import identity_tables as ids
from haven.sync.link_runner import LinkOffer
from haven.sync.pairing import PairingCode, async_accept_link
from haven.ui.main_window import HavenWindow
from tests.helpers import PASSPHRASE, new_session
from tests.ui import flows
from tests.ui.devices_steps import open_link_dialog

MakeWindow = Callable[..., HavenWindow]
WAIT_MS = 30_000


class OtherDevice:
    """The new device, run by `async_accept_link` on its own thread and loop."""

    def __init__(self, code: str, folder: Path, answer: bool = True) -> None:
        self.words: list[str] = []
        self.asked = threading.Event()
        self.folder = folder
        self._answer = answer
        self.result: concurrent.futures.Future[Session] = concurrent.futures.Future()
        threading.Thread(target=self._run, args=(code,), daemon=True).start()

    async def _confirm(self, words: list[str]) -> bool:
        self.words = list(words)
        self.asked.set()
        return self._answer

    def _run(self, code: str) -> None:
        try:
            linked, _report = asyncio.run(
                async_accept_link(
                    PairingCode.decode(code),
                    self.folder,
                    PASSPHRASE,
                    confirm=self._confirm,
                    label="laptop",
                )
            )
        except BaseException as exc:
            self.result.set_exception(exc)
        else:
            self.result.set_result(linked)


def link_other_device(qtbot: QtBot, window: HavenWindow, folder: Path) -> Session:
    dialog = open_link_dialog(qtbot, window)
    other = OtherDevice(dialog.code.text(), folder)
    qtbot.waitUntil(lambda: dialog.match_button.isVisible(), timeout=WAIT_MS)
    assert other.asked.wait(WAIT_MS / 1000)
    assert dialog.words.text().split() == other.words  # the same four words on both screens
    with qtbot.waitSignal(dialog.linked, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.match_button, Qt.MouseButton.LeftButton)
    assert "laptop" in dialog.message.text()
    return other.result.result(WAIT_MS / 1000)


def row_texts(window: HavenWindow) -> list[str]:
    widget = window.devices_page.list
    return [widget.item(i).text() for i in range(widget.count())]


def journal_epoch(s: Session) -> int:
    with s.vault.read() as conn:
        space = ids.get_space(conn, s.journal.space_id)
    assert space is not None
    return space.current_epoch


def test_link_from_the_page_then_unlink(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    flows.write_entry(qtbot, window, "first entry on the desktop")
    assert row_texts(window) == ["Unnamed device — this device"]
    linked = link_other_device(qtbot, window, tmp_path / "laptop")
    try:
        assert [e.body for e in linked.journal.list()] == ["first entry on the desktop"]
    finally:
        linked.lock()
    qtbot.waitUntil(lambda: len(row_texts(window)) == 2)
    assert "laptop" in row_texts(window)
    qtbot.mouseClick(
        window.devices_page.link_dialog.close_button,  # type: ignore[union-attr]
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: window.devices_page.link_dialog is None)

    # Unlink: select it, confirm in the dialog that says what unlinking means.
    session = window.bridge.session
    assert session is not None
    before = journal_epoch(session)
    page = window.devices_page
    page.list.setCurrentRow(row_texts(window).index("laptop"))
    assert page.unlink_button.isEnabled()
    qtbot.mouseClick(page.unlink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirm_box is not None)  # asked after a read in a worker
    box = page.confirm_box
    assert box is not None and box.isVisible()
    assert "cannot read anything written after" in box.informativeText()
    unlink = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    qtbot.mouseClick(unlink, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "laptop — unlinked" in map(flows.shown, row_texts(window)), timeout=WAIT_MS
    )
    # The row and the message are set by separate callbacks: wait for both.
    qtbot.waitUntil(lambda: "unlinked" in page.message.text(), timeout=WAIT_MS)
    assert journal_epoch(session) != before  # a new key, its epoch numbered at random
    page.list.setCurrentRow([flows.shown(t) for t in row_texts(window)].index("laptop — unlinked"))
    assert not page.unlink_button.isEnabled()  # nothing more to do with it
    page.list.setCurrentRow(0)
    assert not page.unlink_button.isEnabled()  # this device cannot unlink itself


def test_keeping_the_device_linked_changes_nothing(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    link_other_device(qtbot, window, tmp_path / "laptop").lock()
    window.devices_page.link_dialog.reject()  # type: ignore[union-attr]
    session = window.bridge.session
    assert session is not None
    before = journal_epoch(session)
    page = window.devices_page
    page.list.setCurrentRow(row_texts(window).index("laptop"))
    qtbot.mouseClick(page.unlink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirm_box is not None)  # asked after a read in a worker
    box = page.confirm_box
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.confirm_box is None)
    assert journal_epoch(session) == before
    assert "laptop" in row_texts(window)


def test_words_that_do_not_match_link_nothing(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    dialog = open_link_dialog(qtbot, window)
    other = OtherDevice(dialog.code.text(), tmp_path / "laptop")
    qtbot.waitUntil(lambda: dialog.mismatch_button.isVisible(), timeout=WAIT_MS)
    qtbot.mouseClick(dialog.mismatch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "did not match" in dialog.message.text(), timeout=WAIT_MS)
    with pytest.raises(Exception, match="did not match"):
        other.result.result(WAIT_MS / 1000)
    assert not sessions.exists(tmp_path / "laptop")
    assert row_texts(window) == ["Unnamed device — this device"]
    assert dialog.code.text() == ""  # the used code is gone from the screen


def test_closing_the_dialog_closes_the_port(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    flows.create_vault(qtbot, window)
    dialog = open_link_dialog(qtbot, window)
    port = PairingCode.decode(dialog.code.text()).port
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.devices_page.link_dialog is None)
    assert dialog.offer.join(10.0)
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


# ----------------------------------------------------------------- first run


def fill_link_page(qtbot: QtBot, window: HavenWindow, code: str) -> None:
    qtbot.mouseClick(window.create_page.link_button, Qt.MouseButton.LeftButton)
    page = window.link_page
    assert window.current_page() is page
    page.code.setText(code)
    qtbot.keyClicks(page.device_name, "laptop")
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.confirm, PASSPHRASE)


def folder_is_empty(folder: Path) -> bool:
    return not folder.exists() or not any(folder.iterdir())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def mistyped() -> str:
    good = PairingCode("127.0.0.1", 4000, b"k" * 32, int(time.time()) + 600).encode()
    i = next(j for j in range(len(good) // 2, len(good)) if good[j] != "-")
    return good[:i] + ("a" if good[i] != "a" else "b") + good[i + 1 :]


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("hello", "not a Haven pairing code"),
        (mistyped(), "mistyped"),
        (PairingCode("127.0.0.1", 4000, b"k" * 32, int(time.time()) - 5).encode(), "expired"),
    ],
)
def test_first_run_bad_code_says_why_and_creates_nothing(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path, code: str, says: str
) -> None:
    window = make_window()
    fill_link_page(qtbot, window, code)
    qtbot.keyClick(window.link_page.confirm, Qt.Key.Key_Return)
    assert says in window.link_page.error.text()
    assert window.current_page() is window.link_page
    assert folder_is_empty(data_dir)


def test_first_run_other_device_gone(qtbot: QtBot, make_window: MakeWindow, data_dir: Path) -> None:
    window = make_window()
    code = PairingCode("127.0.0.1", free_port(), os.urandom(32), int(time.time()) + 600)
    fill_link_page(qtbot, window, code.encode())
    qtbot.mouseClick(window.link_page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot reach" in window.link_page.error.text(), timeout=WAIT_MS)
    assert window.link_page.connect_button.isEnabled()  # try again is possible
    assert folder_is_empty(data_dir)
    qtbot.mouseClick(window.link_page.back_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.create_page


class Offer:
    """The existing device for the first-run tests: a LinkOffer over a vault of its own."""

    def __init__(self, folder: Path, answer: bool) -> None:
        self.session = new_session(folder, name="Sam")
        self.session.journal.add("written on the old computer")
        self.code: concurrent.futures.Future[str] = concurrent.futures.Future()
        self.outcome: concurrent.futures.Future[object] = concurrent.futures.Future()
        self.runner = LinkOffer(
            self.session,
            listen_host="127.0.0.1",
            advertise_host="127.0.0.1",
            on_code=lambda code, _exp: self.code.set_result(code),
            on_words=lambda _w: self.runner.answer(answer),
            on_done=self.outcome.set_result,
            on_failed=self.outcome.set_result,
        )
        self.runner.start()

    def close(self) -> None:
        self.runner.cancel()
        self.runner.join()
        self.session.lock()


def test_first_run_link_opens_the_linked_journal(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path, tmp_path: Path
) -> None:
    offer = Offer(tmp_path / "desktop", answer=True)
    try:
        window = make_window()
        fill_link_page(qtbot, window, offer.code.result(WAIT_MS / 1000))
        page = window.link_page
        qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.match_button.isVisible(), timeout=WAIT_MS)
        assert len(page.words.text().split()) == 4
        qtbot.mouseClick(page.match_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.current_page() is window.home, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.journal_page.model.rowCount() == 1, timeout=WAIT_MS)
        assert "Sam" in window.home.persona.text()
        assert sessions.exists(data_dir)
        assert offer.outcome.result(WAIT_MS / 1000) == "laptop"
        assert window.bridge.background.serving_port > 0  # sync runs once linked, too
    finally:
        offer.close()


def test_first_run_rejected_words_create_no_vault(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path, tmp_path: Path
) -> None:
    offer = Offer(tmp_path / "desktop", answer=False)
    try:
        window = make_window()
        fill_link_page(qtbot, window, offer.code.result(WAIT_MS / 1000))
        page = window.link_page
        qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.match_button.isVisible(), timeout=WAIT_MS)
        qtbot.mouseClick(page.match_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "did not match" in page.error.text(), timeout=WAIT_MS)
        assert window.current_page() is page
        assert folder_is_empty(data_dir)
        assert not page.match_button.isVisible()
        QApplication.processEvents()
    finally:
        offer.close()


# ----------------------------------------------------------------- keyboard, names, Arabic


def test_link_page_and_dialog_are_named_and_keyboard_reachable(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    from tests.ui.a11y import interactive_widgets

    window = make_window()
    qtbot.mouseClick(window.create_page.link_button, Qt.MouseButton.LeftButton)
    page = window.link_page
    unnamed = [w for w in interactive_widgets(page) if not w.accessibleName().strip()]
    assert unnamed == []
    qtbot.waitUntil(page.code.hasFocus)
    qtbot.keyClick(page.code, Qt.Key.Key_Tab)
    assert page.device_name.hasFocus()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    flows.create_vault(qtbot, window)
    # Ctrl+3 opens Devices; the list and both buttons are reachable and named.
    qtbot.keyClick(
        window.journal_page.editor.body, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier
    )
    assert window.home.current_section() == "devices"
    dialog = open_link_dialog(qtbot, window)
    qtbot.waitUntil(dialog.copy_button.hasFocus)
    widgets = interactive_widgets(dialog)
    assert len(widgets) >= 5
    assert [w for w in widgets if not w.accessibleName().strip()] == []
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Space)
    assert QApplication.clipboard().text() == dialog.code.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.devices_page.link_dialog is None)


def test_arabic_devices_page_is_right_to_left(qtbot: QtBot, make_window: MakeWindow) -> None:
    from PySide6.QtCore import QLocale, QPoint

    from haven.ui.translations import install_translations

    arabic = QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt)
    assert install_translations(arabic)
    try:
        window = make_window()
        qtbot.mouseClick(window.create_page.link_button, Qt.MouseButton.LeftButton)
        page = window.link_page
        assert page.connect_button.text() == "اتصال (&C)"
        page.code.setText("hello")
        qtbot.keyClick(page.code, Qt.Key.Key_Return)  # Return in the code field submits too
        qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
        assert page.error.text() == "هذا ليس رمز ربط من Haven. يبدأ الرمز بـ «hvn1-»."
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
        flows.create_vault(qtbot, window, name="ريم")
        window.home.show_section("devices")
        devices = window.devices_page
        assert devices.list.item(0).text() == "جهاز بلا اسم — هذا الجهاز"
        link_x = devices.link_button.mapTo(window, QPoint(0, 0)).x()
        unlink_x = devices.unlink_button.mapTo(window, QPoint(0, 0)).x()
        assert link_x > unlink_x  # the first button sits at the right
        assert window.sync_status.text() == "لم تتم المزامنة بعد"
    finally:
        install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
