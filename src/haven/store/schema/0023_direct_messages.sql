-- Haven vault schema, version 23: direct messages (docs/PROTOCOL.md §5.12). A direct
-- conversation is a two-person group space; these tables only say which spaces are such
-- conversations and which offers of one this device has looked at.

-- LOCAL: a group space that is a direct conversation, written when this device opened it
-- or took an offer of it. `parent_id`: the space the two share, whose relays it uses;
-- `opener` and `partner`: the two personas (the only members it may ever have);
-- `genesis_id`: the genesis the offer named (no other genesis counts here).
CREATE TABLE IF NOT EXISTS space_dms (
    space_id   BLOB PRIMARY KEY REFERENCES spaces(space_id) ON DELETE CASCADE,
    parent_id  BLOB NOT NULL,
    opener     BLOB NOT NULL,
    partner    BLOB NOT NULL,
    genesis_id BLOB NOT NULL,
    created_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS space_dms_by_parent ON space_dms (parent_id, partner);

-- PROJECTION: the valid space.dm.offer events of a space (their author was an active
-- member then), cleared with the projection like every rule's table.
CREATE TABLE IF NOT EXISTS space_dm_offers (
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    event_id BLOB NOT NULL,
    author   BLOB NOT NULL,
    PRIMARY KEY (space_id, event_id)
) WITHOUT ROWID;

-- LOCAL: the offers this device has tried its key on, taken or not; never cleared with the
-- projection, so a recompute does not make it try them again.
CREATE TABLE IF NOT EXISTS space_dm_offers_tried (
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    event_id BLOB NOT NULL,
    PRIMARY KEY (space_id, event_id)
) WITHOUT ROWID;
