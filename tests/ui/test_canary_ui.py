"""UI canary: drive the app with unique random strings, then look for them in every file
Haven or Qt could have written (the data folder, $TMPDIR, the XDG config, cache and state
folders), as UTF-8 and as UTF-16-LE. Any hit is plaintext outside the encrypted vault."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.ui.main_window import HavenWindow
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]


def _canary(label: str) -> str:
    return f"{label}{secrets.token_hex(8)}"


def _hits(folders: list[Path], needles: list[str]) -> list[str]:
    patterns = [(n, enc, n.encode(enc)) for n in needles for enc in ("utf-8", "utf-16-le")]
    found: list[str] = []
    for folder in folders:
        for path in folder.rglob("*"):
            if not path.is_file():
                continue
            data = path.read_bytes()
            found += [f"{needle} ({enc}) in {path}" for needle, enc, raw in patterns if raw in data]
    return found


def test_no_plaintext_outside_the_vault(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path
) -> None:
    name, pronouns = _canary("persona"), _canary("pr")[:20]
    title, body, tag = _canary("title"), _canary("body"), _canary("tag")
    edited = _canary("edited")
    window = make_window()
    flows.create_vault(qtbot, window, name=name, pronouns=pronouns)
    flows.write_entry(qtbot, window, body, title=title, tags=tag, mood_index=2)
    page = window.journal_page

    # search for it, open it, edit it
    qtbot.keyClick(page.editor.body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.filters.search, body[:12])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.filter.text != "")
    page.list.setCurrentIndex(page.model.index(0))
    page.editor.body.selectAll()
    qtbot.keyClicks(page.editor.body, edited)
    qtbot.keyClick(page.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    session = window.bridge.session
    qtbot.waitUntil(lambda: session.journal.list()[0].body == edited)

    # lock, unlock, find it again, lock
    qtbot.keyClick(page.editor.body, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_page() is window.unlock_page)
    flows.unlock(qtbot, window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.entry(0).body == edited
    window.home.show_section("settings")  # settings are written too, and hold no content
    window.settings_page.autolock.setFocus()
    window.settings_page.autolock.selectAll()
    qtbot.keyClicks(window.settings_page.autolock, "7")
    window.lock()
    window.bridge.wait_for_workers()

    env = os.environ
    folders = [
        data_dir,
        Path(env["TMPDIR"]),
        Path(env["XDG_CONFIG_HOME"]),
        Path(env["XDG_CACHE_HOME"]),
        Path(env["XDG_STATE_HOME"]),
        Path(env["XDG_DATA_HOME"]),
    ]
    assert (data_dir / "vault.db").stat().st_size > 0
    assert list(Path(env["XDG_CONFIG_HOME"]).rglob("*.ini")), "settings were written"
    needles = [name, pronouns, title, body, tag, edited]
    assert _hits(folders, needles) == []
    # the search is sound: it finds a string that is there
    (Path(env["TMPDIR"]) / "control.txt").write_text(body, encoding="utf-16-le")
    assert len(_hits(folders, needles)) == 1
