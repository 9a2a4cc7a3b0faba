"""Device linking driven through plain methods and callbacks, for callers without asyncio.

The UI may not import asyncio (an import-linter contract), so it cannot await
`sync.pairing`'s coroutines. `LinkOffer` (the existing device) and `LinkAccept` (the new one)
each run one pairing on a private thread with its own event loop. Callbacks arrive on that
thread; the UI's bridge re-emits them as Qt signals. The person's answer to the verification
words comes back through `answer(match)`, from any thread.

Failures are reported as a `LinkProblem` with a `kind` the UI can word in any language, never
as an exception's English text.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from haven.core.session import Session
from haven.core.spaces.invites.short_code import ShortCode, ShortCodeError
from haven.errors import HavenError, InvalidInput, SyncError, VaultExists
from haven.relay.client import RelayError
from haven.sync import short_link
from haven.sync.pairing import (
    DEFAULT_TTL_S,
    CodeError,
    PairingCode,
    async_accept_link,
    async_offer_link,
)

log = logging.getLogger(__name__)


class ProblemKind(enum.Enum):
    NOT_A_CODE = "not_a_code"  # text that is no Haven pairing code at all
    MISTYPED = "mistyped"  # a code whose check letters do not add up
    EXPIRED = "expired"  # the code's time ran out (or it was used already)
    UNREACHABLE = "unreachable"  # the other device could not be reached
    REJECTED_HERE = "rejected_here"  # the person here said the words differ
    REJECTED_THERE = "rejected_there"  # the person on the other device said so
    DISCONNECTED = "disconnected"  # the other device left part-way
    VAULT_EXISTS = "vault_exists"  # the new device already has a vault
    CANCELLED = "cancelled"
    SHORT_WRONG = "short_wrong"  # the short code typed did not match the one shown
    SHORT_NOBODY = "short_nobody"  # nobody waits with that short code on that relay
    NO_RELAY = "no_relay"  # a short code needs the relay shown next to it
    RELAY_UNREACHABLE = "relay_unreachable"  # the relay of the short code did not answer
    OTHER = "other"


class LinkProblem(Exception):
    """Linking did not happen; nothing changed on this device."""

    def __init__(self, kind: ProblemKind, detail: str = "") -> None:
        super().__init__(detail or kind.value)
        self.kind = kind


def parse_short_code(untrusted_code: str, untrusted_relay: str) -> tuple[ShortCode, str]:
    """A typed short code and its relay, or a LinkProblem the UI can word."""
    try:
        return short_link.parse_short(untrusted_code, untrusted_relay)
    except short_link.ShortLinkProblem as problem:
        kind = {
            "not_short": ProblemKind.NOT_A_CODE,
            "mistyped": ProblemKind.MISTYPED,
            "no_relay": ProblemKind.NO_RELAY,
        }.get(problem.kind, ProblemKind.NO_RELAY)
        raise LinkProblem(kind) from None


def parse_code(untrusted: str, now_s: float | None = None) -> PairingCode:
    """Decode a typed or pasted code, telling a mistyped code from an expired one."""
    text = "".join(untrusted.split()).lower()
    if not text.replace("-", "").startswith("hvn"):
        raise LinkProblem(ProblemKind.NOT_A_CODE)
    try:
        code = PairingCode.decode(untrusted, now_s=0)  # everything but the expiry
    except CodeError as exc:
        raise LinkProblem(ProblemKind.MISTYPED, str(exc)) from None
    if (time.time() if now_s is None else now_s) >= code.expires_s:
        raise LinkProblem(ProblemKind.EXPIRED)
    return code


def classify(exc: BaseException, rejected_here: bool) -> LinkProblem:
    """Map what pairing raised onto a kind. Pairing's errors carry English for the CLI, so
    the few phrases it uses are matched here, in one place, with OTHER as the fallback."""
    if isinstance(exc, LinkProblem):
        return exc
    if isinstance(exc, VaultExists):
        return LinkProblem(ProblemKind.VAULT_EXISTS)
    if isinstance(exc, asyncio.CancelledError):
        return LinkProblem(ProblemKind.CANCELLED)
    if rejected_here:
        return LinkProblem(ProblemKind.REJECTED_HERE)
    text = str(exc)
    if isinstance(exc, ShortCodeError):
        if "did not match" in text:
            return LinkProblem(ProblemKind.SHORT_WRONG, text)
        if "already used" not in text:
            return LinkProblem(ProblemKind.SHORT_NOBODY, text)
    if isinstance(exc, RelayError):
        return LinkProblem(ProblemKind.RELAY_UNREACHABLE, text)
    for phrase, kind in (
        ("verification words", ProblemKind.REJECTED_THERE),
        ("already used", ProblemKind.EXPIRED),
        ("expired", ProblemKind.EXPIRED),
        ("could not reach", ProblemKind.UNREACHABLE),
        ("disconnected", ProblemKind.DISCONNECTED),
    ):
        if phrase in text:
            return LinkProblem(kind, text)
    if isinstance(exc, HavenError):
        return LinkProblem(ProblemKind.OTHER, text)
    return LinkProblem(ProblemKind.OTHER, type(exc).__name__)


class _PairingThread:
    """One pairing coroutine on its own thread and loop, with a words question that the
    caller answers later from any thread."""

    def __init__(self, name: str, on_words: Callable[[list[str]], None]) -> None:
        self._name = name
        self._on_words = on_words
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[object] | None = None
        self._answer: asyncio.Future[bool] | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._side_tasks: set[asyncio.Task[object]] = set()
        self.confirmed = False  # the person here said the words match
        self.rejected_here = False
        self.cancelled = False

    async def confirm(self, words: list[str]) -> bool:
        loop = asyncio.get_running_loop()
        with self._lock:
            if self.cancelled:
                return False
            self._answer = loop.create_future()
        self._on_words(list(words))
        match = await self._answer
        with self._lock:
            self.confirmed = match and not self.cancelled
            self.rejected_here = not match
            return self.confirmed

    def run(
        self,
        make: Callable[[], Coroutine[Any, Any, object]],
        finish: Callable[[BaseException | None, object], None],
    ) -> None:
        def main() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            self._loop = loop
            result: object = None
            error: BaseException | None = None
            try:
                task = loop.create_task(make())
                self._task = task
                self._ready.set()
                result = loop.run_until_complete(task)
            except BaseException as exc:  # every outcome must reach the caller
                error = exc
            finally:
                self._ready.set()
                for side in list(self._side_tasks):  # e.g. a short code nobody typed
                    side.cancel()
                with contextlib.suppress(BaseException):
                    loop.run_until_complete(
                        asyncio.gather(*self._side_tasks, return_exceptions=True)
                    )
                with contextlib.suppress(Exception):
                    loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()
            finish(error, result)

        self._thread = threading.Thread(target=main, name=self._name, daemon=True)
        self._thread.start()
        self._ready.wait(5.0)

    def spawn(self, make: Callable[[], Coroutine[Any, Any, object]]) -> None:
        """Run another coroutine on this pairing's loop, beside the pairing (the short
        code's hand-over); it ends with the loop at the latest."""
        loop = self._loop
        if loop is None:
            return

        def start() -> None:
            task = loop.create_task(make())
            self._side_tasks.add(task)
            task.add_done_callback(self._side_tasks.discard)

        with contextlib.suppress(RuntimeError):  # the loop has closed: linking ended
            loop.call_soon_threadsafe(start)

    def answer(self, match: bool) -> None:
        loop, future = self._loop, self._answer
        if loop is None or future is None:
            return
        with contextlib.suppress(RuntimeError):  # the loop has closed: nothing to answer
            loop.call_soon_threadsafe(self._settle, future, match)

    @staticmethod
    def _settle(future: asyncio.Future[bool], match: bool) -> None:
        if not future.done():
            future.set_result(match)

    def cancel(self) -> None:
        """Give up, unless the person already confirmed (the keys may be on their way, and
        a vault half-made on the other side must be allowed to finish)."""
        with self._lock:
            if self.confirmed:
                return
            self.cancelled = True
        loop, task = self._loop, self._task
        if loop is not None and task is not None:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(task.cancel)

    def join(self, timeout: float) -> bool:
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()


class LinkOffer:
    """The existing device: listen, show a code, ask the person about the words, send the
    keys. `on_done(label)` runs once the new device is linked (and had its first sync, or
    the wait for it ran out)."""

    def __init__(
        self,
        session: Session,
        *,
        listen_host: str,
        advertise_host: str,
        on_code: Callable[[str, int], None],
        on_words: Callable[[list[str]], None],
        on_done: Callable[[str], None],
        on_failed: Callable[[LinkProblem], None],
        port: int = 0,
        ttl_s: int = DEFAULT_TTL_S,
    ) -> None:
        self._session = session
        self._listen_host, self._advertise_host = listen_host, advertise_host
        self._port, self._ttl_s = port, ttl_s
        self._on_code, self._on_done, self._on_failed = on_code, on_done, on_failed
        self._pairing = _PairingThread("haven-link-offer", on_words)
        self._code: PairingCode | None = None
        self._short_wrong = False

    def start(self) -> None:
        def code_ready(code: PairingCode) -> None:
            self._code = code
            self._on_code(code.encode(), code.expires_s)

        def make() -> Coroutine[Any, Any, object]:
            return async_offer_link(
                self._session,
                listen_host=self._listen_host,
                advertise_host=self._advertise_host,
                port=self._port,
                confirm=self._pairing.confirm,
                on_code=code_ready,
                ttl_s=self._ttl_s,
            )

        self._pairing.run(make, self._finish)

    def show_short(self, relay_url: str, on_short: Callable[[str | None], None]) -> None:
        """Also hand the pairing code to whoever types a short code, through `relay_url`:
        `on_short(text)` once the short code waits there, `on_short(None)` if the relay could
        not be used (the long code still works). A wrong short code typed on the other side
        stops the linking (SHORT_WRONG): one guess per code."""
        code = self._code
        if code is None:
            on_short(None)
            return
        wait_s = max(1.0, code.expires_s - time.time())

        async def hand_over() -> None:
            try:
                proxy = await asyncio.to_thread(self._session.proxy.url)
                outcome = await short_link.async_hand_over(
                    relay_url, code, on_short, wait_s=wait_s, proxy=proxy
                )
            except (SyncError, InvalidInput, OSError) as exc:
                log.info("no short code for linking: %s", type(exc).__name__)
                on_short(None)
                return
            if outcome == "wrong code":
                self._short_wrong = True
                self._pairing.cancel()

        self._pairing.spawn(hand_over)

    def _finish(self, error: BaseException | None, outcome: object) -> None:
        if error is None:
            self._on_done(str(getattr(outcome, "label", "")))
            return
        problem = classify(error, self._pairing.rejected_here)
        if self._short_wrong:
            problem = LinkProblem(ProblemKind.SHORT_WRONG)
        elif self._pairing.cancelled:
            problem = LinkProblem(ProblemKind.CANCELLED)
        log.info("linking a device did not happen: %s", problem.kind.value)
        self._on_failed(problem)

    def answer(self, match: bool) -> None:
        self._pairing.answer(match)

    def cancel(self) -> None:
        self._pairing.cancel()

    def join(self, timeout: float = 10.0) -> bool:
        return self._pairing.join(timeout)


class LinkAccept:
    """The new device: connect with the code, ask about the words, create the vault only
    when the keys have arrived. `on_done(session)` hands over the new, open session."""

    def __init__(
        self,
        code: PairingCode | tuple[ShortCode, str],
        data_dir: Path,
        passphrase: str,
        *,
        on_words: Callable[[list[str]], None],
        on_done: Callable[[Session], None],
        on_failed: Callable[[LinkProblem], None],
        label: str = "",
    ) -> None:
        """`code` is the pairing code, or a short code and its relay (parse_short_code):
        the pairing code is then fetched through the relay first."""
        self._code, self._data_dir, self._passphrase = code, data_dir, passphrase
        self._label = label
        self._on_done, self._on_failed = on_done, on_failed
        self._pairing = _PairingThread("haven-link-accept", on_words)

    def start(self) -> None:
        async def accept() -> object:
            code = self._code
            if isinstance(code, tuple):
                # A new device has no vault, so no proxy setting yet: the app links it
                # directly (`haven init --link CODE --relay URL --tor` can use Tor).
                code = await short_link.async_fetch_pairing_code(*code, proxy=None)
            return await async_accept_link(
                code,
                self._data_dir,
                self._passphrase,
                confirm=self._pairing.confirm,
                label=self._label,
            )

        self._pairing.run(accept, self._finish)

    def _finish(self, error: BaseException | None, result: object) -> None:
        self._passphrase = ""
        if error is None and isinstance(result, tuple):
            session = result[0]
            if isinstance(session, Session):
                self._on_done(session)
                return
        problem = classify(error or RuntimeError(), self._pairing.rejected_here)
        if self._pairing.cancelled:
            problem = LinkProblem(ProblemKind.CANCELLED)
        log.info("linking this device did not happen: %s", problem.kind.value)
        self._on_failed(problem)

    def answer(self, match: bool) -> None:
        self._pairing.answer(match)

    def cancel(self) -> None:
        self._pairing.cancel()

    def join(self, timeout: float = 10.0) -> bool:
        return self._pairing.join(timeout)
