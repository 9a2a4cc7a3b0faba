-- Haven vault schema, version 19: only an event's author can erase its blob on a relay
-- (docs/PROTOCOL.md §6, "Relay sync (client side)", Erasure), and finding what to ask a
-- relay to erase reads only what is new since the last ask.

-- LOCAL: this person's own redacted events (authored by a persona of this vault), in the
-- order they were redacted. Only these can be erased on a relay by this device: the
-- erase token comes from the author's key. Filled where an event is marked redacted.
CREATE TABLE IF NOT EXISTS relay_erase_queue (
    seq      INTEGER PRIMARY KEY,
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    event_id BLOB NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS relay_erase_queue_by_space ON relay_erase_queue (space_id, seq);

-- LOCAL: how far along the queue each relay of each space has been asked (every entry with
-- a larger seq is still to be asked at that relay's next round).
CREATE TABLE IF NOT EXISTS relay_erase_progress (
    relay    TEXT NOT NULL,
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    done_seq INTEGER NOT NULL,
    PRIMARY KEY (relay, space_id)
) WITHOUT ROWID;

-- Own events redacted before this version, oldest first; each relay is asked once more
-- (a relay already asked erases nothing the second time).
INSERT OR IGNORE INTO relay_erase_queue (space_id, event_id)
    SELECT e.space_id, e.id FROM redacted_events r JOIN events e ON e.id = r.event_id
    WHERE e.author IN (SELECT persona_id FROM personas) ORDER BY e.rowid;

-- Replaced by the queue and its progress marks.
DROP TABLE IF EXISTS relay_erased;
