"""What a person types into the journal's search, as an FTS5 query over `journal_fts`
(the tokenizer is schema/0001_initial.sql's: unicode61, remove_diacritics 2).

`fts_query` is the meaning: every word must match, as a prefix. `match_expression` is the
same query written so that FTS5 can stop at the page (see its docstring)."""

from __future__ import annotations

from haven.store.vault import Connection

#: A prefix word is spelled out as the index terms it stands for when it has at most this
#: many completions; beyond that FTS5 expands it itself.
EXPAND_TERMS = 32
#: Shorter stems have more completions than are worth spelling out: they keep FTS5's own
#: expansion.
MIN_STEM = 3
#: The index's tokenizer, for the scratch table that tokenizes a typed word the same way.
TOKENIZER = "unicode61 remove_diacritics 2"


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word must match, as a prefix.
    Quotes are doubled so no FTS5 operator or column filter can be injected."""
    words = [w for w in text.split() if w]
    return " AND ".join(_quoted(w) + "*" for w in words)


def match_expression(conn: Connection, text: str) -> str:
    """`fts_query(text)` with the same matches, written so FTS5 can stop at the page.

    FTS5 answers a prefix word (`"famil"*`) by merging the lists of every term that starts
    with it, all of them, before the first row comes out: at a million entries a common
    word costs tens of milliseconds whatever the LIMIT. The same word written as the terms
    it stands for (`"famil" OR "family" OR "familiar"`, found in the index's vocabulary) is read
    newest first and stops at the LIMIT. The word is first tokenized as the index was
    (case, diacritics, any script), so the terms are the index's own. Words that are
    several tokens (`self-care`), short stems, and stems with too many completions keep
    FTS5's own prefix expansion."""
    parts = []
    for word in (w for w in text.split() if w):
        stems = _tokens(conn, word)
        terms = None
        if len(stems) == 1 and len(stems[0]) >= MIN_STEM:
            terms = _completions(conn, stems[0])
        if terms is None:
            parts.append(_quoted(word) + "*")
        else:
            parts.append("(" + " OR ".join(_quoted(t) for t in [stems[0], *terms]) + ")")
    return " AND ".join(parts)


def _tokens(conn: Connection, word: str) -> list[str]:
    """`word` as the index's tokenizer splits and folds it: written into a scratch FTS5
    table in this connection's temp schema (in memory: temp_store = MEMORY), read back
    through its vocabulary, and removed."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch"
        f" USING fts5 (x, tokenize = '{TOKENIZER}')"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch_terms"
        " USING fts5vocab (temp, search_scratch, instance)"
    )
    conn.execute("INSERT INTO temp.search_scratch (rowid, x) VALUES (1, ?)", (word,))
    try:
        rows = conn.execute("SELECT term FROM temp.search_scratch_terms ORDER BY offset")
        return [str(r[0]) for r in rows]
    finally:
        conn.execute("DELETE FROM temp.search_scratch")


def _completions(conn: Connection, stem: str) -> list[str] | None:
    """Index terms longer than `stem` that start with it; None when there are too many.

    Read one term at a time from an `instance` vocabulary of the index (a seek for the
    first term past the last one found): a `row` vocabulary counts each term's documents
    before returning it, which for a common completion ("fam" → "family") costs as much
    as FTS5's own prefix expansion. Tokens never hold control characters, so
    `term + "\x01"` is just past `term`."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.journal_terms"
        " USING fts5vocab (main, journal_fts, instance)"
    )
    found: list[str] = []
    after, end = stem + "\x01", stem + "\U0010ffff"
    while len(found) <= EXPAND_TERMS:
        row = conn.execute(
            "SELECT term FROM temp.journal_terms WHERE term >= ? AND term < ? LIMIT 1",
            (after, end),
        ).fetchone()
        if row is None:
            return found
        found.append(str(row[0]))
        after = found[-1] + "\x01"
    return None


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'
