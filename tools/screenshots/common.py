"""What every screenshot script shares: the demo passphrase and journal, waiting for the
window, saving a PNG, the application in a given language, and the `python -m` entry.

Every script uses throwaway vaults in a temporary folder (deleted afterwards) and the
offscreen platform unless another is set, so it never touches a real vault or settings.
"""

from __future__ import annotations

import argparse
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


def available_languages() -> list[str]:
    """English, then every language Haven has a translation for (resources/translations:
    haven_<lang>.qm), so a new translation gets its screenshots with no change here."""
    from haven.ui.translations import translations_dir

    folder = translations_dir()
    found = (
        sorted(p.stem.removeprefix("haven_") for p in folder.glob("haven_*.qm")) if folder else []
    )
    return ["en"] + [lang for lang in found if lang != "en"]


def suffix_for(language: str, theme: str) -> str:
    """File names: main.png (English, Light), main_ar.png, main_dark.png, main_ar_dark.png."""
    return ("" if language == "en" else f"_{language}") + ("" if theme == "light" else f"_{theme}")


def screenshot_app(language: str, theme: str = "light") -> tuple[Any, str]:
    """The application every screenshot script renders with: `language`'s translations, and
    background sync and demo linking kept on this computer (loopback, no LAN announcing).
    Returns the application and the file-name suffix for the language and theme."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from haven.ui.translations import install_translations

    os.environ.setdefault("HAVEN_LISTEN_HOST", "127.0.0.1")
    os.environ.setdefault("HAVEN_LAN_DISCOVERY", "0")
    app = QApplication.instance() or QApplication([sys.argv[0]])
    locale = QLocale(language)
    QLocale.setDefault(locale)
    install_translations(locale)
    return app, suffix_for(language, theme)


def demo_settings(folder: Path, theme: str) -> Any:
    """Throwaway settings in `folder`, in `theme`, with the first-run introduction seen (the
    screenshots show it on its own)."""
    from PySide6.QtCore import QSettings

    from haven.ui.settings import AppSettings, Theme

    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.theme = Theme(theme)
    settings.introduction_seen = True
    return settings


THEMES = ("light", "dark", "high_contrast")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tools.screenshots",
        description="Render Haven's pages and dialogs offscreen as PNG files, at the "
        "window's default size.",
    )
    parser.add_argument("dir", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument(
        "--themes",
        default="light",
        help="comma-separated (light, dark, high_contrast) or 'all'; the committed set is "
        "light, plus the journal in dark and high contrast",
    )
    parser.add_argument(
        "--languages",
        default="",
        help="comma-separated; default: English and every translation Haven has",
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    args.themes = list(THEMES) if args.themes == "all" else args.themes.split(",")
    for theme in args.themes:
        if theme not in THEMES:
            parser.error(f"unknown theme {theme!r}")
    args.languages = args.languages.split(",") if args.languages else available_languages()
    return args


def render_all(render_one: Callable[[Path, str, str], list[Path]], argv: list[str] | None) -> int:
    """`python -m …` entry point of a screenshot script: every language and theme asked for,
    offscreen."""
    args = parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for theme in args.themes:
        for language in args.languages:
            render_one(args.dir, language, theme)
    return 0
