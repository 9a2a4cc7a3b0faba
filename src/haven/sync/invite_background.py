"""Relay invites in the background (the app and `haven serve`, through the sync supervisor):
what `haven sync` does for invites (docs/PROTOCOL.md, "Invites through a relay"), on a
schedule, on the supervisor's loop.

Each pass: for every request this device made and has no final answer for, read its status
and act on it (join with the welcome, or delete the keys made for it); then, for every
invite this device administers, read its requests and send its answers. A pass runs at
start, every `interval_s`, and at once when this device writes an invite event (an invite
made, revoked, or a request answered), so an answer leaves at once, and when a membership
change that may void invites is written here or synced in. After each pass
`on_report` is called on the loop's thread with counts and the requests that settled.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import ssl as ssl_module
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from haven.core.envelope import Event
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.rules.invites import DEPARTURES
from haven.errors import HavenError, InvalidInput
from haven.relay.client import RelayError
from haven.sync import relay_invites as ri
from haven.sync.loop import LoopThread

log = logging.getLogger(__name__)

#: How often the app and `haven serve` look at invite mailboxes when nothing asks sooner.
DEFAULT_INTERVAL_S = 30.0
STOP_TIMEOUT_S = 10.0
#: Events after which a pass runs at once: this device's invite events (so an answer leaves at
#: once), and membership changes, written here or synced in, that may void invites (an admin
#: removed, demoted, gone; a device unlinked: rules/invites.DEPARTURES), so that the honest
#: devices say "void" on the mailbox at once, not at the next interval.
_OWN_WRITES = frozenset({ev.INVITE, ev.INVITE_REVOKE, ev.INVITE_ANSWER}) | DEPARTURES


@dataclass(frozen=True)
class InvitePass:
    """One pass, counts only: `settled` says what became of this device's own requests
    (kind: waiting | approved | denied | revoked | used up | expired, and the space's name
    as its admins wrote it; peer text)."""

    new_requests: int = 0
    replies_sent: int = 0
    settled: tuple[ri.Settled, ...] = ()
    waiting: int = 0
    unreachable: tuple[str, ...] = field(default_factory=tuple)


PassListener = Callable[[InvitePass], None]


async def async_invite_pass(
    session: Session, *, ssl: ssl_module.SSLContext | None = None, timeout: float = ri.TIMEOUT
) -> InvitePass:
    """The guest part, then the host part; a relay that cannot be reached is named, never
    fatal (its requests wait there)."""
    settled: list[ri.Settled] = []
    unreachable: list[str] = []
    waiting = 0
    guest = session.invites.relay_guest
    for code in await asyncio.to_thread(guest.waiting):
        if await asyncio.to_thread(session.invites.outgoing, code) is None:
            await asyncio.to_thread(guest.forget, code)
            continue
        try:
            status = await ri.async_status(session, code, ssl=ssl, timeout=timeout)
            done = await ri.async_settle(session, code, status, ssl=ssl, timeout=timeout)
        except RelayError:
            unreachable.append(code.relay_url)
            continue
        except InvalidInput as exc:
            log.info("a request of this device could not be checked: %s", type(exc).__name__)
            continue
        if done.kind == "waiting" or not done.final:
            waiting += 1  # a denial not final yet still waits for a concurrent approval
        if done.news:
            settled.append(done)
    host = await ri.async_host_pass(session, ssl=ssl, timeout=timeout)
    return InvitePass(
        host.new_requests,
        host.replies_sent,
        tuple(settled),
        waiting,
        tuple(dict.fromkeys([*unreachable, *host.unreachable])),
    )


class InvitePoller:
    def __init__(
        self,
        session: Session,
        loop: LoopThread,
        *,
        interval_s: float = DEFAULT_INTERVAL_S,
        on_report: PassListener | None = None,
        ssl: ssl_module.SSLContext | None = None,
    ) -> None:
        self._session = session
        self._runner = loop
        self._interval = interval_s
        self._on_report = on_report
        self._ssl = ssl
        self._task: asyncio.Task[None] | None = None
        self._started = False
        self._wake: asyncio.Event | None = None
        self._unsubscribe: Callable[[], None] | None = None

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self._runner.call_soon(self._spawn)
        self._unsubscribe = self._session.log.subscribe(self._on_local_events)

    def stop(self) -> None:
        """Cancel the pass in progress, if any, and wait for it to end; safe to call twice."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if not self._started:
            return
        self._started = False

        async def shutdown() -> None:
            task, self._task = self._task, None
            if task is not None:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)

        with contextlib.suppress(concurrent.futures.TimeoutError, RuntimeError, HavenError):
            self._runner.submit(shutdown()).result(STOP_TIMEOUT_S)

    def kick(self) -> None:
        """Look at the invite mailboxes now."""
        if self._started and self._runner.running:
            self._runner.call_soon(self._set_wake)

    def _spawn(self) -> None:
        if self._started and self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    def _on_local_events(self, events: Sequence[Event]) -> None:
        if any(e.type in _OWN_WRITES for e in events):
            self.kick()

    def _set_wake(self) -> None:
        if self._wake is not None:
            self._wake.set()

    async def _run(self) -> None:
        self._wake = asyncio.Event()
        while True:
            self._wake.clear()
            try:
                report = await async_invite_pass(self._session, ssl=self._ssl)
            except (HavenError, RelayError, OSError, TimeoutError) as exc:
                # locked under us, a relay gone mid-pass: the next pass tries again
                log.warning("invite pass failed: %s", type(exc).__name__)
            else:
                self._tell(report)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._interval):
                    await self._wake.wait()

    def _tell(self, report: InvitePass) -> None:
        if self._on_report is not None:
            try:
                self._on_report(report)
            except Exception:  # a broken listener must not stop the passes
                log.exception("invite pass listener failed")
