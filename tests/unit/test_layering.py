"""The layering in docs/ARCHITECTURE.md, checked: import-linter's contracts (pyproject.toml),
and every module importing cleanly on its own in a fresh interpreter (catches import cycles)."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import haven

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_module_imports_in_a_fresh_process() -> None:
    names = sorted(
        m.name
        for m in pkgutil.walk_packages(haven.__path__, "haven.")
        if not m.name.startswith("haven.resources")
    )
    code = "import importlib, sys\nfor n in sys.argv[1:]:\n    importlib.import_module(n)\n"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # One interpreter per module would be slow; one per layer keeps cycles visible enough.
    for layer in ("crypto", "store", "core", "sync", "relay", "cli", "ui"):
        batch = [n for n in names if n.startswith(f"haven.{layer}")]
        for name in batch:
            result = subprocess.run(
                [sys.executable, "-c", code, name],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert result.returncode == 0, f"{name}: {result.stderr[-2000:]}"


def test_core_and_below_never_load_qt() -> None:
    code = (
        "import sys, haven.core.session, haven.cli.main\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
