"""Render the app's pages to PNG files for the docs: `python -m haven.ui.screenshots [DIR]`.

Uses a throwaway demo vault in a temporary folder (deleted afterwards) and the offscreen
platform unless another is set, so it never touches a real vault or real settings.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEMO_PASSPHRASE = "copper meadow lantern drift 7"
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


def _wait(app: object, done: Callable[[], bool], timeout_s: float = 60.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents()
        time.sleep(0.01)


def _shoot(window: object, path: Path) -> None:
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


def render(out_dir: Path, language: str = "en") -> list[Path]:
    from PySide6.QtCore import QSettings

    from haven.core import session as core_session
    from haven.core.journal import JournalDraft
    from haven.ui.bridge import SessionBridge
    from haven.ui.devices import shots
    from haven.ui.main_window import HavenWindow
    from haven.ui.settings import AppSettings, Theme

    app, suffix = screenshot_app(language)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="haven-shots-") as tmp:
        data_dir = Path(tmp) / "vault"
        settings = AppSettings(
            QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        )
        bridge = SessionBridge(data_dir)
        window = HavenWindow(bridge, settings)
        window.resize(1100, 720)
        window.show()
        _wait(app, window.isVisible)
        name = "Robin" if language == "en" else "ريم"
        window.create_page.name.setText(name)
        window.create_page.pronouns.setText("they/them" if language == "en" else "")
        window.create_page.passphrase.setText(DEMO_PASSPHRASE)
        window.create_page.confirm.setText(DEMO_PASSPHRASE)
        _shoot(window, out_dir / f"create{suffix}.png")
        written.append(out_dir / f"create{suffix}.png")
        shots.shoot_link_page(app, window, out_dir / f"link{suffix}.png", _shoot, DEMO_PASSPHRASE)
        written.append(out_dir / f"link{suffix}.png")
        s = core_session.create(data_dir, DEMO_PASSPHRASE, name, "they/them")
        s.journal.add_many([JournalDraft(b, t, m, tags) for t, b, m, tags in DEMO_ENTRIES])
        s.lock()
        window.show_start_page()
        bridge.unlock(DEMO_PASSPHRASE)
        _wait(app, lambda: window.current_page() is window.home)
        page = window.journal_page
        _wait(app, lambda: page.model.rowCount() == len(DEMO_ENTRIES))
        page.list.setCurrentIndex(page.model.index(1))
        _shoot(window, out_dir / f"main{suffix}.png")
        written.append(out_dir / f"main{suffix}.png")
        if language == "en":
            for theme in (Theme.DARK, Theme.HIGH_CONTRAST):
                settings.theme = theme
                window.apply_settings()
                for _ in range(5):  # palette and style-sheet changes arrive as events
                    app.processEvents()
                    app.sendPostedEvents()
                _shoot(window, out_dir / f"main_{theme.value}.png")
                written.append(out_dir / f"main_{theme.value}.png")
            settings.theme = Theme.SYSTEM
            window.apply_settings()
            app.processEvents()
        window.home.show_section("settings")
        _shoot(window, out_dir / f"settings{suffix}.png")
        written.append(out_dir / f"settings{suffix}.png")
        written += shots.shoot_devices(
            app, window, Path(tmp), out_dir, suffix, _wait, _shoot, DEMO_PASSPHRASE
        )
        window.lock()
        _shoot(window, out_dir / f"unlock{suffix}.png")
        written.append(out_dir / f"unlock{suffix}.png")
        bridge.shutdown()
        window.close()
        window.deleteLater()
    return written


def main(argv: list[str] | None = None) -> int:
    return render_all(render, argv)


if __name__ == "__main__":
    sys.exit(main())
