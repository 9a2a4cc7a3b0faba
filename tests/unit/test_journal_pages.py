"""Journal pages bounded by their size: searches spelled out as index terms find exactly
what FTS5's own prefix search finds, a page that follows another starts where it ended,
and counts stop at their cap. Real vault, real FTS5 index."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.journal import EntryFilter, JournalDraft
from haven.core.session import Session
from haven.store import journal_search
from haven.store import journal_tables as jt
from tests.helpers import PASSPHRASE, as_older_schema, new_session

WORDS = [
    "family", "familiar", "families", "famous", "fam", "far", "farther", "harbour", "harbours",
    "harbourside", "lantern", "Família", "família", "naïve", "naive", "café", "self-care",
    "care", "careful", "42", "420", "o'clock", "clock", "tea", "team",
    "famzz", "famπ", "harbourλιμάνι",  # completions past "z": the vocabulary range's top
    "اليوم", "اليومية", "عائلتي", "عائلة", "Straße", "STRASSE", "İstanbul", "ﬁne", "fine",
]  # fmt: skip
QUERIES = [
    "fam", "fami", "family", "families", "famil", "har", "harbour", "harbours", "Harbour",
    "FAMILY", "familia", "Família", "nai", "naïve", "caf", "self-care", "care", "car", "42",
    "4", "clo", "o'clock", "te", "tea", "zzz", "family harbour", "fam tea", 'fa"m', "fam*",
    "NEAR", "care OR tea", "-tea", "title:fam", "اليوم", "الي", "عائل", "عائلتي", "straße",
    "stra", "istan", "İstan", "ﬁn", "fin", "FAMÍLIA", "famí",
]  # fmt: skip


@pytest.fixture
def s(data_dir: Path) -> Iterator[Session]:
    session = new_session(data_dir)
    rng = random.Random(5)
    session.journal.add_many(
        [
            JournalDraft(
                body=" ".join(rng.choices(WORDS, k=rng.randint(1, 6))),
                title=rng.choice(["", "fam", "Harbour day"]),
                tags=rng.choice([(), ("team",), ("family", "care")]),
            )
            for _ in range(400)
        ]
    )
    yield session
    session.lock()


def _native(s: Session, text: str) -> list[bytes]:
    """What FTS5's own prefix expansion finds, newest first (the reference)."""
    with s.vault.read() as conn:
        rows = conn.execute(
            "SELECT e.entry_id FROM journal_fts f JOIN journal_entries e ON e.rowid = f.rowid"
            " WHERE journal_fts MATCH ? ORDER BY f.rowid DESC",
            (jt.fts_query(text),),
        )
        return [bytes(r[0]) for r in rows]


@pytest.mark.parametrize("text", QUERIES)
def test_spelled_out_search_finds_what_prefix_search_finds(s: Session, text: str) -> None:
    found = [e.entry_id for e in s.journal.list(EntryFilter(text=text))]
    assert found == _native(s, text)
    assert s.journal.count(EntryFilter(text=text)) == len(found)


def test_words_are_spelled_out_as_index_terms_and_others_left_to_fts5(s: Session) -> None:
    with s.vault.read() as conn:
        spelled = jt.match_expression(conn, "Harbour")
        assert spelled.startswith('("harbour" OR ') and '"harbourside"' in spelled
        assert "*" not in spelled
        assert jt.match_expression(conn, "naïve") == '("naive")'  # folded as the index is
        assert jt.match_expression(conn, "اليوم") == '("اليوم" OR "اليومية")'
        assert jt.match_expression(conn, "fa") == '"fa"*'  # too short: many completions
        assert jt.match_expression(conn, 'fa"m') == '"fa""m"*'  # two tokens: a phrase
        assert jt.match_expression(conn, "self-care") == '"self-care"*'
        assert jt.match_expression(conn, "---") == '"---"*'  # no token at all


def test_too_many_completions_fall_back_to_fts5(
    s: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal_search, "EXPAND_TERMS", 1)  # "fam" has many completions
    with s.vault.read() as conn:
        assert jt.match_expression(conn, "fam") == '"fam"*'
    found = [e.entry_id for e in s.journal.list(EntryFilter(text="fam"))]
    assert found == _native(s, "fam")


@pytest.mark.parametrize(
    "flt",
    [
        EntryFilter(),
        EntryFilter(text="harbour"),
        EntryFilter(tags=("team",)),
        EntryFilter(tags=("family", "care")),
        EntryFilter(tags=("team",), text="fam"),
    ],
)
def test_pages_after_an_entry_match_pages_by_offset(s: Session, flt: EntryFilter) -> None:
    everything = s.journal.list(flt)
    assert len(everything) > 60
    pages: list[bytes] = []
    while True:
        page = s.journal.list(flt, 25, len(pages), pages[-1] if pages else None)
        if not page:
            break
        pages += [e.entry_id for e in page]
    assert pages == [e.entry_id for e in everything]


def test_a_page_after_a_deleted_entry_falls_back_to_its_offset(s: Session) -> None:
    everything = [e.entry_id for e in s.journal.list(EntryFilter())]
    first = everything[:25]
    s.journal.delete(first[-1])
    page = s.journal.list(EntryFilter(), 25, 25, first[-1])
    assert [e.entry_id for e in page] == everything[26:51]  # offset 25 of what is left


def test_counts_stop_at_their_cap(s: Session) -> None:
    assert s.journal.count(EntryFilter()) == 400
    assert s.journal.count(EntryFilter(), cap=100) == 100
    common = s.journal.count(EntryFilter(text="fam"))
    assert common > 50
    assert s.journal.count(EntryFilter(text="fam"), cap=50) == 50
    assert s.journal.count(EntryFilter(text="zzz"), cap=50) == 0


def _recounted(s: Session) -> list[tuple[str, int]]:
    with s.vault.read() as conn:
        rows = conn.execute(
            "SELECT tag, count(*) FROM journal_tags GROUP BY tag ORDER BY count(*) DESC, tag"
        )
        return [(t, int(n)) for t, n in rows]


def test_tag_counts_follow_adds_edits_deletes_and_rebuilds(s: Session) -> None:
    assert s.journal.tags() == _recounted(s) and s.journal.tags()
    eid = s.journal.add("new", tags=["Rare Tag", "team", "#team"])
    assert ("rare-tag", 1) in s.journal.tags()
    s.journal.edit(eid, tags=["other"])
    assert "rare-tag" not in dict(s.journal.tags())  # a tag with no entries left goes
    assert s.journal.tags() == _recounted(s)
    for entry in s.journal.list(EntryFilter(tags=("team",)))[:20]:
        s.journal.delete(entry.entry_id)
    assert s.journal.tags() == _recounted(s)
    before = s.journal.tags()
    s.journal.rebuild()
    assert s.journal.tags() == before == _recounted(s)


def test_a_vault_from_before_tag_counts_gets_them(data_dir: Path) -> None:
    from haven.core import session

    s = new_session(data_dir)
    s.journal.add_many([JournalDraft(body="x", tags=("a", "b")), JournalDraft("y", tags=("a",))])
    with s.vault.transaction() as conn:  # back to schema 6: no counts
        conn.execute("DROP TABLE journal_tag_counts")
        conn.execute("DROP TABLE journal_totals")
        conn.execute("DROP INDEX journal_tags_by_created")
        conn.execute("ALTER TABLE journal_tags DROP COLUMN created_ms")
        as_older_schema(conn, 6)
    s.lock()
    s = session.unlock(data_dir, PASSPHRASE)
    assert s.journal.tags() == [("a", 2), ("b", 1)]
    assert s.journal.count() == 2
    assert [e.body for e in s.journal.list(EntryFilter(tags=("a",)))] == ["y", "x"]
    with s.vault.read() as conn:  # the tag rows got their entries' times
        assert (
            conn.execute("SELECT count(*) FROM journal_tags WHERE created_ms = 0").fetchone()[0]
            == 0
        )
    assert len(s.journal.search("y")) == 1
    with s.vault.read() as conn:  # schema 8 took schema 7's row vocabulary away again
        assert (
            conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'journal_vocab'").fetchone()
            is None
        )
    s.lock()


def _counted(s: Session) -> int:
    with s.vault.read() as conn:
        return int(conn.execute("SELECT count(*) FROM journal_entries").fetchone()[0])


def test_the_whole_journal_count_follows_adds_deletes_and_rebuilds(s: Session) -> None:
    assert s.journal.count() == _counted(s) == 400
    eid = s.journal.add("one more")
    s.journal.add("one more")  # a second entry with the same text is its own entry
    assert s.journal.count() == _counted(s) == 402
    s.journal.delete(eid)
    with s.vault.transaction() as conn:  # a second delete of the same entry (a replay)
        jt.delete_entry(conn, eid)
    assert s.journal.count() == _counted(s) == 401
    s.journal.rebuild()
    assert s.journal.count() == _counted(s) == 401
