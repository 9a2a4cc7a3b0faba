"""Running the real `haven` command in a subprocess, for the CLI tests."""

from __future__ import annotations

import hashlib
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE

# HAVEN_TEST_COMMAND runs these tests against another build of the same command, such as
# the PyInstaller bundle (`make dist-check` does, with the canary and journal tests).
HAVEN = Path(os.environ.get("HAVEN_TEST_COMMAND") or Path(sys.executable).with_name("haven"))
TIMEOUT_S = 60


def haven(
    data_dir: Path | None,
    *args: str,
    passphrase: str | None = PASSPHRASE,
    stdin: str | bytes | None = None,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `haven [--data-dir DIR] ARGS…` with HAVEN_PASSPHRASE set (unless None) and the
    test's isolated HOME/XDG/TMPDIR (conftest put them in os.environ)."""
    env = dict(os.environ)
    env.pop("HAVEN_PASSPHRASE", None)
    env.pop("HAVEN_NEW_PASSPHRASE", None)
    if passphrase is not None:
        env["HAVEN_PASSPHRASE"] = passphrase
    env.update(extra_env or {})
    cmd = [str(HAVEN)]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [*cmd, *args],
        input=data if data is not None else b"",
        capture_output=True,
        env=env,
        timeout=TIMEOUT_S,
        check=False,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr}"
    return proc.stdout


def fails(proc: subprocess.CompletedProcess[str], code: int, *words: str) -> str:
    """Assert the exit code and the one-line `haven: error: …` message."""
    assert proc.returncode == code, f"exit {proc.returncode}, wanted {code}: {proc.stderr}"
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("haven: error: ")]
    assert len(errors) == 1, proc.stderr
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path -> SHA-256), to prove nothing changed."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def init_vault(data_dir: Path, name: str = "Robin", pronouns: str = "they/them") -> None:
    ok(haven(data_dir, "init", "--name", name, "--pronouns", pronouns))


class Server:
    """`haven serve --port 0` (loopback, no LAN) in a subprocess; the port is read from its
    first line. `stop` ends it with SIGTERM, as Ctrl+C would."""

    def __init__(self, data_dir: Path, *extra: str, passphrase: str = PASSPHRASE) -> None:
        env = {**os.environ, "HAVEN_PASSPHRASE": passphrase}
        command = [sys.executable, "-m", "haven", "--data-dir", str(data_dir), "serve"]
        self.proc = subprocess.Popen(
            [*command, "--port", "0", "--lan", "off", *extra],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], TIMEOUT_S)
        assert ready, "haven serve did not start"
        self.first_line = self.proc.stdout.readline().rstrip("\n")
        assert self.first_line.startswith("listening on 127.0.0.1:"), self.first_line
        self.port = int(self.first_line.rsplit(":", 1)[1])

    def stop(self) -> tuple[int, str, str]:
        self.proc.send_signal(signal.SIGTERM)
        out, err = self.proc.communicate(timeout=TIMEOUT_S)
        return self.proc.returncode, out, err


@contextmanager
def own_runtime_folder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh, short $XDG_RUNTIME_DIR for one test, so the control socket's folder is made
    by the test's own `haven serve` (not the /tmp/haven-UID other tests share)."""
    folder = Path(tempfile.mkdtemp(prefix="hv", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
