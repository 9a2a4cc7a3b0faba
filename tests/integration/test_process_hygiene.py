"""The real `haven` process at start: no core files, no reading its memory from another
process of the same user; and the test-only KDF switch refused outside the test suite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE
from tests.integration.cli_support import HAVEN, fails, haven, init_vault

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")


def wait_for(check: object, timeout_s: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def unprivileged() -> list[str]:
    """A command prefix that runs a program without capabilities. Root (a container, CI) may
    read any process through CAP_SYS_PTRACE; without capabilities, root is held to the same
    rule as any user: another process's memory only while that process is dumpable."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv to drop capabilities")
    return [setpriv, "--bounding-set=-all", "--inh-caps=-all"]


def test_an_unlocked_haven_process_cannot_be_read_or_dumped(tmp_path: Path) -> None:
    """`haven journal add -` unlocks the vault, then waits for the entry on stdin: while it
    holds the key, another process of the same user cannot open its memory, and its
    core-file limit is 0."""
    data = tmp_path / "vault"
    init_vault(data)
    prefix = unprivileged()
    proc = subprocess.Popen(
        [*prefix, str(HAVEN), "--data-dir", str(data), "journal", "add", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ, HAVEN_PASSPHRASE=PASSPHRASE),
    )
    try:
        limits = Path(f"/proc/{proc.pid}/limits")

        def hardened() -> bool:
            core = next(ln for ln in limits.read_text().splitlines() if "core file" in ln)
            return core.split()[4:6] == ["0", "0"]

        assert wait_for(hardened), "the core-file limit stayed above 0"
        reader = subprocess.run(
            [*prefix, sys.executable, "-c", f"open('/proc/{proc.pid}/mem', 'rb').read(1)"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert reader.returncode != 0 and b"PermissionError" in reader.stderr, reader.stderr
    finally:
        _out, err = proc.communicate(b"written while hardened", timeout=60)
    assert proc.returncode == 0, err


def test_the_test_kdf_switch_alone_is_refused_by_the_cli(tmp_path: Path) -> None:
    """HAVEN_INSECURE_TEST_KDF without the test suite's marker: `haven init` stops with a
    message naming the variable and writes nothing; the marker (tests/conftest.py) keeps
    the suite's own use working."""
    data = tmp_path / "vault"
    env = {k: v for k, v in os.environ.items() if k != "HAVEN_TEST_SUITE"}
    proc = subprocess.run(
        [str(HAVEN), "--data-dir", str(data), "init", "--name", "Robin"],
        input=b"",
        capture_output=True,
        env=dict(env, HAVEN_PASSPHRASE=PASSPHRASE),
        timeout=60,
        check=False,
    )
    completed = subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode()
    )
    fails(completed, 2, "HAVEN_INSECURE_TEST_KDF", "unset")
    assert not data.exists()
    init_vault(tmp_path / "suite")  # with the marker, as every other test does
    assert (tmp_path / "suite" / "vault.header").exists()
    assert haven(tmp_path / "suite", "journal", "list").returncode == 0
