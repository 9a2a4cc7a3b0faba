-- Haven vault schema, version 28: a moderator's removal waits to erase (docs/PROTOCOL.md
-- §1.7, "Settled before erased"). A removal by a moderator who is not the owner hides the
-- post at once (the projection) and records here the erasure it asks for; this device's
-- sweep erases the words once `received_ms` (this device's clock when the sweep first saw
-- the row, never a peer's) is a grace period old, and only if the removal still counts.
-- Kept across rebuilds of the projection: a recompute never restarts the grace period.
CREATE TABLE IF NOT EXISTS space_pending_erasures (
    redaction_id BLOB PRIMARY KEY,
    space_id     BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    post_id      BLOB NOT NULL,
    received_ms  INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_pending_erasures_by_time ON space_pending_erasures (received_ms);
