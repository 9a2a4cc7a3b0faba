"""Disappearing posts through real sync over direct TCP (127.0.0.1), clocks injected: a
post with a picture reaches two members; each erases it when its own hour is up; a member
who was away receives it already erased over TCP — nothing that crossed the connection
opens to its words (docs/PROTOCOL.md §5.8)."""

from __future__ import annotations

from haven.core.attachments.spec import FileSpec, PreparedFile, digest
from haven.core.envelope import read_header
from haven.core.session import Session
from tests.canary_scan import envelopes_holding, epoch_keys, log_holding, vault_holding
from tests.space_helpers import HOUR_MS, T0, sync
from tests.sync_helpers import record_received, tcp_sync

CANARY = "Qzgonesoon"


def test_a_disappearing_post_goes_from_every_replica_over_tcp(clocked_trio) -> None:
    (ari, bea, dan), clocks, space = clocked_trio
    sync(space, ari, bea, dan)
    ari.spaces.disappearing.set_timer(space, 3600)
    tcp_sync(ari, bea)
    note = f"address: {CANARY}".encode() * 400
    files = [PreparedFile(FileSpec("a.txt", "text/plain", len(note), digest(note)), note)]
    post = bea.spaces.post(space, f"call me {CANARY}", files=files)
    tcp_sync(ari, bea)
    assert vault_holding(ari, space, CANARY) != []
    clocks[0].now = clocks[1].now = T0 + HOUR_MS
    for s in (ari, bea):
        s.spaces.disappearing.sweep()
        assert vault_holding(s, space, CANARY) == []
    received = record_received(dan)  # Dan was away for all of it
    tcp_sync(ari, dan)
    assert envelopes_holding(received, epoch_keys(ari, space), CANARY) == 0
    feed = dan.spaces.read_feed(space, include_hidden=True)
    assert [(p.state, p.body) for p in feed if p.post_id == post] == [("expired", "")]
    assert vault_holding(dan, space, CANARY) == []


def _after(src: Session, dst: Session, space: bytes) -> list[bytes]:
    """What `src` would send `dst` now, in `src`'s chain order."""
    envelopes = src.log.envelopes_after(space, dst.log.chain_tips(space), 100_000)
    return sorted(envelopes, key=lambda e: read_header(e)[0].seq)


def test_held_edits_replies_and_reactions_go_with_their_post_over_tcp(clocked_trio) -> None:
    """A thread that disappears takes with it the replies and edits that wait, held for a gap
    in their author's chain (a relay that lost one event), and those that arrive later; a
    reaction or the original post replayed to a replica after its time brings nothing back."""
    (ari, bea, dan), clocks, space = clocked_trio
    sync(space, ari, bea, dan)
    post = bea.spaces.post(space, f"I live at {CANARY}", disappear=3600)  # Bea's own timer
    tcp_sync(ari, bea)
    originals = _after(bea, dan, space)  # the post in full, as Dan would have had it
    bea.spaces.post(space, "hello")  # lost on its way to Ari: the gap
    bea.spaces.edit_post(space, post, body=f"I really live at {CANARY}")
    reply = bea.spaces.reply(space, post, f"near {CANARY}")
    bea.spaces.edit_post(space, reply, body=f"right near {CANARY}")
    bea.spaces.react(space, post, "me-too")
    _gap, *waiting = _after(bea, ari, space)
    result = ari.log.ingest(waiting)
    assert result.held == 4  # the edit, the reply, the reply's edit, the reaction
    assert log_holding(ari, space, CANARY) == 4  # and the post
    assert bea.spaces.read_thread(space, post).replies[0].disappears_ms == T0 + HOUR_MS

    clocks[0].now = T0 + HOUR_MS // 2
    own = ari.spaces.reply(space, post, f"me too, {CANARY}")  # its own clock ends later
    clocks[0].now = T0 + HOUR_MS  # Ari's hour is up
    assert ari.spaces.disappearing.sweep() == 1
    assert log_holding(ari, space, CANARY) == 0  # the held edit and replies too
    assert vault_holding(ari, space, CANARY) == []
    tcp_sync(ari, bea)  # the gap fills: the held events are taken, erased
    assert ari.log.chain_heads(space) == bea.log.chain_heads(space)
    page = ari.spaces.read_thread(space, post)
    assert (page.root.state, page.root.body, page.root.reactions) == ("expired", "", {})
    assert {(r.post_id, r.state, r.body) for r in page.replies} == {
        (reply, "expired", ""),
        (own, "expired", ""),
    }

    # Later: Bea (whose hour is not up) edits, replies and reacts again; one edit waits
    # behind another gap. A replayed original of the post and the reaction change nothing.
    bea.spaces.post(space, "again")
    bea.spaces.edit_post(space, post, body=f"still {CANARY}")
    _gap, held_edit = _after(bea, ari, space)
    assert ari.log.ingest([held_edit]).held == 1
    assert log_holding(ari, space, CANARY) == 0  # held already erased
    bea.spaces.reply(space, post, f"late {CANARY}")
    bea.spaces.react(space, post, "thank-you")
    assert not ari.log.ingest(originals).accepted
    tcp_sync(ari, bea)
    bea.spaces.edit_post(space, post, body=f"one last {CANARY}")  # arrives in order
    tcp_sync(ari, bea)
    assert vault_holding(ari, space, CANARY) == []
    page = ari.spaces.read_thread(space, post)
    assert page.root.state == "expired" and page.root.reactions == {}
    assert {(r.state, r.body) for r in page.replies} == {("expired", "")}
    received = record_received(dan)  # Dan was away: he gets the thread erased
    tcp_sync(ari, dan)
    assert envelopes_holding(received, epoch_keys(ari, space), CANARY) == 0
    assert vault_holding(dan, space, CANARY) == []
