-- Haven vault schema, version 22: per-device signing keys in group spaces (docs/PROTOCOL.md
-- §5.11, "Device keys in group spaces"). Nothing is rewritten: events written before stay
-- valid history, signed by the member's space persona key.

-- PROJECTION: which key each device of each member signs with in a group space, from
-- space.device.cert events (the first certificate binds; a second naming another key makes
-- the device count as uncertified: device_key NULL). `root_seq`: for a root certificate
-- (signed by the persona on the device's own chain), its place there; NULL if issued. A
-- root certificate binds for good: no other certificate of that device counts.
CREATE TABLE IF NOT EXISTS space_device_certs (
    space_id     BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    author       BLOB NOT NULL,
    device_id    BLOB NOT NULL,
    device_key   BLOB,
    cert_id      BLOB NOT NULL,
    root_seq     INTEGER,
    PRIMARY KEY (space_id, author, device_id)
) WITHOUT ROWID;

-- PROJECTION: a member's revocations of its own devices (space.device.revoke): what the
-- revoking device had seen of each of the member's chains. Outside the cut, the revoked
-- device's events and anything the member's persona key signs do not count.
CREATE TABLE IF NOT EXISTS space_device_revocations (
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    author   BLOB NOT NULL,
    event_id BLOB NOT NULL,
    writer   BLOB NOT NULL,     -- the device whose chain holds the revocation
    target   BLOB NOT NULL,
    PRIMARY KEY (space_id, author, event_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS space_device_revocation_cuts (
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    event_id BLOB NOT NULL,
    device   BLOB NOT NULL,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (space_id, event_id, device)
) WITHOUT ROWID;
