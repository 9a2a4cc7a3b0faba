-- Haven vault schema: relay sync, client side (docs/PROTOCOL.md §6, "Relay sync (client side)").

-- PROJECTION: each space's relay list, from the newest valid journal.relays / space.relays.
CREATE TABLE relay_lists (
    space_id  BLOB PRIMARY KEY,
    urls      TEXT NOT NULL,            -- one URL a line, in the order the event gave
    lamport   INTEGER NOT NULL,
    event_id  BLOB NOT NULL
);

-- LOCAL: the outbox. This device's own chain in a space is acknowledged (durable) by a relay
-- up to `acked_seq`; every later event of the chain is waiting for that relay.
CREATE TABLE relay_acked (
    relay     TEXT NOT NULL,
    space_id  BLOB NOT NULL,
    acked_seq INTEGER NOT NULL,
    PRIMARY KEY (relay, space_id)
);

-- LOCAL: how far this device has read each mailbox (one per space epoch) on each relay.
CREATE TABLE relay_cursors (
    relay     TEXT NOT NULL,
    mailbox   BLOB NOT NULL,
    cursor    INTEGER NOT NULL,
    PRIMARY KEY (relay, mailbox)
);

-- LOCAL: when each space last synced, and over what (lan, direct, relay).
CREATE TABLE sync_status (
    space_id  BLOB PRIMARY KEY,
    transport TEXT NOT NULL,
    at_ms     INTEGER NOT NULL
);
