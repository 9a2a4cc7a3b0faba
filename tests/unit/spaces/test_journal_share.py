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


def test_a_copy_into_a_channel_the_reader_may_post_in(tmp_path: Path) -> None:
    """The preview offers only open channels the reader may post in (a member is offered no
    announcement channel, nobody an archived one); the copy lands in the chosen channel as one
    message, title first, not in the feed; a post where the channels core refuses it fails."""
    ari, bea, cai, space = three_members(tmp_path)
    try:
        chat = ari.spaces.channels.create(space, "general")
        news = ari.spaces.channels.create(space, "news", announce=True)
        old = ari.spaces.channels.create(space, "old")
        ari.spaces.channels.archive(space, old)
        sync(space, ari, bea, cai)
        entry = bea.journal.add("I told my sister today.", "Coming out", tags=[TAG])
        sharing = JournalSharing(bea.journal, bea.spaces)
        preview = sharing.preview(entry, space)
        assert [c.channel_id for c in preview.channels] == [chat]
        admin_view = JournalSharing(ari.journal, ari.spaces)
        ari_entry = ari.journal.add("News")
        assert {c.channel_id for c in admin_view.preview(ari_entry, space).channels} == {
            chat,
            news,
        }
        for channel in (news, old):  # not offered, and refused if asked anyway
            with pytest.raises(InvalidInput):
                sharing.share(space, "", "x", confirmed=True, channel_id=channel)
        with pytest.raises(InvalidInput, match="content warning"):
            sharing.share(space, "", "x", "cw", confirmed=True, channel_id=chat)
        with pytest.raises(InvalidInput, match="confirmation"):
            sharing.share(space, "", "x", confirmed=False, channel_id=chat)
        sent = sharing.share(space, preview.title, preview.body, confirmed=True, channel_id=chat)
        sync(space, ari, bea, cai)
        (message,) = cai.spaces.channels.read(space, chat).messages
        assert message.post.post_id == sent
        assert message.post.body == "Coming out\n\nI told my sister today."
        assert cai.spaces.read_feed(space) == []  # the channel, not the feed
        assert cai.spaces.channels.read(space, news).messages == ()
        assert bea.journal.get(entry).body == "I told my sister today."
        assert tables_holding(cai, TAG) == [] and log_holding(cai, space, TAG) == 0
    finally:
        for s in (ari, bea, cai):
            s.lock()
