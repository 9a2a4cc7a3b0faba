"""LAN discovery with real python-zeroconf. Multicast needs an interface that carries it,
so the scenario runs in a private network namespace (`unshare -rn`: no root needed, nothing
leaves the namespace) on its own loopback with multicast switched on."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETUP = "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo"


def namespace_available() -> bool:
    if not (shutil.which("unshare") and shutil.which("ip")):
        return False
    probe = subprocess.run(
        ["unshare", "-rn", "sh", "-c", SETUP], capture_output=True, timeout=30, check=False
    )
    return probe.returncode == 0


@pytest.mark.skipif(
    not namespace_available(), reason="needs `unshare -rn` and `ip` (user and network namespaces)"
)
def test_two_devices_find_each_other_and_sync_while_announcing_nothing_readable() -> None:
    cmd = f"{SETUP} && exec {sys.executable} -m tests.integration.lan_scenario"
    done = subprocess.run(
        ["unshare", "-rn", "sh", "-c", cmd],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["converged"], result
    assert result["a"] == result["b"] == ["written on a", "written on b"]
    # A stranger on the same network finds nothing it can use and receives nothing.
    assert result["stranger_peers"] == 0
    assert result["stranger_entries"] == 0
    # What anyone on the network sees: opaque service types and random instance names only.
    assert result["types"], "the observer saw no announcement at all"
    seen = " ".join(result["types"] + result["names"]).lower()
    for secret in (
        "haven",
        result["persona"].lower(),
        "kestrel",
        result["space_id"],
        result["space_id"][:8],
    ):
        assert secret not in seen
    assert all(t in ("", "00") for t in result["txt"])  # empty TXT records


@pytest.mark.skipif(
    not namespace_available(), reason="needs `unshare -rn` and `ip` (user and network namespaces)"
)
def test_haven_sync_finds_a_serving_device_on_the_lan(tmp_path: Path) -> None:
    """The CLI path: `haven serve --lan on` announces, `haven sync` with no peer finds it."""
    from haven.core.linking import create_linked, make_bundle
    from tests.helpers import PASSPHRASE, new_session

    a = new_session(tmp_path / "a")
    a.journal.add("found over the LAN")
    create_linked(tmp_path / "b", PASSPHRASE, make_bundle(a), "laptop").lock()
    a.lock()
    haven = f"{sys.executable} -m haven"
    script = ROOT / "tests" / "integration" / "lan_cli_scenario.sh"
    cmd = f"{SETUP} && exec sh {script} {tmp_path / 'a'} {tmp_path / 'b'} '{haven}'"
    # conftest turns discovery off for every test; inside this private namespace it is safe.
    env = {**os.environ, "HAVEN_PASSPHRASE": PASSPHRASE, "HAVEN_LAN_DISCOVERY": "1"}
    done = subprocess.run(
        ["unshare", "-rn", "sh", "-c", cmd],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # The entry, the laptop's link and the desk's own device certificate (at least):
    # found over the LAN and taken whole.
    got = re.search(
        r"127\.0\.0\.1:\d+: journal: sent \d+, received (\d+) .*rejected 0", done.stdout
    )
    assert got is not None and int(got.group(1)) >= 2, done.stdout
