"""Before Qt starts: say in plain words why the window cannot open, instead of a Qt stack trace.

On Linux the xcb platform plugin needs a handful of system libraries that minimal installs lack;
Qt then aborts with "could not load the Qt platform plugin". We run `ldd` on the plugin first,
map every missing library to its Debian/Ubuntu package and print the exact install command.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

#: Exit code when the desktop cannot be reached or system libraries are missing.
EXIT_PLATFORM = 20

_HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb"}

#: Libraries whose Debian package name does not follow a simple rule.
KNOWN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

_XCB_RULE = re.compile(r"^libxcb-([a-z0-9-]+?)\.so\.(\d+)$")
_GENERIC_RULE = re.compile(r"^lib([A-Za-z0-9_+.-]+?)\.so\.(\d+)$")
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


@dataclass(frozen=True)
class Problem:
    message: str
    command: str = ""


def package_for(library: str) -> str:
    """Debian/Ubuntu package that ships `library` (a best guess for unknown names)."""
    if library in KNOWN_PACKAGES:
        return KNOWN_PACKAGES[library]
    xcb = _XCB_RULE.match(library)
    if xcb:
        name, soname = xcb.groups()
        return f"libxcb-{name}{soname}"
    generic = _GENERIC_RULE.match(library)
    if generic:
        name, soname = generic.groups()
        name = name.lower()
        sep = "-" if name[-1].isdigit() else ""
        return f"lib{name}{sep}{soname}"
    return library


def missing_libraries(ldd_output: str) -> list[str]:
    seen: list[str] = []
    for lib in _NOT_FOUND.findall(ldd_output):
        if lib not in seen:
            seen.append(lib)
    return seen


def install_command(libraries: list[str]) -> str:
    packages = sorted({package_for(lib) for lib in libraries})
    return "sudo apt-get install " + " ".join(packages)


def xcb_plugin_path() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    path = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return path if path.exists() else None


def run_ldd(plugin: Path) -> str:
    ldd = shutil.which("ldd")
    if ldd is None:
        return ""
    try:
        done = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout


def diagnose(env: Mapping[str, str], platform: str, ldd_output: str | None) -> Problem | None:
    """Decide from the environment and ldd's output whether the window can open.

    `ldd_output` is None when there was no plugin or no ldd to ask."""
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if qpa in _HEADLESS_PLATFORMS:
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return Problem(
            "Haven could not find a desktop to open its window on: neither DISPLAY nor "
            "WAYLAND_DISPLAY is set. Start Haven from a graphical session, or use the "
            "`haven` command-line sub-commands (see `haven --help`)."
        )
    if qpa.startswith("wayland") or (
        not qpa and env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY")
    ):
        return None  # the xcb plugin is not used
    missing = missing_libraries(ldd_output or "")
    if missing:
        return Problem(
            "Haven's window needs system libraries that are not installed: "
            + ", ".join(missing)
            + ". Install them with:",
            install_command(missing),
        )
    return None


def check_platform() -> int | None:
    """Print a clear message and return the exit code when the window cannot open."""
    env = os.environ
    ldd_output: str | None = None
    needs_ldd = (
        sys.platform.startswith("linux")
        and env.get("QT_QPA_PLATFORM", "").lower() not in _HEADLESS_PLATFORMS
        and (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    )
    if needs_ldd:
        plugin = xcb_plugin_path()
        ldd_output = run_ldd(plugin) if plugin else None
    problem = diagnose(env, sys.platform, ldd_output)
    if problem is None:
        return None
    print(f"haven: {problem.message}", file=sys.stderr)
    if problem.command:
        print(f"    {problem.command}", file=sys.stderr)
    return EXIT_PLATFORM
