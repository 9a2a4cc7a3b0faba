"""Issue 10, attack 5: deleting or moderating a post erases its words from every replica
that learns of it — the log's envelopes, the projection, the welcome a later member gets and
later sync — while chains, signatures and convergence still hold; and a plain member cannot
erase anyone else's post, neither with a forged removal nor with an emptied copy
(docs/PROTOCOL.md, "Redaction"). Events travel the way sync carries them (space_helpers)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.envelope import open_event, redacted_envelope, redaction_proof
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.invites import InviteService, invite_id_of
from haven.store import invites_table as it
from haven.store import log_table as lt
from tests.canary_scan import envelopes_holding, epoch_keys, vault_holding, welcome_holding
from tests.hostile import Hostile
from tests.space_helpers import certify, deliver, join, make_session, sync

CANARY = "Qzvarnikel"  # "my real name is …": a word nothing else in the space holds


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[tuple[Session, Session, Session, bytes, Path]]:
    """Ari owns the space (a moderator by rank); Bea and Cai are plain members."""
    ari, bea, cai = (make_session(tmp_path, n) for n in ("ari", "bea", "cai"))
    space = ari.spaces.create_space("Circle", display_name="Ari")
    join(ari, bea, space, "Bea")
    join(ari, cai, space, "Cai")
    certify(space, bea, cai)
    sync(space, ari, bea, cai)
    yield ari, bea, cai, space, tmp_path
    for s in (ari, bea, cai):
        s.lock()


def verify_chains(session: Session, space: bytes) -> None:
    """Every stored event still opens, its signature verifies over its stored id, and each
    chain links by `prev` without a gap."""
    keys = epoch_keys(session, space)
    with session.vault.read() as conn:
        rows = list(lt.events_in_order(conn, space))
    prev_of: dict[tuple[bytes, bytes, int], bytes] = {}
    for row in rows:
        event = open_event(row.envelope, keys[row.epoch], verify=True)
        assert event.id == row.id
        prev_of[(row.author, row.device, row.seq)] = event.header.prev
    ids_at = {(r.author, r.device, r.seq): r.id for r in rows}
    for (author, device, seq), prev in prev_of.items():
        assert prev == ids_at.get((author, device, seq - 1), bytes(32))


def post_state(session: Session, space: bytes, post_id: bytes) -> tuple[str, str]:
    feed = session.spaces.read_feed(space, include_hidden=True)
    post = next(p for p in feed if p.post_id == post_id)
    return post.state, post.body


def _leaky_post(author: Session, space: bytes) -> bytes:
    post = author.spaces.post(space, f"my real name is {CANARY}", title=f"about {CANARY}")
    author.spaces.edit_post(space, post, body=f"really, {CANARY} Smith")
    return post


def _everything_is_erased(
    sessions: tuple[Session, ...], space: bytes, post: bytes, state: str, tmp_path: Path
) -> None:
    for s in sessions:
        assert vault_holding(s, space, CANARY) == [], s
        assert post_state(s, space, post) == (state, "")
        verify_chains(s, space)
    tips = {tuple(sorted(s.log.chain_heads(space).items())) for s in sessions}
    assert len(tips) == 1  # every replica holds the same chains, to the same head ids
    # A member who joins later: neither the welcome's bytes nor their vault hold it.
    ari = sessions[0]
    dan = make_session(tmp_path, "dan")
    req = dan.spaces.prepare_join("Dan", "he/him")
    welcome = ari.spaces.make_add_member(
        space, req.persona_pk, req.box_pk, "Dan", "he/him", "", device_id=req.device_id
    )
    assert welcome_holding(welcome, epoch_keys(ari, space), CANARY) == 0
    assert dan.spaces.accept_welcome(welcome) == space
    sync(space, dan, *sessions)
    assert vault_holding(dan, space, CANARY) == []
    assert post_state(dan, space, post) == (state, "")
    verify_chains(dan, space)
    # And nothing a later sync exchange carries opens to it.
    later = ari.log.envelopes_after(space, {}, 100_000)
    assert envelopes_holding(later, epoch_keys(ari, space), CANARY) == 0
    dan.lock()


def test_an_authors_delete_erases_the_post_and_its_edits_everywhere(circle) -> None:
    ari, bea, cai, space, tmp_path = circle
    post = _leaky_post(bea, space)
    sync(space, ari, bea, cai)
    for s in (ari, bea, cai):  # the scan sees it before: in the log and the projection
        assert "space_posts.body" in vault_holding(s, space, CANARY)
        assert "events (decrypted)" in vault_holding(s, space, CANARY)
    bea.spaces.delete_post(space, post)
    assert vault_holding(bea, space, CANARY) == []
    sync(space, ari, bea, cai)
    _everything_is_erased((ari, bea, cai), space, post, "deleted", tmp_path)


def test_a_moderators_removal_erases_the_post_everywhere(circle) -> None:
    ari, bea, cai, space, tmp_path = circle
    post = _leaky_post(cai, space)
    sync(space, ari, bea, cai)
    assert "events (decrypted)" in vault_holding(bea, space, CANARY)
    ari.spaces.moderate(space, post, "doxxing")
    # Bea hears of it from Ari only; Cai (the author) last, from Bea.
    deliver(ari, bea, space)
    assert vault_holding(bea, space, CANARY) == []
    deliver(bea, cai, space)
    assert vault_holding(cai, space, CANARY) == []
    sync(space, ari, bea, cai)
    _everything_is_erased((ari, bea, cai), space, post, "removed", tmp_path)


def test_a_member_who_gets_the_post_only_after_its_removal_never_holds_it(circle) -> None:
    """Dan's copy comes from Bea, who erased it already: the redacted post is taken (its
    redaction proof is the owner's), the thread keeps its shape, the words never arrive."""
    ari, bea, cai, space, tmp_path = circle
    post = _leaky_post(cai, space)
    deliver(cai, ari, space)
    deliver(cai, bea, space)
    reply = bea.spaces.reply(space, post, "take care")
    deliver(bea, ari, space)
    ari.spaces.moderate(space, post, "doxxing")
    dan = make_session(tmp_path, "dan")
    join(ari, dan, space, "Dan")
    assert vault_holding(dan, space, CANARY) == []
    assert post_state(dan, space, post) == ("removed", "")
    feed = dan.spaces.read_feed(space, include_hidden=True)
    assert [r.post_id for p in feed if p.post_id == post for r in p.replies] == [reply]
    dan.lock()


def test_a_plain_members_forged_removal_erases_nothing(circle) -> None:
    ari, bea, cai, space, _ = circle
    post = _leaky_post(cai, space)
    sync(space, ari, bea, cai)
    hostile = Hostile.of(bea, space)
    hostile.learn(bea)
    forged = hostile.forge(ev.MODERATE, {"target": post, "reason": "mine now"})
    forged_delete = hostile.forge(ev.DELETE, {"target": post})
    for s in (ari, cai):
        result = s.log.ingest([forged, forged_delete])
        assert len(result.accepted) == 2  # stored (the log is the same everywhere)…
    sync(space, ari, bea, cai)
    for s in (ari, bea, cai):  # …and changes nothing: the words are still there
        assert post_state(s, space, post)[0] == "visible"
        assert CANARY in post_state(s, space, post)[1]
        assert "events (decrypted)" in vault_holding(s, space, CANARY)


def test_an_emptied_copy_with_a_forged_redaction_is_refused(circle) -> None:
    """Bea holds Cai's post and hands Ari an emptied copy of it, with the proof of her own
    (invalid) removal or of a "delete" she signed: Ari refuses it and later gets the real
    post from Cai."""
    ari, bea, cai, space, _ = circle
    post = cai.spaces.post(space, f"my real name is {CANARY}")
    deliver(cai, bea, space)
    keys = epoch_keys(bea, space)
    with bea.vault.read() as conn:
        stored = lt.get_event(conn, post)
    assert stored is not None
    hostile = Hostile.of(bea, space)
    for kind, content in (
        (ev.MODERATE, {"target": post, "reason": "gone"}),
        (ev.DELETE, {"target": post}),
    ):
        forged = hostile.fresh_chain().forge(kind, content)
        emptied = hostile.emptied_copy(stored.envelope, forged)
        assert open_event(emptied, keys[stored.epoch]).redacted  # it verifies as an event
        result = ari.log.ingest([forged, emptied])
        assert not [e for e in result.accepted if e.id == post]
        assert any("redaction" in r for r in result.rejected)
    deliver(cai, ari, space)
    assert post_state(ari, space, post) == ("visible", f"my real name is {CANARY}")


def test_a_welcome_waiting_to_be_collected_loses_the_post_too(circle) -> None:
    """An admin approved Dan before the removal; Dan collects the welcome after it: the
    stored welcome was scrubbed when the post was erased."""
    ari, _bea, cai, space, tmp_path = circle
    post = cai.spaces.post(space, f"my real name is {CANARY}")
    deliver(cai, ari, space)
    now = 1_800_000_000
    transcript = b"t" * 32
    host = InviteService(ari.vault, ari.spaces, ari.identity, lambda: now * 1000)
    code = host.create(space, "127.0.0.1", 7654, uses=1, ttl_s=3600)
    dan = make_session(tmp_path, "dan")
    guest = InviteService(dan.vault, dan.spaces, dan.identity, lambda: now * 1000)
    request = guest.begin(code, "Circle", "Dan", "he/him")
    iid = invite_id_of(code.secret)
    answer = host.receive_request(iid, guest.request_fields(request, transcript), transcript)
    host.approve(space, answer.request_id or b"")
    keys = epoch_keys(ari, space)
    with ari.vault.read() as conn:
        [(_, stored)] = it.waiting_welcomes(conn, space)
    assert welcome_holding(stored, keys, CANARY) == 1  # the scan sees it in the welcome
    ari.spaces.moderate(space, post, "doxxing")
    answer = host.status(iid, guest.status_fields(request.persona_pk, transcript), transcript)
    assert answer.welcome is not None
    assert welcome_holding(answer.welcome, keys, CANARY) == 0
    assert guest.complete(code, answer.welcome) == space
    assert vault_holding(dan, space, CANARY) == []
    assert post_state(dan, space, post) == ("visible", "")  # the words never came…
    sync(space, ari, dan)
    assert post_state(dan, space, post) == ("removed", "")  # …and the removal comes by sync
    dan.lock()


def test_an_edit_held_for_a_gap_is_erased_where_it_waits(circle) -> None:
    """Ari holds Cai's post and, waiting for the event before it, Cai's edit with the words;
    Ari removes the post: the held edit is redacted in place, and taken so later."""
    ari, _bea, cai, space, _ = circle
    post = cai.spaces.post(space, "first words")
    cai.spaces.react(space, post, "me-too")
    cai.spaces.edit_post(space, post, body=f"my real name is {CANARY}")
    post_env, react_env, edit_env = cai.log.envelopes_after(space, ari.log.chain_tips(space), 9)
    result = ari.log.ingest([post_env, edit_env])
    assert result.held == 1
    assert "events (decrypted)" in vault_holding(ari, space, CANARY)  # held, in the clear
    ari.spaces.moderate(space, post, "doxxing")
    assert vault_holding(ari, space, CANARY) == []
    result = ari.log.ingest([react_env])  # the gap fills: the redacted edit follows
    assert len(result.accepted) == 2 and not result.rejected
    assert vault_holding(ari, space, CANARY) == []
    verify_chains(ari, space)


def test_malformed_redaction_proofs_are_refused_cleanly(circle) -> None:
    """A redacted copy whose proof is junk, cut short, altered in one byte, or the proof of
    an event that targets something else: each is one clean rejection."""
    ari, _bea, cai, space, _ = circle
    post = cai.spaces.post(space, f"my real name is {CANARY}")
    other = cai.spaces.post(space, "something else")
    keys = epoch_keys(cai, space)
    with cai.vault.read() as conn:
        stored = lt.get_event(conn, post)
    assert stored is not None
    hostile = Hostile.of(cai, space).fresh_chain()
    own_delete = hostile.event(ev.DELETE, {"target": other})
    good = redaction_proof(own_delete, keys[hostile.epoch])
    flipped = bytearray(good)
    flipped[len(flipped) // 2] ^= 1
    for proof in (
        b"\x00" * 40,
        good[:20],
        bytes(flipped),
        good,
        b"\x93\xc4\x01x\xc4\x01y\xc4\x01z",
    ):
        emptied = redacted_envelope(stored.envelope, keys[stored.epoch], proof)
        result = ari.log.ingest([emptied])
        assert not result.accepted and result.rejected_count == 1
