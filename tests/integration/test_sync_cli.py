"""Sync for real: `haven serve` and `haven sync` as subprocesses over TCP on 127.0.0.1, two
replica vaults, checked through `haven journal list --json`; and the SyncEngine's thread
API with a hostile peer on a real channel."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.errors import SyncError
from haven.sync import messages as m
from haven.sync import tcp
from haven.sync.engine import SyncEngine
from haven.sync.reconcile import SyncReport
from tests.helpers import PASSPHRASE, new_session
from tests.integration.cli_support import Server
from tests.sync_helpers import journal_state, make_replicas, missing

HAVEN = [sys.executable, "-m", "haven"]
WAIT_S = 30.0


def _env() -> dict[str, str]:
    return {**os.environ, "HAVEN_PASSPHRASE": PASSPHRASE}


def haven(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*HAVEN, "--data-dir", str(data_dir), *args],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        check=False,
    )


def entries(data_dir: Path) -> list[dict[str, object]]:
    done = haven(data_dir, "journal", "list", "--json")
    assert done.returncode == 0, done.stderr
    return sorted(json.loads(done.stdout), key=lambda e: str(e["id"]))


@pytest.fixture
def replica_dirs(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    a, b = make_replicas(tmp_path, 2)
    dirs = (a.data_dir, b.data_dir)
    a.lock()
    b.lock()
    yield dirs


def _sync(server_dir: Path, client_dir: Path) -> tuple[str, str]:
    server = Server(server_dir)
    try:
        done = haven(client_dir, "sync", "--peer", f"127.0.0.1:{server.port}")
    finally:
        code, served, err = server.stop()
    assert code == 0, err
    assert done.returncode == 0, done.stderr
    return done.stdout, served


def test_two_vaults_sync_writes_edits_and_deletes(replica_dirs: tuple[Path, Path]) -> None:
    a, b = replica_dirs
    for text in ("written on a", "another on a"):
        assert haven(a, "journal", "add", text, "--tag", "pride", "--mood", "4").returncode == 0
    assert haven(b, "journal", "add", "written on b", "--title", "B").returncode == 0

    client_out, served = _sync(a, b)
    # Vault creation may log events of its own (a device's link event), so count at least
    # the entries written here.
    line = re.fullmatch(
        r"journal: sent (\d+), received (\d+) \(new (\d+), duplicates 0, "
        r"rejected 0, equivocations 0\)\n",
        client_out,
    )
    assert line is not None, client_out
    sent, received, new = map(int, line.groups())
    assert sent >= 1 and received >= 2 and new == received
    assert f"synced: journal: sent {received}, received {sent} " in served
    on_a, on_b = entries(a), entries(b)
    assert on_a == on_b and len(on_a) == 3
    assert {e["body"] for e in on_a} == {"written on a", "another on a", "written on b"}

    # Edit and delete on b; a sees both after the next round.
    first = next(e for e in on_b if e["body"] == "written on a")
    gone = next(e for e in on_b if e["body"] == "another on a")
    edited = haven(
        b, "journal", "edit", str(first["id"])[:12], "changed on b", "--clear-mood", "--tag", "joy"
    )
    assert edited.returncode == 0, edited.stderr
    assert haven(b, "journal", "delete", str(gone["id"]), "--yes").returncode == 0
    client_out, _ = _sync(a, b)
    assert client_out.startswith("journal: sent 2, received 0")
    on_a = entries(a)
    assert on_a == entries(b) and len(on_a) == 2
    changed = next(e for e in on_a if e["id"] == first["id"])
    assert (changed["body"], changed["mood"], changed["tags"]) == ("changed on b", None, ["joy"])

    # Roles swapped: b serves, a syncs; nothing left to send either way.
    client_out, _ = _sync(b, a)
    assert client_out.startswith("journal: sent 0, received 0")


def test_sync_errors_are_clear(tmp_path: Path, replica_dirs: tuple[Path, Path]) -> None:
    a, b = replica_dirs
    bad = haven(b, "sync", "--peer", "nonsense")
    assert bad.returncode == 2 and "HOST:PORT" in bad.stderr
    # Nothing listening: find a free port by binding and closing it.
    server = Server(a)
    port = server.port
    assert server.stop()[0] == 0
    refused = haven(b, "sync", "--peer", f"127.0.0.1:{port}")
    assert refused.returncode == 12 and "could not connect" in refused.stderr
    # Two servers on one port: the second says why it cannot listen.
    server = Server(a)
    try:
        taken = haven(b, "serve", "--port", str(server.port))
    finally:
        assert server.stop()[0] == 0
    assert taken.returncode == 12 and "cannot listen on 127.0.0.1" in taken.stderr
    bad_port = haven(b, "serve", "--port", "70000")
    assert bad_port.returncode == 2 and "port" in bad_port.stderr
    # A vault that shares no space with the server.
    stranger = new_session(tmp_path / "stranger", name="Sam")
    stranger.lock()
    server = Server(a)
    try:
        alone = haven(tmp_path / "stranger", "sync", "--peer", f"127.0.0.1:{server.port}")
    finally:
        assert server.stop()[0] == 0
    assert alone.returncode == 12 and "none of our spaces" in alone.stderr
    assert entries(a) == []


# ------------------------------------------------------------------ the engine API


def test_engine_threads_sync_and_report(tmp_path: Path) -> None:
    a, b = make_replicas(tmp_path, 2)
    for i in range(300):
        a.journal.add(f"a{i}")
    b.journal.add("from b")
    a_has, b_has = missing(a, b), missing(b, a)
    reports: list[SyncReport] = []
    served = threading.Event()

    def heard(report: SyncReport) -> None:
        reports.append(report)
        served.set()

    server, client = SyncEngine(a, on_report=heard), SyncEngine(b)
    server.start()
    client.start()
    try:
        port = server.serve("127.0.0.1", 0)
        report = client.sync_with("127.0.0.1", port).result(WAIT_S)
        assert report.complete and (report.sent, report.received) == (b_has, a_has)
        assert served.wait(WAIT_S) and reports[0].complete and reports[0].received == b_has
        assert a_has >= 300 and missing(a, b) == missing(b, a) == 0
        assert journal_state(a) == journal_state(b)
        server.stop()
        with pytest.raises(SyncError, match="could not connect"):
            client.sync_with("127.0.0.1", port).result(WAIT_S)
    finally:
        client.stop()
        server.stop()  # twice is fine
    with pytest.raises(SyncError, match="not running"):
        client.sync_with("127.0.0.1", port)
    a.lock()
    b.lock()


def test_hostile_message_over_tcp_is_refused_and_applies_nothing(tmp_path: Path) -> None:
    a, b = make_replicas(tmp_path, 2)
    a.journal.add("kept")
    b.journal.add("never sent")
    forged = b.log.envelopes_after(b.journal.space_id, a.log.chain_tips(a.journal.space_id), 1)[0]
    before = a.log.count()
    space = a.journal.space_id
    reports: list[SyncReport] = []
    reported = threading.Event()

    def heard_report(report: SyncReport) -> None:
        reports.append(report)
        reported.set()

    engine = SyncEngine(a, on_report=heard_report)
    engine.start()

    async def hostile(port: int) -> list[m.Message]:
        channel = await tcp.connect("127.0.0.1", port, b.secrets.offered(), idle_timeout=WAIT_S)
        heard: list[m.Message] = []
        try:
            await channel.send(m.encode(m.Tips(space, {})))
            # A batch claiming number 7 first: out of order, refused whole.
            bad = [forged[:-1] + bytes([forged[-1] ^ 1]), forged]
            await channel.send(m.encode(m.Batch(space, 7, tuple(bad))))
            while True:
                heard.append(m.decode(await channel.recv()))
        except SyncError:
            return heard
        finally:
            await channel.close()

    try:
        port = engine.serve("127.0.0.1", 0)
        heard = asyncio.run(asyncio.wait_for(hostile(port), WAIT_S))
        assert reported.wait(WAIT_S)
    finally:
        engine.stop()
    aborts = [x for x in heard if isinstance(x, m.Abort)]
    assert aborts and "out of order" in aborts[0].reason
    assert reports and not reports[0].complete and "out of order" in reports[0].error
    assert [e.body for e in a.journal.list()] == ["kept"] and a.log.count() == before
    a.lock()
    b.lock()
