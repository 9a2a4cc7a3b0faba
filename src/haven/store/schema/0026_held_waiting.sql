-- Haven vault schema, version 26: why an event is held (docs/PROTOCOL.md §1.5, step 6).
-- `waiting` = 1: held because its signing key is not certified yet (a device key whose
-- certificate has not arrived), which has a budget of its own per space
-- (MAX_HELD_UNCERTIFIED); 0: held only for a gap in its chain. Rows held before this
-- version count as gaps until they are tried again (a release that finds the key still
-- uncertified holds them back with the flag).
ALTER TABLE held_events ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS held_events_waiting ON held_events (space_id) WHERE waiting = 1;
