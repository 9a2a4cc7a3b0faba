-- Haven vault schema, version 9: epoch keys bound to the rotation that made them.
-- A rotation (and the genesis) carries a commitment to its epoch key; a sealed key is
-- installed only if it matches the commitment of the valid rotation of that epoch
-- (docs/PROTOCOL.md, "Epoch keys"). Both tables are PROJECTION: rebuilt from the log.

-- PROJECTION: the commitment of each epoch's valid rotation (or of the genesis epoch).
CREATE TABLE IF NOT EXISTS space_epoch_commitments (
    space_id   BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    epoch      INTEGER NOT NULL,
    commitment BLOB NOT NULL,
    PRIMARY KEY (space_id, epoch)
) WITHOUT ROWID;

-- PROJECTION: valid rotations and shares that sealed this device a key which does not
-- match the epoch's commitment or the key already held: installed nothing, shown as a
-- warning (someone holding an admin's key is showing different keys to different people).
CREATE TABLE IF NOT EXISTS space_key_conflicts (
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    event_id BLOB NOT NULL,
    author   BLOB NOT NULL,
    epoch    INTEGER NOT NULL,
    PRIMARY KEY (space_id, event_id)
) WITHOUT ROWID;
