"""The Caddy and nginx examples in packaging/relay/, run for real in front of a real relay:
WebSocket traffic and /healthz pass, /metrics is never served through the proxy.

TLS is left out here (no certificate or public name on a test machine): the site address
becomes a plain-HTTP listener on 127.0.0.1 and everything else in the examples is used as
written. Skipped with the reason when caddy or nginx is not installed (.ci/run installs
both)."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.relay_process import Relay

RELAY_DIR = Path(__file__).resolve().parents[2] / "packaging" / "relay"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _status(url: str, headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def _wait_for_port(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the proxy exited: {proc.communicate()}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)  # polling for a condition, not timing anything
    raise AssertionError("the proxy never listened")


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[Relay]:
    settings = str(RELAY_DIR / "relay.toml")  # as deployed: trusting the proxy's addresses
    db = str(tmp_path / "relay.db")
    running = Relay(["--config", settings, "--host", "127.0.0.1", "--port", "0", "--db", db])
    yield running
    running.stop()


def _check_through(port: int, relay: Relay) -> None:
    base = f"http://127.0.0.1:{port}"
    assert _status(f"http://127.0.0.1:{relay.port}/metrics") == 200  # the relay has them
    assert _status(f"{base}/healthz") == 200
    assert _status(f"{base}/metrics") == 404
    assert _status(f"{base}/metrics/") == 404
    assert _status(f"{base}/metrics?format=text") == 404
    # A plain GET of the relay's root reaches the relay, which asks for WebSocket (426).
    assert _status(f"{base}/") == 426


def _run_proxy(command: list[str], port: int, relay: Relay) -> None:
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for_port(port, proc)
        _check_through(port, relay)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_caddy_keeps_metrics_private(tmp_path: Path, relay: Relay) -> None:
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("caddy is not installed")
    port = _free_port()
    text = (RELAY_DIR / "Caddyfile").read_text(encoding="utf-8")
    assert "relay.example.org {" in text
    text = text.replace("relay.example.org {", f"http://127.0.0.1:{port} {{")
    text = text.replace("127.0.0.1:8765", f"127.0.0.1:{relay.port}")
    config = tmp_path / "Caddyfile"
    config.write_text("{\n\tadmin off\n\tauto_https off\n}\n" + text, encoding="utf-8")
    _run_proxy([caddy, "run", "--config", str(config), "--adapter", "caddyfile"], port, relay)


def test_nginx_keeps_metrics_private(tmp_path: Path, relay: Relay) -> None:
    nginx = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if nginx is None:
        pytest.skip("nginx is not installed")
    port = _free_port()
    text = (RELAY_DIR / "nginx.conf").read_text(encoding="utf-8")
    relay_server = text[: text.index("server {", text.index("server {") + 1)]  # the TLS one
    relay_server = re.sub(r"^\s*listen \[::\]:443 ssl;\n", "", relay_server, flags=re.M)
    relay_server = relay_server.replace("listen 443 ssl;", f"listen 127.0.0.1:{port};")
    relay_server = re.sub(r"^\s*ssl_\w+ .*;\n", "", relay_server, flags=re.M)
    relay_server = relay_server.replace("127.0.0.1:8765", f"127.0.0.1:{relay.port}")
    relay_server = relay_server.replace(
        "/var/log/nginx/haven-relay.error.log", str(tmp_path / "error.log")
    )
    assert "ssl" not in relay_server and "8765" not in relay_server
    temp = tmp_path / "nginx"
    temp.mkdir()
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"daemon off;\nmaster_process off;\npid {temp}/nginx.pid;\n"
        f"error_log {tmp_path}/error.log;\nevents {{}}\nhttp {{\n"
        + "".join(
            f"{kind}_temp_path {temp}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + relay_server
        + "\n}\n",
        encoding="utf-8",
    )
    error_log = str(tmp_path / "error.log")
    _run_proxy([nginx, "-c", str(config), "-p", str(tmp_path), "-e", error_log], port, relay)
