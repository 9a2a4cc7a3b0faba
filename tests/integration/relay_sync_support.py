"""Shared parts of the relay-sync tests: the real relay on a fixed port (so a restart keeps
its URL), the `haven` CLI, group spaces built in-process, and the leak scan."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from haven.core.session import Session
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from tests.integration.cli_support import haven, ok
from tests.relay.support import RelayProcess, _read_line

NO_LAN = {"HAVEN_LAN_DISCOVERY": "0"}


class Relay(RelayProcess):
    """The real relay; restarts listen on the same port, so clients keep the same URL."""

    def __init__(self, tmp: Path, config: Path | None = None) -> None:
        tmp.mkdir(parents=True, exist_ok=True)
        super().__init__(tmp, config)

    def start(self) -> None:
        cmd = [
            sys.executable,
            *self.launcher,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--db",
            str(self.db),
        ]
        if self.config is not None:
            cmd += ["--config", str(self.config)]
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log)
        log.close()
        line = _read_line(self.proc, 20.0)
        if not line.startswith("haven-relay listening on ws://127.0.0.1:"):
            self.stop()
            raise AssertionError(f"relay did not start: {line!r}; log: {self.log()!r}")
        self.port = int(line.rstrip("/").rsplit(":", 1)[1])

    def files(self) -> list[Path]:
        return sorted(p for p in self.tmp.rglob("*") if p.is_file())


def cli(data_dir: Path, *args: str) -> str:
    return ok(haven(data_dir, *args, extra_env=NO_LAN))


def sync(data_dir: Path, relay: str | None = None) -> str:
    return cli(data_dir, "sync", *(("--relay", relay) if relay else ()))


def journal(data_dir: Path) -> list[dict[str, object]]:
    return sorted(
        json.loads(cli(data_dir, "journal", "list", "--json")), key=lambda e: str(e["id"])
    )


def feed(data_dir: Path, space: str) -> list[dict[str, object]]:
    return json.loads(cli(data_dir, "space", "read", space, "--json"))


def identifiers(sessions: Iterable[Session]) -> list[bytes]:
    """Every persona key, space id and device id these vaults write or hold (raw)."""
    out: set[bytes] = set()
    for s in sessions:
        out.add(s.identity.device_id)
        with s.vault.read() as conn:
            for space in ids.list_spaces(conn):
                out |= {space.space_id, space.persona_id}
                for author, device in lt.chain_tips(conn, space.space_id):
                    out |= {author, device}
    return sorted(out)


def assert_relay_learned_nothing(
    relay: Relay, texts: Iterable[str], raw_ids: Iterable[bytes]
) -> int:
    """Search every file the relay wrote (database, WAL, log) for each secret, as UTF-8
    text, as raw bytes and as hex. Returns how many needles were searched for."""
    needles: list[bytes] = []
    for text in texts:
        needles.append(text.encode())
    for raw in raw_ids:
        needles += [raw, raw.hex().encode(), raw.hex().upper().encode()]
    blobs = [(p, p.read_bytes()) for p in relay.files()]
    assert any(p.name.startswith("relay.db") and data for p, data in blobs)
    for needle in needles:
        for path, data in blobs:
            assert needle not in data, f"{needle[:40]!r} found in the relay's {path.name}"
    return len(needles)


class LoopThread:
    """An asyncio loop in a daemon thread, for test doubles that serve while the test
    runs CLI subprocesses."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, make: Callable[[], object], timeout: float = 20.0) -> object:
        return asyncio.run_coroutine_threadsafe(make(), self.loop).result(timeout)  # type: ignore[arg-type]

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()
