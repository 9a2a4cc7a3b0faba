"""Errors every layer may raise. Each carries a stable exit code for the CLI (see README).

Messages are plain English for logs and the CLI; the UI maps error classes to its own
translated text, so no message here ever contains entry text or key material.
"""

from __future__ import annotations


class HavenError(Exception):
    exit_code = 1


class InvalidInput(HavenError):
    exit_code = 2


class UnsafeSetting(InvalidInput):
    """An environment setting meant for Haven's own tests, met outside them."""


class WrongPassphrase(HavenError):
    exit_code = 3

    def __init__(self, message: str = "wrong passphrase") -> None:
        super().__init__(message)


class VaultNotFound(HavenError):
    exit_code = 4


class VaultExists(HavenError):
    exit_code = 5


class VaultInUse(HavenError):
    exit_code = 6

    def __init__(self, message: str = "the vault is in use by another Haven process") -> None:
        super().__init__(message)


class AlreadyOpen(VaultInUse):
    """Another `haven serve` or app window holds this data folder (asked before any
    passphrase, so nobody types one only to be refused)."""

    def __init__(
        self,
        message: str = "Haven is already open on this data folder (the app or `haven serve`);"
        " use that one, or quit it first",
    ) -> None:
        super().__init__(message)


class VaultDamaged(HavenError):
    exit_code = 7


class VaultFull(HavenError):
    exit_code = 8

    def __init__(self, message: str = "the disk is full; nothing was saved") -> None:
        super().__init__(message)


class WeakPassphrase(InvalidInput):
    pass


class NotFound(HavenError):
    exit_code = 9


class VaultLocked(HavenError):
    exit_code = 10

    def __init__(self, message: str = "the vault is locked") -> None:
        super().__init__(message)


class InvalidEvent(HavenError):
    """An event from the log or a peer failed a check; it is never applied."""

    exit_code = 11


class SyncError(HavenError):
    exit_code = 12
