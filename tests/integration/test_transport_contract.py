"""One contract, every transport: direct TCP (`haven serve` / `haven sync --peer`), the LAN
(`haven serve --lan on` / `haven sync` finding it by mDNS) and a relay (`haven sync` through
the real `haven-relay`). Written once in `TransportContract`; each transport is a small
class saying how two vaults exchange, how a stranger tries, and how a sync is cut short.

Every vault is a real folder used by real `haven` subprocesses; all traffic is on
127.0.0.1. The LAN needs multicast, so its tests run inside a private network namespace
(`unshare -rn`), started by `test_lan_contract_in_a_private_network_namespace`."""

from __future__ import annotations

import asyncio
import os
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from websockets.asyncio.client import connect

from haven.core import session as sessions
from haven.core.journal import JournalDraft
from haven.relay import protocol
from haven.relay.protocol import MailboxCredentials
from haven.store import identity_tables as ids
from tests.helpers import PASSPHRASE, new_session, replica_of
from tests.integration.cli_support import haven
from tests.integration.relay_sync_support import LoopThread, Relay, journal
from tests.relay.support import write_config

ROOT = Path(__file__).resolve().parents[2]
IN_NETNS = "HAVEN_TEST_IN_NETNS"
NETNS_SETUP = "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo"
WAIT_S = 60.0
BACKLOG = 1500
CUT_AFTER_BYTES = 64 * 1024


class CuttingProxy:
    """A TCP proxy on 127.0.0.1 that forwards faithfully, or, once `cut_after` is set, drops
    both sides of a connection after that many bytes: a sync interrupted mid-transfer."""

    def __init__(self, loop: LoopThread, target_port: int) -> None:
        self.loop, self.target_port = loop, target_port
        self.cut_after: int | None = None
        self.cuts = 0

        async def start() -> asyncio.Server:
            return await asyncio.start_server(self._handle, "127.0.0.1", 0)

        self.server: asyncio.Server = loop.run(start)  # type: ignore[assignment]
        self.port = self.server.sockets[0].getsockname()[1]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        moved = [0]

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            while data := await src.read(4096):
                moved[0] += len(data)
                if self.cut_after is not None and moved[0] > self.cut_after:
                    self.cuts += 1
                    return
                dst.write(data)
                await dst.drain()

        tasks = [
            asyncio.create_task(pump(reader, up_writer)),
            asyncio.create_task(pump(up_reader, writer)),
        ]
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in tasks:
                task.cancel()
            for w in (writer, up_writer):
                w.close()

    def close(self) -> None:
        async def shut() -> None:
            self.server.close()

        self.loop.run(shut)


class Serving:
    """`haven serve` in a subprocess until stopped; the port comes from its first line."""

    def __init__(self, data_dir: Path, *args: str, env: dict[str, str], wait_for: str = "") -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "haven", "--data-dir", str(data_dir), "serve", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        first = self._line()
        assert first.startswith("listening on 127.0.0.1:"), first
        self.port = int(first.rsplit(":", 1)[1])
        while wait_for and wait_for not in self._line():
            pass

    def _line(self) -> str:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], WAIT_S)
        assert ready, "haven serve did not answer"
        line = self.proc.stdout.readline()
        assert line, f"haven serve ended: {self.proc.stderr.read() if self.proc.stderr else ''}"
        return line

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        self.proc.communicate(timeout=WAIT_S)


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {
        **os.environ,
        "HAVEN_PASSPHRASE": PASSPHRASE,
        "HAVEN_LAN_DISCOVERY": "0",
        **(extra or {}),
    }


# ----------------------------------------------------------------- the transports


class Transport:
    """How two vaults sync over one transport. `exchange` leaves both with everything."""

    can_cut = True

    def __init__(self, tmp: Path, loop: LoopThread) -> None:
        self.tmp, self.loop = tmp, loop

    def prepare(self, *dirs: Path) -> None:
        """Called with the vaults (unlocked in this process) before the test's syncs."""

    def exchange(self, a: Path, b: Path) -> None:
        raise NotImplementedError

    def stranger_tries(self, stranger: Path, a: Path) -> None:
        """A vault that shares no space with A syncs with it as best it can."""
        self.exchange(stranger, a)

    def cut_exchange(self, a: Path, b: Path) -> None:
        """An exchange whose connection is dropped part-way through."""
        raise NotImplementedError

    def close(self) -> None:
        """Stop whatever the transport started."""


class Direct(Transport):
    """`haven serve` on B, `haven sync --peer` from A, through a proxy that can cut."""

    def exchange(self, a: Path, b: Path, cut: bool = False) -> None:
        server = Serving(b, "--port", "0", env=_env())
        proxy = CuttingProxy(self.loop, server.port)
        proxy.cut_after = CUT_AFTER_BYTES if cut else None
        try:
            done = haven(
                a,
                "sync",
                "--peer",
                f"127.0.0.1:{proxy.port}",
                extra_env={"HAVEN_LAN_DISCOVERY": "0"},
            )
        finally:
            proxy.close()
            server.stop()
        if cut:
            assert done.returncode == 12 and proxy.cuts, done.stdout + done.stderr
        else:
            assert done.returncode == 0, done.stderr

    def cut_exchange(self, a: Path, b: Path) -> None:
        self.exchange(a, b, cut=True)

    def stranger_tries(self, stranger: Path, a: Path) -> None:
        server = Serving(a, "--port", "0", env=_env())
        try:
            done = haven(
                stranger,
                "sync",
                "--peer",
                f"127.0.0.1:{server.port}",
                extra_env={"HAVEN_LAN_DISCOVERY": "0"},
            )
        finally:
            server.stop()
        assert done.returncode == 12 and "shares none of our spaces" in done.stderr


class Lan(Transport):
    """`haven serve --lan on` on B; `haven sync` on A finds it by mDNS (no address given)."""

    can_cut = False  # discovery hands out B's own port: nothing can sit in between
    env: ClassVar[dict[str, str]] = {"HAVEN_LAN_DISCOVERY": "1", "HAVEN_LAN_ADDRESS": "127.0.0.1"}

    def exchange(self, a: Path, b: Path) -> None:
        server = Serving(
            b, "--host", "127.0.0.1", "--lan", "on", env=_env(self.env), wait_for="announcing"
        )
        try:
            done = haven(a, "sync", "--lan-wait", "10", extra_env=self.env)
        finally:
            server.stop()
        assert done.returncode == 0 and "127.0.0.1:" in done.stdout, done.stdout + done.stderr

    def stranger_tries(self, stranger: Path, a: Path) -> None:
        server = Serving(
            a, "--host", "127.0.0.1", "--lan", "on", env=_env(self.env), wait_for="announcing"
        )
        try:
            done = haven(stranger, "sync", "--lan-wait", "3", extra_env=self.env)
        finally:
            server.stop()
        # A's announcements are keyed to its spaces: the stranger recognises none of them.
        assert done.returncode == 0 and "no members found" in done.stdout, done.stdout


class ViaRelay(Transport):
    """The real relay, behind a proxy that can cut; each side runs `haven sync` alone."""

    def __init__(self, tmp: Path, loop: LoopThread) -> None:
        super().__init__(tmp, loop)
        (tmp / "relay").mkdir()
        fast = write_config(
            tmp / "relay" / "relay.toml",
            **dict.fromkeys(
                (
                    "blobs_per_minute_per_connection",
                    "blobs_per_minute_per_address",
                    "requests_per_minute_per_connection",
                    "frames_per_minute_per_mailbox",
                ),
                10**7,
            ),
        )
        self.relay = Relay(tmp / "relay", fast)
        self.proxy = CuttingProxy(loop, self.relay.port)
        self.url = f"ws://127.0.0.1:{self.proxy.port}/"

    def prepare(self, *dirs: Path) -> None:
        for folder in dirs:
            s = sessions.unlock(folder, PASSPHRASE)
            try:
                s.relays.set_relays(s.journal.space_id, [self.url])
            finally:
                s.lock()

    def _sync(self, folder: Path) -> str:
        done = haven(folder, "sync", extra_env={"HAVEN_LAN_DISCOVERY": "0"})
        assert done.returncode == 0, done.stderr
        return done.stdout

    def exchange(self, a: Path, b: Path) -> None:
        self.proxy.cut_after = None
        for folder in (a, b, a):  # never two online at once
            self._sync(folder)

    def cut_exchange(self, a: Path, b: Path) -> None:
        self.proxy.cut_after = CUT_AFTER_BYTES
        out = self._sync(a)
        assert "interrupted" in out and self.proxy.cuts, out
        self.proxy.cut_after = None

    def stranger_tries(self, stranger: Path, a: Path) -> None:
        """The stranger syncs its own mailbox, then, knowing every mailbox id (say, from a
        seized relay database), tries to open the others with its own key."""
        self.exchange(stranger, a)
        with sqlite3.connect(f"file:{self.relay.db}?mode=ro", uri=True) as db:
            mailboxes = [bytes(row[0]) for row in db.execute("SELECT id FROM mailboxes")]
        assert len(mailboxes) >= 2
        for mailbox in mailboxes:
            assert asyncio.run(_claim(self.url, mailbox)) == "unauthorized"

    def close(self) -> None:
        self.proxy.close()
        self.relay.stop()


async def _claim(url: str, mailbox: bytes) -> str:
    """Answer a relay's challenge for `mailbox` with a key that is not its key."""
    creds = MailboxCredentials.from_space_key(os.urandom(32))
    async with connect(url, compression=None) as ws:
        challenge = protocol.decode_server(bytes(await ws.recv()))  # type: ignore[arg-type]
        assert isinstance(challenge, protocol.Challenge)
        auth = creds.answer(challenge.challenge, os.urandom(protocol.CLIENT_NONCE_BYTES))
        forged = protocol.Auth(mailbox=mailbox, key=auth.key, nonce=auth.nonce, sig=auth.sig)
        await ws.send(protocol.encode(forged))
        reply = protocol.decode_server(bytes(await ws.recv()))  # type: ignore[arg-type]
    return reply.code if isinstance(reply, protocol.Error) else "welcome"


# ----------------------------------------------------------------- the contract


def _counts(*dirs: Path) -> list[int]:
    """Events in each vault's journal space."""
    out = []
    for folder in dirs:
        s = sessions.unlock(folder, PASSPHRASE)
        try:
            out.append(s.log.count(s.journal.space_id))
        finally:
            s.lock()
    return out


class TransportContract:
    """What every transport must do. Subclasses set `transport_class`."""

    transport_class: type[Transport]

    @pytest.fixture
    def transport(self, tmp_path: Path) -> Iterator[Transport]:
        loop = LoopThread()
        made = self.transport_class(tmp_path, loop)
        try:
            yield made
        finally:
            made.close()
            loop.stop()

    @pytest.fixture
    def pair(self, tmp_path: Path, transport: Transport) -> tuple[Path, Path]:
        a = new_session(tmp_path / "a")
        b = replica_of(a, tmp_path / "b")
        a.journal.add("written on a")
        b.journal.add("written on b")
        a.lock()
        b.lock()
        transport.prepare(tmp_path / "a", tmp_path / "b")
        return tmp_path / "a", tmp_path / "b"

    def test_converges(self, transport: Transport, pair: tuple[Path, Path]) -> None:
        a, b = pair
        transport.exchange(a, b)
        on_a = journal(a)
        assert on_a == journal(b)
        assert sorted(str(e["body"]) for e in on_a) == ["written on a", "written on b"]

    def test_syncing_again_changes_nothing(
        self, transport: Transport, pair: tuple[Path, Path]
    ) -> None:
        a, b = pair
        transport.exchange(a, b)
        before = (journal(a), _counts(a, b))
        transport.exchange(a, b)
        assert (journal(a), _counts(a, b)) == before
        assert before[1][0] == before[1][1]

    def test_an_interrupted_sync_resumes(
        self, transport: Transport, pair: tuple[Path, Path]
    ) -> None:
        if not transport.can_cut:
            pytest.skip(
                "LAN discovery gives the serving device's own address, so no proxy "
                "can cut the connection; the direct transport runs the same channel"
            )
        a, b = pair
        s = sessions.unlock(a, PASSPHRASE)
        try:
            s.journal.add_many([JournalDraft(f"backlog {i}") for i in range(BACKLOG)])
        finally:
            s.lock()
        transport.cut_exchange(a, b)
        assert len(journal(b)) < BACKLOG  # really cut short
        transport.exchange(a, b)
        on_a = journal(a)
        assert len(on_a) == BACKLOG + 2 and on_a == journal(b)
        count_a, count_b = _counts(a, b)
        assert count_a == count_b  # every event once on each side

    def test_a_stranger_gets_nothing(
        self, tmp_path: Path, transport: Transport, pair: tuple[Path, Path]
    ) -> None:
        a, _ = pair
        stranger = tmp_path / "stranger"
        new_session(stranger, "Mallory").lock()
        transport.prepare(stranger)
        before = _counts(a)
        transport.stranger_tries(stranger, a)
        assert journal(stranger) == [] and _counts(a) == before
        s = sessions.unlock(stranger, PASSPHRASE)
        try:
            mine = {s.journal.space_id}
            with s.vault.read() as conn:
                assert {r.space_id for r in ids.list_spaces(conn)} == mine
        finally:
            s.lock()


class TestDirect(TransportContract):
    transport_class = Direct


class TestRelay(TransportContract):
    transport_class = ViaRelay


@pytest.mark.skipif(
    os.environ.get(IN_NETNS) != "1",
    reason="runs inside a private network namespace, started by "
    "test_lan_contract_in_a_private_network_namespace",
)
class TestLan(TransportContract):
    transport_class = Lan


def _namespace_available() -> bool:
    if not (shutil.which("unshare") and shutil.which("ip")):
        return False
    probe = subprocess.run(
        ["unshare", "-rn", "sh", "-c", NETNS_SETUP], capture_output=True, timeout=30, check=False
    )
    return probe.returncode == 0


@pytest.mark.skipif(os.environ.get(IN_NETNS) == "1", reason="already inside the namespace")
def test_lan_contract_in_a_private_network_namespace() -> None:
    if not _namespace_available():
        pytest.skip(
            "needs `unshare -rn` and `ip` (user and network namespaces) for "
            "multicast on a private loopback"
        )
    cmd = (
        f"{NETNS_SETUP} && exec {sys.executable} -m pytest -q -p no:cacheprovider "
        f"{Path(__file__).relative_to(ROOT)}::TestLan"
    )
    done = subprocess.run(
        ["unshare", "-rn", "sh", "-c", cmd],
        cwd=ROOT,
        env={**os.environ, IN_NETNS: "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "3 passed, 1 skipped" in done.stdout, done.stdout[-2000:]
