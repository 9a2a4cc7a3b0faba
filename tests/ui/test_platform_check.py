"""The pre-flight check that replaces Qt's "could not load the Qt platform plugin" trace.

A machine with a known set of missing libraries is not something a test can arrange, so the
mapping and the decision are tested with fake `ldd` output. The real `ldd` also runs on the
real plugin: when this was written the machine lacked libxcb-icccm4 and libxcb-keysyms1, so the
real failing path ran too; on a complete machine those tests check the healthy path instead."""

from __future__ import annotations

import subprocess
import sys

import pytest

from haven.ui import platform_check as pc

FAKE_LDD = """\
\tlinux-vdso.so.1 (0x00007ffd4b9f2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f0c1c000000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-render-util.so.0 => not found
\tlibxcb-xinerama.so.0 => not found
\tlibEGL.so.1 => not found
\tlibfontconfig.so.1 => not found
\tlibdbus-1.so.3 => not found
\tlibxcb-cursor.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c1b000000)
"""

X11 = {"DISPLAY": ":0"}


@pytest.mark.parametrize(
    ("library", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libEGL.so.1", "libegl1"),
        ("libfontconfig.so.1", "libfontconfig1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libxcb-xinerama.so.0", "libxcb-xinerama0"),  # the generic libxcb-NAME.so.N rule
        ("libxcb-shape.so.0", "libxcb-shape0"),
        ("libxcb-xkb.so.1", "libxcb-xkb1"),
        ("libfoo.so.2", "libfoo2"),
        ("libbar-3.so.1", "libbar-3-1"),
    ],
)
def test_library_to_package(library: str, package: str) -> None:
    assert pc.package_for(library) == package


def test_missing_libraries_are_read_once_each_in_order() -> None:
    missing = pc.missing_libraries(FAKE_LDD)
    assert missing[:2] == ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]
    assert len(missing) == 9 and "libc.so.6" not in missing


def test_missing_libraries_give_the_install_command() -> None:
    problem = pc.diagnose(X11, "linux", FAKE_LDD)
    assert problem is not None
    assert problem.command == (
        "sudo apt-get install libdbus-1-3 libegl1 libfontconfig1 libxcb-cursor0 "
        "libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0 libxcb-xinerama0 "
        "libxkbcommon-x11-0"
    )
    assert "libxcb-cursor.so.0" in problem.message


def test_no_display_is_explained() -> None:
    problem = pc.diagnose({}, "linux", None)
    assert problem is not None and "DISPLAY" in problem.message and not problem.command


@pytest.mark.parametrize(
    "env",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "minimal"},
        {"WAYLAND_DISPLAY": "wayland-0"},  # xcb is not used
        {"DISPLAY": ":0"},  # all libraries present
    ],
)
def test_healthy_or_headless_setups_pass(env: dict[str, str]) -> None:
    ldd = "\tlibc.so.6 => /lib/libc.so.6 (0x1)\n"
    assert pc.diagnose(env, "linux", ldd) is None


def test_other_systems_are_not_checked() -> None:
    assert pc.diagnose({}, "darwin", FAKE_LDD) is None
    assert pc.diagnose({}, "win32", None) is None


def _real_missing() -> list[str]:
    plugin = pc.xcb_plugin_path()
    assert plugin is not None
    output = pc.run_ldd(plugin)
    assert "libQt6XcbQpa" in output
    return pc.missing_libraries(output)


def test_real_ldd_on_the_real_plugin() -> None:
    plugin = pc.xcb_plugin_path()
    assert plugin is not None
    output = pc.run_ldd(plugin)
    missing = pc.missing_libraries(output)
    problem = pc.diagnose(X11, "linux", output)
    if missing:
        assert problem is not None
        assert problem.command == pc.install_command(missing)
    else:
        assert problem is None


def test_the_haven_command_lists_missing_libraries(tmp_path) -> None:
    missing = _real_missing()
    if not missing:
        pytest.skip("every library the xcb plugin needs is installed here")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DISPLAY": ":99"}
    done = subprocess.run(
        [sys.executable, "-m", "haven", "--data-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == pc.EXIT_PLATFORM
    assert (
        "sudo apt-get install " + " ".join(sorted({pc.package_for(m) for m in missing}))
        in done.stderr
    )
    assert "Traceback" not in done.stderr


def test_the_haven_command_explains_a_missing_display(tmp_path) -> None:
    """The real command, with no DISPLAY and no offscreen platform: a sentence and exit 20,
    not a Qt abort."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HAVEN_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "haven", "--data-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == pc.EXIT_PLATFORM
    assert "DISPLAY" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "vault.header").exists()
