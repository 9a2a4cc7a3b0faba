-- Haven vault schema, version 15: per-device signing keys (docs/PROTOCOL.md, "Device keys").

-- LOCAL: this device's own Ed25519 seed, with which it signs its journal events (version 3
-- envelopes). No row until the device has made one (a vault from before this version makes
-- it when it is next opened).
CREATE TABLE IF NOT EXISTS device_sign_keys (
    device_id BLOB PRIMARY KEY,
    sign_seed BLOB NOT NULL
) WITHOUT ROWID;

-- PROJECTION: which key each device of this persona signs with, from journal.device.cert
-- events: `issuer` is the device whose chain holds the certificate (for a root
-- certificate, the device itself), `root` whether the persona key signed it.
CREATE TABLE IF NOT EXISTS device_certs (
    device_id  BLOB PRIMARY KEY,
    device_key BLOB,            -- NULL: two certificates disagree, the device counts as none
    cert_id    BLOB NOT NULL,
    issuer     BLOB NOT NULL,
    root       INTEGER NOT NULL
) WITHOUT ROWID;

-- PROJECTION: unlinks that carry a cut (journal.device.unlink, version 3 rules): what the
-- unlinking device had seen of each chain. An event outside a revocation's cut is refused
-- if it is the revoked device's, or if the persona key (not a device key) signed it.
CREATE TABLE IF NOT EXISTS device_revocations (
    event_id BLOB PRIMARY KEY,
    target   BLOB NOT NULL,
    device   BLOB NOT NULL,     -- the device that wrote the revocation
    seq      INTEGER NOT NULL   -- its place on that device's chain
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS device_revocation_cuts (
    event_id BLOB NOT NULL REFERENCES device_revocations(event_id) ON DELETE CASCADE,
    device   BLOB NOT NULL,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (event_id, device)
) WITHOUT ROWID;
