-- Haven vault schema, version 21: when each event happens, one row per occurrence, for the
-- "Upcoming" view across every space (core/spaces/gatherings/upcoming.py). A PROJECTION,
-- rebuilt from the log with space_gatherings: the times are the validated details'
-- occurrences (a repeat expanded in its own zone), written when an event is made or edited.

CREATE TABLE IF NOT EXISTS space_gathering_times (
    gathering_id BLOB NOT NULL,
    start_s      INTEGER NOT NULL,  -- UTC seconds
    space_id     BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    end_s        INTEGER NOT NULL,  -- UTC seconds; an event without an end: one hour
    PRIMARY KEY (gathering_id, start_s)
) WITHOUT ROWID;
-- The Upcoming view reads each of the person's spaces in time order, a page at a time, from
-- "now less the longest event" (31 days), so that events under way are listed too.
CREATE INDEX IF NOT EXISTS space_gathering_times_in_order
    ON space_gathering_times (space_id, start_s, gathering_id, end_s);

-- Each event's answers in log order (the view of an event, on every screen that lists it),
-- read from the index instead of sorted.
CREATE INDEX IF NOT EXISTS space_gathering_rsvps_in_order
    ON space_gathering_rsvps (gathering_id, lamport, event_id);

-- Events made before this version have no times yet: recompute their spaces' projections
-- (on the next read of each) from the log, which writes them.
UPDATE space_state SET dirty = 1
 WHERE space_id IN (SELECT DISTINCT space_id FROM space_gatherings);
