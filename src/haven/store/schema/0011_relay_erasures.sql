-- Haven vault schema, version 11: relays erase what a redaction erased (docs/PROTOCOL.md §6,
-- "Relay sync (client side)", Erasure).

-- LOCAL: redacted events whose blobs this device has asked `relay` to erase (the relay
-- answered). Every redacted event of a space that is not listed here for a relay of the
-- space is asked for at that relay's next round.
CREATE TABLE IF NOT EXISTS relay_erased (
    relay    TEXT NOT NULL,
    event_id BLOB NOT NULL,
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    PRIMARY KEY (relay, event_id)
) WITHOUT ROWID;
