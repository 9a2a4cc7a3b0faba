"""Fuzzing the event decoder, the content decoders and the projections with hypothesis:
random bytes, mutated valid envelopes, and well-signed events of every type with random
content. The only outcomes allowed are a clean rejection (InvalidEvent, counted by ingest)
or an event the rules judge; never another exception, and the space stays readable."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core.envelope import open_event
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.errors import InvalidEvent
from haven.store.spaces import groups as groups_db
from tests.hostile import Hostile
from tests.space_helpers import join, make_session, sync

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
JOURNAL_TYPES = [
    "journal.entry.create",
    "journal.entry.edit",
    "journal.entry.delete",
    "journal.device.link",
    "journal.device.unlink",
    "journal.device.rotate",
    "journal.relays",
]

ints = st.one_of(
    st.integers(-(2**63), 2**64 - 1),
    st.sampled_from([0, 1, -1, 2**63 - 1, 2**63, 2**64 - 1, -(2**63)]),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    ints,
    st.text(max_size=40),
    st.binary(max_size=40),
    st.sampled_from([bytes(32), bytes(16), "#ffffff", "admin", "me-too", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
KEYS = [
    "title",
    "body",
    "cw",
    "target",
    "parent",
    "member",
    "profile",
    "devices",
    "key_epoch",
    "role",
    "ban",
    "reason",
    "epoch",
    "keys",
    "kind",
    "on",
    "pinned",
    "reports",
    "relays",
    "name",
    "description",
    "topics",
    "guidelines",
    "mood",
    "tags",
    "device_id",
    "box_public",
    "label",
]
contents = st.dictionaries(
    st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), values, max_size=6
)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, Hostile, bytes]]:
    tmp: Path = tmp_path_factory.mktemp("fuzz")
    with pytest.MonkeyPatch.context() as mp:  # the suite's fast KDF, for this module's vaults
        mp.setenv("HAVEN_INSECURE_TEST_KDF", "1")
        mp.setenv("HAVEN_TEST_SUITE", "1")
        ari, cai = make_session(tmp, "ari"), make_session(tmp, "cai")
    space = ari.spaces.create_space("Circle", display_name="Ari")
    join(ari, cai, space, "Cai")
    cai.spaces.post(space, "a post to aim at")
    sync(space, ari, cai)
    hostile = Hostile.of(cai, space)
    yield ari, hostile, space
    ari.lock()
    cai.lock()


def _clean(session: Session, envelopes: list[bytes], space: bytes) -> None:
    if envelopes:
        result = session.log.ingest(envelopes)  # never raises
        assert result.rejected_count <= len(envelopes)
    session.spaces.read_feed(space, include_hidden=True)
    session.spaces.members(space, include_former=True)
    session.spaces.space_info(space)


@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes_are_refused_cleanly(
    pair: tuple[Session, Hostile, bytes], data: bytes
) -> None:
    ari, hostile, _space = pair
    with pytest.raises(InvalidEvent):
        open_event(data, hostile.epoch_keys[hostile.epoch])
    assert ari.log.ingest([data]).rejected_count == 1


@FUZZ
@given(
    content=contents,
    cuts=st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 255)), min_size=1, max_size=4),
)
def test_mutated_valid_envelopes_are_refused_cleanly(
    pair: tuple[Session, Hostile, bytes], content: dict[str, Any], cuts: list[tuple[int, int]]
) -> None:
    ari, hostile, space = pair
    envelope = bytearray(hostile.fresh_chain().event(ev.POST, content))
    for at, byte in cuts:
        envelope[at % len(envelope)] = byte
    with contextlib.suppress(InvalidEvent):
        open_event(bytes(envelope), hostile.epoch_keys[hostile.epoch])
    _clean(ari, [bytes(envelope)], space)


@FUZZ
@given(
    event_type=st.one_of(
        st.sampled_from(sorted(ev.KNOWN_TYPES) + JOURNAL_TYPES), st.text(max_size=70)
    ),
    content=contents,
    created_ms=ints,
)
def test_well_signed_events_with_random_content_are_judged_never_crash(
    pair: tuple[Session, Hostile, bytes], event_type: str, content: dict[str, Any], created_ms: int
) -> None:
    ari, hostile, space = pair
    writer = hostile.fresh_chain()
    first = writer.event(event_type, content, created_ms=created_ms)
    second = writer.event(ev.POST, {"title": "", "body": "honest", "cw": ""})
    result = ari.log.ingest([first, second])
    assert second in {e.envelope for e in result.accepted} or result.held == 1
    _clean(ari, [], space)


def test_the_projection_recomputes_cleanly_after_the_fuzzing(
    pair: tuple[Session, Hostile, bytes],
) -> None:
    ari, _, space = pair
    with ari.vault.transaction() as conn:
        groups_db.set_dirty(conn, space, True)
    ari.spaces.read_feed(space)  # recomputes the space from the whole ordered log
    assert ari.log.rebuild_projections(ari.journal.space_id) >= 1
