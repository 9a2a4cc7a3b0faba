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
TESTS = ["tests/unit", "tests/relay/test_config_unit.py", "tests/relay/test_hub_unit.py",
         "tests/relay/test_mailbox_unit.py", "tests/relay/test_protocol_unit.py",
         "tests/relay/test_storage_unit.py"]  # fmt: skip


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
    subprocess.run(
        [*pip, "-c", str(constraints), "-e", "packaging/pypi/core",
         "-e", "packaging/pypi/relay[postgres]", "-e", ".",
         "pytest>=8", "pytest-timeout>=2.3", "hypothesis>=6.100", "import-linter>=2.0"],
        check=True, cwd=ROOT,
    )  # fmt: skip
    subprocess.run([python, "-m", "pip", "list"], check=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:pytest-qt", *TESTS],
        cwd=ROOT, env=env,
    )  # fmt: skip
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
