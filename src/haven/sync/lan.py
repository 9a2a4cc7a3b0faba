"""LAN sync: discovery wired to the sync engine. A peer found on the network gets one sync
round, at most once per `MIN_INTERVAL_S` per address, off the caller's thread."""

from __future__ import annotations

import ipaddress
import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future

from haven.core.session import Session
from haven.sync.discovery import DiscoveryKey, LanDiscovery, Peer
from haven.sync.engine import SyncEngine
from haven.sync.reconcile import SyncReport

log = logging.getLogger(__name__)

MIN_INTERVAL_S = 30.0


def lan_discovery_allowed() -> bool:
    """HAVEN_LAN_DISCOVERY=0 turns discovery off for this process (tests, scripts)."""
    return os.environ.get("HAVEN_LAN_DISCOVERY", "1") != "0"


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class LanSync:
    def __init__(
        self,
        session: Session,
        engine: SyncEngine,
        port: int,
        *,
        addresses: Sequence[str],
        interfaces: Sequence[str] | None = None,
        on_report: Callable[[Peer, SyncReport], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        announce: bool = True,
        sync: Callable[[str, int], Future[SyncReport]] | None = None,
    ) -> None:
        """`sync` starts the round with a found peer (default: `engine.sync_with`); the app
        passes one that records the round as a local-network sync."""
        self._session = session
        self._engine = engine
        self._sync = sync or engine.sync_with
        self._on_report = on_report
        self._clock = clock
        self._last: dict[tuple[str, int], float] = {}
        self._lock = threading.Lock()
        self.discovery = LanDiscovery(
            self._keys,
            port,
            self._found,
            addresses=addresses,
            interfaces=interfaces,
            announce=announce,
        )

    def start(self) -> None:
        self.discovery.start()

    def stop(self) -> None:
        self.discovery.stop()

    def _keys(self) -> list[DiscoveryKey]:
        return [
            DiscoveryKey.from_epoch_key(k.space_id, k.epoch, k.epoch_key)
            for k in self._session.lan.discovery_keys()
        ]

    def _found(self, peer: Peer) -> None:
        now = self._clock()
        with self._lock:
            last = self._last.get((peer.host, peer.port))
            if last is not None and now - last < MIN_INTERVAL_S:
                return
            self._last[(peer.host, peer.port)] = now
        future = self._sync(peer.host, peer.port)

        def done(f: object) -> None:
            try:
                report = future.result()
            except Exception as exc:
                log.info("LAN sync with a peer failed: %s", exc)
                return
            if self._on_report is not None:
                self._on_report(peer, report)

        future.add_done_callback(done)
