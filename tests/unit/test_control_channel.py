"""The control channel's parts without a server process: where the socket goes, the private
folder checks, the peer check, the wire's limits, what a command's process imports, and the
forwarded command's terminal (tests/integration/test_control_cli.py runs the real thing)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from haven.cli.remote import LOCKED, RemoteCommands
from haven.control import peer, wire
from haven.control.instance import claim_instance
from haven.control.place import (
    MAX_SOCKET_PATH,
    NotPrivate,
    check_private_folder,
    check_socket_file,
    place_for,
)
from haven.errors import AlreadyOpen
from tests.integration.cli_support import own_runtime_folder


def test_the_socket_path_is_short_and_one_per_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/run/user/1000")
    a, b = place_for(tmp_path / "a"), place_for(tmp_path / "b")
    assert a.folder == Path("/run/user/1000/haven") and a.socket != b.socket
    (tmp_path / "link").symlink_to(tmp_path / "a")
    assert place_for(tmp_path / "link").socket == a.socket  # the same folder, however named
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/" + "deep/" * 30)
    far = place_for(tmp_path / "a")
    assert far.folder == Path(f"/tmp/haven-{os.getuid()}")
    assert len(os.fsencode(str(far.socket))) <= MAX_SOCKET_PATH


def test_only_a_private_folder_of_ours_is_used(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir(mode=0o700)
    check_private_folder(good)
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o700)
    loose.chmod(0o755)
    with pytest.raises(NotPrivate, match="other users"):
        check_private_folder(loose)
    (tmp_path / "link").symlink_to(good)
    with pytest.raises(NotPrivate, match="not a folder"):
        check_private_folder(tmp_path / "link")
    (tmp_path / "file").write_text("")
    with pytest.raises(NotPrivate, match="not a socket"):
        check_socket_file(tmp_path / "file")
    if os.getuid() == 0:  # root can make a folder that belongs to someone else
        theirs = tmp_path / "theirs"
        theirs.mkdir(mode=0o700)
        os.chown(theirs, 65534, 65534)
        with pytest.raises(NotPrivate, match="another user"):
            check_private_folder(theirs)


def test_a_folder_that_is_not_private_means_no_channel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with own_runtime_folder(monkeypatch) as runtime:
        (runtime / "haven").mkdir(mode=0o700)
        (runtime / "haven").chmod(0o777)
        assert place_for(tmp_path / "data").folder == runtime / "haven"
        assert claim_instance(tmp_path / "data") is None  # a warning, no lock taken there
        (runtime / "haven").chmod(0o700)
        first = claim_instance(tmp_path / "data")
        assert first is not None
        try:
            with pytest.raises(AlreadyOpen, match="already open"):
                claim_instance(tmp_path / "data")
        finally:
            first.release()
        again = claim_instance(tmp_path / "data")
        assert again is not None
        again.release()


def test_the_peer_check_trusts_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = socket.socketpair(socket.AF_UNIX)
    with a, b:
        assert peer.peer_uid(a) == os.getuid()
        assert peer.same_user(a)
        monkeypatch.setattr(peer.os, "getuid", lambda: 4242)
        assert not peer.same_user(a)  # another uid on the other end
        monkeypatch.undo()

        def broken(*_args: object) -> bytes:
            raise OSError("getsockopt failed")

        class Failing:
            getsockopt = staticmethod(broken)

        assert not peer.same_user(Failing())  # type: ignore[arg-type]  # a failed check refuses


def test_the_wire_keeps_its_limits() -> None:
    request = wire.Request(["journal", "list"], "/home/robin", True)
    a, b = socket.socketpair(socket.AF_UNIX)
    with a, b:
        a.sendall(wire.encode_request(request))
        got = wire.read_request(b)
        assert (got.argv, got.cwd, got.stdin_tty) == (request.argv, request.cwd, True)
        a.sendall(b"o" + (wire.MAX_FRAME + 1).to_bytes(4, "big"))
        with pytest.raises(wire.WireError, match="over the limit"):
            wire.read_frame(b, wire.SERVER_KINDS)
        a.sendall(wire.frame(wire.STDOUT, b"hi"))
        with pytest.raises(wire.WireError, match="unexpected frame kind"):
            wire.read_frame(b, wire.CLIENT_KINDS)
    with pytest.raises(wire.WireError, match="too long"):
        wire.encode_request(wire.Request(["x" * wire.MAX_REQUEST], "/", False))
    with pytest.raises(wire.WireError):
        wire.frame(wire.STDOUT, b"x" * (wire.MAX_FRAME + 1))


def test_a_command_process_loads_nothing_heavy_before_forwarding() -> None:
    code = (
        "import sys, haven.__main__, haven.control.client, haven.cli.argv, haven.core.paths\n"
        "heavy = ('PySide6', 'sqlcipher3', 'nacl', 'haven.store', 'haven.core.session',\n"
        "         'haven.cli.main', 'haven.sync', 'platformdirs', 'dataclasses', 'typing')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


class RecordingIO:
    """Stands in for the channel's CommandIO: records frames, has no input to give."""

    stdin_tty = False

    def __init__(self) -> None:
        self.frames: list[tuple[bytes, bytes]] = []

    def write(self, kind: bytes, data: bytes) -> None:
        self.frames.append((kind, data))

    def flush(self) -> None:
        pass

    def ask(self, kind: bytes) -> bytes:
        raise ConnectionError("no terminal in this test")

    def text(self, kind: bytes) -> str:
        return b"".join(d for k, d in self.frames if k == kind).decode()


def test_a_forwarded_command_writes_to_its_caller_and_nowhere_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commands = RemoteCommands(tmp_path, lambda: None)  # a locked app: no session
    channel = RecordingIO()
    meanwhile: list[int] = []

    def server_line() -> None:  # another thread of the running Haven prints meanwhile
        print("synced: journal")
        meanwhile.append(1)

    printer = threading.Thread(target=server_line)
    code = commands(wire.Request(["journal", "list"], "/", False), channel)  # type: ignore[arg-type]
    printer.start()
    printer.join()
    assert code == 10 and LOCKED in channel.text(wire.STDERR)
    assert channel.text(wire.STDOUT) == ""
    assert capsys.readouterr().out == "synced: journal\n"  # not sent to the caller
    prompt = commands(wire.Request(["prompt"], "/", False), channel)  # type: ignore[arg-type]
    assert prompt == 0 and channel.text(wire.STDOUT).strip()
    usage = commands(wire.Request(["journal"], "/", False), channel)  # type: ignore[arg-type]
    assert usage == 2 and "usage: haven journal" in channel.text(wire.STDERR)
    added = commands(wire.Request(["journal", "add", "-"], "/", False), channel)  # type: ignore[arg-type]
    assert added == 2 and "no input from the caller" in channel.text(wire.STDERR)
    assert "Traceback" not in channel.text(wire.STDERR)


def test_without_unix_sockets_a_command_says_why_it_cannot_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Windows has no AF_UNIX in Python: the command runs itself, unless a Haven holds the
    folder — then it says so plainly instead of racing the open app for the vault."""
    from haven.control import client

    with own_runtime_folder(monkeypatch):
        monkeypatch.delattr(client.socket, "AF_UNIX")
        data = tmp_path / "data"
        assert client.forward(["journal", "list"], data, str) is None  # nobody holds it
        claim = claim_instance(data)
        assert claim is not None
        try:
            assert client.forward(["journal", "list"], data, str) == 6
        finally:
            claim.release()
    assert capsys.readouterr().err == f"haven: error: {client.NO_CHANNEL}\n"


def test_a_command_waiting_for_its_caller_blocks_no_other_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A person writing an entry in $EDITOR (or pausing at a y/N) keeps their command open for
    up to INPUT_TIMEOUT_S; another `haven` command meanwhile runs at once (issue 11: no
    command ever blocks another). The real server and socket, a runner standing in for the
    CLI."""
    from haven.control.server import CommandIO, ControlServer

    def runner(request: wire.Request, io: CommandIO) -> int:
        if request.argv == ["edit"]:
            io.write(wire.STDOUT, io.ask(wire.ASK_EDITOR))
        else:
            io.write(wire.STDOUT, b"quick")
        return 0

    def connect(argv: list[str]) -> socket.socket:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(20)
        sock.connect(server.path)
        sock.sendall(wire.encode_request(wire.Request(argv, "/", True)))
        return sock

    with own_runtime_folder(monkeypatch):
        claim = claim_instance(tmp_path / "data")
        assert claim is not None
        server = ControlServer(claim, runner)
        assert server.start()
        try:
            with connect(["edit"]) as editing:
                assert wire.read_frame(editing, wire.SERVER_KINDS)[0] == wire.ASK_EDITOR
                with connect(["quick"]) as quick:  # the editor is still open
                    frames = [wire.read_frame(quick, wire.SERVER_KINDS) for _ in range(2)]
                assert frames == [(wire.STDOUT, b"quick"), (wire.EXIT, b"0")]
                editing.sendall(wire.frame(wire.DATA, b"dear diary"))
                frames = [wire.read_frame(editing, wire.SERVER_KINDS) for _ in range(2)]
                assert frames == [(wire.STDOUT, b"dear diary"), (wire.EXIT, b"0")]
        finally:
            server.close()
