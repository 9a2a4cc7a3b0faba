"""Channels inside a space, between real vaults synced as sync carries events: admins make
them, members talk with quotes and mentions, announcement channels take only admins'
messages. Each attacker's best move — a member forging an admin's act, posting in an
announcement channel or an archived one, a removed member writing on, a reply that would
smuggle a message into a channel, a clock set back — is checked on every replica from the
log, never from what the sender's own copy said."""

from __future__ import annotations

from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role
from haven.errors import InvalidInput
from haven.store import log_table as lt
from tests.space_helpers import HOUR_MS, clocked_circle, sync


def _circle(tmp_path: Path) -> tuple[Session, Session, Session, bytes]:
    (ari, bea, cai), _, space = clocked_circle(tmp_path, ["ari", "bea", "cai"])
    sync(space, ari, bea, cai)
    return ari, bea, cai, space


def _names(s: Session, space: bytes) -> set[str]:
    return {c.name for c in s.spaces.channels.list_channels(space, include_archived=True)}


def _bodies(s: Session, space: bytes, channel: bytes) -> list[str]:
    return [m.post.body for m in s.spaces.channels.read(space, channel).messages]


def test_members_talk_with_quotes_mentions_and_markers(tmp_path: Path) -> None:
    ari, bea, cai, space = _circle(tmp_path)
    general = ari.spaces.channels.create(space, "#General")
    sync(space, ari, bea, cai)
    assert [c.name for c in bea.spaces.channels.list_channels(space)] == ["general"]
    first = bea.spaces.channels.send(space, general, "hello all")
    bea_pk = ari.spaces.resolve_member(space, "Bea")
    ari.spaces.post(space, "a feed post")
    sync(space, ari, bea, cai)
    answer = cai.spaces.channels.send(space, general, "welcome @bea", quote=first)
    sync(space, ari, bea, cai)

    page = bea.spaces.channels.read(space, general)
    assert [m.post.body for m in page.messages] == ["hello all", "welcome @bea"]
    last = page.messages[-1]
    assert last.post.post_id == answer and last.quote is not None
    assert last.quote[0] == first and last.quote[2] == "hello all"
    assert [x.member_pk for x in last.mentions] == [bea_pk] and last.mentions_me
    assert last.mentions[0].role is Role.MEMBER and last.mentions[0].fingerprint

    info = bea.spaces.channels.list_channels(space)[0]
    assert (info.unread, info.mentions_me, info.may_post) == (1, 1, True)
    # The feed neither shows channel messages nor counts them as unread.
    assert [p.body for p in bea.spaces.read_feed(space)] == ["a feed post"]
    assert bea.spaces.unread(space) == 1
    bea.spaces.channels.mark_read(space, general)
    bea.spaces.channels.set_muted(space, general, True)
    info = bea.spaces.channels.list_channels(space)[0]
    assert (info.unread, info.mentions_me, info.muted) == (0, 0, True)
    # Marker and mute are this device's: a recompute from the log keeps them.
    with bea.vault.transaction() as conn:
        bea.spaces.projector.recompute(conn, space, bea.log)
    info = bea.spaces.channels.list_channels(space)[0]
    assert (info.unread, info.muted) == (0, True)
    assert not ari.spaces.channels.list_channels(space)[0].muted


def test_only_admins_make_rename_and_archive_channels(tmp_path: Path) -> None:
    ari, bea, cai, space = _circle(tmp_path)
    general = ari.spaces.channels.create(space, "general")
    sync(space, ari, bea, cai)
    with pytest.raises(InvalidInput, match="only admins"):
        bea.spaces.channels.create(space, "mine")
    bea.spaces.channels.send(space, general, "certify my key first")
    # Bea forges what her app refuses to write: every replica ignores it, hers too.
    bea.log.append(space, ev.CHANNEL_CREATE, {"name": "mine", "kind": "chat"})
    bea.log.append(space, ev.CHANNEL_RENAME, {"name": "hijacked"}, target=general)
    bea.log.append(space, ev.CHANNEL_ARCHIVE, {"archived": True}, target=general)
    sync(space, ari, bea, cai)
    for s in (ari, bea, cai):
        assert _names(s, space) == {"general"}
        assert not s.spaces.channels.list_channels(space)[0].archived
    # An admin's rename and archive count everywhere; an archived channel takes nothing.
    ari.spaces.set_role(space, ari.spaces.resolve_member(space, "Bea"), Role.ADMIN)
    sync(space, ari, bea, cai)
    bea.spaces.channels.rename(space, general, "lobby")
    bea.spaces.channels.archive(space, general)
    sync(space, ari, bea, cai)
    assert _names(cai, space) == {"lobby"} and cai.spaces.channels.list_channels(space) == []
    with pytest.raises(InvalidInput, match="archived"):
        cai.spaces.channels.send(space, general, "anyone?")
    cai.log.append(space, ev.POST, {"title": "", "body": "anyone?", "cw": "", "parent": general})
    sync(space, ari, bea, cai)
    assert "anyone?" not in _bodies(ari, space, general)


def test_announcements_take_only_admins_messages(tmp_path: Path) -> None:
    ari, bea, cai, space = _circle(tmp_path)
    news = ari.spaces.channels.create(space, "news", announce=True)
    sync(space, ari, bea, cai)
    assert not bea.spaces.channels.list_channels(space)[0].may_post
    with pytest.raises(InvalidInput, match="only admins post"):
        bea.spaces.channels.send(space, news, "me too")
    ari.spaces.channels.send(space, news, "meeting on friday")
    bea.spaces.post(space, "certify my key first")
    forged = {"title": "", "body": "meeting cancelled", "cw": "", "parent": news}
    bea.log.append(space, ev.POST, forged)
    sync(space, ari, bea, cai)
    for s in (ari, bea, cai):
        assert _bodies(s, space, news) == ["meeting on friday"]
    # A reply to an announcement would be a message in it by the back door: refused.
    first = ari.spaces.channels.read(space, news).messages[0].post.post_id
    with pytest.raises(InvalidInput, match="quoting"):
        bea.spaces.reply(space, first, "meeting cancelled")
    bea.log.append(space, ev.POST, {**forged, "parent": first})
    # An admin demoted later in the log posts no more, on every replica.
    bea_pk = ari.spaces.resolve_member(space, "Bea")
    ari.spaces.set_role(space, bea_pk, Role.ADMIN)
    sync(space, ari, bea, cai)
    bea.spaces.channels.send(space, news, "as admin")
    sync(space, ari, bea, cai)
    ari.spaces.set_role(space, bea_pk, Role.MEMBER)
    sync(space, ari, bea, cai)
    bea.log.append(space, ev.POST, {**forged, "body": "after demotion"})
    sync(space, ari, bea, cai)
    for s in (ari, cai):
        assert _bodies(s, space, news) == ["meeting on friday", "as admin"]
    assert ari.spaces.read_feed(space)[0].body == "certify my key first"
    assert not ari.spaces.read_feed(space)[0].replies


def test_removed_member_and_backdated_clock(tmp_path: Path) -> None:
    (ari, bea, cai), clocks, space = clocked_circle(tmp_path, ["ari", "bea", "cai"])
    sync(space, ari, bea, cai)
    general = ari.spaces.channels.create(space, "general")
    sync(space, ari, bea, cai)
    ari.spaces.channels.send(space, general, "first")
    sync(space, ari, bea, cai)
    # Cai sets her clock a year back: her message still lands last, and counts as unread.
    clocks[2].now -= 365 * 24 * HOUR_MS
    cai.spaces.channels.send(space, general, "from the past")
    sync(space, ari, bea, cai)
    assert _bodies(bea, space, general)[-1] == "from the past"
    assert bea.spaces.channels.list_channels(space)[0].unread == 2
    # Bea is removed before she hears of it; what she writes after her cut counts nowhere.
    ari.spaces.remove_member(space, ari.spaces.resolve_member(space, "Bea"))
    bea.spaces.channels.send(space, general, "still here")
    sync(space, ari, bea, cai)
    for s in (ari, cai):
        assert "still here" not in _bodies(s, space, general)


def test_deleting_and_removing_messages_erase_them(tmp_path: Path) -> None:
    ari, bea, cai, space = _circle(tmp_path)
    general = ari.spaces.channels.create(space, "general")
    sync(space, ari, bea, cai)
    mine = bea.spaces.channels.send(space, general, "secret plan @cai")
    sync(space, ari, bea, cai)
    assert cai.spaces.channels.list_channels(space)[0].mentions_me == 1
    rude = cai.spaces.channels.send(space, general, "rude words")
    sync(space, ari, bea, cai)
    # Writing in a channel moves one's own marker past what one answered.
    assert cai.spaces.channels.list_channels(space)[0].mentions_me == 0
    bea.spaces.delete_post(space, mine)
    ari.spaces.moderate(space, rude, "be kind")
    sync(space, ari, bea, cai)
    for s in (ari, bea, cai):
        page = s.spaces.channels.read(space, general)
        assert [(m.post.state, m.post.body, m.mentions) for m in page.messages] == [
            ("deleted", "", ()),
            ("removed", "", ()),
        ]
        with s.vault.read() as conn:
            for gone in (mine, rude):
                assert lt.is_redacted(conn, gone)
            assert not conn.execute("SELECT count(*) FROM space_channel_mentions").fetchone()[0]


def test_names_and_pages(tmp_path: Path) -> None:
    ari, _bea, _cai, space = _circle(tmp_path)
    for bad in ("", "two words", "a\u202eb", "x" * 33):
        with pytest.raises(InvalidInput):
            ari.spaces.channels.create(space, bad)
    art = ari.spaces.channels.create(space, "فن")
    with pytest.raises(InvalidInput, match="already"):
        ari.spaces.channels.create(space, "#فن")
    ids = [ari.spaces.channels.send(space, art, f"m{i}") for i in range(7)]
    page = ari.spaces.channels.read(space, art, limit=3)
    assert [m.post.body for m in page.messages] == ["m4", "m5", "m6"] and page.older
    older = ari.spaces.channels.read(space, art, before=ids[4], limit=3)
    assert [m.post.body for m in older.messages] == ["m1", "m2", "m3"]
    assert ari.spaces.channels.resolve(space, "#فن") == art
