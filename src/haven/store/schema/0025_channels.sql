-- Haven vault schema, version 25: chat channels inside a group space (issue 15). A message
-- in a channel is a post whose parent is the channel (the channel's create event): it sits
-- in space_posts like a thread's reply, so its channel's newest page is one seek in
-- space_posts_replies, and deletion, moderation, reactions and disappearing timers treat it
-- as they treat any post. Only the feed's unread count must leave channel messages out.

-- PROJECTION: a space's channels, keyed by where the create event sits in the log.
CREATE TABLE IF NOT EXISTS space_channels (
    space_id   BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    lamport    INTEGER NOT NULL,          -- the create event's
    channel_id BLOB NOT NULL,             -- the create event's id
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('chat', 'announce')),
    archived   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (space_id, lamport, channel_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_channels_by_name ON space_channels (space_id, name);

-- PROJECTION: what a channel message carries beyond a post's words: the message it quotes
-- and the members it mentions (their keys, 32 bytes each, concatenated), keyed by the
-- message's place in the log like space_reactions. Dropped with the message's words.
CREATE TABLE IF NOT EXISTS space_channel_extras (
    space_id     BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    post_lamport INTEGER NOT NULL,
    post_id      BLOB NOT NULL,
    quote_id     BLOB,
    mentions     BLOB NOT NULL DEFAULT x'',
    PRIMARY KEY (space_id, post_lamport, post_id)
) WITHOUT ROWID;

-- PROJECTION: one row per member a message mentions, for "mentions you" after the marker.
CREATE TABLE IF NOT EXISTS space_channel_mentions (
    space_id     BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    member_pk    BLOB NOT NULL,
    channel_id   BLOB NOT NULL,
    post_lamport INTEGER NOT NULL,
    post_id      BLOB NOT NULL,
    PRIMARY KEY (space_id, member_pk, channel_id, post_lamport, post_id)
) WITHOUT ROWID;

-- LOCAL (never in the log, kept across recomputes): this reader's marker and mute per channel.
CREATE TABLE IF NOT EXISTS space_channel_reads (
    space_id     BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    channel_id   BLOB NOT NULL,
    read_lamport INTEGER NOT NULL DEFAULT 0,
    muted        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (space_id, channel_id)
) WITHOUT ROWID;

-- The feed's unread count leaves channel messages out, from its index alone.
ALTER TABLE space_posts ADD COLUMN channel INTEGER NOT NULL DEFAULT 0;
DROP INDEX IF EXISTS space_posts_unread;
CREATE INDEX space_posts_unread ON space_posts (space_id, lamport, author)
    WHERE state = 'visible' AND channel = 0;
-- A channel's unread count, from this index alone (the reader's own messages after the
-- marker are stepped over in it, never looked up in the table).
CREATE INDEX space_posts_channel_unread
    ON space_posts (space_id, root_lamport, parent_id, lamport, author)
    WHERE state = 'visible' AND channel = 1;
