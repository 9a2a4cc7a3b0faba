"""The journal service and its search, on a real vault."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core import session
from haven.core.journal import EntryFilter, JournalDraft, normalise_tags
from haven.core.session import Session
from haven.errors import InvalidInput, NotFound
from tests.helpers import PASSPHRASE, as_older_schema, new_session, replica_of


@pytest.fixture
def s(data_dir: Path) -> Iterator[Session]:
    session = new_session(data_dir)
    yield session
    session.lock()


def test_add_get_edit(s: Session) -> None:
    eid = s.journal.add(
        "# Today\nI came out to my friend.",
        title="A big day",
        mood=5,
        tags=["Coming Out", "#friends"],
    )
    entry = s.journal.get(eid)
    assert (entry.title, entry.mood, entry.tags) == ("A big day", 5, ("coming-out", "friends"))
    assert entry.created_ms == entry.updated_ms
    s.journal.edit(eid, mood=4)
    edited = s.journal.get(eid)
    assert edited.mood == 4 and edited.body == entry.body and edited.title == "A big day"
    s.journal.edit(eid, mood=None, title="", tags=[])
    cleared = s.journal.get(eid)
    assert (cleared.mood, cleared.title, cleared.tags) == (None, "", ())


@pytest.mark.parametrize(
    "draft",
    [
        JournalDraft(""),
        JournalDraft("   \n"),
        JournalDraft("x", mood=0),
        JournalDraft("x", mood=6),
        JournalDraft("x", title="t" * 201),
        JournalDraft("x", tags=tuple(f"t{i}" for i in range(33))),
        JournalDraft("x", tags=("a" * 41,)),
    ],
)
def test_invalid_entries_are_refused_and_nothing_is_written(
    s: Session, draft: JournalDraft
) -> None:
    events_before = s.log.count()
    with pytest.raises(InvalidInput):
        s.journal.add_many([JournalDraft("valid"), draft])
    assert s.journal.count() == 0
    assert s.log.count() == events_before


def test_tags_are_normalised() -> None:
    assert normalise_tags([" #Family ", "family", "coming out", ""]) == ("coming-out", "family")


def test_search_english_and_arabic(s: Session) -> None:
    en = s.journal.add("Walking by the river with my partner felt peaceful")
    ar = s.journal.add("اليوم تحدثت مع أمي عن هويتي وشعرت بالراحة")
    s.journal.add("Unrelated groceries list")
    assert [e.entry_id for e in s.journal.search("river partner")] == [en]
    assert [e.entry_id for e in s.journal.search("riv")] == [en]  # prefix while typing
    assert [e.entry_id for e in s.journal.search("هويتي")] == [ar]
    assert [e.entry_id for e in s.journal.search("بالراحة")] == [ar]
    assert s.journal.search("nothing-like-this") == []
    assert s.journal.search("   ") == []


@pytest.mark.parametrize("query", ['"', "body:x", "a OR", "NEAR(", "*", "-x", "(", "'"])
def test_search_never_fails_on_odd_input(s: Session, query: str) -> None:
    s.journal.add("plain text")
    s.journal.search(query)  # must not raise an FTS5 syntax error


def test_filters(s: Session) -> None:
    a = s.journal.add("a", mood=1, tags=["work"])
    b = s.journal.add("b", mood=5, tags=["work", "family"])
    c = s.journal.add("c", mood=5)
    ids = lambda flt: {e.entry_id for e in s.journal.list(flt)}  # noqa: E731
    assert ids(EntryFilter(tags=("work",))) == {a, b}
    assert ids(EntryFilter(tags=("work", "family"))) == {b}
    assert ids(EntryFilter(mood=5)) == {b, c}
    created = s.journal.get(b).created_ms
    assert ids(EntryFilter(since_ms=created + 10**6)) == set()
    assert ids(EntryFilter(until_ms=created - 10**6)) == set()
    assert ids(EntryFilter(since_ms=created - 10**6, until_ms=created + 10**6)) == {a, b, c}
    assert s.journal.tags() == [("work", 2), ("family", 1)]
    assert s.journal.count(EntryFilter(mood=5)) == 2
    assert [e.entry_id for e in s.journal.list(limit=2)] == [c, b]  # newest first
    assert [e.entry_id for e in s.journal.list(limit=2, offset=2)] == [a]


def test_deleted_text_leaves_projection_and_index(s: Session) -> None:
    eid = s.journal.add("zanzibarword secret", tags=["hidden-tag"])
    s.journal.delete(eid)
    with pytest.raises(NotFound):
        s.journal.get(eid)
    assert s.journal.search("zanzibarword") == []
    assert s.journal.tags() == []
    with s.vault.read() as conn:  # the index itself holds no token of it any more
        rows = conn.execute(
            "SELECT count(*) FROM journal_fts WHERE journal_fts MATCH 'zanzibarword'"
        ).fetchone()
        assert rows[0] == 0
        assert conn.execute("SELECT count(*) FROM journal_tags").fetchone()[0] == 0
    with pytest.raises(NotFound):
        s.journal.delete(eid)


def test_resolve_short_ids(s: Session) -> None:
    eid = s.journal.add("x")
    assert s.journal.resolve_id(eid.hex()[:8]) == eid
    assert s.journal.resolve_id(eid.hex().upper()) == eid
    with pytest.raises(InvalidInput):
        s.journal.resolve_id("abc")
    with pytest.raises(InvalidInput):
        s.journal.resolve_id("not-hex!")
    with pytest.raises(NotFound):
        s.journal.resolve_id("0" * 64 if not eid.hex().startswith("0" * 6) else "f" * 64)


def test_concurrent_edits_converge_last_writer_wins(tmp_path: Path) -> None:
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    space = a.journal.space_id

    def sync() -> None:
        b.log.ingest(a.log.envelopes_after(space, b.log.chain_tips(space), 1000))
        a.log.ingest(b.log.envelopes_after(space, a.log.chain_tips(space), 1000))

    eid = a.journal.add("original")
    sync()
    a.journal.edit(eid, body="edited on a")
    b.journal.edit(eid, body="edited on b")
    b.journal.edit(eid, title="b again")
    sync()
    assert a.journal.get(eid) == b.journal.get(eid)
    # A delete on one device wins over concurrent edits on the other.
    a.journal.edit(eid, body="late edit on a")
    b.journal.delete(eid)
    sync()
    assert a.journal.count() == b.journal.count() == 0
    a.lock()
    b.lock()


def test_edit_arriving_before_its_entry(tmp_path: Path) -> None:
    """Device B edits an entry from A; device C hears B's chain before A's."""
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    c = replica_of(a, tmp_path / "c")
    space = a.journal.space_id
    eid = a.journal.add("from a")
    b.log.ingest(a.log.envelopes_after(space, {}, 100))
    b.journal.edit(eid, body="edited by b")
    b_only = {k: v for k, v in b.log.chain_tips(space).items() if k[1] == b.identity.device_id}
    c.log.ingest(
        b.log.envelopes_after(
            space,
            {k: 0 for k in b_only}
            | {k: v for k, v in b.log.chain_tips(space).items() if k not in b_only},
            100,
        )
    )
    assert c.journal.count() == 0  # the edit waits in the log for its entry
    c.log.ingest(a.log.envelopes_after(space, c.log.chain_tips(space), 100))
    assert c.journal.get(eid).body == "edited by b"
    for x in (a, b, c):
        x.lock()


def test_edits_and_a_delete_ahead_of_their_entries_in_one_batch(tmp_path: Path) -> None:
    """C receives, in one ingest, B's edit of one entry and B's delete of another before
    A's chain that creates both: the edit shows and the deleted entry never appears."""
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    c = replica_of(a, tmp_path / "c")
    space = a.journal.space_id
    edited = a.journal.add("from a")
    deleted = a.journal.add("soon gone")
    kept = a.journal.add("untouched")
    b.log.ingest(a.log.envelopes_after(space, {}, 100))
    b.journal.edit(edited, body="edited by b", tags=["calm"])
    b.journal.delete(deleted)
    theirs = b.log.envelopes_after(space, c.log.chain_tips(space), 100)
    from_b = [e for e in theirs if e not in a.log.envelopes_after(space, {}, 100)]
    from_a = [e for e in theirs if e not in from_b]
    result = c.log.ingest([*from_b, *from_a])  # B's chain first, A's after
    assert not result.rejected
    assert c.journal.get(edited).body == "edited by b"
    assert c.journal.search("calm")[0].entry_id == edited
    assert {e.entry_id for e in c.journal.list()} == {edited, kept}
    assert c.journal.search("gone") == []
    for x in (a, b, c):
        x.lock()


def test_rebuilding_a_group_space_leaves_the_journal_alone(s: Session) -> None:
    s.journal.add("stays")
    space_id = s.spaces.create_space("Circle")
    s.log.rebuild_projections(space_id)
    assert [e.body for e in s.journal.list()] == ["stays"]
    assert s.devices.list()


def _index_is_consistent(s: Session) -> None:
    """FTS5's own check of the index against journal_entries (raises if they differ)."""
    with s.vault.read() as conn:
        conn.execute("INSERT INTO journal_fts (journal_fts, rank) VALUES ('integrity-check', 1)")


def _matches(s: Session, word: str) -> set[bytes]:
    return {e.entry_id for e in s.journal.search(word)}


def test_search_index_follows_every_kind_of_change(tmp_path: Path) -> None:
    """The index is kept by code, not triggers (schema 0006): adding, editing title, body
    and tags, deleting, syncing in and rebuilding must each leave it exactly in step."""
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    space = a.journal.space_id
    kept = a.journal.add("alpha river", title="first", tags=["calm"])
    edited = a.journal.add("beta garden", title="second")
    gone = a.journal.add("gamma letter")
    a.journal.edit(edited, body="delta garden", title="renamed", tags=["proud"])
    a.journal.delete(gone)
    _index_is_consistent(a)
    assert _matches(a, "beta") == set() and _matches(a, "delta") == {edited}
    assert _matches(a, "renamed") == {edited} and _matches(a, "proud") == {edited}
    assert _matches(a, "gamma") == set() and _matches(a, "alpha") == {kept}

    b.log.ingest(a.log.envelopes_after(space, b.log.chain_tips(space), 100))
    _index_is_consistent(b)
    assert _matches(b, "delta") == {edited} and _matches(b, "gamma") == set()

    assert b.log.rebuild_projections(space) > 0
    _index_is_consistent(b)
    assert _matches(b, "delta") == {edited} and _matches(b, "alpha") == {kept}
    assert _matches(b, "beta") == set() and _matches(b, "gamma") == set()
    for x in (a, b):
        x.lock()


def test_upgrading_a_vault_indexed_by_triggers_keeps_its_index(data_dir: Path) -> None:
    """A vault from before schema 0006 (index kept by triggers) opens, loses the triggers,
    and its existing index still finds what it found."""
    s = new_session(data_dir)
    eid = s.journal.add("harbour lantern")
    with s.vault.transaction() as conn:  # put this vault back to schema 5, triggers and all
        conn.execute(
            "CREATE TRIGGER journal_fts_ai AFTER INSERT ON journal_entries BEGIN SELECT 1; END"
        )
        conn.execute(
            "CREATE TRIGGER journal_fts_ad AFTER DELETE ON journal_entries BEGIN SELECT 1; END"
        )
        conn.execute(
            "CREATE TRIGGER journal_fts_au AFTER UPDATE ON journal_entries BEGIN SELECT 1; END"
        )
        conn.execute("DROP INDEX journal_tags_by_created")  # and schema 7's tag column
        conn.execute("ALTER TABLE journal_tags DROP COLUMN created_ms")
        as_older_schema(conn, 5)
    s.lock()
    s = session.unlock(data_dir, PASSPHRASE)
    with s.vault.read() as conn:
        triggers = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")
        assert triggers.fetchone()[0] == 0
    assert _matches(s, "lantern") == {eid}
    _index_is_consistent(s)
    s.lock()
