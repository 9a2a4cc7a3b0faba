"""After lock, a real app process holds neither the master key (raw or as the hex SQLCipher
is given), nor the passphrase, nor — in any live Python object or in freed memory — the
journal text it showed.

A helper process (`memory_probe_app`) unlocks a vault by typing into the real window,
writes, reads back and searches a canary entry, and locks; this test then reads the whole
of its memory through /proc/PID/mem. Like the app, the probe restarts itself with freed
memory overwritten (haven.core.freed_memory), so copies of the text in CPython's pools and
glibc's free lists are gone, and the window makes Qt's item delegates forget the last row
they painted; no copy of the canary may remain."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from haven.core import freed_memory
from haven.core import session as core_session
from haven.store import key_slots
from haven.store.header import read_header
from tests.integration.memory_scan import count, read_memory

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/PID/mem")
PASSPHRASE = "quiet river lantern 4471 orchard"
CANARY = "ZQX-canary-7f3a91-the-journal-text-nobody-may-find"


def test_a_locked_app_holds_no_key_no_passphrase_and_no_live_text(tmp_path: Path) -> None:
    data = tmp_path / "vault"
    core_session.create(data, PASSPHRASE, "Robin", check_strength=False).lock()
    (opened,) = key_slots.unseal_all(read_header(data / "vault.header"), PASSPHRASE)
    master_key = bytes(opened.master_key)
    opened.wipe()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.memory_probe_app", str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    try:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(f"{PASSPHRASE}\n{CANARY}\n".encode())
        proc.stdin.flush()
        answer = proc.stdout.readline().decode().split()
        assert answer[:1] == ["LOCKED"], proc.stderr.read().decode() if proc.stderr else ""
        assert answer[1] == "0", "a live object still holds the journal text after lock"
        try:
            regions = read_memory(proc.pid)
        except PermissionError:
            pytest.skip("this system does not let a test read its child's memory")
        assert sum(len(data) for _, data in regions) > 10_000_000  # we really read the process
        found = {
            "master key": count(regions, master_key),
            "master key as hex": count(regions, master_key.hex().encode()),
            "master key as hex (UTF-16)": count(regions, master_key.hex().encode("utf-16-le")),
            "passphrase": count(regions, PASSPHRASE.encode()),
            "passphrase (UTF-16)": count(regions, PASSPHRASE.encode("utf-16-le")),
        }
        assert {what: where for what, where in found.items() if where} == {}
        # The journal text. The app restarted itself so that freed memory is overwritten
        # (haven.core.freed_memory): without that, CPython's pools and glibc's free lists
        # kept about a dozen copies. On lock the item delegates also drop the last row Qt
        # cached for them (haven.ui.row_delegate.forget_painted_rows): without that, one
        # live copy of the title stays.
        utf8, utf16 = count(regions, CANARY.encode()), count(regions, CANARY.encode("utf-16-le"))
        print(f"copies of the journal text after lock: {utf8} (UTF-8), {utf16} (UTF-16)")
        if freed_memory.supported():
            assert utf8 == {}, "freed memory still holds the journal text"
            assert utf16 == {}, "a live Qt string still holds the journal text"
    finally:
        if proc.stdin is not None:
            proc.stdin.write(b"done\n")
            proc.stdin.close()
        proc.wait(timeout=60)
