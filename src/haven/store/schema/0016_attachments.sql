-- Haven vault schema, version 16: images and files attached to posts (docs/PROTOCOL.md,
-- "Attachments") and disappearing posts ("Disappearing posts"). The bytes themselves stay
-- in the log, in `space.attachment.chunk`
-- events (encrypted like every event, erased with their post); these tables only index them.

-- PROJECTION: the attachments each valid post lists, and whether they may be shown.
CREATE TABLE IF NOT EXISTS space_attachments (
    attachment_id BLOB PRIMARY KEY,
    space_id      BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    post_id       BLOB NOT NULL,
    idx           INTEGER NOT NULL,
    name          TEXT NOT NULL,
    mime          TEXT NOT NULL,
    size          INTEGER NOT NULL,
    digest        BLOB NOT NULL,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    alt           TEXT NOT NULL,
    chunks        INTEGER NOT NULL,
    -- 'ok', or 'refused' (over the space's limit at this point of the log)
    state         TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_attachments_by_post ON space_attachments (post_id, idx);
CREATE INDEX IF NOT EXISTS space_attachments_by_space ON space_attachments (space_id);

-- PROJECTION: which event holds each chunk of an attachment (the first valid one in log
-- order; a second claim to the same place is ignored).
CREATE TABLE IF NOT EXISTS space_attachment_chunks (
    attachment_id BLOB NOT NULL,
    idx           INTEGER NOT NULL,
    space_id      BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    event_id      BLOB NOT NULL,
    PRIMARY KEY (attachment_id, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_attachment_chunks_by_space ON space_attachment_chunks (space_id);

-- PROJECTION: a space's settings that admins change with `space.settings` (each setting
-- the last valid one in log order): the attachment size limit (NULL: the default) and the
-- timer after which posts disappear (seconds; 0: off).
CREATE TABLE IF NOT EXISTS space_settings (
    space_id     BLOB PRIMARY KEY REFERENCES spaces(space_id) ON DELETE CASCADE,
    attach_limit INTEGER,
    disappear_s  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- LOCAL (not a projection: kept when the projection is rebuilt): when each disappearing post
-- disappears on THIS device. `deadline_ms` is this device's clock when it first stored the
-- post, plus the post's timer (set just after that commit); a peer's clock is never used.
CREATE TABLE IF NOT EXISTS space_post_timers (
    post_id     BLOB PRIMARY KEY,
    space_id    BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    seconds     INTEGER NOT NULL,
    deadline_ms INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_post_timers_by_deadline ON space_post_timers (deadline_ms);

-- PROJECTION: posts that disappeared (by their timer, here or on the replica this one got
-- them from). Their row in space_posts is a tombstone in state 'deleted'; this says why.
CREATE TABLE IF NOT EXISTS space_expired_posts (
    post_id  BLOB PRIMARY KEY,
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS space_expired_posts_by_space ON space_expired_posts (space_id);
