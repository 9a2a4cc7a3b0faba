"""Total ingest: whatever a key holder crafts, one bad event costs only itself.

Every poison of the hostile toolkit (tests/hostile.py) decrypts and carries a good
signature; it must be refused at decode with a reason, amid honest events that still go in.
A failure no check foresaw (here: a projector that breaks on one event) rejects that event
alone, keeps what a rejection records, and never loses the rest of the batch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.envelope import Event, open_event, read_header
from haven.core.eventlog import MAX_REASONS_KEPT, EventLog
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.errors import InvalidEvent
from haven.store import log_table as lt
from haven.store.vault import Connection
from tests.hostile import POISONS, Hostile
from tests.space_helpers import join, make_session, sync

#: Poisons whose values are all in range: they pass decode, and the rules ignore them.
STORED_BUT_INVALID = {"share_epoch_negative", "post_huge_body", "relays_nested"}


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Session, Session, bytes]]:
    """Ari owns a space; Cai is a member who turns hostile."""
    ari, cai = make_session(tmp_path, "ari"), make_session(tmp_path, "cai")
    space = ari.spaces.create_space("Circle", display_name="Ari")
    join(ari, cai, space, "Cai")
    sync(space, ari, cai)
    yield ari, cai, space
    ari.lock()
    cai.lock()


def _bodies(session: Session, space: bytes) -> list[str]:
    return [p.body for p in session.spaces.read_feed(space)]


def _header_parses(envelope: bytes) -> bool:
    try:
        read_header(envelope)
    except InvalidEvent:
        return False
    return True


@pytest.mark.parametrize("kind", sorted(POISONS))
def test_each_poison_is_refused_at_decode_or_by_the_rules(
    pair: tuple[Session, Session, bytes], kind: str
) -> None:
    ari, cai, space = pair
    hostile = Hostile.of(cai, space).fresh_chain()
    poison = hostile.poison(kind)
    before = _bodies(ari, space)
    cai.spaces.post(space, "before the poison")
    honest_before = cai.log.envelopes_after(space, ari.log.chain_tips(space), 100)
    cai.spaces.post(space, "after the poison")
    honest = cai.log.envelopes_after(space, ari.log.chain_tips(space), 100)
    result = ari.log.ingest([*honest_before, poison, *honest[len(honest_before) :]])
    assert set(honest) <= {e.envelope for e in result.accepted}  # the honest ones go in
    feed = _bodies(ari, space)
    assert len(feed) == len(before) + 2
    if result.rejected_count:
        assert result.rejected_count == 1 and result.rejected[0]
    else:  # well-formed, meaningless: stored (every replica keeps the same log), shown nowhere
        assert kind in STORED_BUT_INVALID


@pytest.mark.parametrize(
    "kind",
    sorted(set(POISONS) - STORED_BUT_INVALID),
)
def test_the_envelope_decoder_range_checks_every_value(
    pair: tuple[Session, Session, bytes], kind: str
) -> None:
    _, cai, space = pair
    hostile = Hostile.of(cai, space)
    with pytest.raises(InvalidEvent):
        open_event(hostile.poison(kind), hostile.epoch_keys[hostile.epoch])


class _Tripwire:
    """A projector with a bug: it fails on posts whose body says so (standing in for any
    failure no check foresaw — a value SQLite cannot hold, a KeyError…)."""

    type_prefix = ev.POST

    def apply(self, conn: Connection, event: Event, log: EventLog) -> None:
        if event.content.get("body") == "trip":
            raise OverflowError("Python int too large to convert to SQLite INTEGER")

    def clear(self, conn: Connection, space_id: bytes) -> None:
        pass


def test_a_projection_failure_rejects_that_event_only(
    pair: tuple[Session, Session, bytes],
) -> None:
    ari, cai, space = pair
    ari.log.register_projector(_Tripwire())
    hostile = Hostile.of(cai, space)
    first = hostile.fresh_chain()
    honest_a = first.event(ev.POST, {"title": "", "body": "one", "cw": ""})
    trip = hostile.fresh_chain().event(ev.POST, {"title": "", "body": "trip", "cw": ""})
    honest_b = first.event(ev.POST, {"title": "", "body": "two", "cw": ""})
    # An equivocation in the same batch: what a rejection records must survive the redo.
    fork_a, fork_b = first.equivocate(ev.POST, {"body": "fa"}, {"body": "fb"})
    result = ari.log.ingest([honest_a, trip, honest_b, fork_a, fork_b])
    assert [e.content["body"] for e in result.accepted] == ["one", "two", "fa"]
    assert result.rejected_count == 2
    assert any("could not be applied (OverflowError)" in r for r in result.rejected)
    assert result.equivocations == 1 and len(ari.log.equivocations(space)) == 1
    bodies = set(_bodies(ari, space))
    assert {"one", "two", "fa"} <= bodies and "trip" not in bodies
    # The event that failed was not stored: it can come again (and fail again, alone).
    again = ari.log.ingest([trip])
    assert again.rejected_count == 1 and not again.accepted


def test_rejections_are_counted_but_their_reasons_are_bounded(
    pair: tuple[Session, Session, bytes],
) -> None:
    ari, cai, space = pair
    hostile = Hostile.of(cai, space)
    junk = [hostile.fresh_chain().poison("created_ms_u64_max") for _ in range(MAX_REASONS_KEPT * 3)]
    result = ari.log.ingest([*junk, b"\x00" * 10, b""])
    assert result.rejected_count == MAX_REASONS_KEPT * 3 + 2
    assert len(result.rejected) == MAX_REASONS_KEPT


def test_poisoned_own_writes_are_refused_before_they_are_signed(
    pair: tuple[Session, Session, bytes],
) -> None:
    ari, _, space = pair
    for content in ({"body": 2**64 - 1}, {"body": 1.5}, {"body": [[[[[[[[["deep"]]]]]]]]]}):
        with pytest.raises(InvalidEvent):
            ari.log.append(space, ev.POST, content)


def test_an_unexpected_failure_is_one_error_line_with_an_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from haven.cli import context, main

    def broken(self: object) -> Session:
        raise KeyError("secret entry text")

    monkeypatch.setattr(context.Context, "open", broken)
    code = main.main(["--data-dir", str(tmp_path), "journal", "list"])
    err = capsys.readouterr().err
    assert code == main.UNEXPECTED_EXIT == 70
    assert err.startswith("haven: error: an unexpected failure (KeyError)")
    assert "Traceback" not in err and "secret entry text" not in err
    assert len(err.strip().splitlines()) == 1


def test_fork_records_are_bounded_per_chain_and_per_space(
    pair: tuple[Session, Session, bytes],
) -> None:
    ari, cai, space = pair
    chain = Hostile.of(cai, space).fresh_chain()
    twins: list[bytes] = []
    for i in range(3):  # one chain forking again and again: one record
        twins += chain.equivocate(ev.POST, {"body": f"a{i}"}, {"body": f"b{i}"})
    twins.append(chain.event(ev.POST, {"body": "a0-again"}, seq=1, prev=bytes(32), commit=False))
    assert ari.log.ingest(twins).equivocations == 1
    assert len(ari.log.equivocations(space)) == 1
    many: list[bytes] = []
    for _ in range(lt.MAX_EQUIVOCATIONS + 10):  # a chain per fork: capped per space
        many += (
            Hostile.of(cai, space).fresh_chain().equivocate(ev.POST, {"body": "x"}, {"body": "y"})
        )
    ari.log.ingest(many)
    assert len(ari.log.equivocations(space)) == lt.MAX_EQUIVOCATIONS


def test_a_forged_member_add_from_a_plain_member_adds_nobody(
    pair: tuple[Session, Session, bytes], tmp_path: Path
) -> None:
    ari, cai, space = pair
    puppet = make_session(tmp_path, "puppet")
    request = puppet.spaces.prepare_join("Puppet", "")
    hostile = Hostile.of(cai, space)
    forged = hostile.forge(
        ev.ADD,
        {
            "member": request.persona_pk,
            "profile": {"name": "Puppet", "pronouns": "", "colour": ""},
            "devices": [[request.device_id, request.box_pk]],
            "key_epoch": hostile.epoch,
        },
    )
    assert len(ari.log.ingest([forged]).accepted) == 1  # well-formed and signed: stored …
    names = {m.display_name for m in ari.spaces.members(space, include_former=True)}
    assert "Puppet" not in names  # … but not valid: Cai is not an admin
    puppet.lock()


def test_early_events_held_per_space_are_capped(
    pair: tuple[Session, Session, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A member who sends only "later" events (seq 2, 3, … of chains whose first event never
    comes) fills the holding table up to the cap, and no further."""
    from haven.core import eventlog

    monkeypatch.setattr(eventlog, "MAX_HELD_PER_SPACE", 5)
    ari, cai, space = pair
    early = []
    for _ in range(8):
        chain = Hostile.of(cai, space).fresh_chain()
        chain.event(ev.POST, {"body": "never sent"})
        early.append(chain.event(ev.POST, {"body": "waits for the first"}))
    result = ari.log.ingest(early)
    assert result.held == 5 and result.rejected_count == 3
    assert all("too many events waiting" in r for r in result.rejected)


def test_duplicates_are_known_by_id_not_by_bytes(pair: tuple[Session, Session, bytes]) -> None:
    """The same signed event sealed again (a new nonce: different bytes, same id, as a member
    forwarding it might) is a duplicate, not a fork."""
    from haven.core.envelope import AD_DOMAIN, content_key, packb
    from haven.crypto import aead

    ari, cai, space = pair
    hostile = Hostile.of(cai, space)
    original = hostile.event(ev.POST, {"title": "", "body": "once", "cw": ""})
    header, header_bytes, ciphertext = read_header(original)
    key = content_key(hostile.epoch_keys[header.epoch])
    inner = aead.decrypt(key, ciphertext, AD_DOMAIN + header_bytes)
    resealed = packb([header_bytes, aead.encrypt(key, inner, AD_DOMAIN + header_bytes)])
    assert resealed != original
    assert len(ari.log.ingest([original]).accepted) == 1
    again = ari.log.ingest([resealed])
    assert again.duplicates == 1 and again.equivocations == 0 and not again.rejected
    assert ari.log.equivocations(space) == []
