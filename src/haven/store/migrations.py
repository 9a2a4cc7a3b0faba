"""Numbered schema migrations: `schema/NNNN_name.sql`, applied in order, each in one
transaction, with the version kept in `PRAGMA user_version`."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

from haven.errors import VaultDamaged

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available() -> list[tuple[int, str]]:
    """(version, sql) for every migration shipped, in order."""
    found = []
    for entry in resources.files("haven.store").joinpath("schema").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..n: {versions}")
    return found


def latest_version() -> int:
    return len(available())


def current_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Any) -> int:
    """Bring the schema up to date; returns the version now in force."""
    version = current_version(conn)
    migrations = available()
    if version > len(migrations):
        raise VaultDamaged(
            f"this vault has schema version {version}, newer than this Haven understands "
            f"({len(migrations)}); update Haven to open it"
        )
    for number, sql in migrations[version:]:
        try:
            script = f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number:d};\nCOMMIT;"
            conn.executescript(script)
        except Exception:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return current_version(conn)
