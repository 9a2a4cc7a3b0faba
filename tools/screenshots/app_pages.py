"""The app's pages (first run, linking, the introduction, journal, empty states, settings,
devices, help, unlock) as PNG files for the docs, at the window's default size:
`python -m tools.screenshots.app_pages [DIR] [--themes …] [--languages …]`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tools.screenshots import devices
from tools.screenshots.common import (
    DEMO_ENTRIES,
    DEMO_PASSPHRASE,
    demo_settings,
    fresh_passphrase,
    render_all,
    screenshot_app,
    shoot,
    wait,
)


def _settle(app: object) -> None:
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    for _ in range(5):  # palette, style-sheet and layout changes arrive as events
        app.processEvents()
        app.sendPostedEvents()


def render(out_dir: Path, language: str = "en", theme: str = "light") -> list[Path]:
    from haven.core import session as core_session
    from haven.core.journal import JournalDraft
    from haven.ui.bridge import SessionBridge
    from haven.ui.main_window import HavenWindow
    from haven.ui.settings import Theme

    app, suffix = screenshot_app(language, theme)
    written: list[Path] = []

    def snap(widget: object, name: str) -> None:
        _settle(app)
        path = out_dir / f"{name}{suffix}.png"
        shoot(widget, path)
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="haven-shots-") as tmp:
        data_dir = Path(tmp) / "vault"
        settings = demo_settings(Path(tmp), theme)
        bridge = SessionBridge(data_dir)
        window = HavenWindow(bridge, settings)  # its default size
        window.show()
        wait(app, window.isVisible)
        name = {"ar": "ريم", "fa": "رها"}.get(language, "Robin")
        window.create_page.name.setText(name)
        window.create_page.pronouns.setText("they/them" if language == "en" else "")
        window.create_page.passphrase.setText(DEMO_PASSPHRASE)
        window.create_page.confirm.setText(DEMO_PASSPHRASE)
        snap(window, "create")
        devices.shoot_link_page(app, window, out_dir / f"link{suffix}.png", shoot, DEMO_PASSPHRASE)
        written += [
            out_dir / f"link{suffix}.png",
            devices.short_path(out_dir / f"link{suffix}.png"),
        ]
        core_session.create(data_dir, DEMO_PASSPHRASE, name, "they/them").lock()
        window.show_start_page()
        bridge.unlock(fresh_passphrase())
        wait(app, lambda: window.current_page() is window.home)
        page = window.journal_page
        wait(app, lambda: page.list_stack.currentWidget() is page.empty)
        snap(window, "journal_empty")
        window.show_introduction()
        dialog = window.introduction
        assert dialog is not None
        for step in (0, 2):
            dialog.go(step)
            snap(dialog, f"introduction_{step + 1}")
        dialog.reject()
        window.home.show_section("spaces")
        snap(window, "spaces_welcome")
        window.home.show_section("journal")

        session = bridge.session
        assert session is not None
        session.journal.add_many([JournalDraft(b, t, m, tags) for t, b, m, tags in DEMO_ENTRIES])
        page.refresh()
        wait(app, lambda: page.model.rowCount() == len(DEMO_ENTRIES))
        page.list.setCurrentIndex(page.model.index(1))
        snap(window, "main")
        if language == "en" and theme == "light":  # the committed set: the themes, once
            for other in (Theme.DARK, Theme.HIGH_CONTRAST):
                settings.theme = other
                window.apply_settings()
                snap(window, f"main_{other.value}")
            settings.theme = Theme.LIGHT
            window.apply_settings()
        page.filters.search.setText({"ar": "حمار", "fa": "زرافه"}.get(language, "zebra"))
        wait(app, lambda: page.list_stack.currentWidget() is page.empty)
        snap(window, "journal_no_results")
        page.filters.reset()
        page.apply_filter(page.filters.current())
        wait(app, lambda: page.list_stack.currentWidget() is page.list)
        window.home.show_section("settings")
        snap(window, "settings")
        window.show_help_page()
        snap(window, "help")
        window.show_start_page()
        written += devices.shoot_devices(
            app, window, Path(tmp), out_dir, suffix, wait, shoot, DEMO_PASSPHRASE
        )
        window.lock()
        snap(window, "unlock")
        bridge.shutdown()
        window.close()
        window.deleteLater()
    return written


def main(argv: list[str] | None = None) -> int:
    return render_all(render, argv)


if __name__ == "__main__":
    sys.exit(main())
