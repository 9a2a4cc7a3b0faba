"""SQL for a group space on this device (its row: owner, this device's box key, colour,
reading marker, mute words) and the bookkeeping of its projection (schema/0002_spaces.sql):
which event was applied last, whether a late event made it dirty, clearing and wiping."""

from __future__ import annotations

from dataclasses import dataclass

from haven.store.vault import Connection

_PROJECTION_TABLES = (
    "space_reactions",
    "space_members",
    "space_member_devices",
    "space_epoch_recipients",
    "space_epoch_commitments",
    "space_key_conflicts",
    "space_posts",
    "space_channels",
    "space_channel_extras",
    "space_channel_mentions",
    "space_reports",
    "space_modlog",
    "space_moderators",
    "space_invite_recipients",
    "space_invite_revocations",
    "space_attachments",
    "space_attachment_chunks",
    "space_settings",
    "space_expired_posts",
    "space_gatherings",
    "space_gathering_rsvps",
    "space_fundraisers",
    "space_pledges",
    "space_pledges_received",
    "space_campaigns",
    "space_campaign_done",
    "space_cause_updates",
    "space_cause_states",
    "space_gathering_times",
    "space_dm_offers",
    "space_state",
)


@dataclass(frozen=True, repr=False)
class GroupRow:
    space_id: bytes
    owner_pk: bytes
    box_secret: bytes
    box_public: bytes
    colour: str
    read_lamport: int
    mute_words: str
    joined_ms: int

    def __repr__(self) -> str:  # never print the secret
        return f"GroupRow({self.space_id.hex()})"


@dataclass(frozen=True)
class StateRow:
    space_id: bytes
    name: str
    description: str
    topics: str
    guidelines: str
    genesis_id: bytes | None
    inforce_epoch: int
    applied_lamport: int
    applied_id: bytes
    dirty: int


def insert_group(conn: Connection, row: GroupRow) -> None:
    conn.execute(
        "INSERT INTO group_spaces (space_id, owner_pk, box_secret, box_public, colour,"
        " read_lamport, mute_words, joined_ms) VALUES (?,?,?,?,?,?,?,?)",
        (
            row.space_id,
            row.owner_pk,
            row.box_secret,
            row.box_public,
            row.colour,
            row.read_lamport,
            row.mute_words,
            row.joined_ms,
        ),
    )


def get_group(conn: Connection, space_id: bytes) -> GroupRow | None:
    row = conn.execute(
        "SELECT space_id, owner_pk, box_secret, box_public, colour, read_lamport, mute_words,"
        " joined_ms FROM group_spaces WHERE space_id = ?",
        (space_id,),
    ).fetchone()
    return GroupRow(*row) if row else None


def group_ids(conn: Connection) -> list[bytes]:
    return [r[0] for r in conn.execute("SELECT space_id FROM group_spaces ORDER BY joined_ms")]


def set_colour(conn: Connection, space_id: bytes, colour: str) -> None:
    conn.execute("UPDATE group_spaces SET colour = ? WHERE space_id = ?", (colour, space_id))


def wipe_space(conn: Connection, space_id: bytes, persona_pk: bytes | None) -> None:
    """Forget a space entirely: its log, keys, projections, settings (and its own persona)."""
    conn.execute(
        "DELETE FROM redacted_events WHERE event_id IN (SELECT id FROM events WHERE space_id = ?)",
        (space_id,),
    )
    for table in ("events", "held_events", "equivocations"):
        conn.execute(f"DELETE FROM {table} WHERE space_id = ?", (space_id,))
    conn.execute("DELETE FROM space_reactions WHERE space_id = ?", (space_id,))
    conn.execute("DELETE FROM spaces WHERE space_id = ?", (space_id,))  # cascades
    if persona_pk is not None:
        still_used = conn.execute(
            "SELECT 1 FROM spaces WHERE persona_id = ?", (persona_pk,)
        ).fetchone()
        is_primary = conn.execute("SELECT 1 FROM meta WHERE value = ?", (persona_pk,)).fetchone()
        if not still_used and not is_primary:
            conn.execute("DELETE FROM personas WHERE persona_id = ?", (persona_pk,))


def clear_projection(conn: Connection, space_id: bytes) -> None:
    for table in _PROJECTION_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE space_id = ?", (space_id,))
    conn.execute("INSERT INTO space_state (space_id) VALUES (?)", (space_id,))


def ensure_state(conn: Connection, space_id: bytes) -> None:
    conn.execute("INSERT OR IGNORE INTO space_state (space_id) VALUES (?)", (space_id,))


def get_state(conn: Connection, space_id: bytes) -> StateRow | None:
    row = conn.execute(
        "SELECT space_id, name, description, topics, guidelines, genesis_id, inforce_epoch,"
        " applied_lamport, applied_id, dirty FROM space_state WHERE space_id = ?",
        (space_id,),
    ).fetchone()
    return StateRow(*row) if row else None


def set_applied(conn: Connection, space_id: bytes, lamport: int, event_id: bytes) -> None:
    conn.execute(
        "UPDATE space_state SET applied_lamport = ?, applied_id = ? WHERE space_id = ?",
        (lamport, event_id, space_id),
    )


def set_dirty(conn: Connection, space_id: bytes, dirty: bool) -> None:
    conn.execute("UPDATE space_state SET dirty = ? WHERE space_id = ?", (int(dirty), space_id))
