-- Haven vault schema, version 27: closing and removing fundraisers and campaigns
-- (docs/PROTOCOL.md §5.10). A PROJECTION table, rebuilt from the log: one row per
-- fundraiser or campaign (`cause_id`) that was closed, erased or removed.
-- `closed`: a valid `space.fundraiser.close` / `space.campaign.close` (no more pledges or
-- "I did this"). `erased`: a moderator's removal erased its words (or it arrived redacted).
-- `removed`: that removal was valid (by a moderator at its point of the log).
CREATE TABLE IF NOT EXISTS space_cause_states (
    cause_id BLOB PRIMARY KEY,
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    closed   INTEGER NOT NULL DEFAULT 0,
    erased   INTEGER NOT NULL DEFAULT 0,
    removed  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_cause_states_by_space ON space_cause_states (space_id);
