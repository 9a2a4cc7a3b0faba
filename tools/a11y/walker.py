"""The AT-SPI walk itself, run by the system's python3 (pyatspi comes from the distribution,
python3-pyatspi; it cannot be pip-installed into the virtualenv). It imports nothing of
Haven's: it sees the app only as a screen reader does, over the accessibility bus.

It walks the first-run page, creates a vault by typing into the fields and pressing the
button through AT-SPI, skips the introduction, then walks each section the sidebar offers.
On each page: every interactive widget that shows has a name; no combo box is announced only
by its value; every enabled one can take the keyboard focus. Where the focus is, and that
its ring shows, is not checked here: no window manager activates the window under Xvfb, so
no widget holds the focus (tests/ui/test_theme_contrast.py measures the rings instead).
Prints each problem; exits 1 if any.
"""

from __future__ import annotations

import contextlib
import sys
import time

import pyatspi
from gi.repository import GLib

INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "spin button",
    "list",
    "page tab",
    "slider",
}
APP_NAMES = ("haven", "notes")


def app_node(timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            if child is not None and (child.name or "").lower() in APP_NAMES:
                return child
        time.sleep(0.5)
    raise SystemExit("a11y: the app never appeared on the accessibility bus")


def showing(node) -> list:
    """The nodes of the tree that are on screen (a hidden page's are not walked)."""
    found = []

    def visit(n, depth: int) -> None:
        if n is None or depth > 60:
            return
        try:
            state = n.getState()
            shown = state.contains(pyatspi.STATE_SHOWING) and state.contains(pyatspi.STATE_VISIBLE)
            if not shown and n.getRoleName() not in ("application", "frame"):
                return
            children = [n.getChildAtIndex(i) for i in range(n.childCount)]
        except GLib.GError:
            return  # gone while walking (a dialog closing)
        found.append(n)
        for child in children:
            visit(child, depth + 1)

    visit(node, 0)
    return found


def find(app, role: str, name: str, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for n in showing(app):
            if n.getRoleName() == role and n.name == name:
                return n
        time.sleep(0.3)
    raise SystemExit(f"a11y: no {role} named {name!r} showed up")


def check_page(app, page: str) -> list[str]:
    problems = []
    nodes = showing(app)
    for n in nodes:
        role = n.getRoleName()
        if role not in INTERACTIVE:
            continue
        if not (n.name or "").strip():
            problems.append(f"{page}: a {role} has no name")
        if role == "combo box":
            value = ""
            with contextlib.suppress(NotImplementedError):
                value = n.queryText().getText(0, -1)
            if value and n.name == value:
                problems.append(f"{page}: the combo box {n.name!r} is announced only by its value")
    for n in nodes:
        state = n.getState()
        enabled = n.getRoleName() in INTERACTIVE and state.contains(pyatspi.STATE_ENABLED)
        if enabled and not state.contains(pyatspi.STATE_FOCUSABLE):
            problems.append(f"{page}: {n.getRoleName()} {n.name!r} cannot take the focus")
    print(f"{page}: {sum(1 for n in nodes if n.getRoleName() in INTERACTIVE)} interactive widgets")
    return problems


def main() -> int:
    app = app_node()
    problems = check_page(app, "first run")
    for name, text in (
        ("Display name", "Robin"),
        ("Passphrase", "copper meadow lantern drift 7"),
        ("Passphrase again", "copper meadow lantern drift 7"),
    ):
        role = "text" if name == "Display name" else "password text"
        find(app, role, name).queryEditableText().setTextContents(text)
    find(app, "push button", "Create my vault").queryAction().doAction(0)
    skip = find(app, "push button", "Skip the introduction", timeout=60)
    problems += check_page(app, "introduction")
    skip.queryAction().doAction(0)
    sections = find(app, "list", "Sections")
    names = [sections.getChildAtIndex(i).name for i in range(sections.childCount)]
    for index, section in enumerate(names):
        sections.querySelection().selectChild(index)
        time.sleep(1.0)
        problems += check_page(app, section)
    for line in problems:
        print("a11y: " + line)
    print(f"a11y: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
