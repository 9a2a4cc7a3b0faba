"""Pick the relay's store from `--db`: a file path means SQLite, a URL means PostgreSQL.

Kept apart from storage.py (the interface both stores import) so that the imports point one
way; asyncpg is imported only when a PostgreSQL URL is given, so a SQLite relay runs without it.
"""

from __future__ import annotations

from pathlib import Path

from haven.relay.storage import Store


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_store(db: str) -> Store:
    if is_postgres_url(db):
        from haven.relay.storage_postgres import PostgresStore

        return PostgresStore(db)
    from haven.relay.storage_sqlite import SqliteStore

    return SqliteStore(Path(db))
