"""Typed change events (core/changes.py): published after the commit, one record per space and
kind, ids only; the UI refreshes from these instead of re-reading everything."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from haven.core.changes import (
    Change,
    DevicesChanged,
    JournalChanged,
    KeysChanged,
    MembersChanged,
    ModerationChanged,
    PostsChanged,
    RelaysChanged,
    SpaceDetailsChanged,
)
from haven.core.session import Session
from tests.helpers import new_session


class Heard:
    def __init__(self, session: Session) -> None:
        self.batches: list[list[Change]] = []
        self.unsubscribe = session.changes.subscribe(self.hear)

    def hear(self, changes: Sequence[Change]) -> None:
        self.batches.append(list(changes))

    def take(self) -> list[Change]:
        out = [c for batch in self.batches for c in batch]
        self.batches.clear()
        return out


@pytest.fixture
def me(tmp_path: Path) -> Session:
    return new_session(tmp_path / "me")


def test_journal_writes_name_their_entries(me: Session) -> None:
    heard = Heard(me)
    journal = me.journal.space_id
    entry = me.journal.add("first")
    assert heard.take() == [JournalChanged(journal, (entry,))]
    me.journal.edit(entry, body="edited")
    assert heard.take() == [JournalChanged(journal, (entry,))]
    me.relays.set_relays(journal, ["ws://127.0.0.1:9/"])
    assert heard.take() == [RelaysChanged(journal)]


def test_space_events_map_to_what_they_change(me: Session) -> None:
    heard = Heard(me)
    space = me.spaces.create_space("Circle")
    created = heard.take()
    assert SpaceDetailsChanged(space) in created
    assert MembersChanged(space) in created and KeysChanged(space) in created
    assert not any(isinstance(c, JournalChanged) for c in created)

    post = me.spaces.post(space, "hello")
    assert heard.take() == [PostsChanged(space, (post,))]
    me.spaces.react(space, post, "me-too")
    assert heard.take() == [PostsChanged(space, (post,))]  # the post reacted to
    me.spaces.moderate(space, post, "off topic")
    assert heard.take() == [PostsChanged(space, (post,)), ModerationChanged(space)]
    me.spaces.rotate(space)
    assert heard.take() == [ModerationChanged(space), KeysChanged(space)]


def test_one_batch_is_merged_per_space_and_kind(me: Session) -> None:
    heard = Heard(me)
    space = me.spaces.create_space("Circle")
    heard.take()
    member = me.spaces.prepare_join("Bea")
    me.spaces.make_add_member(space, member.persona_pk, member.box_pk, "Bea")
    changes = heard.take()
    assert changes.count(MembersChanged(space)) == 1


def test_nothing_is_published_for_a_write_that_rolled_back(me: Session) -> None:
    heard = Heard(me)
    with pytest.raises(RuntimeError), me.vault.transaction():
        me.journal.add("never kept")
        raise RuntimeError("roll back")
    assert heard.take() == []
    assert me.journal.count() == 0


def test_a_broken_listener_does_not_silence_the_others(me: Session) -> None:
    def broken(_changes: Sequence[Change]) -> None:
        raise ValueError("bug")

    me.changes.subscribe(broken)
    heard = Heard(me)
    me.journal.add("still heard")
    assert [type(c) for c in heard.take()] == [JournalChanged]
    heard.unsubscribe()
    me.journal.add("not heard")
    assert heard.take() == []


def test_device_events_change_devices_and_keys(tmp_path: Path, me: Session) -> None:
    from haven.core.linking import create_linked, make_bundle

    laptop = create_linked(tmp_path / "laptop", "correct horse battery staple", make_bundle(me))
    heard = Heard(me)
    envelopes = laptop.log.envelopes_after(
        me.journal.space_id, me.log.chain_tips(me.journal.space_id), 1000
    )
    me.log.ingest(envelopes)
    assert DevicesChanged(me.journal.space_id) in heard.take()
    me.devices.unlink(laptop.identity.device_id)
    changes = heard.take()
    assert DevicesChanged(me.journal.space_id) in changes
    assert KeysChanged(me.journal.space_id) in changes
    laptop.lock()
