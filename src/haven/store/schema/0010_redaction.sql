-- Haven vault schema, version 10: deletion that deletes (docs/PROTOCOL.md, "Redaction").
-- A deleted or moderated post, a deleted journal entry and their edits keep, in `events`,
-- only what the chain and signature checks need.

-- LOG: the events whose envelope is such a redacted form.
CREATE TABLE IF NOT EXISTS redacted_events (
    event_id BLOB PRIMARY KEY
) WITHOUT ROWID;

-- LOG: which redaction erased which event id, so an edit (or a copy from another device)
-- that arrives later is erased as it is stored. Not a projection: erasure is never undone.
CREATE TABLE IF NOT EXISTS redactions (
    target_id    BLOB PRIMARY KEY,
    space_id     BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    redaction_id BLOB NOT NULL
) WITHOUT ROWID;

-- PROJECTION: members who have held the moderator role or above at some point of the
-- ordered log so far: a removal they wrote erases the post even if a concurrent demotion
-- ordered before it makes the removal itself invalid (so every replica erases the same).
CREATE TABLE IF NOT EXISTS space_moderators (
    space_id  BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    member_pk BLOB NOT NULL,
    PRIMARY KEY (space_id, member_pk)
) WITHOUT ROWID;

-- FTS5 overwrites a deleted entry's terms in its index pages at once instead of leaving
-- them in older segments until a merge (SQLite 3.42+, `secure-delete`).
INSERT INTO journal_fts (journal_fts, rank) VALUES ('secure-delete', 1);
-- Terms of entries deleted or edited before this version may still sit in older segments;
-- rebuilding the index from journal_entries leaves only what the entries hold now.
INSERT INTO journal_fts (journal_fts) VALUES ('rebuild');
