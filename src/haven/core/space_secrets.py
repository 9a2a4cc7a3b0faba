"""The per-space authentication keys a device offers when it opens a sync channel.

A channel peer learns that we share a space only after proving it holds that space's epoch
key (see docs/PROTOCOL.md, "The channel"). The proof never uses the epoch key itself: it uses
`auth_key`, a subkey derived for that one purpose, so a proof can never be confused with, or
help decrypt, an event sealed under the same epoch key.

A one-time pairing secret (for linking a new device) is offered the same way, under a space id
that no real space can have, so the channel code needs no special case for it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from haven.crypto.subkeys import derive_subkey
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store.vault import Vault

#: crypto_kdf context for a space's channel-authentication key.
AUTH_KEY_CONTEXT = b"hvspauth"
#: crypto_kdf context for the authentication key of a one-time pairing secret.
PAIRING_KEY_CONTEXT = b"hvpairng"
#: Space ids are 16 random bytes; this one is reserved for device pairing. A random id equal
#: to it has probability 2^-128.
PAIRING_SPACE_ID = b"haven/pairing/v1"
PAIRING_SECRET_BYTES = 32
AUTH_KEY_BYTES = 32


@dataclass(frozen=True, repr=False)
class SpaceSecret:
    """What proves membership of one space at one epoch. Never logged or printed."""

    space_id: bytes
    epoch: int
    auth_key: bytes

    def __post_init__(self) -> None:
        if len(self.space_id) != 16:
            raise InvalidInput("a space id is 16 bytes")
        if len(self.auth_key) != AUTH_KEY_BYTES:
            raise InvalidInput("a space authentication key is 32 bytes")
        if self.epoch < 0:
            raise InvalidInput("an epoch is never negative")

    @property
    def is_pairing(self) -> bool:
        return self.space_id == PAIRING_SPACE_ID

    def __repr__(self) -> str:  # the key never appears in a repr, log line or traceback
        return f"SpaceSecret(space={self.space_id.hex()[:8]}…, epoch={self.epoch})"


def auth_key_for(epoch_key: bytes) -> bytes:
    return derive_subkey(epoch_key, AUTH_KEY_CONTEXT)


def secret_for(space_id: bytes, epoch: int, epoch_key: bytes) -> SpaceSecret:
    return SpaceSecret(space_id, epoch, auth_key_for(epoch_key))


def new_pairing_secret() -> bytes:
    """A fresh one-time pairing secret: 256 random bits (shown as a QR code or text code).

    It must stay high-entropy: the channel is not a PAKE, so an active attacker who sees a
    pairing proof could test guesses of a short code offline.
    """
    return os.urandom(PAIRING_SECRET_BYTES)


def pairing_secret(secret: bytes) -> SpaceSecret:
    """The SpaceSecret both devices offer while linking, derived from the one-time secret."""
    if len(secret) != PAIRING_SECRET_BYTES:
        raise InvalidInput("a pairing secret is 32 bytes")
    return SpaceSecret(PAIRING_SPACE_ID, 0, derive_subkey(secret, PAIRING_KEY_CONTEXT))


class SpaceSecrets:
    """`session.secrets`: what this vault offers when a sync channel opens."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def offered(self, kind: str | None = None) -> list[SpaceSecret]:
        """One SpaceSecret per (space, epoch) whose key this vault holds, newest epoch first.

        Every epoch is offered, not only the current one, so that a peer that has not yet seen a
        key rotation can still sync the events that deliver it; the sync layer decides per space
        which epochs to serve. `kind` limits the result (e.g. "journal" for linked devices only).
        Read without waiting for another thread's transaction (`Vault.read_nowait`): a peer's
        handshake must not wait for a large space's recompute.
        """
        out: list[SpaceSecret] = []
        with self._vault.read_nowait() as conn:
            for space in ids.list_spaces(conn, kind):
                keys = ids.epoch_keys(conn, space.space_id)
                for epoch in sorted(keys, reverse=True):
                    out.append(secret_for(space.space_id, epoch, keys[epoch]))
        return out
