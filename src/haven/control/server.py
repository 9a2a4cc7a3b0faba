"""The running Haven's side of the control channel: accept a command on the user-only
socket, check who sent it, run it through the CLI's own handlers (`runner`, supplied by
`haven.cli.remote`) and send back its output and exit code.

Each command runs on its own thread (at most MAX_RUNNING at once), so one that waits for its
caller (a y/N, an entry being written in $EDITOR, for up to INPUT_TIMEOUT_S) blocks no
other. Commands share nothing but the session: the vault serialises each read and
transaction with the other commands and the instance's own work (sync rounds, the app's
workers), so a command interleaves with them statement by statement and never holds the
vault while it waits for its caller's input; each command's streams are its own
(cli/remote.py switches them per thread). A client that sends nothing, or garbage, or too
much, gets a one-line error and is dropped; nothing a client sends can stop the server.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
from collections.abc import Callable

from haven.control import wire
from haven.control.instance import InstanceClaim
from haven.control.peer import same_user
from haven.control.place import MAX_SOCKET_PATH

log = logging.getLogger(__name__)

#: How long a connected client may take to send its request.
REQUEST_TIMEOUT_S = 10.0
#: How long a command waits for its caller's input (a person answering y/N, an editor).
INPUT_TIMEOUT_S = 30 * 60.0
_FLUSH_AT = 64 * 1024
_DRAIN_S = 1.0
_BACKLOG = 8
#: Commands running at once; one more waits for a place (each is a thread of this process).
MAX_RUNNING = 32


class CommandIO:
    """The caller's terminal, seen from the command: output goes back in frames (buffered),
    input is asked for when the command reads it. Used from the command's thread only."""

    def __init__(self, conn: socket.socket, stdin_tty: bool) -> None:
        self._conn = conn
        self.stdin_tty = stdin_tty
        self._out: list[tuple[bytes, bytearray]] = []
        self._size = 0
        self.gone = False

    def write(self, kind: bytes, data: bytes) -> None:
        if self._out and self._out[-1][0] == kind:
            self._out[-1][1].extend(data)
        else:
            self._out.append((kind, bytearray(data)))
        self._size += len(data)
        if self._size >= _FLUSH_AT:
            self.flush()

    def flush(self) -> None:
        pending, self._out, self._size = self._out, [], 0
        for kind, data in pending:
            for start in range(0, len(data), wire.MAX_FRAME):
                self._send(wire.frame(kind, bytes(data[start : start + wire.MAX_FRAME])))

    def ask(self, kind: bytes) -> bytes:
        """All of stdin (ASK_STDIN), one line (ASK_LINE) or an edited text (ASK_EDITOR).
        ConnectionError when the caller has gone or refused (its reason is the message)."""
        self.flush()
        self._send(wire.frame(kind))
        if self.gone:
            raise ConnectionError("the command's caller has gone")
        self._conn.settimeout(INPUT_TIMEOUT_S)
        try:
            answer, payload = wire.read_frame(self._conn, wire.CLIENT_KINDS)
        except wire.WireError as exc:  # still there, but not speaking this protocol
            raise ConnectionError(str(exc)) from exc
        except OSError as exc:
            self.gone = True
            raise ConnectionError("the command's caller has gone") from exc
        if answer == wire.REFUSED:
            raise ConnectionError(payload.decode("utf-8", "replace")[:500])
        return payload

    def finish(self, code: int) -> None:
        self.flush()
        self._send(wire.frame(wire.EXIT, str(code).encode("ascii")))

    def _send(self, data: bytes) -> None:
        if self.gone:
            return  # the caller left (Ctrl+C): the command still finishes, unheard
        try:
            self._conn.sendall(data)
        except OSError:
            self.gone = True


Runner = Callable[[wire.Request, CommandIO], int]


class ControlServer:
    """Listens on the claim's socket path until `close`. `start` returns False where Unix
    sockets are missing (Windows): the claim still keeps a second instance out."""

    def __init__(self, claim: InstanceClaim, runner: Runner) -> None:
        self._claim = claim
        self._runner = runner
        self._sock: socket.socket | None = None
        self._stop = threading.Event()
        self._running = threading.BoundedSemaphore(MAX_RUNNING)
        self._thread: threading.Thread | None = None

    @property
    def path(self) -> str:
        return str(self._claim.place.socket)

    def start(self) -> bool:
        if not hasattr(socket, "AF_UNIX"):
            log.info("no control channel on this platform: commands cannot reach this Haven")
            return False
        if len(os.fsencode(self.path)) > MAX_SOCKET_PATH:
            log.warning("no control channel: the socket path would be too long")
            return False
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            # The folder is 0700, so nobody else can reach the socket before the chmod.
            sock.bind(self.path)
            os.chmod(self.path, 0o600)
            sock.listen(_BACKLOG)
            sock.settimeout(0.25)  # so close() is noticed without closing under accept()
        except OSError as exc:
            sock.close()
            log.warning("no control channel: %s", exc)
            return False
        self._sock = sock
        self._thread = threading.Thread(target=self._accept_loop, name="haven-control", daemon=True)
        self._thread.start()
        return True

    def close(self) -> None:
        """Stop listening, remove the socket, give up the claim. Commands already running
        finish on their own threads."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._sock is not None:
            self._sock.close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)
            self._sock = None
        self._claim.release()

    def _accept_loop(self) -> None:
        assert self._sock is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError as exc:
                log.warning("control channel: accept failed (%s)", type(exc).__name__)
                continue
            threading.Thread(
                target=self._serve_one, args=(conn,), name="haven-control-command", daemon=True
            ).start()

    def _serve_one(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(REQUEST_TIMEOUT_S)
            if not same_user(conn):
                log.warning("control channel: refused a connection from another user")
                _refuse(conn, "refused: the command comes from another user", 6)
                return
            try:
                request = wire.read_request(conn)
            except (OSError, wire.WireError) as exc:
                _refuse(conn, f"the running Haven could not read the command: {exc}", 2)
                return
            with self._running:
                io = CommandIO(conn, request.stdin_tty)
                try:
                    code = self._runner(request, io)
                except Exception as exc:  # the runner reports its own; this is a last guard
                    log.warning("control channel: command failed (%s)", type(exc).__name__)
                    code = 70
                io.finish(code)


def _refuse(conn: socket.socket, message: str, code: int) -> None:
    """Send the error, then read (and drop) a little of what the client is still sending:
    closing with unread bytes would reset the connection and lose the error on its way."""
    with contextlib.suppress(OSError):
        conn.sendall(
            wire.frame(wire.STDERR, f"haven: error: {message}\n".encode())
            + wire.frame(wire.EXIT, str(code).encode("ascii"))
        )
        conn.shutdown(socket.SHUT_WR)
        conn.settimeout(_DRAIN_S)
        drained = 0
        while drained <= wire.MAX_REQUEST and (chunk := conn.recv(65536)):
            drained += len(chunk)
