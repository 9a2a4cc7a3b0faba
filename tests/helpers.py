"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

from haven.core import session
from haven.core.session import Session

PASSPHRASE = "violet lantern orbit quietly 42"


def new_session(data_dir: Path, name: str = "Robin", pronouns: str = "they/them") -> Session:
    return session.create(data_dir, PASSPHRASE, name, pronouns)
