from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.relay.support import RelayProcess

PG_ENV = "HAVEN_TEST_POSTGRES_URL"


def postgres_server() -> str:
    """The throw-away PostgreSQL server `.ci/postgres.sh start` runs; skip without one
    locally, fail in CI (CI=true), where `.ci/run` always starts one."""
    url = os.environ.get(PG_ENV, "")
    if url:
        return url
    reason = f'PostgreSQL not available: run `eval "$(.ci/postgres.sh start)"` to set {PG_ENV}'
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


async def _admin(url: str, sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    server = postgres_server()
    name = "relay_" + os.urandom(6).hex()
    asyncio.run(_admin(server, f"CREATE DATABASE {name}"))
    yield server.rsplit("/", 1)[0] + "/" + name
    asyncio.run(_admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each back-end in turn: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "relay.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def relay(tmp_path: Path, db_url: str) -> Iterator[RelayProcess]:
    proc = RelayProcess(tmp_path, db=db_url)
    yield proc
    proc.stop()
