"""The desktop entry, the AppStream metadata and the icon: valid for the freedesktop tools,
consistent with what the code sets, and pointing at files that exist."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

import haven
from haven.core.resource_files import resource_dir
from haven.ui.app_icon import SIZES, app_icon
from haven.ui.discreet import desktop_file_name

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "haven.desktop"
METAINFO = LINUX / "haven.metainfo.xml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (.ci/run installs it with apt-get)")
    return path


def test_desktop_file_validates() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_metainfo_validates_offline() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^[EW]: ", result.stdout, re.MULTILINE), result.stdout


def test_the_desktop_file_is_the_one_the_window_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLATPAK_ID", raising=False)
    assert DESKTOP.name == f"{desktop_file_name(discreet=False)}.desktop"
    assert desktop_file_name(discreet=True) == "notes"  # discreet mode names no Haven file
    monkeypatch.setenv("FLATPAK_ID", "invalid.haven.Haven")
    assert desktop_file_name(discreet=False) == "invalid.haven.Haven"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"].split()[0] == "haven"
    assert section["Icon"] == "haven"
    assert section["StartupWMClass"] == "haven"
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("project_license") == "GPL-3.0-or-later"


def test_the_metainfo_names_this_version_and_real_screenshots() -> None:
    root = ET.parse(METAINFO).getroot()
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == haven.__version__
    images = [e.text or "" for e in root.iter("image")]
    assert images
    for url in images:
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[-1]).is_file(), url


def test_the_icon_exists_at_every_size_and_is_the_window_icon(qapp: object) -> None:
    folder = resource_dir("icons")
    assert folder is not None and (folder / "haven.svg").is_file()
    for size in SIZES:
        image = QImage(str(folder / f"haven-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not blank
    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(SIZES)
    for name in ("haven.ico", "haven.icns"):  # the Windows and macOS builds' icons
        image = QImage(str(ROOT / "packaging" / "icons" / name))
        assert image.width() >= 256, name
