"""The layering in docs/ARCHITECTURE.md, checked: import-linter's contracts (pyproject.toml:
layers, forbidden imports, and `acyclic_siblings`, which finds every import cycle between
sibling modules — a fresh-process import of each module could not see them all), and a real
import of the CLI and the core that must not load Qt."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No import cycles between siblings KEPT" in result.stdout
    assert "Nothing above the core touches the store KEPT" in result.stdout


def test_core_and_below_never_load_qt() -> None:
    code = (
        "import sys, haven.core.session, haven.cli.main\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
