"""Relay connections through a real SOCKS5 proxy (`pproxy`, standing in for Tor's SOCKS port)
on 127.0.0.1: the relay is reached only through it, its name is resolved by the proxy, and
with the proxy down nothing reaches the relay at all. A `.onion` relay without a proxy is
refused. One journey: the real relay, the real proxy and `haven` CLI subprocesses."""

from __future__ import annotations

import asyncio
import ipaddress
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.relay.client import RelayClient, RelayError
from haven.sync.relay_background import RelaySyncer
from haven.sync.relay_sync import RelayReport, sync_relays
from tests.helpers import new_session, replica_of
from tests.integration.cli_support import haven
from tests.integration.relay_sync_support import NO_LAN, Relay, cli, sync
from tests.integration.test_relay_sync_background import wait_until
from tests.relay.support import _read_line, metric

ONION = "ws://" + "b3" * 28 + ".onion/"
CONNECTIONS = "haven_relay_connections_total"


class Socks5Proxy:
    """`pproxy -l socks5://127.0.0.1:PORT -v`: logs one line per connection it carries."""

    def __init__(self, tmp: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.log = tmp / "proxy.log"
        listen = f"socks5://127.0.0.1:{self.port}"
        exe = Path(sys.executable).with_name("pproxy")
        self.proc = subprocess.Popen(
            [str(exe), "-l", listen, "-v"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        line = _read_line(self.proc, 20.0)
        assert f"127.0.0.1:{self.port}" in line, line
        self.url = f"socks5://127.0.0.1:{self.port}"

    def lines(self) -> str:
        """What it said since it started (read when it has been stopped)."""
        assert self.proc.stdout is not None
        return self.proc.stdout.read().decode(errors="replace")

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        return self.lines()


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[Socks5Proxy]:
    started = Socks5Proxy(tmp_path)
    yield started
    started.stop()


def _socket_owners(port: int) -> set[int]:
    """PIDs of the processes holding the far end of each connection to `port`: from the
    kernel's own tables (/proc/net/tcp and each process's open sockets)."""
    table: dict[int, tuple[int, str]] = {}  # local port → (remote port, inode), established
    peers = []
    for row in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = row.split()
        local, remote, state, inode = fields[1], fields[2], fields[3], fields[9]
        if state != "01":
            continue
        lport, rport = int(local.split(":")[1], 16), int(remote.split(":")[1], 16)
        table[lport] = (rport, inode)
        if lport == port:
            peers.append(rport)
    owners = set()
    for peer in peers:
        inode = table[peer][1]
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                fds = os.listdir(f"/proc/{pid}/fd")
                if any(os.readlink(f"/proc/{pid}/fd/{fd}") == f"socket:[{inode}]" for fd in fds):
                    owners.add(int(pid))
            except OSError:
                continue
    return owners


def test_relays_are_reached_through_the_proxy_or_not_at_all(
    tmp_path: Path, proxy: Socks5Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    relay = Relay(tmp_path / "relay")
    # The relay by name: only the proxy may resolve it. `localhost` resolves everywhere, so
    # this process's resolver is made to fail for any name and record that it was asked.
    url = f"ws://localhost:{relay.port}/"
    asked: list[object] = []
    real = socket.getaddrinfo

    def local_dns(host: object, *args: object, **kwargs: object) -> object:
        try:
            ipaddress.ip_address(str(host))
        except ValueError:
            asked.append(host)
            raise socket.gaierror(socket.EAI_NONAME, "no local DNS in this test") from None
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    async def through_proxy() -> None:
        client = await RelayClient.connect(url, b"s" * 32, proxy=proxy.url, timeout=10)
        async with client:
            await client.append(b"x" * 64)
            # This process talks to the proxy; the relay's peer is the proxy's process.
            assert client.ws.remote_address[:2] == ("127.0.0.1", proxy.port)
            assert _socket_owners(relay.port) == {proxy.proc.pid}

    with monkeypatch.context() as patched:
        patched.setattr(socket, "getaddrinfo", local_dns)
        asyncio.run(through_proxy())
        with pytest.raises(RelayError, match="could not connect"):
            asyncio.run(RelayClient.connect(url, b"s" * 32, proxy=None, timeout=10))
    assert asked == ["localhost"]  # only the direct attempt asked the local resolver

    # Two linked devices sync their journal through the proxy: A with the CLI's setting, B
    # in this process (its setting through the core).
    a_dir = tmp_path / "a"
    a = new_session(a_dir)
    b = replica_of(a, tmp_path / "b")
    a.lock()
    said = cli(a_dir, "relays", "proxy", proxy.url)
    assert f"relays through socks5h://127.0.0.1:{proxy.port}" in said
    cli(a_dir, "space", "relays", "journal", "--add", url)
    cli(a_dir, "journal", "add", "went to the group tonight", "--title", "first time")
    before = metric(relay.http, CONNECTIONS)
    assert "waiting 0" in sync(a_dir)
    b.proxy.set(proxy.url)
    (round_b,) = sync_relays(b, url)
    assert round_b.reached and round_b.spaces[0].received > 0
    assert [e.title for e in b.journal.list()] == ["first time"]
    assert metric(relay.http, CONNECTIONS) > before

    # B's app syncer stays subscribed through the proxy; when the proxy stops it retries,
    # but never directly. Turning the proxy off reconnects directly at once, and turning it
    # on again closes the direct connection: it never stays connected the old way.
    reports: list[RelayReport] = []
    syncer = RelaySyncer(b, on_report=reports.append, min_backoff=0.1, max_backoff=0.3)
    syncer.start()
    try:
        wait_until(lambda: _socket_owners(relay.port) == {proxy.proc.pid})
        carried = proxy.stop()
        # This process's first connection, A's sync, B's round and B's live connection.
        assert carried.count(f"-> localhost:{relay.port}") >= 4, carried
        before = metric(relay.http, CONNECTIONS)
        wait_until(lambda: [r.error for r in reports[-2:]] == ["proxy_unreachable"] * 2)
        assert metric(relay.http, CONNECTIONS) == before and _socket_owners(relay.port) == set()
        b.proxy.set(None)
        wait_until(lambda: _socket_owners(relay.port) == {os.getpid()})
        b.proxy.set(proxy.url)  # nobody listens there now
        wait_until(lambda: _socket_owners(relay.port) == set())
        wait_until(lambda: reports[-1].error == "proxy_unreachable")
    finally:
        syncer.stop()
        b.lock()

    # The proxy is down: `haven sync` fails closed, and the relay sees no connection at all.
    before = metric(relay.http, CONNECTIONS)
    down = haven(a_dir, "sync", extra_env=NO_LAN)
    assert down.returncode == 12, down.stderr
    assert "could not reach the proxy" in down.stderr and "Traceback" not in down.stderr
    assert metric(relay.http, CONNECTIONS) == before
    with pytest.raises(RelayError) as refused:
        asyncio.run(RelayClient.connect(url, b"s" * 32, proxy=proxy.url, timeout=10))
    assert refused.value.code == "proxy_unreachable"
    assert metric(relay.http, CONNECTIONS) == before

    # Direct again: the local relay is reached; a .onion relay is refused, not tried.
    assert cli(a_dir, "relays", "proxy", "off") == "relays: direct (no proxy)\n"
    cli(a_dir, "space", "relays", "journal", "--add", ONION)
    mixed = haven(a_dir, "sync", extra_env=NO_LAN)
    assert mixed.returncode == 0, mixed.stderr
    assert f"relay {ONION}: a .onion relay can only be reached through Tor" in mixed.stderr
    assert "journal: sent " in mixed.stdout and "waiting 0" in mixed.stdout
    relay.stop()
