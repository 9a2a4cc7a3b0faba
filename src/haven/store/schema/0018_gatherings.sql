-- Haven vault schema, version 18: community events in a group space (docs/PROTOCOL.md,
-- "Events"). Called gatherings here: "events" already names the log. Every row is a
-- PROJECTION, rebuilt from the ordered log; what a row holds depends on what THIS device
-- could open (a place and RSVP details are sealed to some devices only).

-- PROJECTION: one row per valid event (space.gathering).
CREATE TABLE IF NOT EXISTS space_gatherings (
    gathering_id      BLOB PRIMARY KEY,
    space_id          BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    author            BLOB NOT NULL,
    lamport           INTEGER NOT NULL,
    details           BLOB NOT NULL,   -- msgpack: the validated details (gatherings/details.py)
    organisers        BLOB NOT NULL,   -- msgpack list of member keys
    cancelled         INTEGER NOT NULL DEFAULT 0,
    location          TEXT,            -- the place, once this device could open it
    location_version  BLOB,            -- the create/edit that last set the place (organisers)
    published_version BLOB,            -- location_version the last location event carried
    published_to      BLOB             -- msgpack list: box keys attending at that event
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_gatherings_by_space ON space_gatherings (space_id);

-- PROJECTION: the last valid RSVP of each member. `answer` is NULL on devices the details
-- were not sealed to (they only know that the member answered).
CREATE TABLE IF NOT EXISTS space_gathering_rsvps (
    gathering_id BLOB NOT NULL,
    member_pk    BLOB NOT NULL,
    space_id     BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    lamport      INTEGER NOT NULL,
    event_id     BLOB NOT NULL,    -- the RSVP event: (lamport, event_id) is its log order
    answer       TEXT,
    note         TEXT NOT NULL DEFAULT '',
    plus_one     INTEGER NOT NULL DEFAULT 0,
    approved     INTEGER NOT NULL DEFAULT 0,
    seated       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (gathering_id, member_pk)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_gathering_rsvps_by_space ON space_gathering_rsvps (space_id);
