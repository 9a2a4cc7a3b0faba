"""Load Haven's translation for the user's locale and set the layout direction.

The compiled `.qm` files are committed next to their `.ts` sources in
`resources/translations/` (built with `pyside6-lrelease`), so running needs no Qt tools.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from haven.core.resource_files import resource_dir
from haven.ui.appearance import apply_layout_direction

_installed: list[QTranslator] = []


def translations_dir() -> Path | None:
    return resource_dir("translations")


_language = ["en"]


def ui_language() -> str:
    """The language the UI is shown in ("ar", "en"): the installed translation's, English
    when none loaded. Content Haven ships (prompts, help) follows it."""
    return _language[0]


def install_translations(locale: QLocale) -> bool:
    """Install Haven's and Qt's own translations for `locale`; return whether Haven's loaded.
    The layout direction follows the locale even when no translation exists."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(old)
    _installed.clear()
    apply_layout_direction(locale)
    loaded = False
    folder = translations_dir()
    if folder is not None:
        haven = QTranslator()
        if haven.load(locale, "haven", "_", str(folder)):
            QCoreApplication.installTranslator(haven)
            _installed.append(haven)
            loaded = True
    _language[0] = locale.name().split("_")[0] if loaded else "en"
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(locale, "qtbase", "_", qt_dir):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    return loaded
