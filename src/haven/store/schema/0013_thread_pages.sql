-- Haven vault schema, version 13: a thread is read a page at a time (issue 18).
-- A thread's replies in log order, so a page of them is one index range that stops at the
-- page (keyset pagination on (lamport, post_id)) whatever the thread's length; the old
-- index found a thread's replies in insertion order, so every reply was read and sorted.
DROP INDEX IF EXISTS space_posts_by_parent;
CREATE INDEX IF NOT EXISTS space_posts_replies ON space_posts (parent_id, lamport, post_id)
    WHERE parent_id IS NOT NULL;
