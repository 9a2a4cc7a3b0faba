"""The control channel's bytes: one request, then frames both ways.

The client sends one request: a 4-byte big-endian length and a JSON object
`{"v": 1, "argv": [...], "cwd": "...", "stdin_tty": bool}` (at most MAX_REQUEST bytes).
After that both sides send frames: one kind byte, a 4-byte length, the payload (at most
MAX_FRAME bytes).

From the running Haven: `o`/`e` bytes for the client's stdout/stderr, `x` the exit code
(ASCII digits; always last), and `I` (send all of stdin), `L` (send one line of stdin),
`E` (run the editor and send the text) when a command asks for input. The client answers
each ask with `d` (the data) or `!` (a one-line reason it could not).

Everything read from the socket is `untrusted_*` until it has been checked here.
"""

from __future__ import annotations

import json
import socket
import struct

VERSION = 1
MAX_REQUEST = 64 * 1024
#: A journal entry is at most 200,000 characters (≤ 800 kB of UTF-8): this leaves room.
MAX_FRAME = 16 * 1024 * 1024
MAX_ARGS = 256
_LENGTH = struct.Struct(">I")

STDOUT, STDERR, EXIT = b"o", b"e", b"x"
ASK_STDIN, ASK_LINE, ASK_EDITOR = b"I", b"L", b"E"
DATA, REFUSED = b"d", b"!"
SERVER_KINDS = frozenset((STDOUT, STDERR, EXIT, ASK_STDIN, ASK_LINE, ASK_EDITOR))
CLIENT_KINDS = frozenset((DATA, REFUSED))


class WireError(Exception):
    """The other side sent something this protocol does not allow (or went away)."""


class Request:
    """What a command is: its arguments, the caller's folder and whether its stdin is a
    terminal. (Not a dataclass or NamedTuple: their imports cost every command.)"""

    __slots__ = ("argv", "cwd", "stdin_tty")

    def __init__(self, argv: list[str], cwd: str, stdin_tty: bool) -> None:
        self.argv, self.cwd, self.stdin_tty = argv, cwd, stdin_tty


def encode_request(request: Request) -> bytes:
    body = json.dumps(
        {"v": VERSION, "argv": request.argv, "cwd": request.cwd, "stdin_tty": request.stdin_tty}
    ).encode("utf-8")
    if len(body) > MAX_REQUEST:
        raise WireError("the command line is too long to pass on")
    return _LENGTH.pack(len(body)) + body


def read_request(sock: socket.socket) -> Request:
    (length,) = _LENGTH.unpack(read_exact(sock, _LENGTH.size))
    if length > MAX_REQUEST:
        raise WireError(f"the request is too large ({length} bytes; at most {MAX_REQUEST})")
    untrusted = read_exact(sock, length)
    try:
        value = json.loads(untrusted.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise WireError("the request is not JSON") from None
    if not isinstance(value, dict) or value.get("v") != VERSION:
        raise WireError("the request is not a version-1 command (is this the same Haven?)")
    argv, cwd, tty = value.get("argv"), value.get("cwd"), value.get("stdin_tty")
    if (
        not isinstance(argv, list)
        or len(argv) > MAX_ARGS
        or not all(isinstance(a, str) for a in argv)
        or not isinstance(cwd, str)
        or not isinstance(tty, bool)
    ):
        raise WireError("the request is malformed")
    return Request(argv, cwd, tty)


def frame(kind: bytes, payload: bytes = b"") -> bytes:
    if len(payload) > MAX_FRAME:
        raise WireError(f"a frame of {len(payload)} bytes is over the limit of {MAX_FRAME}")
    return kind + _LENGTH.pack(len(payload)) + payload


def read_frame(sock: socket.socket, allowed: frozenset[bytes]) -> tuple[bytes, bytes]:
    head = read_exact(sock, 1 + _LENGTH.size)
    kind, (length,) = head[:1], _LENGTH.unpack(head[1:])
    if kind not in allowed:
        raise WireError(f"unexpected frame kind {kind!r}")
    if length > MAX_FRAME:
        raise WireError(f"a frame of {length} bytes is over the limit of {MAX_FRAME}")
    return kind, read_exact(sock, length)


def read_exact(sock: socket.socket, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise WireError("the other side closed the connection")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
