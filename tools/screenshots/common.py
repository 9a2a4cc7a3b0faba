"""What every screenshot script shares: the demo passphrase and journal, waiting for the
window, saving a PNG, the application in a given language, and the `python -m` entry.

Every script uses throwaway vaults in a temporary folder (deleted afterwards) and the
offscreen platform unless another is set, so it never touches a real vault or settings.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEMO_PASSPHRASE = "copper meadow lantern drift 7"


def fresh_passphrase() -> str:
    """A new str with the demo passphrase: the bridge zeroes the one it is given after
    unlocking, which must not be the shared constant."""
    return "".join(reversed(DEMO_PASSPHRASE[::-1]))


DEMO_ENTRIES = [
    (
        "Told my sister",
        "I finally told my sister. She hugged me and said she had guessed for years.",
        5,
        ("family", "coming-out"),
    ),
    ("", "Rainy walk by the canal. Felt calmer afterwards.", 4, ("walks",)),
    (
        "Work was hard",
        "A colleague made a joke and I did not know what to say.\n\nNext time "
        "I want to answer calmly.",
        2,
        ("work",),
    ),
    (
        "Support group",
        "First meetup of the circle. Six of us; tea and biscuits.",
        4,
        ("community", "meetups"),
    ),
    ("", "Could not sleep. Wrote a letter I will not send.", 2, ("letters",)),
]


def wait(app: object, done: Callable[[], bool], timeout_s: float = 60.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents()
        time.sleep(0.01)


def shoot(window: object, path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")


def screenshot_app(language: str) -> tuple[Any, str]:
    """The application every screenshot script renders with: `language`'s translations, and
    background sync and demo linking kept on this computer (loopback, no LAN announcing).
    Returns the application and the file-name suffix for the language."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from haven.ui.translations import install_translations

    os.environ.setdefault("HAVEN_LISTEN_HOST", "127.0.0.1")
    os.environ.setdefault("HAVEN_LAN_DISCOVERY", "0")
    app = QApplication.instance() or QApplication([sys.argv[0]])
    locale = QLocale(language)
    QLocale.setDefault(locale)
    install_translations(locale)
    return app, "" if language == "en" else f"_{language}"


def render_all(render_one: Callable[[Path, str], list[Path]], argv: list[str] | None) -> int:
    """`python -m …` entry point of a screenshot script: English and Arabic, offscreen."""
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else Path("docs/screenshots")
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    render_one(out_dir, "en")
    render_one(out_dir, "ar")
    return 0
