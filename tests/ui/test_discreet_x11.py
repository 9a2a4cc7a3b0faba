"""Discreet mode renames Haven's windows on the desktop at once, on a real X server (Xvfb):
X11's WM_CLASS, which Qt writes only when it creates a window, is rewritten before each
window is mapped (ui/discreet.py). Read back with `xprop`, as a taskbar reads it. Skipped,
naming the package, where Xvfb or xprop is missing (Debian: xvfb, x11-utils)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import subprocess
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from haven.ui.discreet import DiscreetTitles, name_application

app = QApplication(["haven"])
name_application(app, False)
titles = DiscreetTitles()
app.installEventFilter(titles)

def wm_class(w):
    app.processEvents()
    out = subprocess.run(["xprop", "-id", str(int(w.winId())), "WM_CLASS"],
                         capture_output=True, text=True, check=True).stdout
    return out.split("=", 1)[1].strip()

window = QWidget()
window.show()
print("start", wm_class(window))
titles.set_on(True)
print("on", wm_class(window), window.isVisible())
dialog = QDialog(window)
dialog.show()
print("dialog", wm_class(dialog))
titles.set_on(False)
print("off", wm_class(window), wm_class(dialog))
"""


def test_the_window_class_follows_discreet_mode_without_a_restart() -> None:
    missing = [
        p for p, tool in (("xvfb", "Xvfb"), ("x11-utils", "xprop")) if not shutil.which(tool)
    ]
    if missing:
        pytest.skip("needs: apt-get install " + " ".join(missing))
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as displayfd:
            display = displayfd.readline().strip()
        assert display.isdigit(), "Xvfb did not start"
        env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
        result = subprocess.run(
            [sys.executable, "-c", CHILD],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines == [
        'start "haven", "Haven"',
        'on "notes", "Notes" True',
        'dialog "notes", "Notes"',  # a window made later: Qt would have written "haven"
        'off "haven", "Haven" "haven", "Haven"',
    ], result.stdout
