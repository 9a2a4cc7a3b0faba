"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

from haven.core import session
from haven.core.session import Session

PASSPHRASE = "violet lantern orbit quietly 42"


def new_session(data_dir: Path, name: str = "Robin", pronouns: str = "they/them") -> Session:
    return session.create(data_dir, PASSPHRASE, name, pronouns)


def replica_of(source: Session, data_dir: Path, name: str = "Robin") -> Session:
    """A second device of `source`'s persona and journal, with its own device id, made the
    way linking makes one (without the network part, which tests/integration cover)."""
    from haven.core.linking import create_linked, make_bundle

    return create_linked(data_dir, PASSPHRASE, make_bundle(source))
