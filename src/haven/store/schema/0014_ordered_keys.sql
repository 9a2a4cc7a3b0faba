-- Haven vault schema, version 14: posts and journal entries are written in order only
-- (issue 18, "insert rate"). An index keyed by a random 32-byte id puts each new row on a
-- random page of the index, so a batch dirties (and, once the index outgrows the page
-- cache, reads and decrypts) a page per row. The log's own `events.id` is one such index,
-- which finding an event by id needs; space_posts (its `post_id` key) and journal_entries
-- (`entry_id UNIQUE`) each had a second one. Their rows are now found from their event:
-- - a post's event's (space_id, lamport, id) is its place in space_posts_by_order, now
--   UNIQUE, which new posts extend at its end (store/spaces/posts.py);
-- - an entry's creating event's (created_ms, id) is its place in journal_by_id, UNIQUE,
--   which new entries extend at its end (store/journal_tables.py).
-- Both tables are rebuilt (SQLite cannot drop a column's key). space_reactions loses its
-- foreign key to space_posts (which needs a unique index on post_id); a post's reactions
-- are deleted with it by the code that deletes posts, as clear_projection and wipe_space
-- already did. journal_tags is rebuilt first so that dropping the old journal_entries
-- cascades to nothing; entry rowids (the search index's keys) are kept.

CREATE TABLE space_reactions_v12 (
    post_id   BLOB NOT NULL,
    member_pk BLOB NOT NULL,
    kind      TEXT NOT NULL,
    PRIMARY KEY (post_id, member_pk, kind)
) WITHOUT ROWID;
INSERT INTO space_reactions_v12 (post_id, member_pk, kind)
    SELECT post_id, member_pk, kind FROM space_reactions;
DROP TABLE space_reactions;
ALTER TABLE space_reactions_v12 RENAME TO space_reactions;

-- PROJECTION: valid posts and replies (invalid ones are never inserted), in log order.
CREATE TABLE space_posts_v12 (
    post_id      BLOB NOT NULL,               -- the id of the event that wrote it
    space_id     BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    author       BLOB NOT NULL,
    parent_id    BLOB,                        -- the thread's root post for a reply
    title        TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL,
    cw           TEXT NOT NULL DEFAULT '',
    created_ms   INTEGER NOT NULL,
    edited_ms    INTEGER,
    lamport      INTEGER NOT NULL,            -- the event's
    pinned       INTEGER NOT NULL DEFAULT 0,
    state        TEXT NOT NULL DEFAULT 'visible'
                 CHECK (state IN ('visible', 'deleted', 'removed')),
    removed_reason TEXT NOT NULL DEFAULT ''
);
INSERT INTO space_posts_v12 (post_id, space_id, author, parent_id, title, body, cw,
                             created_ms, edited_ms, lamport, pinned, state, removed_reason)
    SELECT post_id, space_id, author, parent_id, title, body, cw, created_ms, edited_ms,
           lamport, pinned, state, removed_reason
    FROM space_posts ORDER BY space_id, lamport, post_id;
DROP TABLE space_posts;
ALTER TABLE space_posts_v12 RENAME TO space_posts;
CREATE UNIQUE INDEX space_posts_by_order ON space_posts (space_id, lamport, post_id);
CREATE INDEX space_posts_roots ON space_posts (space_id, lamport, post_id)
    WHERE parent_id IS NULL;
CREATE INDEX space_posts_pinned ON space_posts (space_id, lamport, post_id)
    WHERE pinned = 1 AND parent_id IS NULL;
CREATE INDEX space_posts_unread ON space_posts (space_id, lamport, author)
    WHERE state = 'visible';
CREATE INDEX space_posts_replies ON space_posts (parent_id, lamport, post_id)
    WHERE parent_id IS NOT NULL;

-- PROJECTION: the journal as the UI shows it (rowids kept: journal_fts is keyed by them).
CREATE TABLE journal_entries_v12 (
    rowid        INTEGER PRIMARY KEY,
    entry_id     BLOB NOT NULL,             -- id of the creating event
    title        TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL,
    mood         INTEGER CHECK (mood IS NULL OR mood BETWEEN 1 AND 5),
    tags_text    TEXT NOT NULL DEFAULT '',  -- space-joined, for the search index
    created_ms   INTEGER NOT NULL,          -- the creating event's
    updated_ms   INTEGER NOT NULL,
    edit_lamport INTEGER NOT NULL DEFAULT 0,
    edit_id      BLOB NOT NULL DEFAULT x''
);
INSERT INTO journal_entries_v12 (rowid, entry_id, title, body, mood, tags_text, created_ms,
                                 updated_ms, edit_lamport, edit_id)
    SELECT rowid, entry_id, title, body, mood, tags_text, created_ms, updated_ms,
           edit_lamport, edit_id
    FROM journal_entries ORDER BY rowid;

-- PROJECTION
CREATE TABLE journal_tags_v12 (
    entry_rowid INTEGER NOT NULL REFERENCES journal_entries_v12(rowid) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    created_ms  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tag, entry_rowid)
) WITHOUT ROWID;
INSERT INTO journal_tags_v12 (entry_rowid, tag, created_ms)
    SELECT entry_rowid, tag, created_ms FROM journal_tags;
DROP TABLE journal_tags;
DROP TABLE journal_entries;
ALTER TABLE journal_entries_v12 RENAME TO journal_entries;
ALTER TABLE journal_tags_v12 RENAME TO journal_tags;
CREATE UNIQUE INDEX journal_by_id ON journal_entries (created_ms, entry_id);
CREATE INDEX journal_by_created ON journal_entries (created_ms DESC, rowid DESC);
CREATE INDEX journal_by_mood_created ON journal_entries (mood, created_ms, rowid);
CREATE INDEX journal_tags_by_entry ON journal_tags (entry_rowid);
CREATE INDEX journal_tags_by_created ON journal_tags (tag, created_ms, entry_rowid);
