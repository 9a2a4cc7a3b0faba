"""Run the real `haven-relay` as a subprocess on 127.0.0.1 and talk to it with the real client."""

from __future__ import annotations

import asyncio
import os
import selectors
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

from haven.crypto import aead, padding
from haven.crypto.subkeys import derive_subkey

T = TypeVar("T")
START_TIMEOUT = 20.0


def write_config(path: Path, **limits: float) -> Path:
    lines = ['log_level = "info"', "", "[limits]"]
    lines += [f"{name} = {value}" for name, value in limits.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class RelayProcess:
    """One relay subprocess; `restart()` starts a new one on the same database."""

    #: What follows the Python executable on the command line.
    launcher: tuple[str, ...] = ("-m", "haven.relay")

    def __init__(
        self,
        tmp: Path,
        config: Path | None = None,
        db: Path | str | None = None,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        self.tmp = tmp
        self.extra_args = extra_args
        self.scheme = "wss" if "--tls-cert" in extra_args else "ws"
        self.db = db or tmp / "relay.db"
        self.config = config
        self.log_path = tmp / "relay.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.start()

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}/"

    @property
    def http(self) -> str:
        return f"{'https' if self.scheme == 'wss' else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> None:
        cmd = [
            sys.executable,
            *self.launcher,
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--db",
            str(self.db),
        ]
        if self.config is not None:
            cmd += ["--config", str(self.config)]
        cmd += list(self.extra_args)
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log)
        log.close()
        line = _read_line(self.proc, START_TIMEOUT)
        if not line.startswith(f"haven-relay listening on {self.scheme}://127.0.0.1:"):
            self.stop()
            raise AssertionError(f"relay did not start: {line!r}; log: {self.log()!r}")
        self.port = int(line.rstrip("/").rsplit(":", 1)[1])

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def signal(self, sig: int) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, sig)

    def wait(self, timeout: float = 15.0) -> int:
        assert self.proc is not None
        code = self.proc.wait(timeout=timeout)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        return code

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.signal(signal.SIGTERM)
        try:
            self.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.wait(5)

    def restart(self) -> None:
        self.stop()
        self.start()


def _read_line(proc: subprocess.Popen[bytes], timeout: float) -> str:
    assert proc.stdout is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    buf = b""
    try:
        while b"\n" not in buf:
            left = deadline - time.monotonic()
            if left <= 0 or not sel.select(left):
                return buf.decode(errors="replace")
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                return buf.decode(errors="replace")
            buf += chunk
    finally:
        sel.close()
    return buf.split(b"\n", 1)[0].decode()


def metric(http: str, name: str, **labels: str) -> float:
    """One sample from the relay's /metrics (0 when absent), parsed as Prometheus would."""
    from prometheus_client.parser import text_string_to_metric_families

    with urllib.request.urlopen(http + "/metrics", timeout=10) as resp:
        text = resp.read().decode()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return float(sample.value)
    return 0.0


def run(coro: Coroutine[Any, Any, T], timeout: float = 60.0) -> T:
    async def bounded() -> T:
        async with asyncio.timeout(timeout):
            return await coro

    return asyncio.run(bounded())


async def wait_for(check: Callable[[], Awaitable[bool]], timeout: float = 10.0) -> None:
    """Poll an async condition until it holds (bounded); fail loudly if it never does."""
    deadline = time.monotonic() + timeout
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.05)


def seal(space_key: bytes, plaintext: str) -> bytes:
    """What a Haven client would hand the relay: padded, encrypted with a key it never sees."""
    key = derive_subkey(space_key, b"hvtestct")
    return aead.encrypt(key, padding.pad(plaintext.encode()), b"relay-test")


def unseal(space_key: bytes, blob: bytes) -> str:
    key = derive_subkey(space_key, b"hvtestct")
    return padding.unpad(aead.decrypt(key, blob, b"relay-test")).decode()
