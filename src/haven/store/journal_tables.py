"""SQL for the journal projection and its full-text index (FTS5, unicode61 tokenizer, so
Arabic and other non-Latin scripts are split into words too).

`journal_fts` is an external-content index over `journal_entries`. Every function here that
changes an entry changes the index in the same transaction (no triggers: see
schema/0006_fts_without_triggers.sql for why).

FTS5 keeps the terms of the rows it is given in memory and writes them out as a new segment
of the index whenever a savepoint opens — and SQLite opens one for each statement that may
change several rows and fail half-way (an UPDATE that is not by key, an INSERT … SELECT).
One such statement per entry made every entry a segment of its own, and FTS5's merging of
those segments was most of the cost of adding an entry. So in the batch paths (adding,
ingesting) every statement changes one row by key, and a batch's terms are written once,
at its commit (tests/unit/test_journal_writes.py counts FTS5's segment writes)."""

from __future__ import annotations

from dataclasses import dataclass

from haven.store import id_prefix
from haven.store.journal_search import fts_query, match_expression
from haven.store.vault import Connection

#: More than this many matches are not counted (see count_entries).
COUNT_CAP = 10_000

__all__ = ["COUNT_CAP", "EntryFilter", "EntryRow", "fts_query", "match_expression"]


@dataclass(frozen=True)
class EntryRow:
    entry_id: bytes
    title: str
    body: str
    mood: int | None
    tags: tuple[str, ...]
    created_ms: int
    updated_ms: int
    edit_lamport: int = 0
    edit_id: bytes = b""


@dataclass(frozen=True)
class EntryFilter:
    tags: tuple[str, ...] = ()
    mood: int | None = None
    since_ms: int | None = None
    until_ms: int | None = None
    text: str = ""  # full-text query, user syntax (see fts_query)


#: An entry found by its id: journal_entries has no index on entry_id alone (a random key
#: puts every new entry on a random index page, schema/0014_ordered_keys.sql). Its creating
#: event gives its place in journal_by_id (created_ms, entry_id): one seek in the log's id
#: index, which the log keeps anyway, then one in the entries' time order.
_BY_ID = "(created_ms, entry_id) = (SELECT created_ms, id FROM events WHERE id = ?)"


def insert_entry(conn: Connection, row: EntryRow) -> bool:
    """Insert unless the entry was deleted already (tombstoned) or exists; True if inserted."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO journal_entries (entry_id, title, body, mood, tags_text,"
        " created_ms, updated_ms, edit_lamport, edit_id) SELECT ?,?,?,?,?,?,?,?,?"
        " WHERE NOT EXISTS (SELECT 1 FROM journal_tombstones WHERE entry_id = ?)",
        (
            row.entry_id,
            row.title,
            row.body,
            row.mood,
            " ".join(row.tags),
            row.created_ms,
            row.updated_ms,
            row.edit_lamport,
            row.edit_id,
            row.entry_id,
        ),
    )
    if cur.rowcount != 1:
        return False
    rowid = int(cur.lastrowid)
    conn.execute("UPDATE journal_totals SET entries = entries + 1 WHERE one = 1")
    _index(conn, rowid, row.title, row.body, " ".join(row.tags))
    _set_tags(conn, rowid, row.created_ms, row.tags)
    return True


def update_entry(conn: Connection, row: EntryRow) -> None:
    old = _indexed(conn, row.entry_id)
    if old is None:
        return
    rowid = old.rowid
    _drop_tags(conn, rowid, old.tags_text.split())
    _unindex(conn, old)
    conn.execute(
        "UPDATE journal_entries SET title=?, body=?, mood=?, tags_text=?, updated_ms=?,"
        " edit_lamport=?, edit_id=? WHERE rowid=?",
        (
            row.title,
            row.body,
            row.mood,
            " ".join(row.tags),
            row.updated_ms,
            row.edit_lamport,
            row.edit_id,
            rowid,
        ),
    )
    _index(conn, rowid, row.title, row.body, " ".join(row.tags))
    _set_tags(conn, rowid, row.created_ms, row.tags)


def delete_entry(conn: Connection, entry_id: bytes) -> None:
    """Remove an entry from the projection and the search index, and remember it is gone."""
    conn.execute("INSERT OR IGNORE INTO journal_tombstones (entry_id) VALUES (?)", (entry_id,))
    old = _indexed(conn, entry_id)
    if old is not None:
        _drop_tags(conn, old.rowid, old.tags_text.split())
        _unindex(conn, old)
        conn.execute("DELETE FROM journal_entries WHERE rowid = ?", (old.rowid,))
        conn.execute("UPDATE journal_totals SET entries = entries - 1 WHERE one = 1")


def is_tombstoned(conn: Connection, entry_id: bytes) -> bool:
    return (
        conn.execute("SELECT 1 FROM journal_tombstones WHERE entry_id = ?", (entry_id,)).fetchone()
        is not None
    )


def clear(conn: Connection) -> None:
    conn.execute("INSERT INTO journal_fts (journal_fts) VALUES ('delete-all')")
    conn.execute("DELETE FROM journal_entries")
    conn.execute("DELETE FROM journal_tag_counts")
    conn.execute("UPDATE journal_totals SET entries = 0")
    conn.execute("DELETE FROM journal_tombstones")


def get_entry(conn: Connection, entry_id: bytes) -> EntryRow | None:
    row = conn.execute(
        "SELECT rowid, entry_id, title, body, mood, created_ms, updated_ms, edit_lamport,"
        f" edit_id, tags_text FROM journal_entries WHERE {_BY_ID}",
        (entry_id,),
    ).fetchone()
    return _entry(row) if row else None


def find_entry_ids(conn: Connection, prefix_hex: str) -> list[bytes]:
    """Entries whose id starts with the given hex prefix (so people can type short ids)."""
    where, args = id_prefix.range_sql("e.id", prefix_hex)
    rows = conn.execute(
        "SELECT e.id FROM events e JOIN journal_entries j ON j.created_ms = e.created_ms"
        f" AND j.entry_id = e.id WHERE {where} LIMIT ?",
        (*args, id_prefix.MATCHES),
    )
    return [bytes(r[0]) for r in rows]


def query_entries(
    conn: Connection,
    flt: EntryFilter,
    limit: int = -1,
    offset: int = 0,
    after: bytes | None = None,
) -> list[EntryRow]:
    """Newest first. With a text query the full-text index drives the scan in rowid order
    (the order entries reached this vault) and stops at `limit`, so a word that occurs in
    most entries costs no more than a rare one.

    `after` is the id of the last entry already shown: the page starts just past it (a seek
    in the index the page is read from, where an OFFSET reads every row it skips). If that
    entry is gone, `offset` is used instead."""
    columns = (
        "e.rowid, e.entry_id, e.title, e.body, e.mood, e.created_ms, e.updated_ms,"
        " e.edit_lamport, e.edit_id, e.tags_text"
    )
    match = match_expression(conn, flt.text) if fts_query(flt.text) else ""
    where, params = _where(flt)
    clauses = [where] if where else []
    mark = _position(conn, after) if after is not None else None
    if mark is not None:
        offset = 0
        if match:
            clauses.append("f.rowid < ?")
            params.append(mark[1])
        else:
            key = "(t.created_ms, t.entry_rowid)" if flt.tags else "(e.created_ms, e.rowid)"
            clauses.append(f"{key} < (?, ?)")
            params += [mark[0], mark[1]]
    where = " AND ".join(clauses)
    if match:
        sql = (
            f"SELECT {columns} FROM journal_fts f CROSS JOIN journal_entries e"
            f" ON e.rowid = f.rowid WHERE journal_fts MATCH ?"
            f" {'AND ' + where if where else ''} ORDER BY f.rowid DESC LIMIT ? OFFSET ?"
        )
        params = [match, *params]
    elif flt.tags:
        # The first tag's rows drive, in display order (journal_tags_by_created); its own
        # clause in `where` is then a key lookup that always holds.
        sql = (
            f"SELECT {columns} FROM journal_tags t CROSS JOIN journal_entries e"
            f" ON e.rowid = t.entry_rowid WHERE t.tag = ? AND {where}"
            " ORDER BY t.created_ms DESC, t.entry_rowid DESC LIMIT ? OFFSET ?"
        )
        params = [flt.tags[0], *params]
    else:
        sql = (
            f"SELECT {columns} FROM journal_entries e {'WHERE ' + where if where else ''}"
            " ORDER BY e.created_ms DESC, e.rowid DESC LIMIT ? OFFSET ?"
        )
    rows = conn.execute(sql, (*params, limit, offset)).fetchall()
    return [_entry(r) for r in rows]


def count_entries(conn: Connection, flt: EntryFilter, cap: int = -1) -> int:
    """How many entries `flt` finds, counting at most `cap` of them (-1: all). The whole
    journal's count is kept (journal_totals), so it is exact and costs one row."""
    match = match_expression(conn, flt.text) if fts_query(flt.text) else ""
    where, params = _where(flt)
    if not match and not where:
        total = int(conn.execute("SELECT entries FROM journal_totals").fetchone()[0])
        return total if cap < 0 else min(total, cap)
    if match and not where:
        # The index alone: its rows are the entries' (kept in the same transactions), and
        # reading no column reads no entry (a join read one row per match counted).
        sql = "SELECT 1 FROM journal_fts WHERE journal_fts MATCH ? ORDER BY rowid DESC"
        params = [match]
    elif match:
        sql = (
            "SELECT 1 FROM journal_fts f CROSS JOIN journal_entries e"
            f" ON e.rowid = f.rowid WHERE journal_fts MATCH ? AND {where}"
            " ORDER BY f.rowid DESC"
        )
        params = [match, *params]
    else:
        sql = f"SELECT 1 FROM journal_entries e {'WHERE ' + where if where else ''}"
    if cap >= 0:
        sql, params = f"SELECT count(*) FROM ({sql} LIMIT ?)", [*params, cap]
    else:
        sql = f"SELECT count(*) FROM ({sql})"
    return int(conn.execute(sql, params).fetchone()[0])


def _position(conn: Connection, entry_id: bytes) -> tuple[int, int] | None:
    """(created_ms, rowid) of an entry: where a page that follows it starts."""
    row = conn.execute(
        f"SELECT created_ms, rowid FROM journal_entries WHERE {_BY_ID}", (entry_id,)
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def all_tags(conn: Connection) -> list[tuple[str, int]]:
    """Every tag with its number of entries, most used first: one row per tag, kept as
    entries change (counting journal_tags here read every tagged entry)."""
    rows = conn.execute("SELECT tag, entries FROM journal_tag_counts ORDER BY entries DESC, tag")
    return [(t, int(n)) for t, n in rows]


def _where(flt: EntryFilter) -> tuple[str, list[object]]:
    """The non-text filters as SQL over `journal_entries e` (without the WHERE keyword)."""
    clauses: list[str] = []
    params: list[object] = []
    for tag in flt.tags:
        clauses.append("e.rowid IN (SELECT entry_rowid FROM journal_tags WHERE tag = ?)")
        params.append(tag)
    if flt.mood is not None:
        clauses.append("e.mood = ?")
        params.append(flt.mood)
    if flt.since_ms is not None:
        clauses.append("e.created_ms >= ?")
        params.append(flt.since_ms)
    if flt.until_ms is not None:
        clauses.append("e.created_ms < ?")
        params.append(flt.until_ms)
    return " AND ".join(clauses), params


def _index(conn: Connection, rowid: int, title: str, body: str, tags_text: str) -> None:
    conn.execute(
        "INSERT INTO journal_fts (rowid, title, body, tags_text) VALUES (?,?,?,?)",
        (rowid, title, body, tags_text),
    )


def _unindex(conn: Connection, old: _Indexed) -> None:
    """Take an entry out of the index: FTS5 needs the exact values it indexed (read from
    the row before it changes)."""
    conn.execute(
        "INSERT INTO journal_fts (journal_fts, rowid, title, body, tags_text)"
        " VALUES ('delete', ?, ?, ?, ?)",
        (old.rowid, old.title, old.body, old.tags_text),
    )


def _set_tags(conn: Connection, rowid: int, created_ms: int, tags: tuple[str, ...]) -> None:
    """Tag a new (or just untagged) entry, and count it under each tag: one row by key per
    statement (see the module's docstring)."""
    for tag in dict.fromkeys(tags):
        conn.execute(
            "INSERT INTO journal_tags (entry_rowid, tag, created_ms) VALUES (?, ?, ?)",
            (rowid, tag, created_ms),
        )
        conn.execute(
            "INSERT INTO journal_tag_counts (tag, entries) VALUES (?, 1)"
            " ON CONFLICT (tag) DO UPDATE SET entries = entries + 1",
            (tag,),
        )


def _drop_tags(conn: Connection, rowid: int, tags: list[str]) -> None:
    """Untag an entry and take it out of its tags' counts (a tag left with none goes)."""
    for tag in dict.fromkeys(tags):
        conn.execute("DELETE FROM journal_tags WHERE tag = ? AND entry_rowid = ?", (tag, rowid))
        conn.execute("UPDATE journal_tag_counts SET entries = entries - 1 WHERE tag = ?", (tag,))
        conn.execute("DELETE FROM journal_tag_counts WHERE tag = ? AND entries <= 0", (tag,))


@dataclass(frozen=True)
class _Indexed:
    """An entry's row and the values its index terms came from."""

    rowid: int
    title: str
    body: str
    tags_text: str


def _indexed(conn: Connection, entry_id: bytes) -> _Indexed | None:
    row = conn.execute(
        f"SELECT rowid, title, body, tags_text FROM journal_entries WHERE {_BY_ID}",
        (entry_id,),
    ).fetchone()
    return _Indexed(int(row[0]), row[1], row[2], row[3]) if row else None


def _entry(row: tuple) -> EntryRow:
    """Tags come from `tags_text` (normalised tags never contain spaces), which saves a
    query per row."""
    _, entry_id, title, body, mood, created, updated, edit_lamport, edit_id, tags_text = row
    return EntryRow(
        bytes(entry_id),
        title,
        body,
        mood,
        tuple(tags_text.split()),
        created,
        updated,
        edit_lamport,
        bytes(edit_id),
    )
