"""`haven-relay` start-up failures: clear messages and exit codes, nothing overwritten."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from haven.relay.client import RelayClient
from tests.relay.support import RelayProcess, run


def _relay(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "haven.relay", *args], capture_output=True, text=True, timeout=60
    )


def test_damaged_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    junk = b"this is not a database" * 200
    db.write_bytes(junk)
    done = _relay("--port", "0", "--db", str(db))
    assert done.returncode == 7
    assert "database" in done.stderr and "Traceback" not in done.stderr
    assert db.read_bytes() == junk


def test_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _relay("--host", "127.0.0.1", "--port", str(port), "--db", str(tmp_path / "r.db"))
    assert done.returncode == 1
    assert "cannot listen" in done.stderr and "Traceback" not in done.stderr


def test_console_script_is_installed(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "haven-relay"
    assert script.exists()
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "--tls-cert" in done.stdout


def test_restart_keeps_blobs_and_cursors(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path)
    key = os.urandom(32)
    try:

        async def write() -> None:
            async with await RelayClient.connect(relay.url, key) as c:
                await c.append_many([b"a", b"b"])

        async def read() -> None:
            async with await RelayClient.connect(relay.url, key) as c:
                assert c.head == 2
                assert (await c.append(b"c")).cursor == 3
                assert [b for _, b in await c.fetch_all(0)] == [b"a", b"b", b"c"]

        run(write())
        relay.restart()
        run(read())
    finally:
        relay.stop()
