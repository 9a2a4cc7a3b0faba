"""Translated wording for core results. Core errors carry English for logs and the CLI; the UI
words every case itself, and never shows an exception's text (it could name a path)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from haven.core.duress import SAME_AS_OWN
from haven.core.passphrase import Weakness
from haven.errors import (
    InvalidInput,
    NotFound,
    VaultDamaged,
    VaultExists,
    VaultFull,
    VaultInUse,
    VaultLocked,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
)

# Every call is written out as QCoreApplication.translate("Messages", "…") so that
# pyside6-lupdate finds the strings; a wrapper function would hide them from it.
T = QCoreApplication


def weakness_text(weakness: Weakness) -> str:
    if weakness is Weakness.EMPTY:
        return T.translate("Messages", "Choose a passphrase.")
    if weakness is Weakness.TOO_SHORT:
        return T.translate("Messages", "This passphrase is too short: use at least 10 characters.")
    if weakness is Weakness.TOO_GUESSABLE:
        return T.translate(
            "Messages", "This passphrase is too easy to guess: add a few uncommon words."
        )
    return T.translate("Messages", "The two passphrases do not match.")


def strength_text(score: int) -> str:
    labels = [
        T.translate("Messages", "Very weak"),
        T.translate("Messages", "Weak"),
        T.translate("Messages", "Fair"),
        T.translate("Messages", "Strong"),
        T.translate("Messages", "Very strong"),
    ]
    return T.translate("Messages", "Strength: %1").replace("%1", labels[max(0, min(score, 4))])


def error_text(exc: BaseException) -> str:
    """A sentence a person can act on, for any error the core may raise."""
    if isinstance(exc, WrongPassphrase):
        return T.translate("Messages", "That passphrase is not right. Check it and try again.")
    if isinstance(exc, VaultInUse):
        return T.translate(
            "Messages", "Haven is already open in another window. Close it there first."
        )
    if isinstance(exc, VaultDamaged):
        return T.translate(
            "Messages",
            "The vault files are damaged (a disk error, or a file was changed), so Haven "
            "cannot open them. Nothing was changed. Restore your most recent backup into a "
            "new folder: haven restore FILE.",
        )
    if isinstance(exc, VaultNotFound):
        return T.translate("Messages", "There is no vault in this folder yet.")
    if isinstance(exc, VaultExists):
        return T.translate(
            "Messages", "A vault already exists in this folder; nothing was changed."
        )
    if isinstance(exc, VaultFull):
        return T.translate(
            "Messages", "The disk is full; nothing was saved. Free some space and try again."
        )
    if isinstance(exc, VaultLocked):
        return T.translate("Messages", "The vault is locked.")
    if isinstance(exc, WeakPassphrase) and str(exc) == SAME_AS_OWN:
        return T.translate(
            "Messages", "Choose a different passphrase from the ones this vault already uses."
        )
    if isinstance(exc, WeakPassphrase):
        return T.translate(
            "Messages", "This passphrase is too easy to guess: add a few uncommon words."
        )
    if isinstance(exc, NotFound):
        return T.translate("Messages", "That entry no longer exists.")
    if isinstance(exc, InvalidInput):
        return T.translate(
            "Messages", "Some of what you typed cannot be saved. Check the title, text and tags."
        )
    return T.translate("Messages", "Something went wrong; nothing was changed.")


def mood_labels() -> list[str]:
    """Labels for moods 1 to 5 (index 0 is mood 1)."""
    return [
        T.translate("Messages", "Very low"),
        T.translate("Messages", "Low"),
        T.translate("Messages", "Okay"),
        T.translate("Messages", "Good"),
        T.translate("Messages", "Great"),
    ]


def mood_text(mood: int | None) -> str:
    if mood is None or not 1 <= mood <= 5:
        return ""
    return f"{QLocale().toString(mood)} · {mood_labels()[mood - 1]}"
