"""LAN sync settings (globally and per space) and the keys discovery derives its names from.

Settings live in the vault's `meta` table: they are about which spaces this device talks
about on a network, which is itself worth keeping private.

The policy (issue 17): LAN sync is off until there is someone to sync with — a linked device
or a space — so a person who only keeps a journal never has a port open on a café's Wi-Fi.
Once there is, it is on unless the person turned it off. The sync supervisor listens on the
local network only while `enabled()` says so, and on loopback otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.store.vault import Connection, Vault

_GLOBAL = "lan_sync_off"
_SPACE = "lan_sync_off:"
#: Announce the current epoch and this many before it, so a member who has not yet received
#: a key rotation still finds a peer who can deliver it.
PREVIOUS_EPOCHS_ANNOUNCED = 1


@dataclass(frozen=True, repr=False)
class SpaceKeyForDiscovery:
    space_id: bytes
    epoch: int
    epoch_key: bytes

    def __repr__(self) -> str:
        return f"SpaceKeyForDiscovery(space={self.space_id.hex()[:8]}…, epoch={self.epoch})"


class LanSettings:
    """`session.lan`: whether this device syncs over the local network (globally and per
    space), and the keys discovery derives its names from."""

    def __init__(self, vault: Vault, device_id: bytes) -> None:
        self._vault = vault
        self._device_id = device_id

    def enabled(self, space_id: bytes | None = None) -> bool:
        """Whether to listen and announce on the local network (for one space: whether to
        announce it): never without a linked device or a space, never when turned off."""
        with self._vault.read() as conn:
            if ids.get_meta(conn, _GLOBAL) == b"1" or not _has_peers(conn, self._device_id):
                return False
            return space_id is None or ids.get_meta(conn, _SPACE + space_id.hex()) != b"1"

    def available(self) -> bool:
        """Whether there is anyone to sync with on a network: another linked device or a
        space. Until there is, LAN sync stays off whatever the setting says."""
        with self._vault.read() as conn:
            return _has_peers(conn, self._device_id)

    def set_enabled(self, enabled: bool, space_id: bytes | None = None) -> None:
        key = _GLOBAL if space_id is None else _SPACE + space_id.hex()
        with self._vault.transaction() as conn:
            ids.set_meta(conn, key, b"0" if enabled else b"1")

    def discovery_keys(self) -> list[SpaceKeyForDiscovery]:
        """The keys to announce and browse with: none when LAN sync is turned off. (Whether
        the app runs discovery at all is `enabled()`; `haven serve --lan on` and `haven sync`
        are asked for explicitly and use these keys as they are.)"""
        out: list[SpaceKeyForDiscovery] = []
        with self._vault.read() as conn:
            if ids.get_meta(conn, _GLOBAL) == b"1":
                return []
            for space in ids.list_spaces(conn):
                if ids.get_meta(conn, _SPACE + space.space_id.hex()) == b"1":
                    continue
                keys = ids.epoch_keys(conn, space.space_id)
                for epoch in sorted(keys, reverse=True)[: 1 + PREVIOUS_EPOCHS_ANNOUNCED]:
                    out.append(SpaceKeyForDiscovery(space.space_id, epoch, keys[epoch]))
        return out


def _has_peers(conn: Connection, device_id: bytes) -> bool:
    if any(space.kind != "journal" for space in ids.list_spaces(conn)):
        return True
    revoked = dt.revoked_devices(conn)
    return any(
        d.device_id != device_id and d.unlinked_lamport is None and d.device_id not in revoked
        for d in dt.list_devices(conn)
    )
