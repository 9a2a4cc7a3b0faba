"""The app as a screen reader sees it, in `make test`: tools/a11y (`make a11y`) starts a
virtual X display, a private session bus (dbus-run-session), the real app with Qt's AT-SPI
bridge on, and walks every page over the accessibility bus — every interactive widget named,
no combo box announced only by its value, every enabled one able to take the focus.

It needs the distribution's xvfb, dbus, at-spi2-core and python3-pyatspi (pyatspi cannot be
pip-installed); where they are missing the test is skipped and says which. One subprocess
journey (~12 s on an idle machine, ~2.5 s of CPU: it mostly waits for the bus)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.a11y.__main__ import _missing

ROOT = Path(__file__).resolve().parents[2]


def test_every_page_as_a_screen_reader_sees_it() -> None:
    missing = _missing()
    if missing:
        pytest.skip("the AT-SPI walk needs: apt-get install " + " ".join(missing))
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    result = subprocess.run(
        [sys.executable, "-m", "tools.a11y"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    out = result.stdout
    assert result.returncode == 0, out + result.stderr[-2000:]
    assert "a11y: 0 problem(s)" in out
    for page in ("first run", "introduction", "Journal", "Settings", "Spaces", "Upcoming"):
        line = next((x for x in out.splitlines() if x.startswith(f"{page}: ")), "")
        assert line.endswith("interactive widgets") and int(line.split()[-3]) > 0, out
