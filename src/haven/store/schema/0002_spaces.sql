-- Haven vault schema, version 2: group spaces (docs/PROTOCOL.md, "Group spaces").
-- Tables marked LOCAL hold this device's own settings and secrets for a space and are never
-- rebuilt; tables marked PROJECTION are recomputed from the ordered log by
-- haven/core/spaces/projector.py.

-- LOCAL: one row per group space this vault holds.
CREATE TABLE group_spaces (
    space_id     BLOB PRIMARY KEY REFERENCES spaces(space_id) ON DELETE CASCADE,
    owner_pk     BLOB NOT NULL,              -- author of the genesis event
    box_secret   BLOB NOT NULL,              -- this device's X25519 key for this space only
    box_public   BLOB NOT NULL,
    colour       TEXT NOT NULL DEFAULT '',   -- our persona's colour in this space
    read_lamport INTEGER NOT NULL DEFAULT 0, -- unread marker
    mute_words   TEXT NOT NULL DEFAULT '',   -- newline-separated, casefolded
    joined_ms    INTEGER NOT NULL
);

-- LOCAL: keys made for a join request that no welcome has answered yet.
CREATE TABLE space_pending_joins (
    persona_pk BLOB PRIMARY KEY REFERENCES personas(persona_id) ON DELETE CASCADE,
    box_secret BLOB NOT NULL,
    box_public BLOB NOT NULL,
    colour     TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL
);

-- LOCAL: members this device hides (their posts are not shown here).
CREATE TABLE space_blocks (
    space_id  BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    member_pk BLOB NOT NULL,
    PRIMARY KEY (space_id, member_pk)
) WITHOUT ROWID;

-- PROJECTION: what the ordered log says about the space itself.
CREATE TABLE space_state (
    space_id        BLOB PRIMARY KEY REFERENCES spaces(space_id) ON DELETE CASCADE,
    name            TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL DEFAULT '',
    topics          TEXT NOT NULL DEFAULT '',   -- newline-separated
    guidelines      TEXT NOT NULL DEFAULT '',
    genesis_id      BLOB,
    inforce_epoch   INTEGER NOT NULL DEFAULT 0, -- epoch of the last valid rotation
    applied_lamport INTEGER NOT NULL DEFAULT 0, -- the last event applied, in log order
    applied_id      BLOB NOT NULL DEFAULT x'',
    dirty           INTEGER NOT NULL DEFAULT 0  -- a late event arrived: recompute
);

-- PROJECTION: everyone who was ever a member, with their role and status now.
CREATE TABLE space_members (
    space_id     BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    member_pk    BLOB NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'moderator', 'member')),
    status       TEXT NOT NULL CHECK (status IN ('active', 'removed', 'banned', 'left')),
    display_name TEXT NOT NULL,
    pronouns     TEXT NOT NULL DEFAULT '',
    colour       TEXT NOT NULL DEFAULT '',
    since_lamport INTEGER NOT NULL,
    PRIMARY KEY (space_id, member_pk)
) WITHOUT ROWID;

-- PROJECTION: each member device's X25519 key for receiving epoch keys and reports.
CREATE TABLE space_member_devices (
    space_id  BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    member_pk BLOB NOT NULL,
    device_id BLOB NOT NULL,
    box_pk    BLOB NOT NULL,
    PRIMARY KEY (space_id, member_pk, device_id)
) WITHOUT ROWID;

-- PROJECTION: which device keys each epoch key was delivered to (genesis, welcome, rotation).
CREATE TABLE space_epoch_recipients (
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    epoch    INTEGER NOT NULL,
    box_pk   BLOB NOT NULL,
    PRIMARY KEY (space_id, epoch, box_pk)
) WITHOUT ROWID;

-- PROJECTION: valid posts and replies (invalid ones are never inserted).
CREATE TABLE space_posts (
    post_id      BLOB PRIMARY KEY,
    space_id     BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    author       BLOB NOT NULL,
    parent_id    BLOB,                        -- the thread's root post for a reply
    title        TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL,
    cw           TEXT NOT NULL DEFAULT '',
    created_ms   INTEGER NOT NULL,
    edited_ms    INTEGER,
    lamport      INTEGER NOT NULL,
    pinned       INTEGER NOT NULL DEFAULT 0,
    state        TEXT NOT NULL DEFAULT 'visible'
                 CHECK (state IN ('visible', 'deleted', 'removed')),
    removed_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX space_posts_by_order ON space_posts (space_id, lamport, post_id);
CREATE INDEX space_posts_by_parent ON space_posts (parent_id) WHERE parent_id IS NOT NULL;

-- PROJECTION: one row per (post, member, kind); counts are computed, never ranked.
CREATE TABLE space_reactions (
    post_id   BLOB NOT NULL REFERENCES space_posts(post_id) ON DELETE CASCADE,
    member_pk BLOB NOT NULL,
    kind      TEXT NOT NULL,
    PRIMARY KEY (post_id, member_pk, kind)
) WITHOUT ROWID;

-- PROJECTION: reports this device could open (it is a moderator's device).
CREATE TABLE space_reports (
    report_id  BLOB PRIMARY KEY,
    space_id   BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    reporter   BLOB NOT NULL,
    target_id  BLOB NOT NULL,
    reason     TEXT NOT NULL,
    created_ms INTEGER NOT NULL
);

-- PROJECTION: valid moderation and membership actions, in log order.
CREATE TABLE space_modlog (
    event_id   BLOB PRIMARY KEY,
    space_id   BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    lamport    INTEGER NOT NULL,
    actor      BLOB NOT NULL,
    action     TEXT NOT NULL,
    subject    BLOB,
    detail     TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL
);
CREATE INDEX space_modlog_by_order ON space_modlog (space_id, lamport, event_id);
