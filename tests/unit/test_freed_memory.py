"""The app's restart with freed memory overwritten: the environment it asks for, and that it
restarts once, never in a loop (the effect itself: tests/integration/test_memory_after_lock.py)."""

from __future__ import annotations

import os
import sys

import pytest

from haven.core import freed_memory


def test_the_settings_keep_other_tunables_and_replace_ours() -> None:
    env = freed_memory.settings(
        {"PATH": "/bin", "GLIBC_TUNABLES": "glibc.malloc.perturb=1:glibc.cpu.x86_ibt=off"}
    )
    assert env["PATH"] == "/bin" and env["PYTHONMALLOC"] == "malloc"
    tunables = env["GLIBC_TUNABLES"].split(":")
    assert "glibc.cpu.x86_ibt=off" in tunables and "glibc.malloc.tcache_count=0" in tunables
    assert [t for t in tunables if t.startswith("glibc.malloc.perturb=")] == [
        "glibc.malloc.perturb=165"
    ]
    assert env[freed_memory.MARK] == "1"


def test_a_restarted_process_does_not_restart_again(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, list[str], dict[str, str]]] = []
    monkeypatch.setattr(os, "execve", lambda path, argv, env: calls.append((path, argv, env)))
    monkeypatch.setenv(freed_memory.MARK, "1")
    freed_memory.restart_scrubbed()
    assert calls == []
    monkeypatch.delenv(freed_memory.MARK)
    monkeypatch.setattr(freed_memory, "supported", lambda: True)
    freed_memory.restart_scrubbed()
    ((path, argv, env),) = calls
    assert path == sys.executable and env["PYTHONMALLOC"] == "malloc"
    assert list(argv) == list(getattr(sys, "orig_argv", [])) or argv[1:] == sys.argv


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc")
def test_glibc_linux_is_supported() -> None:
    import platform

    assert freed_memory.supported() == (platform.libc_ver()[0] == "glibc")
