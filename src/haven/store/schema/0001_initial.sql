-- Haven vault schema, version 1.
-- The log (`events`) is the source of truth; every table marked PROJECTION can be
-- dropped and rebuilt from it.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

CREATE TABLE personas (
    persona_id   BLOB PRIMARY KEY,          -- Ed25519 public key
    sign_seed    BLOB NOT NULL,
    display_name TEXT NOT NULL,
    pronouns     TEXT NOT NULL DEFAULT '',
    created_ms   INTEGER NOT NULL
);

CREATE TABLE spaces (
    space_id      BLOB PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('journal', 'group')),
    persona_id    BLOB NOT NULL REFERENCES personas(persona_id),
    name          TEXT NOT NULL DEFAULT '',
    current_epoch INTEGER NOT NULL DEFAULT 0,
    created_ms    INTEGER NOT NULL
);

CREATE TABLE epoch_keys (
    space_id BLOB NOT NULL REFERENCES spaces(space_id) ON DELETE CASCADE,
    epoch    INTEGER NOT NULL,
    key      BLOB NOT NULL,
    PRIMARY KEY (space_id, epoch)
);

-- The append-only log: one row per verified event, per (author, device) a gap-free
-- sequence. `envelope` is the exact signed, encrypted bytes as received or written.
CREATE TABLE events (
    id         BLOB PRIMARY KEY,
    space_id   BLOB NOT NULL,
    author     BLOB NOT NULL,
    device     BLOB NOT NULL,
    seq        INTEGER NOT NULL,
    lamport    INTEGER NOT NULL,
    epoch      INTEGER NOT NULL,
    type       TEXT NOT NULL,
    target     BLOB,                         -- the event this one acts on, if any
    created_ms INTEGER NOT NULL,
    envelope   BLOB NOT NULL,
    UNIQUE (space_id, author, device, seq)
);
CREATE INDEX events_by_order ON events (space_id, lamport, id);
CREATE INDEX events_by_target ON events (target) WHERE target IS NOT NULL;

-- Events that arrived before the gap in front of them was filled.
CREATE TABLE held_events (
    space_id BLOB NOT NULL,
    author   BLOB NOT NULL,
    device   BLOB NOT NULL,
    seq      INTEGER NOT NULL,
    envelope BLOB NOT NULL,
    PRIMARY KEY (space_id, author, device, seq)
);

-- Two different events claimed the same (author, device, seq): the first is kept.
CREATE TABLE equivocations (
    space_id    BLOB NOT NULL,
    author      BLOB NOT NULL,
    device      BLOB NOT NULL,
    seq         INTEGER NOT NULL,
    kept_id     BLOB NOT NULL,
    rejected_id BLOB NOT NULL,
    seen_ms     INTEGER NOT NULL,
    PRIMARY KEY (space_id, author, device, seq, rejected_id)
);

-- PROJECTION: the journal as the UI shows it.
CREATE TABLE journal_entries (
    rowid        INTEGER PRIMARY KEY,
    entry_id     BLOB NOT NULL UNIQUE,      -- id of the creating event
    title        TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL,
    mood         INTEGER CHECK (mood IS NULL OR mood BETWEEN 1 AND 5),
    tags_text    TEXT NOT NULL DEFAULT '',  -- space-joined, for the search index
    created_ms   INTEGER NOT NULL,
    updated_ms   INTEGER NOT NULL,
    edit_lamport INTEGER NOT NULL DEFAULT 0,
    edit_id      BLOB NOT NULL DEFAULT x''
);
CREATE INDEX journal_by_created ON journal_entries (created_ms DESC, rowid DESC);
CREATE INDEX journal_by_mood ON journal_entries (mood);

-- PROJECTION
CREATE TABLE journal_tags (
    entry_rowid INTEGER NOT NULL REFERENCES journal_entries(rowid) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (tag, entry_rowid)
) WITHOUT ROWID;
CREATE INDEX journal_tags_by_entry ON journal_tags (entry_rowid);

-- PROJECTION: entries deleted, so a late edit or create never brings them back.
CREATE TABLE journal_tombstones (
    entry_id BLOB PRIMARY KEY
);

-- PROJECTION: full-text index over the entries (external content, kept by triggers).
CREATE VIRTUAL TABLE journal_fts USING fts5 (
    title, body, tags_text,
    content = 'journal_entries', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER journal_fts_ai AFTER INSERT ON journal_entries BEGIN
    INSERT INTO journal_fts (rowid, title, body, tags_text)
    VALUES (new.rowid, new.title, new.body, new.tags_text);
END;
CREATE TRIGGER journal_fts_ad AFTER DELETE ON journal_entries BEGIN
    INSERT INTO journal_fts (journal_fts, rowid, title, body, tags_text)
    VALUES ('delete', old.rowid, old.title, old.body, old.tags_text);
END;
CREATE TRIGGER journal_fts_au AFTER UPDATE OF title, body, tags_text ON journal_entries BEGIN
    INSERT INTO journal_fts (journal_fts, rowid, title, body, tags_text)
    VALUES ('delete', old.rowid, old.title, old.body, old.tags_text);
    INSERT INTO journal_fts (rowid, title, body, tags_text)
    VALUES (new.rowid, new.title, new.body, new.tags_text);
END;
