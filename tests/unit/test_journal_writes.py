"""How the journal's batch paths write its full-text index: once per batch, not once per entry.

FTS5 writes the terms it holds in memory as a new segment whenever a savepoint opens, and
SQLite opens one for every statement that may change several rows (store/journal_tables.py).
One such statement per entry made each entry a segment of its own, and merging them was most
of the cost of adding or syncing an entry. FTS5 counts the segments it has written in its
structure record: these tests read that counter instead of timing anything."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.journal import JournalDraft
from haven.core.session import Session
from tests.helpers import new_session, replica_of

#: FTS5's structure record: its row in the index's data table, and the marker of its second
#: format (SQLite's fts5_index.c).
STRUCTURE_ROWID = 10
STRUCTURE_V2 = b"\xff\x00\x00\x01"
ENTRIES = 120


def _varint(data: bytes, i: int) -> tuple[int, int]:
    """SQLite's variable-length integer at `data[i]`: its value and the index after it."""
    value = 0
    for k in range(8):
        byte = data[i + k]
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, i + k + 1
    return (value << 8) | data[i + 8], i + 9


def segments_written(s: Session) -> int:
    """How many segments FTS5 has written into the journal's index so far (flushes and
    merges): the structure record holds a cookie, the levels, the segments, then this."""
    with s.vault.read() as conn:
        row = conn.execute(
            "SELECT block FROM journal_fts_data WHERE id = ?", (STRUCTURE_ROWID,)
        ).fetchone()
    data = bytes(row[0])
    i = 8 if data[4:8] == STRUCTURE_V2 else 4
    _, i = _varint(data, i)  # levels
    _, i = _varint(data, i)  # segments
    return _varint(data, i)[0]


def _drafts(n: int) -> list[JournalDraft]:
    return [
        JournalDraft(f"entry {i} by the river", mood=1 + i % 5, tags=(f"t{i % 7}", "calm"))
        for i in range(n)
    ]


@pytest.fixture
def s(data_dir: Path) -> Iterator[Session]:
    session = new_session(data_dir)
    yield session
    session.lock()


def test_adding_a_batch_writes_the_index_once(s: Session) -> None:
    before = segments_written(s)
    s.journal.add_many(_drafts(ENTRIES))
    assert segments_written(s) - before <= 2  # one flush (and at most one merge), not 120
    assert s.journal.count() == ENTRIES
    assert len(s.journal.search("river", limit=ENTRIES + 1)) == ENTRIES
    assert dict(s.journal.tags())["calm"] == ENTRIES


def test_ingesting_a_batch_writes_the_index_once(s: Session, tmp_path: Path) -> None:
    s.journal.add_many(_drafts(ENTRIES))
    replica = replica_of(s, tmp_path / "replica")
    try:
        space = s.journal.space_id
        before = segments_written(replica)
        result = replica.log.ingest(
            s.log.envelopes_after(space, replica.log.chain_tips(space), 10 * ENTRIES)
        )
        assert len(result.accepted) >= ENTRIES and not result.rejected
        assert segments_written(replica) - before <= 2
        assert replica.journal.count() == ENTRIES
        assert dict(replica.journal.tags()) == dict(s.journal.tags())
    finally:
        replica.lock()


def test_edits_and_deletes_in_one_batch_write_the_index_once(s: Session) -> None:
    """An edit re-tags its entry and a delete untags it (statements over several rows):
    they run before the entry's index write, so a run of them is one flush too."""
    ids = s.journal.add_many(_drafts(40))
    before = segments_written(s)
    with s.vault.transaction():  # one transaction, as an ingested batch is
        for entry_id in ids[:20]:
            s.journal.edit(entry_id, body="rewritten by the sea", tags=["sea"])
        for entry_id in ids[20:]:
            s.journal.delete(entry_id)
    assert segments_written(s) - before <= 3
    assert s.journal.count() == 20
    assert [e.entry_id for e in s.journal.search("sea", limit=50)] == ids[19::-1]
    assert s.journal.search("river") == []
    assert dict(s.journal.tags()) == {"sea": 20}
