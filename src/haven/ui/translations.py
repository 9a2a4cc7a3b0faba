"""Load Haven's translation for the chosen language and set the layout direction.

The language is the one chosen in Settings (kept in QSettings), else the system's (`LANG`).
English plural forms ("1 entry", "2 entries") are always installed underneath, so a locale
Haven has no translation for still reads correctly rather than "1 entries".

The compiled `.qm` files are committed next to their `.ts` sources in
`resources/translations/` (built with `pyside6-lrelease`), so running needs no Qt tools.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from haven.core.resource_files import resource_dir
from haven.ui.appearance import apply_layout_direction

_installed: list[QTranslator] = []

#: The languages Haven ships, each named in itself (a person who cannot read the current
#: language still finds their own).
LANGUAGE_NAMES = {"en": "English", "ar": "العربية", "fa": "فارسی"}
_LOCALES = {
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
    "ar": QLocale(QLocale.Language.Arabic),
    "fa": QLocale(QLocale.Language.Persian, QLocale.Country.Iran),
}


def translations_dir() -> Path | None:
    return resource_dir("translations")


_language = ["en"]


def ui_language() -> str:
    """The language the UI is shown in ("ar", "en", "fa"): the installed translation's,
    English when none loaded. Content Haven ships (prompts, help) follows it."""
    return _language[0]


def chosen_locale(language: str) -> QLocale:
    """The locale for a language chosen in Settings; "" (or an unknown code) is the
    system's."""
    return _LOCALES.get(language, QLocale.system())


def install_translations(locale: QLocale) -> bool:
    """Install Haven's and Qt's own translations for `locale`; return whether Haven's loaded.
    The layout direction follows the locale even when no translation exists."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(old)
    _installed.clear()
    apply_layout_direction(locale)
    QLocale.setDefault(locale)  # numbers and dates of QLocale() follow the UI language
    loaded = False
    folder = translations_dir()
    if folder is not None:
        # English plurals first: Qt asks the most recently installed translator first, so
        # the locale's own translation wins and English fills in only what it lacks.
        english = QTranslator()
        if english.load(_LOCALES["en"], "haven", "_", str(folder)):
            QCoreApplication.installTranslator(english)
            _installed.append(english)
        haven = QTranslator()
        if locale.language() != QLocale.Language.English and haven.load(
            locale, "haven", "_", str(folder)
        ):
            QCoreApplication.installTranslator(haven)
            _installed.append(haven)
            loaded = True
        loaded = loaded or locale.language() == QLocale.Language.English
    _language[0] = locale.name().split("_")[0] if loaded else "en"
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(locale, "qtbase", "_", qt_dir):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    return loaded
