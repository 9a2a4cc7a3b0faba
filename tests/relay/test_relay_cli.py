"""`haven-relay` start-up failures: clear messages and exit codes, nothing overwritten."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
from pathlib import Path

from haven import __version__
from haven.relay.cli import is_public
from haven.relay.client import RelayClient
from tests.relay.support import RelayProcess, run, wait_for, write_config


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


def test_version() -> None:
    done = _relay("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"haven-relay {__version__}"


def test_without_a_database_it_refuses_to_start_or_uses_the_state_directory(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "STATE_DIRECTORY"}
    work = tmp_path / "cwd"
    work.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "haven.relay", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=work,
    )
    assert done.returncode == 2 and "--db" in done.stderr
    assert list(work.iterdir()) == []  # nothing created in the current folder
    state = tmp_path / "state"
    state.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "haven.relay", "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**env, "STATE_DIRECTORY": str(state)},
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith(b"haven-relay listening on ")
        for name in ("relay.db", "relay.db-wal"):  # owner-only, whatever the umask was
            assert stat.S_IMODE((state / name).stat().st_mode) == 0o600, name
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def test_json_logs_sighup_reload_and_the_public_address_warning(tmp_path: Path) -> None:
    config = write_config(tmp_path / "r.toml", blob_max_bytes=4096)
    relay = RelayProcess(tmp_path, config, extra_args=("--log-format", "json"))
    key = os.urandom(32)
    try:

        async def blob_max() -> int:
            async with await RelayClient.connect(relay.url, key) as c:
                return c.blob_max

        assert run(blob_max()) == 4096
        write_config(config, blob_max_bytes=8192)
        relay.signal(signal.SIGHUP)

        async def reloaded() -> bool:
            return await blob_max() == 8192

        run(wait_for(reloaded))
        config.write_text("[limits]\nblob_max_bytes = -1\n")  # a broken edit: kept running
        relay.signal(signal.SIGHUP)

        async def complained() -> bool:
            return "not reloaded" in relay.log()

        run(wait_for(complained))
        assert run(blob_max()) == 8192
        lines = [json.loads(line) for line in relay.log().splitlines() if line.strip()]
        assert {"time", "level", "message"} <= set(lines[0])
        assert any(line["message"] == "limits reloaded" for line in lines)
    finally:
        relay.stop()
    assert relay.proc is not None and relay.proc.returncode == 0


def test_public_addresses() -> None:
    assert is_public("0.0.0.0") and is_public("::") and is_public("8.8.8.8")
    assert not is_public("127.0.0.1") and not is_public("192.168.1.4")
    assert not is_public("localhost") and not is_public("::1")
