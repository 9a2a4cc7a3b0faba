"""Sharing a journal entry into a space (core/journal_share.py): a copy of only the words the
person confirmed, under the space's persona; nothing without a confirmation; the entry stays
private and nothing in the space links to it (no entry id, date, mood or tags)."""

from __future__ import annotations

from pathlib import Path

import pytest

from haven.core.journal_share import JournalSharing
from haven.errors import InvalidInput
from tests.canary_scan import log_holding, tables_holding
from tests.space_helpers import sync, three_members

TAG = "qztagsecret"


def test_a_confirmed_copy_and_nothing_more(tmp_path: Path) -> None:
    ari, bea, cai, space = three_members(tmp_path)
    try:
        entry = bea.journal.add("I told my sister today.", "Coming out", mood=4, tags=[TAG])
        sharing = JournalSharing(bea.journal, bea.spaces)
        preview = sharing.preview(entry, space)
        assert (preview.space_name, preview.posted_as) == ("Circle", "Bea")
        assert (preview.title, preview.body) == ("Coming out", "I told my sister today.")
        with pytest.raises(InvalidInput, match="confirmation"):
            sharing.share(space, preview.title, preview.body, confirmed=False)
        assert bea.spaces.read_feed(space) == []  # nothing went
        post = sharing.share(space, preview.title, "I told my sister.", confirmed=True)
        sync(space, ari, bea, cai)
        (shared,) = [p for p in cai.spaces.read_feed(space) if p.post_id == post]
        assert (shared.title, shared.body, shared.author_name) == (
            "Coming out",
            "I told my sister.",
            "Bea",
        )
        assert bea.journal.get(entry).body == "I told my sister today."  # unchanged, private
        for s in (ari, cai):  # the entry's tags, id and original words reached nobody
            assert tables_holding(s, TAG) == [] and log_holding(s, space, TAG) == 0
            assert log_holding(s, space, "today") == 0
            with s.vault.read() as conn:
                assert not [r for r in conn.execute("SELECT 1 FROM events WHERE id = ?", (entry,))]
    finally:
        for s in (ari, bea, cai):
            s.lock()
