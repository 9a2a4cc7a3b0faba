"""Finding peers on the local network with mDNS/DNS-SD (python-zeroconf), without outing
anyone on a shared network (docs/THREAT_MODEL.md §3, "LAN discovery").

Nothing in an announcement is readable: for each space and each UTC day the service *type*
is derived from the space's epoch key (`_` + 14 base32 characters), the instance name is
random, the TXT record is empty. Only members, who hold the key, know which type to browse
for. Discovery is only a hint: every connection it leads to is authenticated by the channel.

Announced per space: the current epoch and the one before it, so a member that has not yet
received a key rotation still finds a peer that can deliver it.
"""

from __future__ import annotations

import base64
import datetime
import ipaddress
import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from zeroconf import (
    InterfaceChoice,
    IPVersion,
    ServiceBrowser,
    ServiceInfo,
    ServiceStateChange,
    Zeroconf,
)

from haven.crypto.hashing import blake2b_256
from haven.crypto.subkeys import derive_subkey

log = logging.getLogger(__name__)

DISCOVERY_KEY_CONTEXT = b"hvdiscov"
TYPE_CHARS = 14  # DNS-SD service names are at most 15 characters after the underscore
RESOLVE_TIMEOUT_MS = 3000


@dataclass(frozen=True, repr=False)
class DiscoveryKey:
    """One space's discovery key at one epoch. Never logged."""

    space_id: bytes
    epoch: int
    key: bytes

    @classmethod
    def from_epoch_key(cls, space_id: bytes, epoch: int, epoch_key: bytes) -> DiscoveryKey:
        return cls(space_id, epoch, derive_subkey(epoch_key, DISCOVERY_KEY_CONTEXT))

    def __repr__(self) -> str:
        return f"DiscoveryKey(space={self.space_id.hex()[:8]}…, epoch={self.epoch})"


def service_type(key: DiscoveryKey, day: datetime.date) -> str:
    digest = blake2b_256(day.isoformat().encode("ascii"), person=b"haven-lan-type", key=key.key)
    label = base64.b32encode(digest).decode("ascii").lower()[:TYPE_CHARS]
    return f"_{label}._tcp.local."


@dataclass(frozen=True)
class Peer:
    host: str
    port: int
    space_id: bytes


PeerHandler = Callable[[Peer], None]
KeysProvider = Callable[[], Sequence[DiscoveryKey]]


class LanDiscovery:
    """Announce this device's sync port for every space, and report peers that announce the
    same spaces. python-zeroconf runs its own thread; `on_peer` is called from it."""

    def __init__(
        self,
        keys: KeysProvider,
        port: int,
        on_peer: PeerHandler,
        *,
        addresses: Sequence[str],
        interfaces: Sequence[str] | None = None,
        today: Callable[[], datetime.date] | None = None,
        announce: bool = True,
    ) -> None:
        """`announce=False` only browses (a one-off `haven sync` that serves nothing)."""
        self._announce = announce
        self._keys = keys
        self._port = port
        self._on_peer = on_peer
        self._addresses = [ipaddress.ip_address(a).packed for a in addresses]
        self._interfaces = list(interfaces) if interfaces else None
        self._today = today or (lambda: datetime.datetime.now(datetime.UTC).date())
        self._lock = threading.Lock()
        self._zc: Zeroconf | None = None
        self._registered: dict[str, ServiceInfo] = {}
        self._browsers: dict[str, ServiceBrowser] = {}
        self._type_space: dict[str, bytes] = {}
        self._own_names: set[str] = set()

    def start(self) -> None:
        with self._lock:
            if self._zc is None:
                self._zc = Zeroconf(
                    interfaces=self._interfaces or InterfaceChoice.All, ip_version=IPVersion.V4Only
                )
        self.refresh()

    def refresh(self) -> None:
        """Re-derive today's service types (after midnight UTC, a rotation, or a new space)."""
        with self._lock:
            zc = self._zc
            if zc is None:
                return
            day = self._today()
            wanted: dict[str, bytes] = {}
            for key in self._keys():
                wanted[service_type(key, day)] = key.space_id
            for stype in list(self._registered):
                if stype not in wanted:
                    info = self._registered.pop(stype)
                    if self._announce:
                        zc.unregister_service(info)
                    self._browsers.pop(stype).cancel()
            self._type_space = wanted
            for stype in wanted:
                if stype in self._registered:
                    continue
                name = f"{os.urandom(5).hex()}.{stype}"
                info = ServiceInfo(
                    stype, name, addresses=self._addresses, port=self._port, properties={}
                )
                if self._announce:
                    zc.register_service(info)
                self._own_names.add(name)
                self._registered[stype] = info
                self._browsers[stype] = ServiceBrowser(zc, stype, handlers=[self._on_change])
        log.info(
            "%s on the local network for %d space(s)",
            "announcing" if self._announce else "looking",
            len(wanted),
        )

    def stop(self) -> None:
        with self._lock:
            zc, self._zc = self._zc, None
            browsers, self._browsers = self._browsers, {}
            self._registered = {}
        for browser in browsers.values():
            browser.cancel()
        if zc is not None:
            zc.unregister_all_services()
            zc.close()

    def _on_change(
        self, zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        if state_change is not ServiceStateChange.Added or name in self._own_names:
            return
        space_id = self._type_space.get(service_type)
        if space_id is None:
            return
        # Resolving blocks, and this runs on zeroconf's thread: do it on a short-lived one.
        threading.Thread(
            target=self._resolve,
            args=(zeroconf, service_type, name, space_id),
            name="haven-lan-resolve",
            daemon=True,
        ).start()

    def _resolve(self, zc: Zeroconf, stype: str, name: str, space_id: bytes) -> None:
        info = zc.get_service_info(stype, name, timeout=RESOLVE_TIMEOUT_MS)
        if info is None or not info.port:
            return
        for host in info.parsed_addresses(IPVersion.V4Only):
            try:
                self._on_peer(Peer(host, info.port, space_id))
            except Exception:  # a broken handler must not break discovery
                log.exception("LAN peer handler failed")
            return
