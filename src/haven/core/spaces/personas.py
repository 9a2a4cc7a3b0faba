"""A persona per space: fresh Ed25519 keys (and an X25519 device key) for each space by
default, so two spaces' members cannot tell that two memberships belong to one person."""

from __future__ import annotations

import secrets

from haven.core.spaces import events as ev
from haven.core.spaces.model import COLOURS, Profile
from haven.crypto.sealing import BoxKeyPair
from haven.crypto.signing import SigningKeyPair
from haven.errors import NotFound
from haven.store import identity_tables as ids
from haven.store.vault import Connection


def checked_profile(display_name: str, pronouns: str = "", colour: str = "") -> Profile:
    return ev.clean_profile(
        {"name": display_name, "pronouns": pronouns, "colour": colour or secrets.choice(COLOURS)}
    )


def new_persona(conn: Connection, profile: Profile, now_ms: int) -> bytes:
    keys = SigningKeyPair.generate()
    ids.insert_persona(
        conn, ids.PersonaRow(keys.public, keys.seed, profile.display_name, profile.pronouns, now_ms)
    )
    return keys.public


def reuse_persona(conn: Connection, persona_id: bytes) -> bytes:
    """Use an existing persona (this links the spaces it is used in; the caller chose it)."""
    if ids.get_persona(conn, persona_id) is None:
        raise NotFound("unknown persona")
    return persona_id


def new_box() -> BoxKeyPair:
    return BoxKeyPair.generate()
