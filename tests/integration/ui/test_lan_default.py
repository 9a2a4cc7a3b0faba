"""LAN sync is off until there is someone to sync with (issue 17): unlocked, with no linked
device and no space, the app listens on loopback only — not on every interface, as it did —
and moves to its LAN address once a space exists, and back when LAN sync is turned off.

The sockets are read from the kernel's own table (/proc/net/tcp, tcp6) for this process's
socket inodes, so the test sees what a port scan on the café's Wi-Fi would. Only the first
test leaves HAVEN_LISTEN_HOST at its default (every interface): done right, it never binds
anything but loopback. The others stand 127.0.0.2 in for the LAN address, so no test ever
opens a port off this machine."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from haven.sync.engine import SyncEngine
from haven.ui.main_window import HavenWindow
from tests.helpers import new_session, replica_of
from tests.ui import flows

MakeWindow = Callable[..., HavenWindow]
WAIT_MS = 30_000
LISTEN = "0A"  # TCP_LISTEN in /proc/net/tcp


def _own_socket_inodes() -> set[str]:
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def _address(hex_address: str) -> str:
    raw = bytes.fromhex(hex_address)
    # The kernel prints each 32-bit word in host (little-endian) order.
    words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    return str(ipaddress.ip_address(words))


def listening() -> set[tuple[str, int]]:
    """(address, port) of every TCP socket this process listens on."""
    inodes = _own_socket_inodes()
    out = set()
    for table in ("/proc/self/net/tcp", "/proc/self/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == LISTEN and inode in inodes:
                host, port = local.split(":")
                out.add((_address(host), int(port, 16)))
    return out


def off_loopback() -> set[tuple[str, int]]:
    return {(h, p) for h, p in listening() if not ipaddress.ip_address(h).is_loopback}


def test_the_kernel_table_reader_sees_a_listening_socket() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.2", 0))
        s.listen()
        assert ("127.0.0.2", s.getsockname()[1]) in listening()
    assert not any(h == "127.0.0.2" for h, _ in listening())


def test_with_only_a_journal_nothing_listens_off_this_machine(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HAVEN_LISTEN_HOST")  # the app's default: every interface
    window = make_window()
    flows.create_vault(qtbot, window)
    background = window.bridge.background
    qtbot.waitUntil(lambda: background.serving_port > 0, timeout=WAIT_MS)
    assert ("127.0.0.1", background.serving_port) in listening()
    assert off_loopback() == set()
    session = window.bridge.session
    assert session is not None and not session.lan.enabled()
    assert not background.status.lan
    # Settings says so: the box is off and greyed, with a line saying why.
    window.home.show_section("settings")
    page = window.settings_page
    assert not page.lan_sync.isChecked() and not page.lan_sync.isEnabled()
    assert page.lan_hint.isVisible() and page.lan_hint.text()
    # Locked and unlocked again: still nothing on the network.
    window.lock()
    flows.unlock(qtbot, window)
    qtbot.waitUntil(lambda: background.serving_port > 0, timeout=WAIT_MS)
    assert off_loopback() == set()


def _serves_on(window: HavenWindow, host: str) -> bool:
    port = window.bridge.background.serving_port
    return port > 0 and (host, port) in listening()


def test_a_space_moves_sync_to_the_lan_address_and_turning_it_off_moves_it_back(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HAVEN_LISTEN_HOST", "127.0.0.2")  # stands in for the LAN address
    window = make_window()
    flows.create_vault(qtbot, window)
    qtbot.waitUntil(lambda: _serves_on(window, "127.0.0.1"), timeout=WAIT_MS)
    assert not any(h == "127.0.0.2" for h, _ in listening())
    session = window.bridge.session
    assert session is not None
    box = window.settings_page.lan_sync
    session.spaces.create_space("Tuesday group")
    qtbot.waitUntil(lambda: _serves_on(window, "127.0.0.2"), timeout=WAIT_MS)
    assert not _serves_on(window, "127.0.0.1")
    qtbot.waitUntil(box.isEnabled, timeout=WAIT_MS)
    assert box.isChecked() and not window.settings_page.lan_hint.isVisibleTo(window)
    # Turned off from the keyboard: back on loopback.
    window.home.show_section("settings")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not session.lan.enabled()
    qtbot.waitUntil(lambda: _serves_on(window, "127.0.0.1"), timeout=WAIT_MS)
    assert not any(h == "127.0.0.2" for h, _ in listening())


def test_the_policy_in_the_core(tmp_path: Path) -> None:
    alone = new_session(tmp_path / "alone")
    try:
        assert not alone.lan.available() and not alone.lan.enabled()
        alone.lan.set_enabled(True)  # asking for it with nobody to sync with changes nothing
        assert not alone.lan.enabled()
        space = alone.spaces.create_space("Group")
        assert alone.lan.available() and alone.lan.enabled()
        assert {k.space_id for k in alone.lan.discovery_keys()} == {space, alone.journal.space_id}
        alone.lan.set_enabled(False)
        assert not alone.lan.enabled() and alone.lan.discovery_keys() == []
    finally:
        alone.lock()


def test_a_linked_device_alone_turns_it_on(tmp_path: Path) -> None:
    phone = new_session(tmp_path / "phone")
    laptop = replica_of(phone, tmp_path / "laptop")
    engine = SyncEngine(phone)
    engine.start()
    try:
        assert not phone.lan.enabled()
        port = engine.serve("127.0.0.1", 0)
        other = SyncEngine(laptop)
        other.start()
        try:
            other.sync_with("127.0.0.1", port).result(30)
        finally:
            other.stop()
        assert phone.lan.available() and phone.lan.enabled()
        assert laptop.lan.available() and laptop.lan.enabled()
        phone.devices.unlink(laptop.identity.device_id)  # unlinked: alone again
        assert not phone.lan.available() and not phone.lan.enabled()
    finally:
        engine.stop()
        laptop.lock()
        phone.lock()
