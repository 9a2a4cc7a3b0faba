"""Linking devices for real: `haven device link` and `haven init --link` as subprocesses
over TCP on 127.0.0.1, people answering the verification-words question on stdin."""

from __future__ import annotations

import asyncio
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from haven.core.session import unlock
from haven.store import devices_table as dt
from haven.sync.pairing import PairingCode, PairingError, async_accept_link, async_offer_link
from tests.helpers import PASSPHRASE, new_session

HAVEN = [sys.executable, "-m", "haven"]
WAIT_S = 30.0


def env() -> dict[str, str]:
    return {**os.environ, "HAVEN_PASSPHRASE": PASSPHRASE}


def haven(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*HAVEN, "--data-dir", str(data_dir), *args],
        env=env(),
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=False,
    )


class Proc:
    """A `haven` subprocess whose stdout lines are collected by a thread, so a test can
    wait for a line with a timeout (select() on a buffered text pipe would miss lines).
    Every one started is killed at the end of its test, whatever happened."""

    started: ClassVar[list[Proc]] = []

    def __init__(self, data_dir: Path, *args: str) -> None:
        Proc.started.append(self)
        self.popen = subprocess.Popen(
            [*HAVEN, "--data-dir", str(data_dir), *args],
            env=env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.popen.stdout is not None
        for line in self.popen.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def read_until(self, prefix: str) -> str:
        deadline = time.monotonic() + WAIT_S
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            self.seen.append(line)
            if line.startswith(prefix):
                return line.strip()
        raise AssertionError(f"no line starting with {prefix!r} in {self.seen!r}")

    def answer(self, text: str) -> None:
        assert self.popen.stdin is not None
        self.popen.stdin.write(text + "\n")
        self.popen.stdin.flush()

    def finish(self) -> tuple[int, str, str]:
        assert self.popen.stderr is not None
        self.popen.wait(timeout=WAIT_S)
        rest = []
        while (line := self.lines.get(timeout=WAIT_S)) is not None:
            rest.append(line)
        return self.popen.returncode, "".join(self.seen + rest), self.popen.stderr.read()

    def signal(self, sig: int) -> None:
        self.popen.send_signal(sig)


@pytest.fixture(autouse=True)
def no_stray_processes() -> Iterator[None]:
    yield
    while Proc.started:
        proc = Proc.started.pop()
        if proc.popen.poll() is None:
            proc.popen.kill()
            proc.popen.wait(timeout=WAIT_S)


def entries(data_dir: Path) -> list[str]:
    done = haven(data_dir, "journal", "list", "--json")
    assert done.returncode == 0, done.stderr
    return sorted(e["body"] for e in json.loads(done.stdout))


@pytest.fixture
def first(tmp_path: Path) -> Path:
    folder = tmp_path / "first"
    assert haven(folder, "init", "--name", "Robin").returncode == 0
    assert haven(folder, "journal", "add", "written on the first computer").returncode == 0
    return folder


def link(
    first: Path, second: Path, answer_first: str = "y", answer_second: str = "y"
) -> tuple[tuple[int, str, str], tuple[int, str, str], list[str]]:
    a = Proc(first, "device", "link", "--host", "127.0.0.1", "--expires", "2")
    code = a.read_until("hvn1-")
    b = Proc(second, "init", "--link", code, "--device-name", "laptop")
    words_b = b.read_until("Verification words:")
    words_a = a.read_until("Verification words:")
    b.answer(answer_second)
    a.answer(answer_first)
    return a.finish(), b.finish(), [words_a, words_b]


def test_link_sync_and_unlink(first: Path, tmp_path: Path) -> None:
    second = tmp_path / "second"
    (rc_a, out_a, err_a), (rc_b, out_b, err_b), (words_a, words_b) = link(first, second)
    assert words_a == words_b and len(words_a.split(":")[1].split()) == 4
    assert rc_a == 0, err_a
    assert rc_b == 0, err_b
    assert "Linked" in out_a and "Linked" in out_b
    assert entries(second) == ["written on the first computer"]
    devices = json.loads(haven(first, "device", "list", "--json").stdout)
    assert {d["name"] for d in devices} == {"", "laptop"}
    # The laptop made its own signing key; the first computer certified it with its own.
    laptop_session = unlock(second, PASSPHRASE)
    laptop_id = laptop_session.identity.device_id
    laptop_session.lock()
    first_session = unlock(first, PASSPHRASE)
    with first_session.vault.read() as conn:
        cert = dt.get_cert(conn, laptop_id)
    assert cert is not None and not cert.root
    assert cert.issuer == first_session.identity.device_id
    first_session.lock()

    # Both ways afterwards, with the ordinary sync commands.
    assert haven(second, "journal", "add", "written on the laptop").returncode == 0
    server = Proc(first, "serve", "--port", "0")
    port = server.read_until("listening on").rsplit(":", 1)[1]
    done = haven(second, "sync", "--peer", f"127.0.0.1:{port}")
    assert done.returncode == 0, done.stderr
    server.signal(signal.SIGTERM)
    server.finish()
    assert entries(first) == ["written on the first computer", "written on the laptop"]

    # Unlink the laptop: it keeps what it had, and cannot read anything written later.
    laptop = next(d["id"] for d in devices if d["name"] == "laptop")
    unlinked = haven(first, "device", "unlink", laptop[:8])
    assert unlinked.returncode == 0, unlinked.stderr
    assert haven(first, "journal", "add", "after the laptop was unlinked").returncode == 0
    server = Proc(first, "serve", "--port", "0")
    port = server.read_until("listening on").rsplit(":", 1)[1]
    haven(second, "sync", "--peer", f"127.0.0.1:{port}")
    server.signal(signal.SIGTERM)
    server.finish()
    assert "after the laptop was unlinked" not in entries(second)
    assert "written on the laptop" in entries(second)


@pytest.mark.parametrize(
    ("answer_first", "answer_second", "expected"),
    [
        ("y", "n", "did not match"),
        ("n", "y", "did not match"),
    ],
)
def test_mismatched_words_link_nothing(
    first: Path, tmp_path: Path, answer_first: str, answer_second: str, expected: str
) -> None:
    second = tmp_path / "second"
    (rc_a, _, err_a), (rc_b, _, err_b), _ = link(first, second, answer_first, answer_second)
    assert rc_a != 0 and rc_b != 0
    assert expected in err_a and expected in err_b
    assert not second.exists() or not any(second.iterdir())
    devices = json.loads(haven(first, "device", "list", "--json").stdout)
    assert len(devices) == 1


def test_mistyped_and_expired_codes(first: Path, tmp_path: Path) -> None:
    second = tmp_path / "second"
    good = PairingCode("127.0.0.1", 9, os.urandom(32), int(time.time()) + 60).encode()
    typo = good[:-3] + ("x" if good[-3] != "x" else "y") + good[-2:]
    done = haven(second, "init", "--link", typo)
    assert done.returncode == 2 and "mistyped" in done.stderr
    expired = PairingCode("127.0.0.1", 9, os.urandom(32), int(time.time()) - 1).encode()
    done = haven(second, "init", "--link", expired)
    assert done.returncode == 2 and "expired" in done.stderr
    assert not second.exists() or not any(second.iterdir())


def test_other_device_vanishing_mid_pairing_leaves_nothing(first: Path, tmp_path: Path) -> None:
    second = tmp_path / "second"
    a = Proc(first, "device", "link", "--host", "127.0.0.1")
    code = a.read_until("hvn1-")
    b = Proc(second, "init", "--link", code)
    b.read_until("Verification words:")
    a.signal(signal.SIGKILL)
    a.popen.wait(timeout=WAIT_S)
    b.answer("y")
    rc_b, _, err_b = b.finish()
    assert rc_b != 0 and "disconnected" in err_b
    assert not second.exists() or not any(second.iterdir())
    assert entries(first) == ["written on the first computer"]  # the first one is intact


def test_a_code_works_once(tmp_path: Path) -> None:
    """While one device is comparing words, a second one using the same code is refused."""
    source = new_session(tmp_path / "a")

    async def scenario() -> str:
        codes: asyncio.Queue[PairingCode] = asyncio.Queue()
        release, asked = asyncio.Event(), asyncio.Event()

        async def hold(words: list[str]) -> bool:
            asked.set()
            await release.wait()
            return False

        offer = asyncio.create_task(
            async_offer_link(
                source,
                listen_host="127.0.0.1",
                advertise_host="127.0.0.1",
                port=0,
                confirm=hold,
                on_code=codes.put_nowait,
                ttl_s=60,
            )
        )
        code = await codes.get()
        first = asyncio.create_task(
            async_accept_link(code, tmp_path / "b1", PASSPHRASE, confirm=hold)
        )
        await asyncio.wait_for(asked.wait(), WAIT_S)  # the first device holds the code now
        with pytest.raises(PairingError, match="already used"):
            await async_accept_link(code, tmp_path / "b2", PASSPHRASE, confirm=hold)
        release.set()
        for task in (first, offer):
            with pytest.raises(PairingError):
                await task
        return "ok"

    assert asyncio.run(scenario()) == "ok"
    assert not (tmp_path / "b1").exists() or not any((tmp_path / "b1").iterdir())
    assert not (tmp_path / "b2").exists()
    source.lock()
