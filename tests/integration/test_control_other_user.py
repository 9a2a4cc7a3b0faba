"""Another user cannot reach the control channel: the folder and socket modes keep them out,
and if those were loosened by mistake, the kernel's word on the peer (SO_PEERCRED) still
does. Needs root, to become another user in a forked child; a real `haven serve`."""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.control import wire
from haven.control.place import place_for
from tests.helpers import new_session
from tests.integration.cli_support import Server, fails, haven, ok, own_runtime_folder

NOBODY = 65534

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.getuid() != 0,
    reason="becoming another user needs root on Linux",
)


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """This test's own short runtime folder, which others may traverse (/tmp/haven-UID is
    shared with other tests running at the same time: never loosen that one)."""
    with own_runtime_folder(monkeypatch) as folder:
        folder.chmod(0o711)
        yield folder


def as_other_user(path: Path) -> str:
    """In a forked child running as `nobody`: send `journal list` over the socket; what
    came back (or the error that stopped it)."""
    request = wire.encode_request(wire.Request(["journal", "list"], "/", False))
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no pytest, no haven beyond the bytes above
        result = b""
        try:
            os.close(read_end)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(20)
                sock.connect(str(path))
                with contextlib.suppress(BrokenPipeError):  # refused before it was read
                    sock.sendall(request)
                while chunk := sock.recv(65536):
                    result += chunk
            result = b"answer:" + result
        except BaseException as exc:
            result = f"failed:{type(exc).__name__}".encode()
        finally:
            os.write(write_end, result)
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        out = pipe.read()
    os.waitpid(pid, 0)
    return out.decode("utf-8", "replace")


def refused_here(data_dir: Path, why: str) -> None:
    done = haven(data_dir, "journal", "list")
    assert "haven: warning: not using the control socket" in done.stderr
    assert why in done.stderr
    fails(done, 6, "in use")


def test_another_user_is_kept_out_twice(tmp_path: Path, runtime: Path) -> None:
    new_session(tmp_path / "ari", "Ari").lock()
    ari = tmp_path / "ari"
    ok(haven(ari, "journal", "add", "private words"))
    server = Server(ari)
    place = place_for(ari)
    assert place.folder.parent == runtime
    try:
        # As made: 0700 folder, 0600 socket. The other user cannot even connect.
        assert as_other_user(place.socket) == "failed:PermissionError"
        # Our own command will not use a socket in a folder others can enter, nor a socket
        # others may use: it runs here, and the vault is held, so it says so.
        place.folder.chmod(0o711)
        refused_here(ari, "can be opened by other users")
        place.folder.chmod(0o700)
        place.socket.chmod(0o666)
        refused_here(ari, "can be used by other users")
        # Both loosened by mistake: they connect, and the server refuses them by uid.
        place.folder.chmod(0o711)
        answer = as_other_user(place.socket)
        assert answer.startswith("answer:"), answer
        assert "refused: the command comes from another user" in answer
        assert "private words" not in answer
    finally:
        place.folder.chmod(0o700)
        status, _, err = server.stop()
    assert status == 0 and "refused a connection from another user" in err
