-- Haven vault schema, version 7: indexes that bound every read behind a screen or a CLI
-- listing by its page, not by the size of the space (issue 18; docs/ARCHITECTURE.md,
-- "Queries and indexes"). tests/integration/test_query_plans.py checks each query's plan.

-- The feed's newest threads: root posts only, so a page of 50 threads never steps over the
-- replies between them.
CREATE INDEX IF NOT EXISTS space_posts_roots ON space_posts (space_id, lamport, post_id)
    WHERE parent_id IS NULL;

-- Pinned threads: a handful of rows, found without walking the space (at a million posts
-- the old plan read every post of the space to find them).
CREATE INDEX IF NOT EXISTS space_posts_pinned ON space_posts (space_id, lamport, post_id)
    WHERE pinned = 1 AND parent_id IS NULL;

-- Unread counts: everything the count needs is in the index (no post row is read).
CREATE INDEX IF NOT EXISTS space_posts_unread ON space_posts (space_id, lamport, author)
    WHERE state = 'visible';

-- Member lists in the order they are shown, all members or those with one status.
CREATE INDEX IF NOT EXISTS space_members_by_since ON space_members (space_id, since_lamport, member_pk);
CREATE INDEX IF NOT EXISTS space_members_by_status ON space_members (space_id, status, since_lamport, member_pk);

-- Reports in the order a moderator reads them.
CREATE INDEX IF NOT EXISTS space_reports_by_order ON space_reports (space_id, created_ms, report_id);

-- The journal index's vocabulary, to spell a typed prefix out as the terms it stands for
-- (store/journal_tables.match_expression): FTS5 can stop at the page for those, not for
-- a prefix.
CREATE VIRTUAL TABLE IF NOT EXISTS journal_vocab USING fts5vocab(journal_fts, row);

-- PROJECTION: how many entries carry each tag, kept by store/journal_tables.py with each
-- change to journal_tags (the tag filter's list counted every tagged entry on each open).
CREATE TABLE IF NOT EXISTS journal_tag_counts (
    tag     TEXT PRIMARY KEY,
    entries INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS journal_tag_counts_by_use ON journal_tag_counts (entries DESC, tag);
DELETE FROM journal_tag_counts;
INSERT INTO journal_tag_counts (tag, entries) SELECT tag, count(*) FROM journal_tags GROUP BY tag;

-- Fork warnings in the order they were seen (a hostile member can make many).
CREATE INDEX IF NOT EXISTS equivocations_by_seen ON equivocations (space_id, seen_ms);

-- PROJECTION: how many entries the journal holds, kept by store/journal_tables.py (the
-- journal page shows the number each time it opens; count(*) read a whole index).
CREATE TABLE IF NOT EXISTS journal_totals (
    one     INTEGER PRIMARY KEY CHECK (one = 1),
    entries INTEGER NOT NULL
);
INSERT OR REPLACE INTO journal_totals (one, entries) SELECT 1, count(*) FROM journal_entries;

-- The journal filtered by mood, newest first, read in index order up to the page (the old
-- index found every entry with that mood, then sorted them all).
DROP INDEX IF EXISTS journal_by_mood;
CREATE INDEX IF NOT EXISTS journal_by_mood_created ON journal_entries (mood, created_ms, rowid);

-- The journal filtered by tag, newest first: each tag row carries its entry's creation
-- time (which never changes), so a tag's page is one index range in display order.
ALTER TABLE journal_tags ADD COLUMN created_ms INTEGER NOT NULL DEFAULT 0;
UPDATE journal_tags SET created_ms =
    (SELECT e.created_ms FROM journal_entries e WHERE e.rowid = journal_tags.entry_rowid);
CREATE INDEX IF NOT EXISTS journal_tags_by_created ON journal_tags (tag, created_ms, entry_rowid);
