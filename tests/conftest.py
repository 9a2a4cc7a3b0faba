"""Every test runs with its own data, config, cache and temp folders under tmp_path, so no
test can read or write a real user's Haven data, and the canary tests can search them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before pytest-qt makes its QApplication (once, before any fixture of ours runs): the suite
# draws offscreen, needs no display and no xcb libraries, whether started by `make test` or
# by plain `pytest`.
os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    for sub in ("data", "config", "cache", "state", "tmp", "runtime"):
        (home / sub).mkdir(parents=True)
    (home / "runtime").chmod(0o700)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "runtime"))
    monkeypatch.setenv("TMPDIR", str(home / "tmp"))
    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path / "haven-data"))
    # libsodium's minimum Argon2id limits keep the suite fast; tests marked `slow` and the
    # benchmark use the real MODERATE limits.
    monkeypatch.setenv("HAVEN_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("HAVEN_TEST_SUITE", "1")  # without it the switch above is refused
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("HAVEN_LISTEN_HOST", "127.0.0.1")  # the app's background sync: loopback only
    monkeypatch.setenv("HAVEN_LAN_DISCOVERY", "0")  # and never multicast
    monkeypatch.delenv("HAVEN_PASSPHRASE", raising=False)
    return home


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return Path(os.environ["HAVEN_DATA_DIR"])
