"""The sync supervisor: everything that syncs an open vault in the background, on one asyncio
loop on one thread, with no Qt. The app (through ui/background_sync.py, a thin adapter that
turns its events into Qt signals) and `haven serve` both run it.

It owns every transport and its schedule:
- the engine: serving on a port, and rounds with peers asked for by the caller or found by
  LAN discovery ("direct" or "lan" in each space's sync status);
- the relay syncer (idle unless a space lists relays), backing off while a relay is down;
- the relay-invite poller (sync/invite_background.py): requests and answers of relay
  invites, this device's own requests included, every `invite_interval_s` and at once after
  this device answers;
- LAN discovery: started when the runner and the vault's setting allow it, re-derived when
  keys change (`refresh_discovery`) and at every UTC midnight, when the announced service
  types change.
- where it listens: for the app (`lan_follows_vault`), on the configured host only while the
  vault says LAN sync is on (core/lan.py: off until there is a linked device or a space, and
  off when turned off), on loopback otherwise; `refresh_discovery` and `set_lan_enabled`
  move it between the two.
python-zeroconf keeps its own socket thread; every blocking discovery call (start, refresh,
stop) and every move between addresses runs on one helper thread, in order, never on the loop.

Events (`SupervisorEvent`) are small frozen records (reports with counts, never keys or
content), delivered on the loop's thread (or the LAN helper thread) to the one `on_event`
listener.

Environment: `HAVEN_LISTEN_HOST` (default 0.0.0.0) is the app's address to serve on while
LAN sync is on (127.0.0.1 while it is off);
`HAVEN_LAN_DISCOVERY=0` turns mDNS announcing and browsing off entirely.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from haven.core.session import Session
from haven.errors import HavenError
from haven.sync.addresses import lan_address
from haven.sync.engine import ChannelRoute, SyncEngine, SyncFailed
from haven.sync.invite_background import DEFAULT_INTERVAL_S, InvitePass, InvitePoller
from haven.sync.invites import InviteRoute
from haven.sync.lan import LanSync, lan_discovery_allowed
from haven.sync.loop import STOP_TIMEOUT, LoopThread
from haven.sync.reconcile import SyncReport
from haven.sync.relay_background import MAX_BACKOFF_S, MIN_BACKOFF_S, RelaySyncer
from haven.sync.relay_sync import RelayReport

log = logging.getLogger(__name__)

DEFAULT_LISTEN_HOST = "0.0.0.0"
LOOPBACK = "127.0.0.1"
DAY_MS = 86_400_000
ANY_ADDRESS = ("0.0.0.0", "::")


#: Disappearing posts are looked for once a minute while sync runs.
EXPIRY_INTERVAL_S = 60.0


def listen_host() -> str:
    """The address the app serves on (HAVEN_LISTEN_HOST, default every interface)."""
    return os.environ.get("HAVEN_LISTEN_HOST", "").strip() or DEFAULT_LISTEN_HOST


def ms_until_utc_midnight(now_ms: int) -> int:
    """Milliseconds to the next UTC midnight, plus a second so the new day has begun."""
    return DAY_MS - now_ms % DAY_MS + 1_000


def record_round(session: Session, report: SyncReport, transport: str) -> bool:
    """Record a finished round in each of its spaces' sync status (off the UI thread).
    Returns whether anything was recorded: failed rounds and rounds with no shared space
    are not a sync."""
    if report.error or not report.complete or not report.spaces:
        return False
    try:
        session.relays.record_sync([s.space_id for s in report.spaces], transport)
    except HavenError as exc:  # locked under us
        log.info("sync status not recorded: %s", type(exc).__name__)
        return False
    return True


# ----------------------------------------------------------------- what the supervisor says


@dataclass(frozen=True)
class RoundStarted:
    transport: str


@dataclass(frozen=True)
class RoundFinished:
    """A round ended (served or started); `report.error` says if it failed. `recorded`:
    the spaces' sync status now names `transport`."""

    report: SyncReport
    transport: str
    recorded: bool


@dataclass(frozen=True)
class RoundCrashed:
    """A round this device started ended without a report (a bug, or the vault locked)."""


@dataclass(frozen=True)
class RelayRound:
    report: RelayReport


@dataclass(frozen=True)
class InvitesChecked:
    """A pass over relay invites ended (sync/invite_background.py)."""

    report: InvitePass


@dataclass(frozen=True)
class LanStarted:
    address: str


@dataclass(frozen=True)
class ListeningChanged:
    """The LAN policy was applied again: where this device now listens, and whether LAN
    discovery runs."""

    host: str
    port: int
    lan: bool


SupervisorEvent = (
    RoundStarted
    | RoundFinished
    | RoundCrashed
    | RelayRound
    | InvitesChecked
    | LanStarted
    | ListeningChanged
)
EventListener = Callable[[SupervisorEvent], None]


@dataclass(frozen=True)
class SupervisorOptions:
    host: str = DEFAULT_LISTEN_HOST
    port: int = 0
    #: Announce and browse on the local network (HAVEN_LAN_DISCOVERY=0 always wins).
    lan: bool = True
    #: Also ask the vault's LAN setting (the app's Settings toggle); `haven serve` has --lan.
    lan_follows_vault: bool = True
    #: Bind discovery to the announced address only (`haven serve`), not every interface.
    lan_bind_address: bool = False
    #: Run the relay syncer (the app); `haven serve` serves peers only.
    relays: bool = True
    #: Record finished rounds in each space's sync status (the app, as `haven sync` does).
    record: bool = True
    relay_backoff: tuple[float, float] = (MIN_BACKOFF_S, MAX_BACKOFF_S)
    #: Run the relay-invite poller (the app and `haven serve`), and how often.
    invites: bool = True
    invite_interval_s: float = DEFAULT_INTERVAL_S
    #: How often disappearing posts whose time is up are erased (the app and `haven serve`;
    #: the core also does after every post it stores and before every feed read).
    expiry_interval_s: float = EXPIRY_INTERVAL_S


class SyncSupervisor:
    def __init__(
        self,
        session: Session,
        options: SupervisorOptions,
        on_event: EventListener | None = None,
        routes: Sequence[ChannelRoute] | None = None,
    ) -> None:
        """`routes` default to the invite route, so a joiner holding one of this device's
        invite codes is answered wherever sync runs."""
        self._session = session
        self._options = options
        self._on_event = on_event
        self._runner = LoopThread("haven-sync")
        self._engine = SyncEngine(
            session,
            on_report=lambda r: self._finished(r, "direct"),
            routes=[InviteRoute(session.invites)] if routes is None else routes,
            loop=self._runner,
        )
        self._relays: RelaySyncer | None = None
        self._invites: InvitePoller | None = None
        self._lan: LanSync | None = None
        self._lan_pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="haven-lan")
        self._refresh_queued = False
        self._recording: set[asyncio.Task[None]] = set()
        self._host = options.host
        self.midnight: asyncio.TimerHandle | None = None
        self.expiry: asyncio.TimerHandle | None = None
        self.port = 0

    # ----------------------------------------------------------------- any thread

    @property
    def lan_running(self) -> bool:
        return self._lan is not None

    @property
    def host(self) -> str:
        """The address this supervisor listens on now."""
        return self._host

    def start(self) -> int:
        """Serve, then start discovery and the relay syncer; returns the bound port. If
        serving fails (port taken, no such address) everything is stopped again and the
        error (SyncError, OSError) is raised: the caller stays usable without sync."""
        self._runner.start()
        self._engine.start()
        self._host = self._serve_host(self._lan_wanted())
        try:
            self.port = self._engine.serve(self._host, self._options.port)
        except (HavenError, OSError, concurrent.futures.TimeoutError):
            self.stop()
            raise
        self._start_lan()
        if self._options.relays:
            self._relays = RelaySyncer(
                self._session,
                on_report=lambda r: self._tell(RelayRound(r)),
                min_backoff=self._options.relay_backoff[0],
                max_backoff=self._options.relay_backoff[1],
                loop=self._runner,
            )
            self._relays.start()
        if self._options.invites:
            self._invites = InvitePoller(
                self._session,
                self._runner,
                interval_s=self._options.invite_interval_s,
                on_report=lambda r: self._tell(InvitesChecked(r)),
            )
            self._invites.start()
        self._runner.call_soon(self._arm_midnight)
        self._runner.call_soon(self._arm_expiry)
        return self.port

    def stop(self) -> None:
        """Stop discovery, relays and serving (rounds in progress are cancelled; what they
        acknowledged is kept), then end the loop thread. Blocks up to a few seconds: the
        app calls it from a helper thread. Safe to call twice."""
        lan, self._lan = self._lan, None
        if lan is not None:
            with contextlib.suppress(RuntimeError):  # the pool was shut down already
                self._lan_pool.submit(self._stop_lan, lan).result(STOP_TIMEOUT)
        relays, self._relays = self._relays, None
        if relays is not None:
            relays.stop()
        invites, self._invites = self._invites, None
        if invites is not None:
            invites.stop()
        if self._runner.running:
            self._runner.call_soon(self._cancel_midnight)
        self._engine.stop()
        self._runner.stop()
        self._lan_pool.shutdown(wait=False, cancel_futures=True)

    def sync_with(
        self, host: str, port: int, transport: str = "direct"
    ) -> concurrent.futures.Future[SyncReport]:
        """One round with a peer, recorded under `transport` ("lan" when discovery found
        it); the outcome is also told as an event."""
        self._tell(RoundStarted(transport))
        future = self._engine.sync_with(host, port, report=False)

        def done(f: concurrent.futures.Future[SyncReport]) -> None:
            if f.cancelled():
                return
            exc = f.exception()
            if isinstance(exc, SyncFailed):
                self._finished(exc.report, transport)
            elif exc is not None:
                self._tell(RoundCrashed())
            else:
                self._finished(f.result(), transport)

        future.add_done_callback(done)
        return future

    def set_lan_enabled(self, enabled: bool) -> None:
        """Apply the Settings toggle (already stored in the vault; the vault's policy
        decides, `enabled` is what was stored); returns at once. `ListeningChanged` follows."""
        del enabled
        with contextlib.suppress(RuntimeError):  # stopping: the pool takes no more work
            self._lan_pool.submit(self._reconsider)

    def refresh_discovery(self) -> None:
        """Spaces, devices or keys changed: apply the LAN policy again and re-derive the
        announced service types; returns at once. Calls that arrive while one is queued are
        folded into it."""
        self._runner.call_soon(self._queue_refresh)

    # ----------------------------------------------------------------- LAN

    def _lan_wanted(self) -> bool:
        """Whether to be on the local network now: the app asks the vault's policy."""
        if not self._options.lan_follows_vault:
            return self._options.lan
        try:
            return self._session.lan.enabled()
        except HavenError:  # locked under us: stay off the network
            return False

    def _serve_host(self, lan_wanted: bool) -> str:
        if self._options.lan_follows_vault and not lan_wanted:
            return LOOPBACK
        return self._options.host

    def _reconsider(self) -> None:
        """On the LAN helper thread: listen where the policy says, start or stop discovery
        to match, and refresh it if it runs."""
        wanted = self._lan_wanted()
        host = self._serve_host(wanted)
        if host != self._host:
            self._host = host
            try:
                self.port = self._engine.serve_again(host, self.port)
            except OSError:  # the port is taken there: any free one, unless one was chosen
                if self._options.port:
                    log.warning("sync could not listen again: the port is taken")
                    return
                self.port = self._engine.serve_again(host, 0)
            except (HavenError, concurrent.futures.TimeoutError) as exc:
                log.warning("sync could not listen again: %s", type(exc).__name__)
                return
        lan = self._lan
        if lan is not None and not wanted:
            self._lan = None
            self._stop_lan(lan)
        elif lan is None and wanted:
            self._start_lan()
        elif lan is not None:
            self._refresh_lan(lan)
        self._tell(ListeningChanged(self._host, self.port, self._lan is not None))

    def _start_lan(self) -> None:
        options = self._options
        if not options.lan or not lan_discovery_allowed() or not self._lan_wanted():
            return
        host = self._host
        address = host if host not in ANY_ADDRESS else lan_address()
        if address is None:
            log.info("LAN discovery not started: no local-network address")
            return
        lan = LanSync(
            self._session,
            self._engine,
            self.port,
            addresses=[address],
            interfaces=[address] if options.lan_bind_address else None,
            sync=lambda host, port: self.sync_with(host, port, "lan"),
        )
        self._lan = lan

        def start() -> None:
            try:
                lan.start()
            except Exception as exc:  # no multicast on this network: sync still serves
                log.warning("LAN discovery could not start: %s", type(exc).__name__)
                return
            self._tell(LanStarted(address))

        self._lan_pool.submit(start)

    @staticmethod
    def _stop_lan(lan: LanSync) -> None:
        try:
            lan.stop()
        except Exception as exc:
            log.info("LAN discovery did not stop cleanly: %s", type(exc).__name__)

    def _queue_refresh(self) -> None:
        if self._refresh_queued or not self._runner.running:
            return
        self._refresh_queued = True

        def reconsider() -> None:
            self._refresh_queued = False  # a change from now on needs another round
            self._reconsider()

        with contextlib.suppress(RuntimeError):  # stopping: the pool takes no more work
            self._lan_pool.submit(reconsider)

    @staticmethod
    def _refresh_lan(lan: LanSync) -> None:
        try:
            lan.discovery.refresh()
        except Exception as exc:  # the vault locked under us, or the network went
            log.info("LAN discovery refresh failed: %s", type(exc).__name__)

    def _arm_midnight(self) -> None:
        delay_s = ms_until_utc_midnight(int(time.time() * 1000)) / 1000
        self.midnight = asyncio.get_running_loop().call_later(delay_s, self._on_midnight)

    def _on_midnight(self) -> None:
        self._queue_refresh()  # the service types are derived from the UTC date
        self._arm_midnight()

    def _cancel_midnight(self) -> None:
        if self.midnight is not None:
            self.midnight.cancel()
        if self.expiry is not None:
            self.expiry.cancel()

    def _arm_expiry(self) -> None:
        loop = asyncio.get_running_loop()
        self.expiry = loop.call_later(self._options.expiry_interval_s, self._on_expiry)

    def _on_expiry(self) -> None:
        """Erase disappearing posts whose time is up, and reveal events' places whose time
        has come (where this device organises), in a worker thread (vault work), then look
        again after the interval."""
        spaces = self._session.spaces

        def quietly() -> None:
            for step in (spaces.disappearing.sweep, spaces.gatherings.publish_due):
                try:
                    step()
                except Exception as exc:  # locked meanwhile, a full disk: try again later
                    log.info("a timed step failed: %s", type(exc).__name__)

        fut = asyncio.get_running_loop().run_in_executor(None, quietly)
        fut.add_done_callback(lambda _f: self._arm_expiry() if self._runner.running else None)

    # ----------------------------------------------------------------- telling

    def _finished(self, report: SyncReport, transport: str) -> None:
        """A round ended (heard on the loop thread, or wherever a started round's future
        completes). Recording it writes to the vault, which a large space's recompute may
        hold for seconds: never on the loop thread, which must go on serving every peer
        meanwhile (docs/ARCHITECTURE.md, "Serving while a space recomputes")."""
        if not self._options.record:
            self._tell(RoundFinished(report, transport, False))
            return
        self._runner.call_soon(self._record_soon, report, transport)

    def _record_soon(self, report: SyncReport, transport: str) -> None:
        task = asyncio.get_running_loop().create_task(self._record_then_tell(report, transport))
        self._recording.add(task)
        task.add_done_callback(self._recording.discard)

    async def _record_then_tell(self, report: SyncReport, transport: str) -> None:
        recorded = await asyncio.to_thread(record_round, self._session, report, transport)
        self._tell(RoundFinished(report, transport, recorded))

    def _tell(self, event: SupervisorEvent) -> None:
        if self._on_event is not None:
            try:
                self._on_event(event)
            except Exception:  # a broken listener must not break sync
                log.exception("sync supervisor listener failed")
