"""Posts and journal entries are written in order only (schema 14, issue 18): neither table
keeps an index keyed by the random id alone, so a batch of new rows lands at the end of
every index but the log's own `events.id`. A row is found by id through its event.

An older vault (its posts keyed by post_id, its entries' entry_id UNIQUE, reactions with a
foreign key) is rebuilt by the migration with every post, reaction, entry, tag and search
term kept."""

from __future__ import annotations

from pathlib import Path

from haven.core import session
from haven.core.journal import EntryFilter
from haven.core.session import Session
from haven.store.vault import Connection
from tests.helpers import PASSPHRASE, as_older_schema, new_session

#: The tables as schema 13 left them (0001_initial.sql, 0002_spaces.sql, 0007).
_SCHEMA_13 = """
CREATE TABLE old_posts (
    post_id BLOB PRIMARY KEY,
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    author BLOB NOT NULL, parent_id BLOB, title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL,
    cw TEXT NOT NULL DEFAULT '', created_ms INTEGER NOT NULL, edited_ms INTEGER,
    lamport INTEGER NOT NULL, pinned INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'visible', removed_reason TEXT NOT NULL DEFAULT '');
INSERT INTO old_posts SELECT post_id, space_id, author, parent_id, title, body, cw, created_ms,
    edited_ms, lamport, pinned, state, removed_reason FROM space_posts;
CREATE TABLE old_reactions (
    post_id BLOB NOT NULL REFERENCES old_posts(post_id) ON DELETE CASCADE,
    member_pk BLOB NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (post_id, member_pk, kind)
) WITHOUT ROWID;
INSERT INTO old_reactions SELECT post_id, member_pk, kind FROM space_reactions;
DROP TABLE space_reactions;
DROP TABLE space_posts;
ALTER TABLE old_posts RENAME TO space_posts;
ALTER TABLE old_reactions RENAME TO space_reactions;
CREATE INDEX space_posts_by_order ON space_posts (space_id, lamport, post_id);
CREATE INDEX space_posts_roots ON space_posts (space_id, lamport, post_id)
    WHERE parent_id IS NULL;
CREATE INDEX space_posts_pinned ON space_posts (space_id, lamport, post_id)
    WHERE pinned = 1 AND parent_id IS NULL;
CREATE INDEX space_posts_unread ON space_posts (space_id, lamport, author)
    WHERE state = 'visible';
CREATE INDEX space_posts_replies ON space_posts (parent_id, lamport, post_id)
    WHERE parent_id IS NOT NULL;
CREATE TABLE old_entries (
    rowid INTEGER PRIMARY KEY, entry_id BLOB NOT NULL UNIQUE, title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL, mood INTEGER, tags_text TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
    edit_lamport INTEGER NOT NULL DEFAULT 0, edit_id BLOB NOT NULL DEFAULT x'');
INSERT INTO old_entries (rowid, entry_id, title, body, mood, tags_text, created_ms, updated_ms,
    edit_lamport, edit_id) SELECT rowid, entry_id, title, body, mood, tags_text, created_ms,
    updated_ms, edit_lamport, edit_id FROM journal_entries;
CREATE TABLE old_tags (
    entry_rowid INTEGER NOT NULL REFERENCES old_entries(rowid) ON DELETE CASCADE,
    tag TEXT NOT NULL, created_ms INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (tag, entry_rowid)
) WITHOUT ROWID;
INSERT INTO old_tags SELECT entry_rowid, tag, created_ms FROM journal_tags;
DROP TABLE journal_tags;
DROP TABLE journal_entries;
ALTER TABLE old_entries RENAME TO journal_entries;
ALTER TABLE old_tags RENAME TO journal_tags;
CREATE INDEX journal_by_created ON journal_entries (created_ms DESC, rowid DESC);
CREATE INDEX journal_by_mood_created ON journal_entries (mood, created_ms, rowid);
CREATE INDEX journal_tags_by_entry ON journal_tags (entry_rowid);
CREATE INDEX journal_tags_by_created ON journal_tags (tag, created_ms, entry_rowid);
PRAGMA user_version = 13;
"""


def _id_keyed_indexes(conn: Connection) -> list[str]:
    """Indexes of space_posts and journal_entries whose first column is the random id."""
    found = []
    for table, column in (("space_posts", "post_id"), ("journal_entries", "entry_id")):
        for _seq, name, *_ in conn.execute(f"PRAGMA index_list({table})"):
            first = conn.execute(f"PRAGMA index_info({name})").fetchone()
            if first is not None and first[2] == column:
                found.append(name)
    return found


def _fill(s: Session) -> tuple[bytes, bytes, bytes, list[bytes]]:
    space = s.spaces.create_space("Circle", display_name="Ari")
    root = s.spaces.post(space, "first harbour", title="t")
    reply = s.spaces.reply(space, root, "a reply lantern")
    s.spaces.react(space, reply, "sending-care")
    s.spaces.pin(space, root)
    s.spaces.edit_post(space, reply, body="an edited reply lantern")
    entries = [s.journal.add(f"entry {i} harbour", tags=(f"t{i % 2}",), mood=2) for i in range(5)]
    s.journal.edit(entries[0], body="edited entry harbour")
    return space, root, reply, entries


def _view(s: Session, space: bytes) -> object:
    j = s.journal
    return (
        s.spaces.read_feed(space),
        s.spaces.read_feed(space, limit=10),
        [e.entry_id for e in j.list(EntryFilter(), 10)],
        [e.entry_id for e in j.list(EntryFilter(tags=("t1",)), 10)],
        [e.entry_id for e in j.search("harbour", limit=10)],
        j.tags(),
        j.count(EntryFilter()),
    )


def test_new_vault_has_no_index_keyed_by_random_ids(tmp_path: Path) -> None:
    s = new_session(tmp_path / "v")
    space, root, reply, entries = _fill(s)
    with s.vault.read() as conn:
        assert _id_keyed_indexes(conn) == []
    # Found by id all the same, through the log's index.
    assert s.spaces.read_thread(space, root).replies[0].body == "an edited reply lantern"
    assert s.spaces.resolve_post(space, reply.hex()[:8]) == reply
    assert s.journal.get(entries[0]).body == "edited entry harbour"
    assert s.journal.resolve_id(entries[1].hex()[:8]) == entries[1]
    s.journal.delete(entries[1])
    assert s.journal.count(EntryFilter()) == 4
    s.spaces.delete_post(space, reply)
    assert s.spaces.read_thread(space, root).replies[0].state == "deleted"
    s.lock()


def test_an_old_vault_is_rebuilt_with_everything_kept(tmp_path: Path) -> None:
    s = new_session(tmp_path / "v")
    space, root, reply, entries = _fill(s)
    s.journal.delete(entries[1])  # a gap in the rowids, which the search index is keyed by
    before = _view(s, space)
    with s.vault.transaction() as conn:
        as_older_schema(conn, 13)  # what later migrations add in place, then the old tables
        for statement in _SCHEMA_13.split(";"):
            if statement.strip():
                conn.execute(statement)
        assert _id_keyed_indexes(conn) == ["sqlite_autoindex_space_posts_1",
                                           "sqlite_autoindex_journal_entries_1"]  # fmt: skip
    s.lock()

    s = session.unlock(tmp_path / "v", PASSPHRASE)  # migrates to the latest schema
    with s.vault.read() as conn:
        assert _id_keyed_indexes(conn) == []
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _view(s, space) == before
    # Writing, editing and deleting go on as before.
    more = s.spaces.reply(space, root, "after the upgrade")
    s.spaces.react(space, more, "thank-you")
    s.spaces.delete_post(space, reply)
    thread = s.spaces.read_thread(space, root)
    assert [r.state for r in thread.replies] == ["deleted", "visible"]
    assert thread.replies[1].reactions == {"thank-you": 1}
    s.journal.edit(entries[2], body="edited after the upgrade")
    s.journal.delete(entries[3])
    assert [e.entry_id for e in s.journal.search("upgrade")] == [entries[2]]
    assert s.journal.count(EntryFilter()) == 3
    s.lock()
