"""packaging/relay/: the container file and the systemd unit start a real relay with the
command lines they hold, their health check passes, and the unit's hardening is what
systemd itself reads. Only 127.0.0.1 is ever listened on here: the container's 0.0.0.0
becomes 127.0.0.1 and its fixed port a free one."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.relay_process import RELAY_COMMAND, Relay

ROOT = Path(__file__).resolve().parents[2]
RELAY = ROOT / "packaging" / "relay"


def containerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", (RELAY / "Containerfile").read_text(encoding="utf-8"))
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            pairs.append((word.upper(), rest.strip()))
    return pairs


def build_stage() -> list[tuple[str, str]]:
    """The instructions of the first stage, the one that makes the wheels."""
    pairs = containerfile()
    starts = [i for i, (word, _rest) in enumerate(pairs) if word == "FROM"]
    return pairs[starts[0] : starts[1]]


def last(pairs: list[tuple[str, str]], word: str) -> str:
    return [rest for w, rest in pairs if w == word][-1]


def unit() -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for line in (RELAY / "haven-relay.service").read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            values.setdefault(key.strip(), []).append(value.strip())
    return values


@pytest.fixture
def relay_from_container(tmp_path: Path) -> Iterator[Relay]:
    args = json.loads(last(containerfile(), "CMD"))
    data = tmp_path / "data"
    data.mkdir()
    swapped = {
        "0.0.0.0": "127.0.0.1",
        "8765": "0",
        "/data/relay.db": str(data / "relay.db"),
        "/etc/haven-relay/relay.toml": str(RELAY / "relay.toml"),
    }
    relay = Relay([swapped.get(a, a) for a in args])
    yield relay
    assert relay.stop() == 0
    assert (data / "relay.db").is_file()


def test_both_trust_the_proxy_they_sit_behind() -> None:
    """Behind Caddy or nginx every client arrives from the proxy; the relay's per-address
    limits need X-Forwarded-For, which is safe because the relay's port is on loopback."""
    settings = tomllib.loads((RELAY / "relay.toml").read_text(encoding="utf-8"))
    assert settings["trust_proxy"] is True
    assert "--config" in json.loads(last(containerfile(), "CMD"))
    assert "/etc/haven-relay/relay.toml" in last(containerfile(), "COPY")
    assert "--config ${CONFIGURATION_DIRECTORY}/relay.toml" in unit()["ExecStart"][0]
    readme = (RELAY / "README.md").read_text(encoding="utf-8")
    assert "-p 127.0.0.1:8765:8765" in readme  # the container's port published on loopback


def test_the_container_runs_unprivileged_with_its_data_in_a_volume() -> None:
    pairs = containerfile()
    user = last(pairs, "USER").split(":")[0]
    assert user not in ("", "root", "0")
    assert "/data" in json.loads(last(pairs, "VOLUME"))
    assert json.loads(last(pairs, "ENTRYPOINT")) == ["haven-relay"]
    assert "/data/relay.db" in json.loads(last(pairs, "CMD"))
    for word, rest in pairs:
        if word == "COPY" and not rest.startswith("--from"):
            for source in rest.split()[:-1]:
                assert (ROOT / source).exists(), source


def test_the_container_build_stage_makes_the_relay_wheels(tmp_path: Path) -> None:
    """The build context holds only what the COPY lines name; the relay's wheels must build
    from that alone (a relay module importing more of Haven would break the image)."""
    context = tmp_path / "context"  # the build stage's WORKDIR
    for word, rest in build_stage():
        if word == "COPY" and not rest.startswith("--from"):
            *sources, target = rest.split()
            assert not target.startswith("/"), target  # relative to the WORKDIR
            for source in map(ROOT.joinpath, sources):
                # COPY's rules: a folder's contents go into the target; a file goes into a
                # target ending in "/", or becomes the target.
                if source.is_dir():
                    shutil.copytree(source, context / target, dirs_exist_ok=True)
                else:
                    dest = (
                        context / target / source.name if target.endswith("/") else context / target
                    )
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(source, dest)
    out = tmp_path / "wheels"
    for folder in ("packaging/pypi/core", "packaging/pypi/relay"):
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(out), folder],
            cwd=context, check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    assert sorted(p.name.split("-")[0] for p in out.glob("*.whl")) == [
        "haven_peer_core",
        "haven_peer_relay",
    ]


def test_the_container_health_check_passes(relay_from_container: Relay) -> None:
    check = json.loads(last(containerfile(), "HEALTHCHECK").split("CMD", 1)[1])
    assert check[0] == "python" and "/healthz" in check[-1]
    code = check[-1].replace("127.0.0.1:8765", f"127.0.0.1:{relay_from_container.port}")
    result = subprocess.run([sys.executable, *check[1:-1], code], capture_output=True, timeout=30)
    assert result.returncode == 0, result.stderr
    url = f"http://127.0.0.1:{relay_from_container.port}/healthz"
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200


def test_the_unit_is_hardened_as_promised() -> None:
    values = unit()
    for key, value in {
        "DynamicUser": "yes",
        "ProtectSystem": "strict",
        "StateDirectory": "haven-relay",
        "NoNewPrivileges": "yes",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "UMask": "0077",
    }.items():
        assert values.get(key) == [value], key
    assert int(values["LimitNOFILE"][0]) >= 8192
    assert values["CapabilityBoundingSet"] == [""]


def _unit_for_this_machine(tmp_path: Path) -> Path:
    text = (RELAY / "haven-relay.service").read_text(encoding="utf-8")
    path = tmp_path / "haven-relay.service"
    path.write_text(text.replace("/opt/haven-relay/bin/haven-relay", str(RELAY_COMMAND)))
    return path


def test_systemd_reads_the_unit_without_a_complaint(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    path = _unit_for_this_machine(tmp_path)
    verify = subprocess.run([analyze, "verify", str(path)], capture_output=True, text=True)
    assert verify.returncode == 0 and verify.stdout + verify.stderr == "", verify.stderr
    security = subprocess.run(
        [analyze, "security", "--offline=true", str(path)], capture_output=True, text=True
    )
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", security.stdout)
    assert match is not None, security.stdout + security.stderr
    assert float(match.group(1)) <= 2.0, security.stdout  # systemd rates up to 2.0 "OK"


def test_the_units_command_line_starts_the_relay(tmp_path: Path) -> None:
    command = shlex.split(unit()["ExecStart"][0])
    assert command[0] == "/opt/haven-relay/bin/haven-relay"
    state = tmp_path / "state"
    state.mkdir()
    args = [
        a.replace("${STATE_DIRECTORY}", str(state)).replace(
            "${CONFIGURATION_DIRECTORY}", str(RELAY)
        )
        for a in command[1:]
    ]
    assert unit()["ConfigurationDirectory"] == ["haven-relay"]
    assert unit()["ExecReload"] == ["/bin/kill -HUP $MAINPID"]  # the relay reloads on SIGHUP
    assert args[args.index("--host") + 1] == "127.0.0.1"  # behind a proxy on the same machine
    args[args.index("--port") + 1] = "0"
    relay = Relay(args)
    url = f"http://127.0.0.1:{relay.port}/healthz"
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
    assert relay.stop() == 0
    assert (state / "relay.db").is_file()
