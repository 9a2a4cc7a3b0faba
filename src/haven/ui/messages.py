"""Translated wording for core results. Core errors carry English for logs and the CLI; the UI
words every case itself, and never shows an exception's text (it could name a path)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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

_CTX = "Messages"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def weakness_text(weakness: Weakness) -> str:
    if weakness is Weakness.EMPTY:
        return tr("Choose a passphrase.")
    if weakness is Weakness.TOO_SHORT:
        return tr("This passphrase is too short: use at least 10 characters.")
    if weakness is Weakness.TOO_GUESSABLE:
        return tr("This passphrase is too easy to guess: add a few uncommon words.")
    return tr("The two passphrases do not match.")


def strength_text(score: int) -> str:
    labels = [tr("Very weak"), tr("Weak"), tr("Fair"), tr("Strong"), tr("Very strong")]
    return tr("Strength: %1").replace("%1", labels[max(0, min(score, 4))])


def error_text(exc: BaseException) -> str:
    """A sentence a person can act on, for any error the core may raise."""
    if isinstance(exc, WrongPassphrase):
        return tr("That passphrase is not right. Check it and try again.")
    if isinstance(exc, VaultInUse):
        return tr("Haven is already open in another window. Close it there first.")
    if isinstance(exc, VaultDamaged):
        return tr("The vault files are damaged, so Haven cannot open them. "
                  "Nothing was changed; restore a backup copy if you have one.")
    if isinstance(exc, VaultNotFound):
        return tr("There is no vault in this folder yet.")
    if isinstance(exc, VaultExists):
        return tr("A vault already exists in this folder; nothing was changed.")
    if isinstance(exc, VaultFull):
        return tr("The disk is full; nothing was saved. Free some space and try again.")
    if isinstance(exc, VaultLocked):
        return tr("The vault is locked.")
    if isinstance(exc, WeakPassphrase):
        return tr("This passphrase is too easy to guess: add a few uncommon words.")
    if isinstance(exc, NotFound):
        return tr("That entry no longer exists.")
    if isinstance(exc, InvalidInput):
        return tr("Some of what you typed cannot be saved. Check the title, text and tags.")
    return tr("Something went wrong; nothing was changed.")


def mood_labels() -> list[str]:
    """Labels for moods 1 to 5 (index 0 is mood 1)."""
    return [tr("Very low"), tr("Low"), tr("Okay"), tr("Good"), tr("Great")]


def mood_text(mood: int | None) -> str:
    if mood is None or not 1 <= mood <= 5:
        return ""
    return f"{mood} · {mood_labels()[mood - 1]}"
