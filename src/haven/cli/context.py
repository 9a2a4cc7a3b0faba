"""What every command handler gets: the data folder, passphrase input and an open session."""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from haven.cli import editor
from haven.core import session as sessions
from haven.core.passphrase import Weakness, check, describe
from haven.core.paths import data_dir as default_data_dir
from haven.core.session import Session
from haven.errors import InvalidInput, VaultNotFound, WeakPassphrase, WrongPassphrase

PASSPHRASE_ENV = "HAVEN_PASSPHRASE"
#: Tries at the passphrase prompt before giving up, as sudo allows (HAVEN_PASSPHRASE: one).
PROMPT_TRIES = 3


@dataclass
class Context:
    data_dir: Path
    _session: Session | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, data_dir: str | None) -> Context:
        return cls(default_data_dir(data_dir))

    @property
    def session(self) -> Session | None:
        """The session `open` unlocked, while it is open; None before or after."""
        return self._session if self._session is not None and self._session.is_open else None

    def passphrase(self, prompt: str = "Passphrase: ") -> str:
        """From HAVEN_PASSPHRASE (meant for automation and tests) or a hidden prompt on the
        terminal: also when standard input carries something else, as in
        `echo … | haven journal add -` (getpass reads the terminal itself, never stdin)."""
        env = os.environ.get(PASSPHRASE_ENV)
        if env is not None:
            return env
        if not sys.stdin.isatty() and not _terminal_to_ask_in():
            raise InvalidInput(
                f"no passphrase: run in a terminal, or set {PASSPHRASE_ENV} for automation"
            )
        return getpass.getpass(prompt)

    def new_passphrase(self, related: list[str], what: str = "passphrase") -> str:
        """Asked twice in a terminal, up to PROMPT_TRIES times; refused with a reason when
        weak — before the repeat is asked for, so nobody types a passphrase twice only to
        hear it is too weak."""
        tries = 1 if os.environ.get(PASSPHRASE_ENV) is not None else PROMPT_TRIES
        for attempt in range(1, tries + 1):
            try:
                return self._new_passphrase_once(related, what)
            except WeakPassphrase as exc:
                if attempt == tries:
                    raise
                print(f"Sorry, {exc}; try again.", file=sys.stderr)
        raise AssertionError("unreachable")

    def _new_passphrase_once(self, related: list[str], what: str) -> str:
        first = self.passphrase(f"New {what}: ")
        strength = check(first, related)
        if strength.weakness is not None:
            raise WeakPassphrase(describe(strength.weakness))
        if os.environ.get(PASSPHRASE_ENV) is None:
            second = getpass.getpass(f"Repeat the {what}: ")
            if second != first:
                raise WeakPassphrase(describe(Weakness.MISMATCH))
        return first

    def write_in_editor(self) -> str:
        """A text written in $VISUAL/$EDITOR (see editor.py)."""
        return editor.write_in_editor()

    def open(self) -> Session:
        """Unlock the vault: up to PROMPT_TRIES tries at a terminal prompt, one from
        HAVEN_PASSPHRASE (a script that got it wrong will not get it right by repeating)."""
        if self._session is None:
            if not sessions.exists(self.data_dir):  # say so before asking for a passphrase
                raise VaultNotFound(f"no vault in {self.data_dir}; create one with `haven init`")
            tries = 1 if os.environ.get(PASSPHRASE_ENV) is not None else PROMPT_TRIES
            for attempt in range(1, tries + 1):
                try:
                    self._session = sessions.unlock(self.data_dir, self.passphrase())
                    break
                except WrongPassphrase:
                    if attempt == tries:
                        raise
                    print(
                        "Sorry, that passphrase does not open this vault; try again.",
                        file=sys.stderr,
                    )
        assert self._session is not None
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.lock()
            self._session = None


def _terminal_to_ask_in() -> bool:
    """Someone is watching (stderr is a terminal) and this process has a terminal to ask
    on. Without both, a prompt could only hang or fall back to reading stdin."""
    if not sys.stderr.isatty():
        return False
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return False
    os.close(fd)
    return True
