"""Ed25519 checks for many signatures at once, partly in a helper process.

Receiving a sync batch means one signature check per event (~37 µs each, most of the cost).
Threads cannot share that well in Python: the thread committing the previous batch and the
one verifying keep handing the GIL to each other. So long runs of checks go to a helper
process (`python -m haven.core.verifier`), started once and kept, which answers with one
good/bad byte per signature: `verify_later` hands them over and returns at once (the sync
pipeline collects the answer later); `verify_many` waits, checking part of the run itself
meanwhile when asked to.

Only public data crosses the pipe: public keys, signed messages (event ids with their domain
prefix) and signatures; never a secret key or any content. Whether a signature is good never
depends on where it was checked: both sides call `signing.verify`. If the helper cannot start,
answers wrongly shaped, dies or stalls, it is stopped and the checks run here instead; it is
not started again in this process. `HAVEN_VERIFY_PROCESS=0`, a frozen build or Windows keeps
every check in-process.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import select
import subprocess
import sys
import threading
from collections.abc import Sequence
from typing import IO

from haven.crypto import signing
from haven.crypto.errors import CryptoError

log = logging.getLogger(__name__)

#: (public key, domain, message, signature), as signing.verify takes them.
Check = tuple[bytes, bytes, bytes, bytes]

#: Below this many checks a request is not worth the round trip.
MIN_HANDOFF = 32
#: A sync round expecting at least this many events starts the helper ahead of them.
WARM_UP_EVENTS = 256
#: Largest request, in checks (and so the largest frame either side accepts).
MAX_CHECKS = 4096
MAX_MESSAGE_BYTES = 1024
#: How long one request may take before the helper is given up on (4096 checks take ~0.2 s).
ANSWER_TIMEOUT = 30.0
_LEN = 4


def check(item: Check) -> bool:
    public, domain, message, signature = item
    try:
        signing.verify(public, domain, message, signature)
    except CryptoError:
        return False
    return True


def _encode(items: Sequence[Check]) -> bytes:
    parts = [len(items).to_bytes(_LEN, "big")]
    for public, domain, message, signature in items:
        for field in (public, domain, message, signature):
            parts.append(len(field).to_bytes(2, "big") + field)
    body = b"".join(parts)
    return len(body).to_bytes(_LEN, "big") + body


def _decode(body: bytes) -> list[Check]:
    """The helper's side: a request's checks (ValueError if malformed)."""
    count = int.from_bytes(body[:_LEN], "big")
    if count > MAX_CHECKS:
        raise ValueError("too many checks in one request")
    items: list[Check] = []
    pos = _LEN
    for _ in range(count):
        fields = []
        for _ in range(4):
            size = int.from_bytes(body[pos : pos + 2], "big")
            field = body[pos + 2 : pos + 2 + size]
            if len(field) != size or size > MAX_MESSAGE_BYTES:
                raise ValueError("malformed check")
            fields.append(field)
            pos += 2 + size
        items.append((fields[0], fields[1], fields[2], fields[3]))
    if pos != len(body):
        raise ValueError("trailing bytes in a request")
    return items


def _read_exact(stream: IO[bytes], n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = stream.read(n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """The helper's loop: a request in, one byte per check out, until stdin closes."""
    limit = _LEN + MAX_CHECKS * (8 + 32 + 64 + 64 + MAX_MESSAGE_BYTES)
    while True:
        try:
            size = int.from_bytes(_read_exact(stdin, _LEN), "big")
            if size > limit:
                return
            items = _decode(_read_exact(stdin, size))
        except (EOFError, ValueError):
            return
        stdout.write(bytes(1 if check(item) else 0 for item in items))
        stdout.flush()


class HelperFailed(Exception):
    """The helper cannot be used (any more); the caller checks in-process."""


class _Helper:
    """One helper process and the pipes to it. Requests may be outstanding several at a
    time; the helper answers them in order, and whichever thread wants an answer reads the
    ones before it too, keeping them for their owners."""

    def __init__(self) -> None:
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._failed = not _allowed()
        self._sent = 0  # tickets handed out
        self._sizes: dict[int, int] = {}  # ticket -> checks, for requests not yet answered
        self._next_answer = 0
        self._answers: dict[int, list[bool]] = {}
        self._first_ticket = 0  # of the process running now: earlier tickets are lost
        self._abandoned: set[int] = set()  # tickets nobody will ask for (Pending dropped)
        atexit.register(self.stop)

    @property
    def usable(self) -> bool:
        return not self._failed

    def send(self, items: Sequence[Check]) -> int:
        """Write a request; returns its ticket for `answer`."""
        with self._write_lock:
            if self._failed:
                raise HelperFailed("given up earlier")
            try:
                proc = self._ensure()
                assert proc.stdin is not None
                proc.stdin.write(_encode(items))
                proc.stdin.flush()
            except OSError as exc:
                self.give_up(f"cannot start or reach it ({type(exc).__name__})")
                raise HelperFailed(str(exc)) from None
            ticket = self._sent
            self._sizes[ticket] = len(items)
            self._sent += 1
            return ticket

    def answer(self, ticket: int) -> list[bool]:
        with self._read_lock:
            while ticket not in self._answers:
                if self._failed or ticket < self._first_ticket:
                    raise HelperFailed("the process that had this request is gone")
                number = self._next_answer
                try:
                    verdicts = self._read(self._sizes.pop(number))
                except (OSError, EOFError, TimeoutError, ValueError, KeyError) as exc:
                    self.give_up(str(exc) or type(exc).__name__)
                    raise HelperFailed(str(exc)) from None
                self._next_answer += 1
                if number in self._abandoned:  # read, so the next answer lines up; dropped
                    self._abandoned.discard(number)
                else:
                    self._answers[number] = verdicts
            return self._answers.pop(ticket)

    def abandon(self, ticket: int) -> None:
        """Nobody will ask for this answer (e.g. a round ended with batches still being
        prepared): drop it once read. Plain set and dict operations, safe from __del__."""
        if ticket >= self._first_ticket:  # else its process, and its answer, are gone
            self._abandoned.add(ticket)
            self._answers.pop(ticket, None)

    def _read(self, n: int) -> list[bool]:
        proc = self._proc
        if proc is None or proc.stdout is None:
            raise EOFError("the verifier process is gone")
        out = b""
        while len(out) < n:
            ready, _, _ = select.select([proc.stdout], [], [], ANSWER_TIMEOUT)
            if not ready:
                raise TimeoutError("the verifier process did not answer")
            chunk = os.read(proc.stdout.fileno(), n - len(out))
            if not chunk:
                raise EOFError("the verifier process ended")
            out += chunk
        if any(b > 1 for b in out):
            raise ValueError("the verifier process answered nonsense")
        return [b == 1 for b in out]

    def _ensure(self) -> subprocess.Popen[bytes]:
        if self._proc is None:
            # It needs no secret, so it gets none (HAVEN_PASSPHRASE, for one, stays here).
            env = {k: v for k, v in os.environ.items() if not k.startswith("HAVEN_")}
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "haven.core.verifier"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                close_fds=True,
                env=env,
            )
        return self._proc

    def warm_up(self) -> None:
        with self._write_lock:
            if self._failed:
                return
            try:
                self._ensure()
            except OSError as exc:
                self.give_up(f"cannot start it ({type(exc).__name__})")

    def give_up(self, reason: str) -> None:
        if not self._failed:
            log.warning("verifying in-process from now on: %s", reason)
        self._failed = True
        self.stop()

    def stop(self) -> None:
        """End the process. Requests it had not answered are lost (their callers check
        in-process); a later request starts a new one unless this helper gave up."""
        proc, self._proc = self._proc, None
        self._first_ticket = self._next_answer = self._sent
        self._sizes.clear()
        self._answers.clear()
        self._abandoned.clear()
        if proc is None:
            return
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _allowed() -> bool:
    """Not switched off, not a frozen build (no `python -m` there), and not Windows, where
    select() takes no pipes."""
    return (
        os.environ.get("HAVEN_VERIFY_PROCESS", "1") != "0"
        and not getattr(sys, "frozen", False)
        and os.name == "posix"
    )


_helper: _Helper | None = None
_helper_lock = threading.Lock()


def _get_helper() -> _Helper:
    global _helper
    with _helper_lock:
        if _helper is None:
            _helper = _Helper()
        return _helper


class Pending:
    """Checks handed to the helper, answered when asked (`result`); if the helper fails
    meanwhile, they are checked in-process then."""

    def __init__(
        self,
        items: Sequence[Check],
        ticket: tuple[_Helper, int] | None = None,
        parts: Sequence[Pending] = (),
    ) -> None:
        """`ticket`: the helper that has the request, and its number there."""
        self._items = items
        self._ticket = ticket
        self._parts = list(parts)
        self._result: list[bool] | None = None
        if ticket is None and not parts:
            self._result = _here(items)

    def __del__(self) -> None:
        if self._result is None and self._ticket is not None:
            helper, number = self._ticket
            helper.abandon(number)

    def result(self) -> list[bool]:
        if self._result is None:
            if self._parts:
                self._result = [good for part in self._parts for good in part.result()]
            else:
                assert self._ticket is not None
                helper, number = self._ticket
                try:
                    self._result = helper.answer(number)
                except HelperFailed:
                    self._result = _here(self._items)
        return self._result


def _here(items: Sequence[Check]) -> list[bool]:
    return [check(item) for item in items]


def verify_later(items: Sequence[Check]) -> Pending:
    """Start checking; the answer waits in `Pending.result()`. Long runs go to the helper
    (this thread is free meanwhile); short ones, or all when the helper is unusable, are
    checked here and now."""
    helper = _get_helper()
    if len(items) < MIN_HANDOFF or not helper.usable:
        return Pending(items)
    if len(items) > MAX_CHECKS:
        step = MAX_CHECKS
        return Pending(
            items, parts=[verify_later(items[i : i + step]) for i in range(0, len(items), step)]
        )
    try:
        return Pending(items, (helper, helper.send(items)))
    except HelperFailed:
        return Pending(items)


def verify_many(items: Sequence[Check], *, share: bool = True) -> list[bool]:
    """Whether each signature is good, in order. Long runs go to the helper process; with
    `share`, this thread checks the first half meanwhile (use it when no other thread is
    busy; without it the caller only waits, which leaves its core to other threads)."""
    here = len(items) // 2 if share and len(items) >= 2 * MIN_HANDOFF else 0
    away = verify_later(items[here:])
    mine = _here(items[:here])
    return mine + away.result()


def warm_up() -> None:
    """Start the helper now (a sync round is about to need it); never waits for it."""
    _get_helper().warm_up()


def stop_helper() -> None:
    """End the helper process (tests; it also ends with this process)."""
    if _helper is not None:
        with _helper._write_lock, _helper._read_lock:
            _helper.stop()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
