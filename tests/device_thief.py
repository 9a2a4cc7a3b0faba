"""A stolen laptop's toolkit: journal events crafted with every key the laptop's vault holds
— the persona's signing seed, the laptop's own device key, the journal's epoch keys — the
way the person holding it would write them, bypassing the services' checks.

`Thief.of(session)` reads the keys out of the stolen vault. `next` writes the next event of
the laptop's own chain (device-signed, or with the persona key, any Lamport clock); `fresh`
starts a chain under a new device id, as "a new device" of the same person; `certify`
makes a certificate (as an event of whichever chain writes it) for a device key the thief
made. Envelopes come back as bytes, for `log.ingest` or a sync round.

`Thief.in_space` aims the same moves at a group space whose persona the laptop holds (the
primary persona, which the link bundle carries), given the space's epoch key — what the
laptop holds when it is one of the member's devices there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from haven.core import device_certs as dc
from haven.core import envelope as env
from haven.core import journal as jn
from haven.core.linking import NewDevice, create_linked, make_bundle
from haven.core.session import Session
from haven.crypto.signing import SigningKeyPair
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from tests.helpers import PASSPHRASE


def link(source: Session, data_dir: Path, label: str) -> Session:
    """A new device linked to `source` the way `haven device link` does (its own key,
    certified by `source`)."""
    device = NewDevice.generate()
    return create_linked(
        data_dir, PASSPHRASE, make_bundle(source, device.request()), label, device=device
    )


@dataclass
class Chain:
    """One chain the thief writes: its device id, signing key (None: the persona key),
    and where it stands."""

    device: bytes
    key: SigningKeyPair | None
    seq: int = 0
    prev: bytes = env.ZERO_ID


class Thief:
    def __init__(
        self,
        persona: SigningKeyPair,
        space: bytes,
        epoch_key: bytes,
        own: Chain,
        lamport: int,
        epoch: int = 0,
    ) -> None:
        self.persona = persona
        self.space = space
        self.epoch_key = epoch_key
        self.own = own
        self.lamport = lamport
        self.epoch = epoch
        #: The author the headers name: the persona's key, or anyone's (a forger's choice).
        self.author = persona.public

    @classmethod
    def in_space_of(cls, session: Session, space: bytes) -> Thief:
        """What a member's vault holds for a group space: the space persona's seed, this
        device's chain there with its certified device key, the current epoch's key."""
        with session.vault.read() as conn:
            row = ids.get_space(conn, space)
            assert row is not None
            persona = ids.get_persona(conn, row.persona_id)
            device = session.identity.device_id_for(row.persona_id)
            seed = dt.get_sign_seed(conn, device)
            epoch_key = ids.get_epoch_key(conn, space, row.current_epoch)
            seq, prev = lt.chain_tip(conn, space, row.persona_id, device)
            lamport = lt.max_lamport(conn, space)
        assert persona is not None and epoch_key is not None
        key = SigningKeyPair.from_seed(seed) if seed is not None else None
        own = Chain(device, key, seq, prev or env.ZERO_ID)
        persona_key = SigningKeyPair.from_seed(persona.sign_seed)
        return cls(persona_key, space, epoch_key, own, lamport, row.current_epoch)

    def in_space(self, space: bytes, epoch: int, epoch_key: bytes, lamport: int) -> Thief:
        """The same keys aimed at a group space under the persona the laptop holds: its
        chain there is its device id's (under the primary persona, the same id), empty, and
        signed with the persona key until the thief certifies a device key."""
        own = Chain(self.own.device, None)
        return Thief(self.persona, space, epoch_key, own, lamport, epoch)

    @classmethod
    def of(cls, session: Session) -> Thief:
        space = session.journal.space_id
        persona_id = session.identity.primary().persona_id
        device = session.identity.device_id
        with session.vault.read() as conn:
            row = ids.get_persona(conn, persona_id)
            seed = dt.get_sign_seed(conn, device)
            epoch_key = ids.get_epoch_key(conn, space, 0)
            seq, prev = lt.chain_tip(conn, space, persona_id, device)
            lamport = lt.max_lamport(conn, space)
        assert row is not None and seed is not None and epoch_key is not None
        own = Chain(device, SigningKeyPair.from_seed(seed), seq, prev or env.ZERO_ID)
        return cls(SigningKeyPair.from_seed(row.sign_seed), space, epoch_key, own, lamport)

    def fresh(self, *, persona_signed: bool = False) -> tuple[Chain, SigningKeyPair]:
        """A new device id and key (the chain signs with the persona key if asked)."""
        key = SigningKeyPair.generate()
        return Chain(os.urandom(env.DEVICE_ID_BYTES), None if persona_signed else key), key

    def next(
        self,
        event_type: str,
        content: dict[str, Any],
        chain: Chain | None = None,
        *,
        lamport: int | None = None,
    ) -> bytes:
        chain = chain or self.own
        self.lamport += 1
        signer = chain.key.public if chain.key is not None else None
        header = env.Header(
            self.space,
            self.epoch,
            self.author,
            chain.device,
            chain.seq + 1,
            lamport if lamport is not None else self.lamport,
            chain.prev,
            env.VERSION_3 if signer is not None else env.VERSION,
            signer,
        )
        event = env.seal_event(
            header, event_type, 0, content, chain.key or self.persona, self.epoch_key
        )
        chain.seq, chain.prev = chain.seq + 1, event.id
        return event.envelope

    def entry(self, body: str, chain: Chain | None = None, *, lamport: int | None = None) -> bytes:
        content: dict[str, Any] = {"title": "", "body": body, "mood": None, "tags": []}
        return self.next(jn.CREATE, content, chain, lamport=lamport)

    def certify(
        self, writer: Chain, device: bytes, key: SigningKeyPair, event_type: str = dc.CERT
    ) -> bytes:
        return self.next(event_type, dc.DeviceRequest.make(device, key).content(), writer)

    def link(self, chain: Chain, box_public: bytes, label: str) -> bytes:
        content = {"device_id": chain.device, "box_public": box_public, "label": label}
        return self.next("journal.device.link", content, chain)
