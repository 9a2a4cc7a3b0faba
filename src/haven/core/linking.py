"""What moves from an existing device to a new one when they are linked: the persona's keys
and the journal space's keys (docs/PROTOCOL.md §4). Encoded with msgpack and sent only inside
an authenticated, encrypted channel after both people compared the verification words.

The new device makes its own device id and signing key before anything is sent, and sends
only the public key with a proof that it holds it (`NewDevice.request`); the existing device
certifies that key with its own (`journal.device.cert`, core/device_certs.py) before it
sends the bundle. That journal device key's secret never leaves the device that made
it; in a group space under a space's own persona, the existing device makes the new
device's signing key for that space and sends its seed in the bundle (one key per space,
so that personas are not linked by a shared key).

With the new device's request, the bundle also carries each group space where the person is
an active member (core/spaces/device_join.py): the existing device announces the new device
there first. Its size is bounded: at most 10 000 journal epoch keys, 32 spaces of at most 256
keys each (under the channel's 1 MiB message).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import msgpack

from haven.core.clock import Clock, now_ms
from haven.core.device_certs import DeviceRequest
from haven.core.devices import new_device_keys
from haven.core.envelope import DEVICE_ID_BYTES, SPACE_ID_BYTES, packb, unpackb
from haven.core.identity import Identity, validate_name, validate_pronouns
from haven.core.session import Session, install_journal_space
from haven.core.spaces import device_join
from haven.core.spaces.device_join import MAX_LINK_SPACES, SpaceGrant
from haven.crypto.kdf import KdfParams
from haven.crypto.signing import SigningKeyPair
from haven.errors import InvalidInput
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.store.vault import Vault

BUNDLE_VERSION = 2
#: Bundles of version 1 (an older Haven) carry no group spaces; both are read.
READ_VERSIONS = (1, 2)
MAX_EPOCHS = 10_000


@dataclass(frozen=True, repr=False)
class LinkBundle:
    persona_seed: bytes
    display_name: str
    pronouns: str
    persona_created_ms: int
    journal_space: bytes
    current_epoch: int
    epoch_keys: dict[int, bytes]
    spaces: tuple[SpaceGrant, ...] = ()

    def __repr__(self) -> str:
        return "LinkBundle(…)"

    def encode(self) -> bytes:
        return packb(
            [
                BUNDLE_VERSION,
                self.persona_seed,
                self.display_name,
                self.pronouns,
                self.persona_created_ms,
                self.journal_space,
                self.current_epoch,
                [[e, k] for e, k in sorted(self.epoch_keys.items())],
                [g.encode() for g in self.spaces],
            ]
        )

    @classmethod
    def decode(cls, untrusted: bytes) -> LinkBundle:
        try:
            fields = unpackb(untrusted)
            if not isinstance(fields, list) or fields[:1] not in ([1], [2]):
                raise InvalidInput("the other device runs an incompatible Haven version")
            (version, seed, name, pronouns, created, space, epoch, keys) = fields[:8]
            carried = fields[8] if version == 2 else []
            if len(fields) != (9 if version == 2 else 8) or not isinstance(carried, list):
                raise InvalidInput("the other device sent a malformed link bundle")
            if len(carried) > MAX_LINK_SPACES:
                raise InvalidInput("the other device sent a malformed link bundle")
            grants = tuple(SpaceGrant.decode(g) for g in carried)
            epoch_keys = {int(e): bytes(k) for e, k in keys}
        except (ValueError, TypeError, msgpack.UnpackException) as exc:
            raise InvalidInput("the other device sent a malformed link bundle") from exc
        if not (
            isinstance(seed, bytes)
            and len(seed) == 32
            and isinstance(space, bytes)
            and len(space) == SPACE_ID_BYTES
            and type(epoch) is int
            and type(created) is int
            and isinstance(name, str)
            and isinstance(pronouns, str)
            and epoch in epoch_keys
            and len(epoch_keys) <= MAX_EPOCHS
            and all(len(k) == 32 for k in epoch_keys.values())
            and len({g.space_id for g in grants} | {space}) == len(grants) + 1
        ):
            raise InvalidInput("the other device sent a malformed link bundle")
        return cls(
            seed,
            validate_name(name),
            validate_pronouns(pronouns),
            created,
            space,
            epoch,
            epoch_keys,
            grants,
        )


@dataclass(frozen=True, repr=False)
class NewDevice:
    """A device about to be linked: its id and signing key, made before it asks."""

    device_id: bytes
    keys: SigningKeyPair

    @classmethod
    def generate(cls) -> NewDevice:
        return cls(os.urandom(DEVICE_ID_BYTES), SigningKeyPair.generate())

    def request(self) -> bytes:
        return DeviceRequest.make(self.device_id, self.keys).encode()

    def __repr__(self) -> str:
        return "NewDevice(…)"


def make_bundle(session: Session, untrusted_request: bytes | None = None) -> LinkBundle:
    """What the existing device sends. With the new device's `request`, it first certifies
    that device's key (the certificate is an event of this device's chain, which the new
    device receives in its first sync). Without one (an older Haven asking), the new
    device certifies itself with the persona key, which works until an unlink retires it."""
    grants: list[SpaceGrant] = []
    if untrusted_request is not None:
        request = session.devices.certify(untrusted_request)
        grants = device_join.announce(
            session.vault, session.log, session.spaces, session.identity, request
        )
    persona = session.identity.primary()
    keys = session.identity.signing_keys(persona.persona_id)
    with session.vault.read() as conn:
        space = ids.get_space(conn, session.journal.space_id)
        row = ids.get_persona(conn, persona.persona_id)
        epoch_keys = ids.epoch_keys(conn, session.journal.space_id)
    assert space is not None and row is not None
    return LinkBundle(
        keys.seed,
        persona.display_name,
        persona.pronouns,
        row.created_ms,
        space.space_id,
        space.current_epoch,
        epoch_keys,
        tuple(grants),
    )


def create_linked(
    data_dir: Path,
    passphrase: str,
    bundle: LinkBundle,
    device_label: str = "",
    params: KdfParams | None = None,
    clock: Clock = now_ms,
    device: NewDevice | None = None,
) -> Session:
    """Create a new vault that holds the linked persona and journal, with a new device id
    (`device`'s, whose key the bundle's sender certified). Nothing is left behind if it
    fails."""
    vault = Vault.create(data_dir, passphrase, params)
    try:
        identity = Identity(vault, clock)
        persona = identity.initialise(
            bundle.display_name,
            bundle.pronouns,
            SigningKeyPair.from_seed(bundle.persona_seed),
            bundle.persona_created_ms,
            device_id=device.device_id if device else None,
        )
        if device is not None:
            with vault.transaction() as conn:
                new_device_keys(conn, device.device_id)
                dt.put_sign_seed(conn, device.device_id, device.keys.seed)
        install_journal_space(
            vault,
            bundle.journal_space,
            persona.persona_id,
            bundle.current_epoch,
            bundle.epoch_keys,
            clock,
        )
        if device is not None:  # (without one, the sender announced no device: no spaces)
            device_join.install(
                vault, list(bundle.spaces), persona.persona_id, device.device_id, clock()
            )
        session = Session(vault, clock)
        session.devices.announce_this_device(device_label)
        return session
    except BaseException:
        vault.destroy_new()
        raise
