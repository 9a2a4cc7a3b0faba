"""The three wheels built from this tree (packaging/README.md): every source file in exactly
one of them, every translation, prompt and schema file in the app's, the relay's without Qt,
SQLCipher or zeroconf, and one version everywhere.

The wheels are built from a copy of the tree in which every file is a plain file — what a
checkout on a file system without symlinks (Windows' default) gives — with the real
`python -m build` command.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import haven

ROOT = Path(__file__).resolve().parents[2]
DISTS = {
    "haven_peer": ".",
    "haven_peer_core": "packaging/pypi/core",
    "haven_peer_relay": "packaging/pypi/relay",
}
SKIP = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "__pycache__", "*.pyc", "*.egg-info", ".*_cache"
)


def _source_files(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, zipfile.ZipFile]:
    tree = tmp_path_factory.mktemp("tree") / "haven"
    shutil.copytree(ROOT, tree, symlinks=False, ignore=SKIP)
    out = tmp_path_factory.mktemp("wheels")
    for folder in DISTS.values():
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(out), folder],
            cwd=tree, check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    built = {p.name.split("-")[0]: zipfile.ZipFile(p) for p in out.glob("*.whl")}
    assert set(built) == set(DISTS)
    return built


def _payload(wheel: zipfile.ZipFile) -> list[str]:
    return [n for n in wheel.namelist() if ".dist-info/" not in n and not n.endswith("/")]


def _metadata(wheel: zipfile.ZipFile) -> dict[str, list[str]]:
    name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    message = Parser().parsestr(wheel.read(name).decode())
    return {
        key: message.get_all(key) or []
        for key in ("Version", "Requires-Dist", "License-Expression")
    }


def test_the_tree_holds_no_symlinks() -> None:
    """A symlink becomes a small text file on a checkout without symlinks; nothing may rely
    on one."""
    links = [
        p for top in ("src", "resources", "packaging") for p in (ROOT / top).rglob("*")
        if p.is_symlink()
    ]  # fmt: skip
    assert links == []


def test_every_source_file_is_in_exactly_one_wheel(wheels: dict[str, zipfile.ZipFile]) -> None:
    shipped = [n for wheel in wheels.values() for n in _payload(wheel)]
    assert len(shipped) == len(set(shipped)), "a file is in two wheels"
    code = {n for n in shipped if not n.startswith("haven/resources/")}
    assert code == {f"haven/{name}" for name in _source_files(ROOT / "src" / "haven")}
    assert any(n.startswith("haven/store/schema/") and n.endswith(".sql") for n in code)


def test_the_app_wheel_carries_every_resource(
    wheels: dict[str, zipfile.ZipFile],
) -> None:
    app = set(_payload(wheels["haven_peer"]))
    kinds = sorted(p.name for p in (ROOT / "resources").iterdir() if p.is_dir())
    assert {"prompts", "translations", "icons", "help"} <= set(kinds)
    for kind in kinds:
        expected = {f"haven/resources/{kind}/{n}" for n in _source_files(ROOT / "resources" / kind)}
        assert expected, kind
        assert expected <= app, expected - app
    assert "haven/resources/translations/haven_ar.qm" in app


def test_the_core_and_relay_wheels_hold_only_their_packages(
    wheels: dict[str, zipfile.ZipFile],
) -> None:
    core = set(_payload(wheels["haven_peer_core"]))
    relay = set(_payload(wheels["haven_peer_relay"]))
    assert {"haven/__init__.py", "haven/errors.py", "haven/crypto/signing.py"} <= core
    assert all(
        n.startswith(("haven/crypto/", "haven/__init__.py", "haven/errors.py")) for n in core
    )
    assert "haven/relay/server.py" in relay
    assert all(n.startswith("haven/relay/") for n in relay)


def test_the_relay_needs_no_qt_sqlcipher_or_zeroconf(wheels: dict[str, zipfile.ZipFile]) -> None:
    for dist in ("haven_peer_core", "haven_peer_relay"):
        requires = " ".join(_metadata(wheels[dist])["Requires-Dist"]).lower()
        for heavy in ("pyside6", "sqlcipher3", "zeroconf", "ifaddr", "segno"):
            assert heavy not in requires, (dist, heavy)


def test_one_version_and_one_licence_everywhere(wheels: dict[str, zipfile.ZipFile]) -> None:
    sibling_pin = f"=={haven.__version__}"
    for dist, wheel in wheels.items():
        meta = _metadata(wheel)
        assert meta["Version"] == [haven.__version__], dist
        assert meta["License-Expression"] == ["GPL-3.0-or-later"], dist
        pins = [r for r in meta["Requires-Dist"] if r.startswith("haven-peer")]
        assert all(r.replace(" ", "").endswith(sibling_pin) for r in pins), (dist, pins)
    assert any(n.endswith("LICENSE") for n in wheels["haven_peer"].namelist())
    for dist in ("haven_peer_core", "haven_peer_relay"):
        assert any(n.endswith("extra_metadata/LICENSE") for n in wheels[dist].namelist())


def test_the_pyproject_pins_match_the_version() -> None:
    """The sibling pins are written out in three files; the version lives in one."""
    for folder in DISTS.values():
        project = tomllib.loads((ROOT / folder / "pyproject.toml").read_text())["project"]
        assert project["license"] == "GPL-3.0-or-later"
        pins = [d for d in project["dependencies"] if d.startswith("haven-peer")]
        assert all(d.endswith(f"=={haven.__version__}") for d in pins), pins
