"""`--tls-cert/--tls-key`: the relay speaks wss:// and https:// itself."""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from haven.relay.client import RelayClient, RelayError
from tests.relay.support import RelayProcess, run

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    cert, key = tmp / "cert.pem", tmp / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def test_tls_relay_round_trip_and_refuses_plaintext(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    relay = RelayProcess(tmp_path, extra_args=("--tls-cert", str(cert), "--tls-key", str(key)))
    trust = ssl.create_default_context(cafile=str(cert))
    space_key = os.urandom(32)
    try:

        async def scenario() -> None:
            async with await RelayClient.connect(relay.url, space_key, ssl=trust) as c:
                assert (await c.append(b"over tls")).cursor == 1
                assert (await c.fetch(0)).items == [(1, b"over tls")]
            with pytest.raises(RelayError) as err:  # a certificate we do not trust
                await RelayClient.connect(relay.url, space_key, ssl=ssl.create_default_context())
            assert err.value.code == "unreachable"
            with pytest.raises(RelayError):  # plain ws:// to a TLS port
                await RelayClient.connect(relay.url.replace("wss:", "ws:"), space_key, timeout=5)

        run(scenario())
        with urllib.request.urlopen(relay.http + "/healthz", context=trust, timeout=10) as r:
            assert r.read() == b"ok\n"
    finally:
        relay.stop()


def test_by_default_a_wss_relay_is_checked_against_the_system_trust_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the app and `haven sync` do (no context of their own): a wss:// relay whose
    certificate the system trusts works, one it does not trust is refused as unreachable."""
    cert, key = _self_signed(tmp_path)
    relay = RelayProcess(tmp_path, extra_args=("--tls-cert", str(cert), "--tls-key", str(key)))
    space_key = os.urandom(32)
    try:

        async def untrusted() -> None:
            with pytest.raises(RelayError) as err:
                await RelayClient.connect(relay.url, space_key, timeout=10)
            assert err.value.code == "unreachable"

        async def trusted() -> None:
            async with await RelayClient.connect(relay.url, space_key, timeout=10) as c:
                assert (await c.append(b"system trust")).cursor == 1

        run(untrusted())
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # read by OpenSSL's default paths
        run(trusted())
    finally:
        relay.stop()


def test_tls_flags_must_come_together(tmp_path: Path) -> None:
    cert, _ = _self_signed(tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "haven.relay",
            "--port",
            "0",
            "--db",
            str(tmp_path / "r.db"),
            "--tls-cert",
            str(cert),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "tls_key" in done.stderr


def test_unreadable_certificate_is_a_clear_error(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    key.write_text("not a key")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "haven.relay",
            "--port",
            "0",
            "--db",
            str(tmp_path / "r.db"),
            "--tls-cert",
            str(cert),
            "--tls-key",
            str(key),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "TLS certificate or key" in done.stderr and "Traceback" not in done.stderr
