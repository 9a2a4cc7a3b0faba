"""A real Haven window in its own process, for tests/integration/test_memory_after_lock.py:
unlock an existing vault by typing the passphrase, write and read back a canary entry,
search for it, lock, then say so and wait (stdin) while the test reads this process's
memory. (Creating a vault is not measured: the strength meter works on the passphrase.)

Run as `python -m tests.integration.memory_probe_app DATA_DIR` with the passphrase and the
canary on the first two lines of stdin (never in argv, which stays in the process's memory).
It is the app's own code (window, bridge, session) and the app's restart with freed memory
overwritten (haven.core.freed_memory), without `haven.__main__`'s hardening, which would
stop the test from reading the memory it is here to check."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


def wait_until(app: QApplication, check: object, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise SystemExit("probe: timed out")
        app.processEvents()
        time.sleep(0.01)


def _read_secrets() -> tuple[str, str]:
    """Two lines from stdin, unbuffered, the raw bytes wiped (they are the probe's, not the
    app's, and must not be mistaken for what the app kept)."""
    raw = bytearray()
    while raw.count(b"\n") < 2:
        chunk = os.read(0, 4096)
        if not chunk:
            raise SystemExit("probe: expected two lines on stdin")
        raw += chunk
    passphrase, canary = raw.decode("utf-8").split("\n")[:2]
    raw[:] = bytes(len(raw))
    return passphrase, canary


def main() -> int:
    from haven.core.freed_memory import restart_scrubbed

    restart_scrubbed()  # as `haven` does before it opens the app
    data_dir = Path(sys.argv[1])
    passphrase, canary = _read_secrets()
    # Two halves, kept apart, to find live objects holding the whole canary afterwards.
    first_half, second_half = canary[: len(canary) // 2], canary[len(canary) // 2 :]
    app = QApplication(["haven"])
    from haven.ui.bridge import SessionBridge
    from haven.ui.main_window import HavenWindow
    from haven.ui.settings import AppSettings

    settings = AppSettings(
        QSettings(str(data_dir.parent / "probe.ini"), QSettings.Format.IniFormat)
    )
    bridge = SessionBridge(data_dir)
    window = HavenWindow(bridge, settings)
    window.show()
    page = window.unlock_page
    page.passphrase.setText(passphrase)
    del passphrase
    page.unlock_button.click()
    wait_until(app, lambda: bridge.session is not None and window.current_page() is window.home)
    journal = window.journal_page
    journal.editor.title.setText(canary + " title")
    journal.editor.body.setPlainText(canary + " body")
    journal.save(journal.editor.content())
    wait_until(app, lambda: journal.model.rowCount() == 1)
    journal.list.setCurrentIndex(journal.model.index(0, 0))  # shown in the editor again
    journal.filters.search.setText(canary[:12])  # and found by search
    wait_until(app, lambda: journal.model.rowCount() == 1)
    app.processEvents()
    window.lock()
    wait_until(app, lambda: bridge.session is None and not bridge.busy)
    for _ in range(20):
        app.processEvents()
    bridge.wait_for_workers()
    del canary
    gc.collect()
    live = sum(
        1
        for o in gc.get_objects()
        if isinstance(o, str) and first_half in o and second_half in o and o is not first_half
    )
    print("LOCKED", live, flush=True)
    os.read(0, 16)  # until the test is done reading
    bridge.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
