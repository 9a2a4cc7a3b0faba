"""Preferences kept with QSettings. They hold no content: only numbers and choices."""

from __future__ import annotations

import enum

from PySide6.QtCore import QSettings

ORGANIZATION = "Haven"
APPLICATION = "Haven"


class Theme(enum.Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


DEFAULT_AUTOLOCK_MINUTES = 5
MAX_AUTOLOCK_MINUTES = 240
FONT_SCALES = (100, 115, 130, 150, 175, 200)
#: The languages the app can be shown in; "" follows the system (LANG).
LANGUAGES = ("", "en", "ar", "fa")


class AppSettings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._q.value(key, default))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return default

    @property
    def autolock_minutes(self) -> int:
        """0 means never."""
        return max(
            0, min(self._int("autolock_minutes", DEFAULT_AUTOLOCK_MINUTES), MAX_AUTOLOCK_MINUTES)
        )

    @autolock_minutes.setter
    def autolock_minutes(self, minutes: int) -> None:
        self._q.setValue("autolock_minutes", max(0, min(int(minutes), MAX_AUTOLOCK_MINUTES)))

    @property
    def theme(self) -> Theme:
        try:
            return Theme(str(self._q.value("theme", Theme.SYSTEM.value)))
        except ValueError:
            return Theme.SYSTEM

    @theme.setter
    def theme(self, theme: Theme) -> None:
        self._q.setValue("theme", theme.value)

    @property
    def font_scale(self) -> int:
        value = self._int("font_scale", 100)
        return value if value in FONT_SCALES else 100

    @font_scale.setter
    def font_scale(self, percent: int) -> None:
        self._q.setValue("font_scale", percent if percent in FONT_SCALES else 100)

    @property
    def discreet(self) -> bool:
        return str(self._q.value("discreet", "false")).lower() in ("true", "1")

    @discreet.setter
    def discreet(self, on: bool) -> None:
        self._q.setValue("discreet", bool(on))

    @property
    def sync_port(self) -> int:
        """The port background sync listens on; 0 lets the system choose a free one."""
        value = self._int("sync_port", 0)
        return value if 0 <= value < 65536 else 0

    @sync_port.setter
    def sync_port(self, port: int) -> None:
        self._q.setValue("sync_port", port if 0 <= int(port) < 65536 else 0)

    @property
    def introduction_seen(self) -> bool:
        """The first-run introduction was shown (ui/onboarding.py); Help shows it again."""
        return str(self._q.value("introduction_seen", "false")).lower() in ("true", "1")

    @introduction_seen.setter
    def introduction_seen(self, seen: bool) -> None:
        self._q.setValue("introduction_seen", bool(seen))

    @property
    def language(self) -> str:
        """The chosen UI language ("en", "ar", "fa"), or "" to follow the system."""
        value = str(self._q.value("language", ""))
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, language: str) -> None:
        self._q.setValue("language", language if language in LANGUAGES else "")

    @property
    def vault_folder(self) -> str:
        """The data folder chosen in the app (a restored vault opened from Settings or the
        unlock page); "" for the default. `--data-dir` and HAVEN_DATA_DIR come first."""
        return str(self._q.value("vault_folder", "") or "")

    @vault_folder.setter
    def vault_folder(self, folder: str) -> None:
        self._q.setValue("vault_folder", str(folder))

    def sync(self) -> None:
        self._q.sync()

    def file_name(self) -> str:
        return str(self._q.fileName())
