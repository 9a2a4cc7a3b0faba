"""`make a11y`: Haven as a screen reader sees it. Starts a virtual X display (Xvfb), a
private session bus (the run re-executes itself under `dbus-run-session`, which ends the bus
and what it started when the walk ends), the app on a throwaway data folder (quick test KDF,
loopback only) with Qt's AT-SPI bridge on, and walks it with tools/a11y/walker.py under the
system's python3. tests/integration/test_a11y_walk.py runs it in `make test` when the
packages are there.

Needs Debian/Ubuntu packages that the Python test dependencies do not: xvfb, dbus (for
dbus-run-session), at-spi2-core, python3-pyatspi, and the xcb libraries `make run` lists.
Missing ones are named, exit 2."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

NEEDED = {"Xvfb": "xvfb", "dbus-run-session": "dbus"}
SYSTEM_PYTHON = "/usr/bin/python3"
#: Set in the run that dbus-run-session starts: its session bus is the private one.
IN_PRIVATE_BUS = "HAVEN_A11Y_PRIVATE_BUS"


def _missing() -> list[str]:
    missing = [pkg for tool, pkg in NEEDED.items() if shutil.which(tool) is None]
    probe = (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        missing.append("python3-pyatspi")
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        missing.append("at-spi2-core")
    return missing


def _start_display() -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        raise SystemExit("a11y: Xvfb did not start")
    return xvfb, f":{number}"


def _in_private_bus() -> int:
    """Run this module again under its own session bus; its exit status."""
    env = {**os.environ, IN_PRIVATE_BUS: "1"}
    command = ["dbus-run-session", "--", sys.executable, "-m", "tools.a11y"]
    return subprocess.run(command, env=env, check=False).returncode


def main() -> int:
    missing = _missing()
    if missing:
        print("a11y: install first: apt-get install " + " ".join(missing), file=sys.stderr)
        return 2
    if os.environ.get(IN_PRIVATE_BUS) != "1":
        return _in_private_bus()
    started: list[subprocess.Popen[bytes]] = []
    with tempfile.TemporaryDirectory(prefix="haven-a11y-") as tmp:
        try:
            xvfb, display = _start_display()
            started.append(xvfb)
            env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
            env["DISPLAY"] = display  # the bus is dbus-run-session's, in the environment
            env.update(
                QT_QPA_PLATFORM="xcb",
                QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                QT_ACCESSIBILITY="1",
                HAVEN_DATA_DIR=str(Path(tmp) / "vault"),
                XDG_CONFIG_HOME=str(Path(tmp) / "config"),
                HAVEN_TEST_SUITE="1",
                HAVEN_INSECURE_TEST_KDF="1",
                HAVEN_LISTEN_HOST="127.0.0.1",
                HAVEN_LAN_DISCOVERY="0",
            )
            app = subprocess.Popen(
                [sys.executable, "-m", "haven"], env=env, stderr=subprocess.DEVNULL
            )
            started.append(app)
            walker = Path(__file__).with_name("walker.py")
            walk_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
            return subprocess.run(
                [SYSTEM_PYTHON, str(walker)], env=walk_env, timeout=300, check=False
            ).returncode
        finally:
            for process in reversed(started):
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()


if __name__ == "__main__":
    sys.exit(main())
