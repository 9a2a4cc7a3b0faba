"""TOML settings and flags."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from haven.errors import InvalidInput
from haven.relay import config
from haven.relay.cli import build_parser


def test_defaults_file_and_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATE_DIRECTORY", str(tmp_path / "state"))
    assert config.load(None).limits.blob_max_bytes == 64 * 1024
    assert config.load(None).limits.expiry_seconds == 30 * 24 * 3600
    assert config.load(None).db == str(tmp_path / "state" / "relay.db")
    path = tmp_path / "relay.toml"
    path.write_text(
        'host = "0.0.0.0"\nport = 9000\ndb = "x.db"\ntrust_proxy = true\n'
        "[limits]\nblob_max_bytes = 1000\nexpiry_seconds = 2.5\n"
    )
    cfg = config.load(path)
    assert (cfg.host, cfg.port, cfg.db, cfg.trust_proxy) == ("0.0.0.0", 9000, "x.db", True)
    assert cfg.limits.blob_max_bytes == 1000 and cfg.limits.expiry_seconds == 2.5
    flags = build_parser().parse_args(["--port", "0", "--host", "127.0.0.1"])
    cfg = config.load(path, flags)
    assert (cfg.host, cfg.port, cfg.db) == ("127.0.0.1", 0, "x.db")


def test_without_a_database_or_state_directory_the_relay_refuses_to_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("STATE_DIRECTORY", raising=False)
    with pytest.raises(InvalidInput, match="--db"):
        config.load(None)


@pytest.mark.parametrize(
    "text",
    [
        "port = \n",
        'colour = "red"\n',
        'port = "80"\n',
        "port = 70000\n",
        "port = true\n",
        "[limits]\nblob_max_bytes = 0\n",
        "[limits]\nmystery = 1\n",
        "limits = 3\n",
        '[limits]\nblob_max_bytes = "big"\n',
        "[limits]\nmax_connections = 1.5\n",
        'log_level = "chatty"\n',
        'log_format = "xml"\n',
        "[limits]\nstorage_share_per_address = 1.5\n",
        "[limits]\nclaim_pow_bits = 30\nclaim_pow_bits_max = 20\n",
        'tls_cert = "a.pem"\n',
    ],
)
def test_bad_settings_are_clear_errors(
    tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STATE_DIRECTORY", str(tmp_path))  # so only `text` can be wrong
    path = tmp_path / "relay.toml"
    path.write_text(text)
    with pytest.raises(InvalidInput):
        config.load(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        config.load(tmp_path / "absent.toml", argparse.Namespace())


def test_command_reports_bad_config_with_exit_code_2(tmp_path: Path) -> None:
    path = tmp_path / "relay.toml"
    path.write_text("[limits]\nblob_max_bytes = -5\n")
    done = subprocess.run(
        [sys.executable, "-m", "haven.relay", "--config", str(path), "--db", "x.db"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "blob_max_bytes" in done.stderr and "Traceback" not in done.stderr
