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

from websockets.asyncio.client import connect
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from haven.core.session import Session
from haven.relay import protocol
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


class Cut(Exception):
    """Raised by a FrameProxy's `up`/`down` to cut the connection there."""


class FrameProxy:
    """Forwards WebSocket frames between a client and the real relay on 127.0.0.1, passing
    each through `up` (client to relay) and `down` (relay to client): a frame returned is
    sent on, None drops it, `Cut` ends the connection. `state` is per connection."""

    def __init__(self, upstream: str, loop: LoopThread) -> None:
        self.upstream, self.loop = upstream, loop

        async def start() -> Server:
            return await serve(
                self._handle, "127.0.0.1", 0, compression=None, max_size=protocol.MAX_FRAME_BYTES
            )

        self.server: Server = loop.run(start)  # type: ignore[assignment]
        self.url = f"ws://127.0.0.1:{self.server.sockets[0].getsockname()[1]}/"

    def up(self, frame: bytes, state: dict[str, object]) -> bytes | None:
        return frame

    def down(self, frame: bytes, state: dict[str, object]) -> bytes | None:
        return frame

    async def _handle(self, client: ServerConnection) -> None:
        state: dict[str, object] = {}
        async with connect(
            self.upstream, compression=None, max_size=protocol.MAX_FRAME_BYTES
        ) as relay:

            async def pump(src: object, dst: object, step: Callable[..., bytes | None]) -> None:
                async for frame in src:  # type: ignore[attr-defined]
                    assert isinstance(frame, bytes)
                    out = step(frame, state)
                    if out is not None:
                        await dst.send(out)  # type: ignore[attr-defined]

            tasks = [
                asyncio.create_task(pump(client, relay, self.up)),
                asyncio.create_task(pump(relay, client, self.down)),
            ]
            try:
                await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            except (ConnectionClosed, Cut):
                pass
            finally:
                for t in tasks:
                    t.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)

    def close(self) -> None:
        async def shut() -> None:
            self.server.close()
            await self.server.wait_closed()

        self.loop.run(shut)
