"""The persona's name and pronouns, the same on every linked device.

Changing them writes a `journal.profile` event into the private journal space, which every
linked device of the persona already syncs (and nobody else can read). Each device shows the
newest one by (Lamport clock, event id) — the order of the log, never a wall clock a device
wrote into its event: a rename written after a device has seen another one always carries a
higher clock, and two renames made at once (each device offline) settle the same way
everywhere (docs/PROTOCOL.md §4.5).

The persona row in the vault holds what is shown. The name it had before the first of these
events is kept (`profile_base`), so a rebuild of the journal's projections — after an unlink
undid events a device wrote too late — starts from it and replays the events that remain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from haven.core.envelope import Event, packb, unpackb
from haven.core.identity import Identity, Persona, validate_name, validate_pronouns
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store.vault import Connection

if TYPE_CHECKING:
    from haven.core.eventlog import EventLog

PROFILE = "journal.profile"
_WINNER = "profile_winner"  # msgpack [lamport, event id] of the event shown now; b"" = none
_BASE = "profile_base"  # msgpack [name, pronouns] before the first profile event


def parse_profile(untrusted: Any) -> tuple[str, str] | None:
    """(name, pronouns) from an event's content, or None if it is malformed."""
    if not isinstance(untrusted, dict):
        return None
    name, pronouns = untrusted.get("display_name"), untrusted.get("pronouns", "")
    if not isinstance(name, str) or not isinstance(pronouns, str):
        return None
    try:
        return validate_name(name), validate_pronouns(pronouns)
    except InvalidInput:
        return None


def _journal_persona(conn: Connection, space_id: bytes) -> bytes | None:
    space = ids.get_space(conn, space_id)
    return space.persona_id if space is not None and space.kind == "journal" else None


def _meta(conn: Connection, key: str) -> list[Any] | None:
    value = ids.get_meta(conn, key)
    return list(unpackb(value)) if value else None


class ProfileProjector:
    """Last writer wins, in the log's order: (Lamport clock, event id)."""

    type_prefix = PROFILE

    def apply(self, conn: Connection, event: Event, log: EventLog) -> None:
        persona_id = _journal_persona(conn, event.space_id)
        profile = parse_profile(event.content) if event.type == PROFILE else None
        if profile is None or persona_id is None or event.author != persona_id:
            return
        winner = _meta(conn, _WINNER)
        if winner is not None and (event.lamport, event.id) <= (winner[0], winner[1]):
            return  # an older rename, or one that lost a tie: what is shown stays
        row = ids.get_persona(conn, persona_id)
        if row is None:
            return
        if _meta(conn, _BASE) is None:
            ids.set_meta(conn, _BASE, packb([row.display_name, row.pronouns]))
        ids.set_meta(conn, _WINNER, packb([event.lamport, event.id]))
        ids.update_persona(conn, persona_id, *profile)

    def clear(self, conn: Connection, space_id: bytes) -> None:
        persona_id = _journal_persona(conn, space_id)
        if persona_id is None:
            return  # rebuilding a group space leaves the persona be
        base = _meta(conn, _BASE)
        if base is not None:
            ids.update_persona(conn, persona_id, str(base[0]), str(base[1]))
        ids.set_meta(conn, _WINNER, b"")


class ProfileService:
    """`session.profile`: change the persona's name and pronouns on all its devices."""

    def __init__(self, log: EventLog, identity: Identity, journal_space: bytes) -> None:
        self._log = log
        self._identity = identity
        self._space = journal_space

    def update(self, display_name: str, pronouns: str) -> Persona:
        name, pronouns = validate_name(display_name), validate_pronouns(pronouns)
        self._log.append(self._space, PROFILE, {"display_name": name, "pronouns": pronouns})
        return self._identity.primary()
