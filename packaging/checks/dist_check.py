"""`make dist-check`: try the PyInstaller bundle as a user would, then check the packages.

Usage: python packaging/checks/dist_check.py dist/haven

1. The bundle's `haven --version` prints this tree's version.
2. `haven init`, `journal add`, `journal list` and `prompt` with a throw-away vault
   (HAVEN_DATA_DIR in a temp folder); then the suite's no-plaintext canary test and journal
   CLI tests, run against the bundle's command (HAVEN_TEST_COMMAND).
3. The window starts offscreen, paints its first frame, and quits cleanly on SIGTERM.
4. The relay's two wheels install into a fresh virtualenv without Qt, SQLCipher or zeroconf
   and `haven-relay --version` runs there.
5. desktop-file-validate and appstreamcli on packaging/linux; the AppImage when appimagetool
   is on PATH (APPIMAGETOOL), the Flatpak when flatpak-builder is: each skipped step prints
   why. A failed step exits non-zero.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
import haven  # noqa: E402

PASSPHRASE = "correct horse battery staple for dist-check"


def step(title: str) -> None:
    print(f"\n== dist-check: {title}", flush=True)


def skip(title: str, reason: str) -> None:
    print(f"\n== dist-check: {title}: SKIPPED ({reason})", flush=True)


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise SystemExit(
            f"{' '.join(cmd)} exited {result.returncode}:\n{result.stdout}{result.stderr}"
        )
    return result


def isolated_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "XDG_"))}
    for sub in ("home", "data", "config", "cache", "state", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(folder / "home"),
        XDG_DATA_HOME=str(folder / "data"),
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_CACHE_HOME=str(folder / "cache"),
        XDG_STATE_HOME=str(folder / "state"),
        TMPDIR=str(folder / "tmp"),
        HAVEN_DATA_DIR=str(folder / "vault"),
        HAVEN_PASSPHRASE=PASSPHRASE,
        HAVEN_LISTEN_HOST="127.0.0.1",
        HAVEN_LAN_DISCOVERY="0",
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def check_version(command: Path) -> None:
    step("haven --version")
    out = run([str(command), "--version"]).stdout.strip()
    if out != f"haven {haven.__version__}":
        raise SystemExit(f"the bundle says {out!r}, the tree is {haven.__version__}")
    print(out)


def check_journal(command: Path, scratch: Path) -> None:
    step("haven init, journal add, journal list (throw-away vault)")
    env = isolated_env(scratch)
    canary = f"dist-check canary {os.urandom(8).hex()}"
    run([str(command), "init", "--name", "Dist Check"], env=env, input="")
    entry = run([str(command), "journal", "add", "--tag", "check", canary], env=env).stdout
    listed = json.loads(run([str(command), "journal", "list", "--json"], env=env).stdout)
    if [e["id"] for e in listed] != [entry.strip()] or listed[0]["body"] != canary:
        raise SystemExit(f"journal list gave {listed!r}")
    leaks = [
        str(p) for p in scratch.rglob("*")
        if p.is_file() and canary.encode() in p.read_bytes()
    ]  # fmt: skip
    if leaks:
        raise SystemExit(f"plaintext outside the vault: {leaks}")
    print(f"entry {entry.strip()[:12]} written, listed, and found in no file in plaintext")
    prompt = run([str(command), "prompt"], env=env).stdout.strip()  # the bundle's resources
    print(f"prompt: {prompt}")


def check_suite_against_bundle(command: Path) -> None:
    step("the canary and journal CLI tests, against the bundle's command")
    env = dict(os.environ, HAVEN_TEST_COMMAND=str(command), QT_QPA_PLATFORM="offscreen")
    tests = ["tests/integration/test_canary_cli.py", "tests/integration/test_cli_journal.py"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
        cwd=ROOT, env=env, timeout=900,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit("the CLI tests failed against the bundle")


def check_gui(command: Path, scratch: Path) -> None:
    step("the window, offscreen, until it has painted itself")
    env = isolated_env(scratch)
    # Qt reports each flush of a painted window to the screen under this logging category;
    # the first one means the window exists and the event loop runs (and with it the
    # SIGTERM handler). Waiting for it is a condition, not a guess at how long start-up takes.
    env["QT_LOGGING_RULES"] = "qt.widgets.painting.debug=true"
    proc = subprocess.Popen(
        [str(command)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert proc.stderr is not None
    errors: list[str] = []
    painted = threading.Event()

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("qt.widgets.painting: Flushing"):
                painted.set()
            elif not line.startswith("qt.widgets.painting"):
                errors.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not painted.wait(timeout=120) or proc.poll() is not None:
        proc.kill()
        proc.wait()
        raise SystemExit(f"the window never painted ({proc.returncode}):\n{''.join(errors)}")
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    reader.join(timeout=10)
    if proc.returncode != 0 or any("Traceback" in line for line in errors):
        raise SystemExit(f"the window ended with {proc.returncode}:\n{''.join(errors)}")
    print("painted its first frame, then quit cleanly on SIGTERM")


def check_relay_alone(scratch: Path) -> None:
    step("haven-peer-relay in a virtualenv of its own")
    wheels = scratch / "wheels"
    for folder in ("packaging/pypi/core", "packaging/pypi/relay"):
        run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(wheels), folder],
            cwd=ROOT,
        )
    env_dir = scratch / "relay-venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", *map(str, sorted(wheels.glob("*.whl")))])
    installed = run([str(python), "-m", "pip", "list", "--format=json"]).stdout
    names = {d["name"].lower() for d in json.loads(installed)}
    heavy = names & {"pyside6-essentials", "shiboken6", "sqlcipher3", "zeroconf"}
    if heavy:
        raise SystemExit(f"the relay pulled in {sorted(heavy)}")
    out = run([str(env_dir / "bin" / "haven-relay"), "--version"]).stdout.strip()
    if out != f"haven-relay {haven.__version__}":
        raise SystemExit(f"the relay's own install says {out!r}")
    print(out)
    print("installed:", ", ".join(sorted(names)))


def check_desktop_metadata() -> None:
    linux = ROOT / "packaging" / "linux"
    for tool, args in (
        ("desktop-file-validate", [str(linux / "haven.desktop")]),
        ("appstreamcli", ["validate", "--no-net", str(linux / "haven.metainfo.xml")]),
    ):
        if shutil.which(tool) is None:
            skip(tool, "not installed; apt-get install desktop-file-utils appstream")
            continue
        step(tool)
        print(run([tool, *args]).stdout.strip() or "valid")


def build_appimage(bundle: Path) -> None:
    step("AppImage: the AppDir")
    script = ROOT / "packaging" / "appimage" / "build_appimage.sh"
    print(run(["bash", str(script), str(bundle)]).stdout.strip())
    apprun = bundle.parent / "Haven.AppDir" / "AppRun"
    out = run([str(apprun), "--version"]).stdout.strip()
    if out != f"haven {haven.__version__}":
        raise SystemExit(f"the AppDir's AppRun says {out!r}")
    print(f"AppRun --version: {out}")
    if not (os.environ.get("APPIMAGETOOL") or shutil.which("appimagetool")):
        skip("AppImage: packing", "appimagetool is not on this machine (packaging/README.md)")


def build_flatpak() -> None:
    if shutil.which("flatpak-builder") is None:
        skip("Flatpak", "flatpak-builder is not on this machine (packaging/README.md: Flatpak)")
        return
    skip("Flatpak", "needs the KDE runtime from Flathub and network access; run it by hand")


def main() -> int:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    bundle = Path(sys.argv[1]).resolve()
    command = bundle / ("haven.exe" if os.name == "nt" else "haven")
    if not command.is_file():
        raise SystemExit(f"no bundle at {bundle}; run make dist first")
    with tempfile.TemporaryDirectory(prefix="haven-dist-check-") as tmp:
        scratch = Path(tmp)
        check_version(command)
        check_journal(command, scratch / "journal")
        check_gui(command, scratch / "gui")
        check_suite_against_bundle(command)
        check_relay_alone(scratch / "relay")
    check_desktop_metadata()
    build_appimage(bundle)
    build_flatpak()
    print("\ndist-check: all steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
