-- Haven vault schema, version 24: an event's places kept incrementally (core/spaces/gatherings/
-- seating.py), so that an RSVP costs an organiser's device a few index look-ups instead of a
-- pass over every answer. Both tables are PROJECTIONS: they are made again with the new
-- columns, empty, and the spaces that had events are recomputed from the log on their next
-- read (which also makes this script safe to run twice).

UPDATE space_state SET dirty = 1
 WHERE space_id IN (SELECT DISTINCT space_id FROM space_gatherings);

DROP TABLE IF EXISTS space_gatherings;
CREATE TABLE space_gatherings (
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
    published_to      BLOB,            -- msgpack list: box keys attending at that event
    taken             INTEGER NOT NULL DEFAULT 0  -- places taken now (organiser devices)
) WITHOUT ROWID;
CREATE INDEX space_gatherings_by_space ON space_gatherings (space_id);

DROP TABLE IF EXISTS space_gathering_rsvps;
CREATE TABLE space_gathering_rsvps (
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
    -- 1: going, approved where the event asks it, an active member, and no place yet: the
    -- queue a freed place is given from, in log order (organiser devices).
    waiting      INTEGER NOT NULL DEFAULT 0,
    -- 1: the last location event this organiser's device wrote was sealed to this member
    -- while they had a place; 0 once they lose it (their device erases the place), so that
    -- it is sealed to them again if they come back.
    placed       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (gathering_id, member_pk)
) WITHOUT ROWID;
CREATE INDEX space_gathering_rsvps_by_space ON space_gathering_rsvps (space_id);
CREATE INDEX space_gathering_rsvps_in_order
    ON space_gathering_rsvps (gathering_id, lamport, event_id);
-- The first waiting answer of each size, in log order.
CREATE INDEX space_gathering_rsvps_waiting
    ON space_gathering_rsvps (gathering_id, plus_one, lamport, event_id) WHERE waiting = 1;
-- Who has a place (the devices a place is sealed to).
CREATE INDEX space_gathering_rsvps_seated
    ON space_gathering_rsvps (gathering_id, member_pk) WHERE seated = 1;
-- A member's answers in a space (their removal frees their places).
CREATE INDEX space_gathering_rsvps_by_member
    ON space_gathering_rsvps (space_id, member_pk);
