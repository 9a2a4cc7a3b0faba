"""Short spoken codes for real: `haven space invite --short` waits in one process, the guest
types the code into `haven space join` in another, through the real `haven-relay`."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.wordlist import WORDS
from tests.helpers import PASSPHRASE, new_session
from tests.integration.cli_support import HAVEN, fails, haven
from tests.integration.relay_sync_support import NO_LAN, Relay, cli, sync


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[Relay]:
    r = Relay(tmp_path / "relay")
    yield r
    r.stop()


def host_waiting(folder: Path, sid: str) -> tuple[subprocess.Popen[str], str]:
    """Start `haven space invite --short` and read the code it says aloud."""
    env = {**os.environ, "HAVEN_PASSPHRASE": PASSPHRASE, **NO_LAN}
    proc = subprocess.Popen(
        [str(HAVEN), "--data-dir", str(folder), "space", "invite", sid, "--short", "--wait", "2m"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    found = re.match(r"short code: (\d+-[a-z]+-[a-z]+)$", line.strip())
    if found is None:
        proc.kill()
        raise AssertionError(f"no short code: {line!r} {proc.communicate()}")
    return proc, found.group(1)


def setup(tmp_path: Path, relay: Relay) -> tuple[Path, Path, str]:
    owner, guest = tmp_path / "owner", tmp_path / "guest"
    new_session(owner, "Ari").lock()
    new_session(guest, "Bea").lock()
    sid = cli(owner, "space", "create", "Circle", "--guidelines", "Be kind", "--as", "Ari").strip()
    cli(owner, "space", "relays", sid, "--add", relay.url)
    return owner, guest, sid


def test_a_spoken_code_hands_the_invite_over(tmp_path: Path, relay: Relay) -> None:
    owner, guest, sid = setup(tmp_path, relay)
    host, short = host_waiting(owner, sid)
    out = cli(guest, "space", "join", short, "--relay", relay.url, "--accept-guidelines")
    assert "request sent; waiting for an admin of Circle" in out
    stdout, stderr = host.communicate(timeout=60)
    assert host.returncode == 0 and "They have the invite" in stdout, stderr
    # From here it is an ordinary relay invite.
    assert "1 new join request(s)" in sync(owner)
    request = cli(owner, "space", "requests", sid).split()[0]
    cli(owner, "space", "approve", sid, request)
    sync(owner)
    assert "joined Circle" in sync(guest)


def test_a_mistyped_code_fails_both_sides_and_cannot_be_retried(
    tmp_path: Path, relay: Relay
) -> None:
    owner, guest, sid = setup(tmp_path, relay)
    host, short = host_waiting(owner, sid)
    number, first, second = short.split("-")
    wrong = f"{number}-{first}-{WORDS[(WORDS.index(second) + 1) % 256]}"
    proc = haven(guest, "space", "join", wrong, "--relay", relay.url, extra_env=NO_LAN)
    fails(proc, 2, "did not match")
    stdout, stderr = host.communicate(timeout=60)
    assert host.returncode == 2 and "did not match" in stderr, (stdout, stderr)
    # The right code now finds nobody to answer it (one guess per code), and the invite
    # that was never handed over is withdrawn.
    proc = haven(guest, "space", "join", short, "--relay", relay.url, extra_env=NO_LAN)
    fails(proc, 2, "already used")
    assert cli(owner, "space", "invites", sid, "--json").strip() == "[]"
    assert cli(guest, "space", "list", "--json").strip() == "[]"
