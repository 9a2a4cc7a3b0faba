-- Haven vault schema, version 3: linked devices (docs/PROTOCOL.md, "Linked devices").

-- LOCAL: this device's X25519 key pair, to which new journal epoch keys are sealed.
CREATE TABLE device_keys (
    device_id  BLOB PRIMARY KEY,
    box_secret BLOB NOT NULL,
    box_public BLOB NOT NULL
);

-- PROJECTION: the devices of this vault's persona, from journal.device.* events.
CREATE TABLE linked_devices (
    device_id       BLOB PRIMARY KEY,
    box_public      BLOB NOT NULL,
    label           TEXT NOT NULL DEFAULT '',
    linked_ms       INTEGER NOT NULL,
    unlinked_lamport INTEGER              -- set once the device is unlinked
);
