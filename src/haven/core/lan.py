"""LAN sync settings (globally and per space) and the keys discovery derives its names from.

Settings live in the vault's `meta` table: they are about which spaces this device talks
about on a network, which is itself worth keeping private.
"""

from __future__ import annotations

from dataclasses import dataclass

from haven.store import identity_tables as ids
from haven.store.vault import Vault

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

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def enabled(self, space_id: bytes | None = None) -> bool:
        with self._vault.read() as conn:
            if ids.get_meta(conn, _GLOBAL) == b"1":
                return False
            return space_id is None or ids.get_meta(conn, _SPACE + space_id.hex()) != b"1"

    def set_enabled(self, enabled: bool, space_id: bytes | None = None) -> None:
        key = _GLOBAL if space_id is None else _SPACE + space_id.hex()
        with self._vault.transaction() as conn:
            ids.set_meta(conn, key, b"0" if enabled else b"1")

    def discovery_keys(self) -> list[SpaceKeyForDiscovery]:
        """The keys to announce and browse with: none when LAN sync is off."""
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
