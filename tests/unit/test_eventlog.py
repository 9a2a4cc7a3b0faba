"""The event log: every check an event from a peer must pass before it is applied."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import msgpack
import pytest

from haven.core.envelope import (
    ZERO_ID,
    Event,
    Header,
    open_event,
    read_header,
    seal_event,
)
from haven.core.session import Session
from haven.crypto.signing import SigningKeyPair
from haven.errors import InvalidEvent
from haven.store import identity_tables as ids
from tests.helpers import new_session, replica_of


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Session, Session]:
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    yield a, b
    a.lock()
    b.lock()


def send_all(src: Session, dst: Session) -> object:
    space = src.journal.space_id
    envs = src.log.envelopes_after(space, dst.log.chain_tips(space), 10_000)
    return dst.log.ingest(envs)


def epoch_key(s: Session) -> bytes:
    with s.vault.read() as conn:
        key = ids.get_epoch_key(conn, s.journal.space_id, 0)
    assert key is not None
    return key


def test_round_trip_and_duplicates_are_harmless(pair: tuple[Session, Session]) -> None:
    a, b = pair
    send_all(a, b)
    send_all(b, a)  # each device's own link event
    ids_written = [a.journal.add(f"note {i}", tags=["t"]) for i in range(5)]
    result = send_all(a, b)
    assert len(result.accepted) == 5 and not result.rejected
    assert {e.entry_id for e in b.journal.list()} == set(ids_written)
    envs = a.log.envelopes_after(a.journal.space_id, {}, 100)
    again = b.log.ingest(envs)
    assert again.duplicates == len(envs) and not again.accepted
    assert b.journal.count() == 5


def test_out_of_order_events_are_held_until_the_gap_fills(pair: tuple[Session, Session]) -> None:
    a, b = pair
    send_all(a, b)
    for i in range(4):
        a.journal.add(f"note {i}")
    envs = a.log.envelopes_after(a.journal.space_id, b.log.chain_tips(a.journal.space_id), 100)
    r1 = b.log.ingest(list(reversed(envs[1:])))
    assert r1.held == 3 and not r1.accepted and b.journal.count() == 0
    r2 = b.log.ingest([envs[0]])
    assert len(r2.accepted) == 4
    assert b.journal.count() == 4


def test_tampered_event_is_rejected(pair: tuple[Session, Session]) -> None:
    a, b = pair
    send_all(a, b)
    a.journal.add("genuine")
    env = bytearray(
        a.log.envelopes_after(a.journal.space_id, b.log.chain_tips(a.journal.space_id), 1)[0]
    )
    env[-5] ^= 0x01
    result = b.log.ingest([bytes(env)])
    assert result.rejected and not result.accepted
    assert b.journal.count() == 0


def test_forged_author_is_rejected(pair: tuple[Session, Session]) -> None:
    """Someone holding the space key but not the persona key cannot write as a member."""
    a, b = pair
    mallory = SigningKeyPair.generate()
    header = Header(a.journal.space_id, 0, mallory.public, b"m" * 16, 1, 1, ZERO_ID)
    forged = seal_event(
        header,
        "journal.entry.create",
        0,
        {"title": "", "body": "forged", "mood": None, "tags": []},
        mallory.seed,
        epoch_key(a),
    )
    result = b.log.ingest([forged.envelope])
    assert result.rejected == ["the author may not write this event in this space"]
    assert b.journal.count() == 0


def test_signature_from_another_key_is_rejected(pair: tuple[Session, Session]) -> None:
    a, b = pair
    persona = a.identity.primary().persona_id
    mallory = SigningKeyPair.generate()
    header = Header(a.journal.space_id, 0, persona, b"m" * 16, 1, 1, ZERO_ID)
    forged = seal_event(
        header,
        "journal.entry.create",
        0,
        {"title": "", "body": "forged", "mood": None, "tags": []},
        mallory.seed,
        epoch_key(a),
    )
    result = b.log.ingest([forged.envelope])
    assert result.rejected == ["event signature does not verify"]


def test_event_for_unknown_space_or_epoch_is_rejected(pair: tuple[Session, Session]) -> None:
    a, b = pair
    keys = a.identity.signing_keys(a.identity.primary().persona_id)
    other_space = Header(b"x" * 16, 0, keys.public, b"d" * 16, 1, 1, ZERO_ID)
    future_epoch = Header(a.journal.space_id, 7, keys.public, b"d" * 16, 1, 1, ZERO_ID)
    envs = [
        seal_event(h, "journal.entry.create", 0, {"body": "x"}, keys.seed, epoch_key(a)).envelope
        for h in (other_space, future_epoch)
    ]
    result = b.log.ingest(envs)
    assert len(result.rejected) == 2 and not result.accepted


def test_equivocation_keeps_the_first_and_is_recorded(pair: tuple[Session, Session]) -> None:
    a, b = pair
    a.journal.add("the real first entry")
    send_all(a, b)
    keys = a.identity.signing_keys(a.identity.primary().persona_id)
    header = Header(a.journal.space_id, 0, keys.public, a.identity.device_id, 1, 1, ZERO_ID)
    twin = seal_event(
        header,
        "journal.entry.create",
        0,
        {"title": "", "body": "a different first entry", "mood": None, "tags": []},
        keys.seed,
        epoch_key(a),
    )
    result = b.log.ingest([twin.envelope])
    assert result.equivocations == 1 and not result.accepted
    assert [e.body for e in b.journal.list()] == ["the real first entry"]
    again = b.log.ingest([twin.envelope])  # reported once, still rejected
    assert again.equivocations == 0 and again.rejected
    assert len(b.log.equivocations(a.journal.space_id)) == 1


def test_broken_chain_link_is_rejected(pair: tuple[Session, Session]) -> None:
    a, b = pair
    a.journal.add("one")
    send_all(a, b)
    keys = a.identity.signing_keys(a.identity.primary().persona_id)
    tip = a.log.chain_tips(a.journal.space_id)[(keys.public, a.identity.device_id)]
    header = Header(
        a.journal.space_id, 0, keys.public, a.identity.device_id, tip + 1, 99, b"\x01" * 32
    )
    bad = seal_event(header, "journal.entry.create", 0, {"body": "x"}, keys.seed, epoch_key(a))
    result = b.log.ingest([bad.envelope])
    assert result.rejected == ["event does not follow its author's previous event"]


@pytest.mark.parametrize(
    "mangle",
    [
        lambda env: b"",
        lambda env: b"\xc1",  # a byte msgpack never uses
        lambda env: msgpack.packb([1, 2, 3]),
        lambda env: env[: len(env) // 2],
        lambda env: env + b"\x00",
        lambda env: b"\x00" * (1024 * 1024 + 1),
    ],
    ids=["empty", "invalid-msgpack", "wrong-shape", "truncated", "trailing-byte", "oversize"],
)
def test_malformed_envelopes_are_rejected(pair: tuple[Session, Session], mangle) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    a.journal.add("x")
    env = a.log.envelopes_after(a.journal.space_id, {}, 1)[0]
    result = b.log.ingest([mangle(env)])
    assert len(result.rejected) == 1 and not result.accepted


def test_non_canonical_header_is_rejected(pair: tuple[Session, Session]) -> None:
    a, _ = pair
    a.journal.add("x")
    env = a.log.envelopes_after(a.journal.space_id, {}, 1)[0]
    header_bytes, ciphertext = msgpack.unpackb(env)
    fields = msgpack.unpackb(header_bytes)
    # Same values, but the seq as a 64-bit integer instead of a fixint.
    loose = (
        b"\x98"
        + b"".join(msgpack.packb(f) for f in fields[:5])
        + b"\xcf"
        + (fields[5].to_bytes(8, "big"))
        + b"".join(msgpack.packb(f) for f in fields[6:])
    )
    with pytest.raises(InvalidEvent, match="canonical"):
        read_header(msgpack.packb([loose, ciphertext]))


def test_signature_and_encryption_bind_the_space(pair: tuple[Session, Session]) -> None:
    """Re-labelling an event with another space id (same key) breaks decryption."""
    a, _ = pair
    a.journal.add("x")
    env = a.log.envelopes_after(a.journal.space_id, {}, 1)[0]
    header, _, ciphertext = read_header(env)
    moved = Header(
        b"y" * 16,
        header.epoch,
        header.author,
        header.device,
        header.seq,
        header.lamport,
        header.prev,
    )
    with pytest.raises(InvalidEvent):
        open_event(msgpack.packb([moved.encode(), ciphertext]), epoch_key(a))


def test_listeners_hear_only_committed_events(pair: tuple[Session, Session]) -> None:
    a, _ = pair
    heard: list[Sequence[Event]] = []
    unsubscribe = a.log.subscribe(heard.append)
    a.journal.add("committed")
    with pytest.raises(RuntimeError), a.vault.transaction():
        a.journal.add("rolled back")
        raise RuntimeError
    assert [[e.content["body"] for e in batch] for batch in heard] == [["committed"]]
    unsubscribe()
    a.journal.add("after unsubscribe")
    assert len(heard) == 1


def test_projections_rebuild_to_the_same_state(pair: tuple[Session, Session]) -> None:
    a, _ = pair
    first = a.journal.add("one", tags=["x"], mood=2)
    second = a.journal.add("two")
    a.journal.edit(first, body="one, edited", tags=["y"])
    a.journal.delete(second)
    before = a.journal.list()
    assert a.journal.rebuild() == a.log.count(a.journal.space_id)
    assert a.journal.list() == before
    assert a.journal.search("edited")[0].entry_id == first
