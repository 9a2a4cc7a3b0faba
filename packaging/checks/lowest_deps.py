"""Install the lowest version every runtime dependency declares and run the unit tests there.

`make lowest-deps` (and .ci/run) calls this. It reads the floors (`name>=X`) from the three
pyproject files, pins each to exactly X in a constraints file, installs the tree editable into
a fresh virtualenv under build/lowest-deps with those constraints (the test tools themselves
are whatever is current), and runs tests/unit and the relay's unit tests. When it fails, raise
the floor in pyproject until it passes: a floor nobody has run is a promise nobody keeps.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECTS = [
    ROOT / "pyproject.toml",
    ROOT / "packaging/pypi/core/pyproject.toml",
    ROOT / "packaging/pypi/relay/pyproject.toml",
]
SIBLINGS = {"haven-peer", "haven-peer-core", "haven-peer-relay"}
FLOOR = re.compile(r"^([A-Za-z0-9_.\-]+)\s*>=\s*([0-9][^,;\s]*)")
UNIT_TESTS = ["tests/unit", "tests/relay/test_*_unit.py"]  # no Qt, no sockets


def floors() -> dict[str, str]:
    """Every runtime dependency's declared floor; a dependency without one is an error."""
    found: dict[str, str] = {}
    for path in PYPROJECTS:
        project = tomllib.loads(path.read_text())["project"]
        # The relay's PostgreSQL extra is installed too: its tests run on both back-ends.
        extra = project.get("optional-dependencies", {}).get("postgres", [])
        for requirement in [*project["dependencies"], *extra]:
            name = re.split(r"[<>=!~;\s\[]", requirement, maxsplit=1)[0]
            if name in SIBLINGS:
                continue
            match = FLOOR.match(requirement)
            if match is None:
                raise SystemExit(f"{path.relative_to(ROOT)}: {requirement!r} declares no floor")
            found[name] = match.group(2)
    return found


def test_tools() -> list[str]:
    """What the unit tests need from the app's dev extra (its linters and builders are left
    out), read from pyproject.toml so that a tool a test starts using is installed here too."""
    dev = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    not_for_tests = ("ruff", "mypy", "build", "hatchling")
    return [r for r in dev["dev"] if not r.startswith(not_for_tests)]


def main() -> int:
    venv = ROOT / "build" / "lowest-deps"
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    constraints = venv / "constraints.txt"
    pins = floors()
    constraints.write_text("".join(f"{name}=={version}\n" for name, version in pins.items()))
    print("lowest declared versions:", ", ".join(f"{n} {v}" for n, v in pins.items()))
    pip = [python, "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    dists = ["-e", "packaging/pypi/core", "-e", "packaging/pypi/relay[postgres]", "-e", "."]
    tools = test_tools()
    subprocess.run([*pip, "-c", str(constraints), *dists, *tools], check=True, cwd=ROOT)
    subprocess.run([python, "-m", "pip", "list"], check=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    tests = [str(p.relative_to(ROOT)) for pattern in UNIT_TESTS for p in sorted(ROOT.glob(pattern))]
    result = subprocess.run(
        [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:pytest-qt", *tests],
        cwd=ROOT, env=env,
    )  # fmt: skip
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
