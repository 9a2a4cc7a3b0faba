-- Haven vault schema, version 12: an invite's keys reach admins made after it (docs/PROTOCOL.md,
-- "Every admin device"). Both tables are PROJECTIONS of the space's `space.invite` and
-- `space.invite.revoke` events, kept on every member device and rebuilt with the space.

-- PROJECTION: each device an invite's secret was sealed to, by any `space.invite` event for
-- it. An admin device holding the invite seals it to the admin devices missing here.
CREATE TABLE IF NOT EXISTS space_invite_recipients (
    space_id  BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    invite_id BLOB NOT NULL,
    box_pk    BLOB NOT NULL,
    PRIMARY KEY (space_id, invite_id, box_pk)
) WITHOUT ROWID;

-- PROJECTION: invites revoked in the log, known even on a device that did not hold the
-- invite then, so keys it receives later never reopen a revoked invite.
CREATE TABLE IF NOT EXISTS space_invite_revocations (
    space_id  BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    invite_id BLOB NOT NULL,
    PRIMARY KEY (space_id, invite_id)
) WITHOUT ROWID;
