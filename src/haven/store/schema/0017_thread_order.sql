-- Haven vault schema, version 17: replies and reactions are written near the end of their
-- indexes (issue 18, "insert rate"). Both were keyed first by a random post id (a reply by
-- its thread's root, a reaction by its post), so each new one landed on a random page of
-- its index: once the index outgrew a batch, every reply and every reaction dirtied (and,
-- past the page cache, read and decrypted) a page of its own. Both now lead with where the
-- thread or post sits in the log, `(space_id, lamport of the root or post, its id)`: people
-- reply to and react on recent posts, whose keys are all near the end of the index, so a
-- batch shares a few pages there. A thread's replies are still one range in log order
-- (keyset pages on (lamport, post_id)), and a post's reactions one range.
-- The root's key comes from its event (one seek in `events.id`, which a reply's rules read
-- already to check its parent): store/spaces/posts.py.

ALTER TABLE space_posts ADD COLUMN root_lamport INTEGER;  -- a reply's root's lamport
UPDATE space_posts SET root_lamport = (SELECT lamport FROM events WHERE id = space_posts.parent_id)
    WHERE parent_id IS NOT NULL;
DROP INDEX IF EXISTS space_posts_replies;
CREATE INDEX space_posts_replies ON space_posts (space_id, root_lamport, parent_id, lamport, post_id)
    WHERE parent_id IS NOT NULL;

-- PROJECTION: who reacted how to a post; the post's (space_id, lamport, id) first.
CREATE TABLE space_reactions_v16 (
    space_id     BLOB NOT NULL,
    post_lamport INTEGER NOT NULL,
    post_id      BLOB NOT NULL,
    member_pk    BLOB NOT NULL,
    kind         TEXT NOT NULL,
    PRIMARY KEY (space_id, post_lamport, post_id, member_pk, kind)
) WITHOUT ROWID;
INSERT INTO space_reactions_v16 (space_id, post_lamport, post_id, member_pk, kind)
    SELECT e.space_id, e.lamport, r.post_id, r.member_pk, r.kind
    FROM space_reactions r JOIN events e ON e.id = r.post_id;
DROP TABLE space_reactions;
ALTER TABLE space_reactions_v16 RENAME TO space_reactions;
