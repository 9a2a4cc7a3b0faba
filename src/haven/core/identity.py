"""This vault's persona(s) and device. A persona is a keypair plus a chosen display name and
pronouns, never an email, phone number or real name."""

from __future__ import annotations

import os
from dataclasses import dataclass

from haven.core.clock import Clock, now_ms
from haven.core.envelope import DEVICE_ID_BYTES
from haven.crypto.hashing import blake2b_256
from haven.crypto.signing import SigningKeyPair
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as t
from haven.store import relay_tables as rt
from haven.store.vault import Vault

MAX_NAME_CHARS = 64
MAX_PRONOUNS_CHARS = 32
_DEVICE_ID = "device_id"
_PREVIOUS_DEVICE_ID = "previous_device_id"
_PRIMARY_PERSONA = "primary_persona"


@dataclass(frozen=True)
class Persona:
    """What the UI and CLI may show about a persona: never the secret key."""

    persona_id: bytes
    display_name: str
    pronouns: str


def validate_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("a display name cannot be empty")
    if len(name) > MAX_NAME_CHARS:
        raise InvalidInput(f"a display name has at most {MAX_NAME_CHARS} characters")
    return name


def validate_pronouns(pronouns: str) -> str:
    pronouns = " ".join(pronouns.split())
    if len(pronouns) > MAX_PRONOUNS_CHARS:
        raise InvalidInput(f"pronouns have at most {MAX_PRONOUNS_CHARS} characters")
    return pronouns


class Identity:
    def __init__(self, vault: Vault, clock: Clock = now_ms) -> None:
        self._vault = vault
        self._clock = clock

    def initialise(
        self,
        display_name: str,
        pronouns: str = "",
        keys: SigningKeyPair | None = None,
        created_ms: int | None = None,
        device_id: bytes | None = None,
    ) -> Persona:
        """Create the primary persona and this device's id (once, at vault creation). A
        linked device passes the persona `keys` it received, and the `device_id` it chose
        before it asked to be linked; every device gets its own id."""
        name, pronouns = validate_name(display_name), validate_pronouns(pronouns)
        keys = keys or SigningKeyPair.generate()
        created = self._clock() if created_ms is None else created_ms
        with self._vault.transaction() as conn:
            t.insert_persona(conn, t.PersonaRow(keys.public, keys.seed, name, pronouns, created))
            t.set_meta(conn, _PRIMARY_PERSONA, keys.public)
            t.set_meta(conn, _DEVICE_ID, device_id or os.urandom(DEVICE_ID_BYTES))
        return Persona(keys.public, name, pronouns)

    def start_new_chains(self) -> bytes:
        """Give this vault a new device id, so that everything it writes from now on goes
        into new chains (in the journal and, through device_id_for, in every space), and
        return it. For a vault restored from a backup: the chains it held were perhaps
        continued after the backup was made, and writing on them again would fork them
        (docs/PROTOCOL.md, "Restoring a backup"). The old id is kept in the meta table.
        Relay outbox numbers named the old chains and are forgotten. A Session made
        before this call still writes under the old id: open a new one."""
        new = os.urandom(DEVICE_ID_BYTES)
        with self._vault.transaction() as conn:
            old = t.get_meta(conn, _DEVICE_ID)
            if old is None:
                raise NotFound("this vault has no device id")
            t.set_meta(conn, _PREVIOUS_DEVICE_ID, old)
            t.set_meta(conn, _DEVICE_ID, new)
            rt.clear_acked(conn)
        return new

    @property
    def device_id(self) -> bytes:
        with self._vault.read() as conn:
            value = t.get_meta(conn, _DEVICE_ID)
        if value is None:
            raise NotFound("this vault has no device id")
        return value

    def device_id_for(self, persona_id: bytes) -> bytes:
        """The device id this device writes under as `persona_id`. Under the primary persona
        (the journal, shared with linked devices) it is the device id itself; under a space's
        own persona it is derived from both, so members of two spaces cannot link the two
        personas through a device id they both see in event headers."""
        device = self.device_id
        with self._vault.read() as conn:
            primary = t.get_meta(conn, _PRIMARY_PERSONA)
        return device if persona_id == primary else derived_device_id(persona_id, device)

    def primary(self) -> Persona:
        with self._vault.read() as conn:
            pid = t.get_meta(conn, _PRIMARY_PERSONA)
            row = t.get_persona(conn, pid) if pid else None
        if row is None:
            raise NotFound("this vault has no persona yet")
        return Persona(row.persona_id, row.display_name, row.pronouns)

    def signing_keys(self, persona_id: bytes) -> SigningKeyPair:
        with self._vault.read() as conn:
            row = t.get_persona(conn, persona_id)
        if row is None:
            raise NotFound("unknown persona")
        return SigningKeyPair.from_seed(row.sign_seed)

    def update(self, persona_id: bytes, display_name: str, pronouns: str) -> Persona:
        name, pronouns = validate_name(display_name), validate_pronouns(pronouns)
        with self._vault.transaction() as conn:
            if t.get_persona(conn, persona_id) is None:
                raise NotFound("unknown persona")
            t.update_persona(conn, persona_id, name, pronouns)
        return Persona(persona_id, name, pronouns)


def derived_device_id(persona_id: bytes, device: bytes) -> bytes:
    """The id device `device` writes under as a space's own persona `persona_id` (see
    `Identity.device_id_for`); a linking device computes it for the device it links."""
    return blake2b_256(persona_id, person=b"haven-device-id", key=device)[:DEVICE_ID_BYTES]
