"""What every command handler gets: the data folder, passphrase input and an open session."""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from haven.core import session as sessions
from haven.core.passphrase import Weakness, check, describe
from haven.core.paths import data_dir as default_data_dir
from haven.core.session import Session
from haven.errors import InvalidInput, VaultNotFound, WeakPassphrase

PASSPHRASE_ENV = "HAVEN_PASSPHRASE"


@dataclass
class Context:
    data_dir: Path
    _session: Session | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, data_dir: str | None) -> Context:
        return cls(default_data_dir(data_dir))

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

    def new_passphrase(self, related: list[str]) -> str:
        """Asked twice in a terminal; refused with a reason when weak."""
        first = self.passphrase("New passphrase: ")
        if os.environ.get(PASSPHRASE_ENV) is None:
            second = getpass.getpass("Repeat the passphrase: ")
            if second != first:
                raise WeakPassphrase(describe(Weakness.MISMATCH))
        strength = check(first, related)
        if strength.weakness is not None:
            raise WeakPassphrase(describe(strength.weakness))
        return first

    def open(self) -> Session:
        if self._session is None:
            if not sessions.exists(self.data_dir):  # say so before asking for a passphrase
                raise VaultNotFound(f"no vault in {self.data_dir}; create one with `haven init`")
            self._session = sessions.unlock(self.data_dir, self.passphrase())
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
