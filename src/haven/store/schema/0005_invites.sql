-- Haven vault schema, version 5: invites and join requests (docs/PROTOCOL.md, "Invites and
-- joining"). Every table here is LOCAL: this device's own invites, the requests they
-- received, and this device's own requests to join; none is rebuilt from the log.

-- LOCAL (inviter): invite codes this device made. The secret is what the code carries; it
-- is offered on the sync channel while the invite is usable or has unanswered requests.
CREATE TABLE space_invites (
    invite_id  BLOB PRIMARY KEY,             -- BLAKE2b of the secret (the joiner derives it too)
    space_id   BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    secret     BLOB NOT NULL,                -- 32 random bytes
    max_uses   INTEGER NOT NULL CHECK (max_uses >= 1),
    uses       INTEGER NOT NULL DEFAULT 0,   -- counted on approval
    created_ms INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
);

-- LOCAL (inviter): join requests that arrived through an invite.
CREATE TABLE space_join_requests (
    request_id   BLOB PRIMARY KEY,           -- 16 random bytes
    invite_id    BLOB NOT NULL REFERENCES space_invites(invite_id) ON DELETE CASCADE,
    space_id     BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    persona_pk   BLOB NOT NULL,
    box_pk       BLOB NOT NULL,
    device_id    BLOB NOT NULL,
    display_name TEXT NOT NULL,
    pronouns     TEXT NOT NULL DEFAULT '',
    colour       TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied')),
    welcome      BLOB,                       -- sealed welcome, until the joiner collects it
    delivered    INTEGER NOT NULL DEFAULT 0, -- the joiner heard the answer
    created_ms   INTEGER NOT NULL,
    decided_ms   INTEGER,
    UNIQUE (invite_id, persona_pk)
);

-- LOCAL (inviter): how this device admits people to a space it administers.
CREATE TABLE space_admission (
    space_id   BLOB PRIMARY KEY REFERENCES spaces(space_id) ON DELETE CASCADE,
    auto_admit INTEGER NOT NULL DEFAULT 0
);

-- LOCAL (joiner): requests this device sent and is waiting on. The persona and its device
-- key live in personas / space_pending_joins until a welcome or a denial arrives.
CREATE TABLE space_outgoing_joins (
    invite_id  BLOB PRIMARY KEY,
    persona_pk BLOB NOT NULL UNIQUE REFERENCES personas(persona_id) ON DELETE CASCADE,
    space_name TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL
);
