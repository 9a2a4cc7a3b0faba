"""The app's pages (first run, linking, journal, themes, settings, devices, unlock) as PNG
files for the docs, in English and Arabic: `python -m tools.screenshots.app_pages [DIR]`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tools.screenshots import devices
from tools.screenshots.common import (
    DEMO_ENTRIES,
    DEMO_PASSPHRASE,
    fresh_passphrase,
    render_all,
    screenshot_app,
    shoot,
    wait,
)


def render(out_dir: Path, language: str = "en") -> list[Path]:
    from PySide6.QtCore import QSettings

    from haven.core import session as core_session
    from haven.core.journal import JournalDraft
    from haven.ui.bridge import SessionBridge
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
        wait(app, window.isVisible)
        name = "Robin" if language == "en" else "ريم"
        window.create_page.name.setText(name)
        window.create_page.pronouns.setText("they/them" if language == "en" else "")
        window.create_page.passphrase.setText(DEMO_PASSPHRASE)
        window.create_page.confirm.setText(DEMO_PASSPHRASE)
        shoot(window, out_dir / f"create{suffix}.png")
        written.append(out_dir / f"create{suffix}.png")
        devices.shoot_link_page(app, window, out_dir / f"link{suffix}.png", shoot, DEMO_PASSPHRASE)
        written.append(out_dir / f"link{suffix}.png")
        s = core_session.create(data_dir, DEMO_PASSPHRASE, name, "they/them")
        s.journal.add_many([JournalDraft(b, t, m, tags) for t, b, m, tags in DEMO_ENTRIES])
        s.lock()
        window.show_start_page()
        bridge.unlock(fresh_passphrase())
        wait(app, lambda: window.current_page() is window.home)
        page = window.journal_page
        wait(app, lambda: page.model.rowCount() == len(DEMO_ENTRIES))
        page.list.setCurrentIndex(page.model.index(1))
        shoot(window, out_dir / f"main{suffix}.png")
        written.append(out_dir / f"main{suffix}.png")
        if language == "en":
            for theme in (Theme.DARK, Theme.HIGH_CONTRAST):
                settings.theme = theme
                window.apply_settings()
                for _ in range(5):  # palette and style-sheet changes arrive as events
                    app.processEvents()
                    app.sendPostedEvents()
                shoot(window, out_dir / f"main_{theme.value}.png")
                written.append(out_dir / f"main_{theme.value}.png")
            settings.theme = Theme.SYSTEM
            window.apply_settings()
            app.processEvents()
        window.home.show_section("settings")
        shoot(window, out_dir / f"settings{suffix}.png")
        written.append(out_dir / f"settings{suffix}.png")
        written += devices.shoot_devices(
            app, window, Path(tmp), out_dir, suffix, wait, shoot, DEMO_PASSPHRASE
        )
        window.lock()
        shoot(window, out_dir / f"unlock{suffix}.png")
        written.append(out_dir / f"unlock{suffix}.png")
        bridge.shutdown()
        window.close()
        window.deleteLater()
    return written


def main(argv: list[str] | None = None) -> int:
    return render_all(render, argv)


if __name__ == "__main__":
    sys.exit(main())
