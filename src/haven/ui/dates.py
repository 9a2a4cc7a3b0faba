"""One readable way to show a moment, in every language: "7 Dec 2026, 14:05" with the month's
name and the digits of the UI's language (QLocale's default, set by translations.py); and
numbers in those same digits (Arabic-Indic in Arabic, Persian in Persian), as the `%Ln`
counts of translated strings show them.

A locale's own short format can be terse to the point of ambiguity (`7/12/26`, or `7 12 2026`
in some locales): a named month reads the same way everywhere."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

DATE_FORMAT = "d MMM yyyy"


def moment_text(ms: int) -> str:
    """A date and time, e.g. for an entry or a post."""
    stamp = QDateTime.fromMSecsSinceEpoch(ms).toLocalTime()
    locale = QLocale()
    day = locale.toString(stamp.date(), DATE_FORMAT)
    clock = locale.toString(stamp.time(), QLocale.FormatType.ShortFormat)
    # "%1, %2": the comma is the language's own (، in Arabic and Persian).
    return QCoreApplication.translate("Dates", "%1, %2").replace("%1", day).replace("%2", clock)


def number_text(n: int) -> str:
    """A count or limit in the UI language's digits (e.g. "١٢" in Arabic, "۱۲" in Persian)."""
    return QLocale().toString(n)


def time_text(ms: int) -> str:
    """A time of today, e.g. when a code expires."""
    stamp = QDateTime.fromMSecsSinceEpoch(ms).toLocalTime()
    return QLocale().toString(stamp.time(), QLocale.FormatType.ShortFormat)
