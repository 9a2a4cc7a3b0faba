"""Disappearing posts between real vaults with injected clocks (docs/PROTOCOL.md §5.8): each
replica erases a post, its edits and its attachments when ITS OWN timer (started when it
stored the post) runs out — never by a time a peer wrote; a replica that syncs later gets
them already erased and takes them; a post that skips the space's timer is invalid; nobody
can hand out an "expired" copy of a post that was never set to disappear."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.attachments import spec
from haven.core.attachments.spec import FileSpec, PreparedFile
from haven.core.envelope import read_header, redacted_envelope
from haven.core.redaction import EXPIRED
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.errors import InvalidInput, NotFound
from haven.store import log_table as lt
from tests.canary_scan import epoch_keys, log_holding, vault_holding
from tests.space_helpers import HOUR_MS, T0, Clock, clocked_circle, deliver, sync

CANARY = "Qzvanishcanary"


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[tuple[list[Session], list[Clock], bytes]]:
    people, clocks, space = clocked_circle(tmp_path, ("ari", "bea", "cai", "dan"))
    sync(space, *people)
    yield people, clocks, space
    for s in people:
        s.lock()


def _state(s: Session, space: bytes, post: bytes) -> tuple[str, str]:
    feed = s.spaces.read_feed(space, include_hidden=True)
    (p,) = [p for p in feed if p.post_id == post]
    return p.state, p.body


def _secret_file() -> PreparedFile:
    data = f"meet at {CANARY}".encode() * 3000
    return PreparedFile(FileSpec("plan.txt", "text/plain", len(data), spec.digest(data)), data)


def test_each_replica_erases_by_its_own_clock_and_late_replicas_get_it_erased(circle) -> None:
    (ari, bea, cai, dan), clocks, space = circle
    ari.spaces.disappearing.set_timer(space, 3600)
    sync(space, ari, bea, cai)
    assert bea.spaces.disappearing.timer(space) == 3600
    post = bea.spaces.post(space, f"my name is {CANARY}", files=[_secret_file()])
    bea.spaces.edit_post(space, post, body=f"my real name is {CANARY}")
    clocks[0].now = clocks[2].now = T0 + HOUR_MS // 2  # Ari and Cai receive it half an hour later
    sync(space, ari, bea, cai)
    for s in (ari, bea, cai):
        assert vault_holding(s, space, CANARY) != []
    (feed_post,) = [p for p in cai.spaces.read_feed(space) if p.post_id == post]
    assert feed_post.disappears_ms == T0 + HOUR_MS // 2 + HOUR_MS  # Cai's clock, not Bea's
    clocks[1].now = T0 + HOUR_MS  # Bea's hour is up; the others' is not
    assert _state(bea, space, post) == ("expired", "")
    assert bea.spaces.disappearing.sweep() == 1
    assert vault_holding(bea, space, CANARY) == []
    assert _state(ari, space, post)[0] == "visible"
    clocks[0].now = clocks[2].now = T0 + 2 * HOUR_MS
    assert ari.spaces.disappearing.sweep() == cai.spaces.disappearing.sweep() == 1
    for s in (ari, cai):
        assert _state(s, space, post) == ("expired", "")
        assert vault_holding(s, space, CANARY) == []
    # Dan was away all along: he receives the post, edit and chunks already erased.
    sync(space, ari, bea, cai, dan)
    assert _state(dan, space, post) == ("expired", "")
    assert vault_holding(dan, space, CANARY) == []
    heads = {tuple(sorted(s.log.chain_heads(space).items())) for s in (ari, bea, cai, dan)}
    assert len(heads) == 1


def test_a_peers_clock_neither_shortens_nor_lengthens_the_timer(circle) -> None:
    (ari, bea, cai, _), clocks, space = circle
    clocks[1].now = T0 - 365 * 24 * HOUR_MS  # Bea's clock is a year behind
    old = bea.spaces.post(space, "from the past", disappear=3600)
    clocks[2].now = T0 + 10 * 365 * 24 * HOUR_MS  # Cai's a decade ahead
    sync(space, ari, bea, cai)
    new = cai.spaces.post(space, "from the future", disappear=3600)
    sync(space, ari, bea, cai)
    feed = {p.post_id: p for p in ari.spaces.read_feed(space)}
    assert feed[old].state == feed[new].state == "visible"  # not gone at once
    assert feed[old].disappears_ms == feed[new].disappears_ms == T0 + HOUR_MS  # Ari's clock
    clocks[0].now = T0 + HOUR_MS
    ari.spaces.disappearing.sweep()
    assert _state(ari, space, old)[0] == _state(ari, space, new)[0] == "expired"


def test_the_spaces_timer_binds_every_post(circle) -> None:
    (ari, bea, cai, _), _, space = circle
    ari.spaces.disappearing.set_timer(space, 86400)
    sync(space, ari, bea, cai)
    with pytest.raises(InvalidInput, match="admins"):
        bea.spaces.disappearing.set_timer(space, 0)
    with pytest.raises(InvalidInput, match="sooner"):
        bea.spaces.post(space, "stay a week", disappear=7 * 86400)
    with pytest.raises(InvalidInput, match="1 hour to 4 weeks"):
        bea.spaces.post(space, "a minute", disappear=60)
    shorter = bea.spaces.post(space, "an hour only", disappear=3600)
    # A modified client leaves the timer out: every replica finds the post invalid.
    forever = bea.spaces.posts._ctx.append(
        space, ev.POST, {"title": "", "body": "I stay", "cw": ""}
    ).id
    sync(space, ari, bea, cai)
    for s in (ari, bea, cai):
        ids_ = [p.post_id for p in s.spaces.read_feed(space, include_hidden=True)]
        assert shorter in ids_ and forever not in ids_


def test_nobody_can_hand_out_an_expired_copy_of_a_lasting_post(circle) -> None:
    (ari, bea, _, dan), _, space = circle
    post = bea.spaces.post(space, "this one stays")
    sync(space, ari, bea)
    keys = epoch_keys(ari, space)
    with ari.vault.read() as conn:
        stored = lt.get_event(conn, post)
    assert stored is not None
    forged = redacted_envelope(stored.envelope, keys[stored.epoch], EXPIRED)
    result = dan.log.ingest([forged])
    assert not result.accepted and result.rejected
    deliver(ari, dan, space)
    assert _state(dan, space, post) == ("visible", "this one stays")


def test_a_post_whose_time_is_up_is_gone_from_reads_before_the_sweep_and_reads_never_write(
    circle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sweep runs on its own schedule; until it does, every read already shows the post
    as the sweep will leave it, and refuses what would touch it — without writing."""
    (ari, bea, _, _), clocks, space = circle
    post = bea.spaces.post(space, f"meet {CANARY}", files=[_secret_file()], disappear=3600)
    sync(space, ari, bea)
    ari.spaces.react(space, post, "me-too")
    (before,) = [p for p in ari.spaces.read_feed(space) if p.post_id == post]
    (attachment,) = before.attachments
    unread = ari.spaces.unread(space)
    clocks[0].now = T0 + HOUR_MS  # Ari's hour is up; no sweep has run since

    def no_write() -> None:
        raise AssertionError("a read opened a write transaction")

    monkeypatch.setattr(ari.vault, "transaction", no_write)
    with ari.vault.read() as conn:
        changes = conn.total_changes
    feed = {p.post_id: p for p in ari.spaces.read_feed(space, include_hidden=True)}
    page = ari.spaces.read_thread(space, post)
    for shown in (feed[post], page.root):
        assert (shown.state, shown.title, shown.body, shown.cw) == ("expired", "", "", "")
        assert (shown.attachments, shown.reactions, shown.my_reactions) == ((), {}, ())
        assert shown.disappears_ms is None and not shown.pinned
    with pytest.raises(NotFound):
        ari.spaces.attachments.read(attachment.attachment_id)
    for refused in (
        lambda: ari.spaces.react(space, post, "thank-you"),
        lambda: ari.spaces.reply(space, post, "too late"),
    ):
        with pytest.raises(InvalidInput, match="disappeared"):
            refused()
    assert ari.spaces.unread(space) == unread - 1  # not waiting to be read either
    with ari.vault.read() as conn:
        assert conn.total_changes == changes  # nothing was written by any of it
    assert vault_holding(ari, space, CANARY) != []  # the sweep's to erase, not the read's
    monkeypatch.undo()
    assert ari.spaces.disappearing.sweep() == 1
    assert vault_holding(ari, space, CANARY) == []
    (after,) = [p for p in ari.spaces.read_feed(space, include_hidden=True) if p.post_id == post]
    assert (after.state, after.body, after.reactions, after.attachments) == ("expired", "", {}, ())


def test_a_sweep_reads_the_held_events_once_however_many_posts_go(
    circle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Held early arrivals are opened to find those of the expired posts: once per sweep and
    space, not once per post — a member who parks many events behind a gap (up to
    eventlog.MAX_HELD_PER_SPACE) must not make every sweep cost posts × held."""
    (ari, bea, _, _), clocks, space = circle
    posts = [bea.spaces.post(space, f"{n} {CANARY}", disappear=3600) for n in range(3)]
    deliver(bea, ari, space)
    bea.spaces.post(space, "the gap", disappear=3600)
    for post in posts:
        bea.spaces.edit_post(space, post, body=f"edited {CANARY}")
    envelopes = bea.log.envelopes_after(space, ari.log.chain_tips(space), 100)
    _gap, *edits = sorted(envelopes, key=lambda e: read_header(e)[0].seq)
    assert ari.log.ingest(edits).held == 3
    assert log_holding(ari, space, CANARY) == 6
    scans = []
    reads = lt.held_in_space
    monkeypatch.setattr(lt, "held_in_space", lambda *a: scans.append(a) or reads(*a))
    clocks[0].now = T0 + HOUR_MS
    assert ari.spaces.disappearing.sweep() == 3
    assert len(scans) == 1 and log_holding(ari, space, CANARY) == 0


def test_a_feed_page_reads_timers_expiries_and_attachments_in_one_statement_each(
    tmp_path: Path,
) -> None:
    """The feed asks for the page's timers, erased posts and attachments once per page, not
    once per post: the number of statements is the same for a page of 4 posts as of 64."""
    (ari,), (clock,), space = clocked_circle(tmp_path, ("ari",))
    ari.spaces.disappearing.set_timer(space, 3600)
    gone = ari.spaces.post(space, "soon gone")
    clock.now = T0 + HOUR_MS
    assert ari.spaces.disappearing.sweep() == 1

    def statements() -> Counter[str]:
        seen: list[str] = []
        conn = ari.vault._conn
        conn.set_trace_callback(seen.append)
        try:
            feed = ari.spaces.read_feed(space, limit=100)
        finally:
            conn.set_trace_callback(None)
        assert {p.post_id: p.state for p in feed}[gone] == "expired"
        return Counter(
            table for q in seen for table in _PER_PAGE if f"FROM {table}" in q
        )  # fmt: skip

    def write(n: int) -> list[bytes]:
        posts = []
        for i in range(n):
            posts.append(ari.spaces.post(space, f"post {i}", files=[_secret_file()]))
            ari.spaces.reply(space, posts[-1], f"reply {i}")
        return posts

    posts = write(2)
    few = statements()
    posts += write(30)
    many = statements()
    assert few == many == {table: 1 for table in _PER_PAGE}
    feed = {p.post_id: p for p in ari.spaces.read_feed(space, limit=100)}
    assert {feed[p].disappears_ms for p in posts} == {T0 + 2 * HOUR_MS}  # same results
    assert all(len(feed[p].attachments) == 1 for p in posts)
    assert all(feed[p].attachments[0].state == "ok" for p in posts)
    assert all(r.disappears_ms == T0 + 2 * HOUR_MS for p in posts for r in feed[p].replies)


#: Tables the feed reads for the posts of its page.
_PER_PAGE = ("space_post_timers", "space_expired_posts", "space_attachments")
