"""A `haven` command's side of the control channel: if a Haven holds this data folder, hand
it the command and show what it prints.

This runs before anything heavy is imported (no Qt, no SQLCipher, no core services), so a
command answered by the running Haven costs a Python start and a socket round trip, not
an unlock (`make bench BENCH_ARGS=control`). `forward` returns None when nobody holds the
folder: the command then runs here, as it always did.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
from collections.abc import Callable
from pathlib import Path

from haven.control import wire
from haven.control.peer import same_user
from haven.control.place import NotPrivate, check_private_folder, check_socket_file, place_for

#: How long to wait for the running Haven to accept and start a command.
CONNECT_TIMEOUT_S = 10.0
UNEXPECTED_EXIT = 70
INTERRUPTED_EXIT = 130
NO_CHANNEL = (
    "Haven is open on this data folder (the app or `haven serve`), and on this system "
    "commands cannot reach it yet: quit it first"
)
_NOBODY_THERE = (errno.ENOENT, errno.ECONNREFUSED, errno.ENOTSOCK)


def forward(argv: list[str], data_dir: Path, edit: Callable[[], str]) -> int | None:
    """Run `argv` in the Haven holding `data_dir`: its exit code, or None if none does.
    `edit` writes a text in the person's editor, here, when the command asks for one."""
    if not hasattr(socket, "AF_UNIX"):  # Windows: no channel yet (THREAT_MODEL §6)
        from haven.control.instance import is_claimed

        if is_claimed(data_dir):
            _error(NO_CHANNEL)
            return 6
        return None
    place = place_for(data_dir)
    try:
        check_private_folder(place.folder)
        check_socket_file(place.socket)
    except FileNotFoundError:
        return None
    except (NotPrivate, OSError) as exc:
        _warn(f"not using the control socket ({exc}); running the command here")
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(CONNECT_TIMEOUT_S)
    try:
        sock.connect(str(place.socket))
    except OSError as exc:
        sock.close()
        if exc.errno in _NOBODY_THERE:
            return None  # a socket left by a crash: the next serve or app removes it
        _warn(f"cannot reach the running Haven ({exc.strerror}); running the command here")
        return None
    with sock:
        if not same_user(sock):
            _error("the control socket is held by another user; not sending the command")
            return 6
        try:
            return _converse(sock, argv, edit)
        except KeyboardInterrupt:
            _error("interrupted; the running Haven may still finish the command")
            return INTERRUPTED_EXIT
        except (OSError, wire.WireError) as exc:
            _error(
                f"the running Haven stopped answering ({exc}); the command may or may not "
                "have been done"
            )
            return UNEXPECTED_EXIT


def _converse(sock: socket.socket, argv: list[str], edit: Callable[[], str]) -> int:
    request = wire.Request(list(argv), os.getcwd(), _stdin_is_tty())
    sock.sendall(wire.encode_request(request))
    sock.settimeout(None)  # a command may run long (a sync round); Ctrl+C ends the wait
    out, err = sys.stdout.buffer, sys.stderr.buffer
    while True:
        kind, payload = wire.read_frame(sock, wire.SERVER_KINDS)
        if kind == wire.STDOUT:
            out.write(payload)
            out.flush()
        elif kind == wire.STDERR:
            err.write(payload)
            err.flush()
        elif kind == wire.EXIT:
            text = payload.decode("ascii", "replace")
            if not text.isdigit() or not 0 <= int(text) <= 255:
                raise wire.WireError("a bad exit code")
            return int(text)
        else:
            sock.sendall(_answer(kind, edit))


def _answer(kind: bytes, edit: Callable[[], str]) -> bytes:
    """Read what the command asked for, here, where the person is."""
    try:
        if kind == wire.ASK_STDIN:
            data = sys.stdin.buffer.read(wire.MAX_FRAME + 1)
            if len(data) > wire.MAX_FRAME:
                return wire.frame(wire.REFUSED, b"standard input is too large")
            return wire.frame(wire.DATA, data)
        if kind == wire.ASK_LINE:
            return wire.frame(wire.DATA, sys.stdin.buffer.readline(wire.MAX_FRAME))
        return wire.frame(wire.DATA, edit().encode("utf-8"))
    except Exception as exc:  # the editor's InvalidInput, a closed stdin: say why
        return wire.frame(wire.REFUSED, str(exc).encode("utf-8")[:500] or b"no input")


def _stdin_is_tty() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:
        return False


def _error(message: str) -> None:
    print(f"haven: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"haven: warning: {message}", file=sys.stderr)
