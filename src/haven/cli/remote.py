"""Commands forwarded by the control channel, run in the Haven that holds the vault.

The same parser and the same handlers as `haven COMMAND` (cli/main.py), against the serving
Session: there is no second implementation of any command. What differs is the terminal.
While a forwarded command runs, `sys.stdout`, `sys.stderr` and `sys.stdin` of its thread
(and of what it runs through `asyncio.to_thread`, which copies the context) are the
caller's, through the channel (haven/control/server.py `CommandIO`); every other thread of
the process keeps its own. A command never asks for a passphrase here, and a few commands
make no sense against a vault that is already open (REFUSED).
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import io
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO, cast

from haven.cli.context import Context
from haven.cli.main import build_parser, run_handler
from haven.control import wire
from haven.control.instance import claim_instance
from haven.control.server import CommandIO, ControlServer
from haven.core.session import Session
from haven.errors import AlreadyOpen, InvalidInput, VaultLocked

LOCKED = "Haven is open on this data folder but locked: unlock it there (or quit it) and try again"
NO_PASSPHRASE = (
    "this command asks for a passphrase, which a command sent to the running Haven cannot"
    " do: quit the app or `haven serve` first"
)
#: Commands a running Haven does not run for a caller, and what to do instead.
REFUSED = {
    "serve": "Haven is already open on this data folder (the app or `haven serve`)",
    "init": "a vault already exists in this data folder and Haven has it open",
    "restore": "restore into a data folder that no Haven has open",
    "passphrase": "passphrases are changed in the app's Settings, or with Haven closed:"
    " quit it and run this again",
}
#: Arguments that name a file: relative to the caller's folder, not the server's.
_PATH_ARGS = {"export": "dest", "backup": "dest", "attachment": "dest"}
#: Options that name several of the caller's files (`space post --attach A --attach B`).
_PATH_LISTS = {"space": "attach", "dm": "attach"}

_streams: contextvars.ContextVar[_Streams | None] = contextvars.ContextVar(
    "haven_control_streams", default=None
)


class RemoteContext(Context):
    """The serving Session instead of an unlock; never closes it, never prompts."""

    def __init__(
        self, data_dir: Path, session_of: Callable[[], Session | None], channel: CommandIO
    ) -> None:
        super().__init__(data_dir=data_dir)
        self._session_of = session_of
        self._channel = channel

    def open(self) -> Session:
        session = self._session_of()
        if session is None or not session.is_open:
            raise VaultLocked(LOCKED)
        return session

    def close(self) -> None:
        pass  # the session belongs to the app or `haven serve`

    def passphrase(self, prompt: str = "Passphrase: ") -> str:
        raise InvalidInput(NO_PASSPHRASE)

    def new_passphrase(self, related: list[str], what: str = "passphrase") -> str:
        raise InvalidInput(NO_PASSPHRASE)

    def write_in_editor(self) -> str:
        return _ask(self._channel, wire.ASK_EDITOR).decode("utf-8", "replace")


class RemoteCommands:
    """The `runner` a ControlServer calls: parse, refuse or run, report the exit code."""

    def __init__(self, data_dir: Path, session_of: Callable[[], Session | None]) -> None:
        self._data_dir = data_dir
        self._session_of = session_of
        self._parser = build_parser()
        # Commands run at once, each on its own thread (control/server.py); argparse is not
        # documented as thread-safe, so one parse at a time (it never waits for input).
        self._parse_lock = threading.Lock()
        install_stream_switch()

    def __call__(self, request: wire.Request, channel: CommandIO) -> int:
        streams = _Streams(channel)
        token = _streams.set(streams)
        try:
            return self._run(request, channel)
        finally:
            streams.flush()
            _streams.reset(token)

    def _run(self, request: wire.Request, channel: CommandIO) -> int:
        try:
            with self._parse_lock:
                args = self._parser.parse_args(request.argv)
        except SystemExit as exc:  # --help, or a usage error (already printed)
            return exc.code if isinstance(exc.code, int) else 2
        handler = getattr(args, "handler", None)
        if handler is None:
            self._parser.print_help(sys.stderr)
            return 2
        refusal = REFUSED.get(args.command)
        if refusal is not None:
            handler = _refuse(refusal)
        path_arg = _PATH_ARGS.get(args.command)
        if path_arg is not None and isinstance(getattr(args, path_arg, None), str):
            where = os.path.expanduser(getattr(args, path_arg))
            setattr(args, path_arg, os.path.join(request.cwd, where))
        list_arg = _PATH_LISTS.get(args.command)
        if list_arg is not None and isinstance(getattr(args, list_arg, None), list):
            paths = [os.path.expanduser(p) for p in getattr(args, list_arg)]
            setattr(args, list_arg, [os.path.join(request.cwd, p) for p in paths])
        return run_handler(handler, args, RemoteContext(self._data_dir, self._session_of, channel))


@contextlib.contextmanager
def control_channel(data_dir: Path, session_of: Callable[[], Session | None]) -> Iterator[None]:
    """`haven serve`'s claim on `data_dir` (AlreadyOpen if another Haven holds it) and its
    control channel, for the duration of the block."""
    claim = claim_instance(data_dir)
    if claim is None:
        yield
        return
    server = ControlServer(claim, RemoteCommands(data_dir, session_of))
    server.start()
    try:
        yield
    finally:
        server.close()


def _refuse(message: str) -> Callable[[argparse.Namespace, Context], int]:
    def refuse(_args: argparse.Namespace, _ctx: Context) -> int:
        raise AlreadyOpen(message)

    return refuse


def _ask(channel: CommandIO, kind: bytes) -> bytes:
    try:
        return channel.ask(kind)
    except ConnectionError as exc:
        raise InvalidInput(f"no input from the caller: {exc}") from None


# ------------------------------------------------------------------ per-thread terminals


class _Sink(io.RawIOBase):
    def __init__(self, channel: CommandIO, kind: bytes) -> None:
        self._channel, self._kind = channel, kind

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._channel.write(self._kind, chunk)
        return len(chunk)

    def flush(self) -> None:
        self._channel.flush()


class _Source(io.RawIOBase):
    """The caller's stdin, fetched when a command first reads it."""

    def __init__(self, channel: CommandIO) -> None:
        self._channel = channel

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._channel.stdin_tty

    def readall(self) -> bytes:
        return _ask(self._channel, wire.ASK_STDIN)

    def read(self, size: int = -1) -> bytes:
        return self.readall()

    def readline(self, size: int | None = -1) -> bytes:
        return _ask(self._channel, wire.ASK_LINE)


class _Stdin(io.TextIOBase):
    def __init__(self, source: _Source) -> None:
        self.buffer = source

    def isatty(self) -> bool:
        return self.buffer.isatty()

    def read(self, size: int | None = -1) -> str:
        return self.buffer.readall().decode("utf-8", "replace")

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        return self.buffer.readline().decode("utf-8", "replace")


def _text(sink: _Sink) -> io.TextIOWrapper:
    """Straight into the channel (which buffers, in order across stdout and stderr)."""
    return io.TextIOWrapper(cast(Any, sink), "utf-8", "replace", write_through=True)


class _Streams:
    def __init__(self, channel: CommandIO) -> None:
        self.stdout = _text(_Sink(channel, wire.STDOUT))
        self.stderr = _text(_Sink(channel, wire.STDERR))
        self.stdin = _Stdin(_Source(channel))

    def flush(self) -> None:
        for stream in (self.stdout, self.stderr):
            with contextlib.suppress(ValueError):
                stream.flush()


class _Switch:
    """Stands in for sys.stdout/stderr/stdin: the forwarded command's stream on a thread
    running one, the process's own everywhere else."""

    def __init__(self, name: str, own: TextIO) -> None:
        self._name, self._own = name, own

    def _current(self) -> Any:
        streams = _streams.get()
        return self._own if streams is None else getattr(streams, self._name)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._current(), attr)


def install_stream_switch() -> None:
    """Once per process: put the switches in place of sys.stdout, stderr and stdin."""
    for name in ("stdout", "stderr", "stdin"):
        current = getattr(sys, name)
        if not isinstance(current, _Switch):
            setattr(sys, name, _Switch(name, current))
