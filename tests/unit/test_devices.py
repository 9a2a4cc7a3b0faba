"""Linked devices at the core level: the bundle, unlinking and key rotation."""

from __future__ import annotations

from pathlib import Path

import pytest

from haven.core.envelope import ZERO_ID, Header, seal_event
from haven.core.linking import LinkBundle, NewDevice, create_linked, make_bundle
from haven.core.session import Session
from haven.errors import InvalidInput, NotFound, VaultExists
from haven.store import identity_tables as ids
from tests.helpers import PASSPHRASE, new_session


def sync(x: Session, y: Session) -> None:
    space = x.journal.space_id
    for src, dst in ((x, y), (y, x), (x, y)):
        dst.log.ingest(src.log.envelopes_after(space, dst.log.chain_tips(space), 10_000))


def link(source: Session, data_dir: Path, label: str) -> Session:
    """Linking as the pairing exchange does it: the new device makes its key, the existing
    one certifies it, then the new vault is created."""
    device = NewDevice.generate()
    bundle = make_bundle(source, device.request())
    return create_linked(data_dir, PASSPHRASE, bundle, label, device=device)


@pytest.fixture
def three(tmp_path: Path) -> list[Session]:
    a = new_session(tmp_path / "a")
    b = link(a, tmp_path / "b", "laptop")
    c = link(a, tmp_path / "c", "phone")
    sync(a, b)
    sync(a, c)
    sync(b, c)
    yield [a, b, c]
    for s in (a, b, c):
        s.lock()


def test_bundle_round_trip_and_malformed_input(tmp_path: Path) -> None:
    a = new_session(tmp_path / "a")
    bundle = make_bundle(a)
    again = LinkBundle.decode(bundle.encode())
    assert again.encode() == bundle.encode()
    assert "seed" not in repr(bundle) and bundle.persona_seed.hex() not in repr(bundle)
    for bad in (b"", b"\x93\x01\x02\x03", bundle.encode()[:-3], b"\xc1"):
        with pytest.raises(InvalidInput):
            LinkBundle.decode(bad)
    a.lock()


def test_linked_device_has_same_persona_and_journal_but_own_device(three: list[Session]) -> None:
    a, b, _ = three
    assert a.identity.primary() == b.identity.primary()
    assert a.journal.space_id == b.journal.space_id
    assert len({s.identity.device_id for s in three}) == 3
    entry = a.journal.add("written on a")
    sync(a, b)
    assert b.journal.get(entry).body == "written on a"
    labels = {d.label for d in a.devices.list()}
    assert labels == {"", "laptop", "phone"}


def test_create_linked_refuses_an_existing_vault(tmp_path: Path) -> None:
    a = new_session(tmp_path / "a")
    with pytest.raises(VaultExists):
        create_linked(tmp_path / "a", PASSPHRASE, make_bundle(a))
    a.lock()


def test_unlink_rotates_the_key_away_from_the_unlinked_device(three: list[Session]) -> None:
    a, b, c = three
    before = a.journal.add("everyone may read this")
    sync(a, b)
    sync(a, c)
    epoch = a.devices.unlink(c.identity.device_id)
    assert epoch != 0  # a new epoch, numbered at random (PROTOCOL §4.5, "Mutual unlinks")
    after = a.journal.add("written after unlinking c")
    sync(a, b)
    sync(a, c)
    assert b.journal.get(after).body == "written after unlinking c"
    with pytest.raises(NotFound):
        c.journal.get(after)
    assert c.journal.get(before).body == "everyone may read this"  # what it had, it keeps
    with c.vault.read() as conn:
        assert ids.get_epoch_key(conn, c.journal.space_id, epoch) is None
    with b.vault.read() as conn:
        assert ids.get_epoch_key(conn, b.journal.space_id, epoch) is not None
    assert [d.unlinked for d in a.devices.list() if d.device_id == c.identity.device_id] == [True]


def test_unlinked_device_cannot_write_any_more(three: list[Session]) -> None:
    a, b, c = three
    a.devices.unlink(c.identity.device_id)
    sync(a, b)
    # c has not heard of its unlinking and writes at the old epoch with a later clock.
    c_lamport = a.log.count() + 50
    keys = c.identity.signing_keys(c.identity.primary().persona_id)
    space = c.journal.space_id
    tip = c.log.chain_tips(space)[(keys.public, c.identity.device_id)]
    with c.vault.read() as conn:
        prev = conn.execute(
            "SELECT id FROM events WHERE space_id=? AND device=? AND seq=?",
            (space, c.identity.device_id, tip),
        ).fetchone()[0]
        old_key = ids.get_epoch_key(conn, space, 0)
    assert old_key is not None
    late = seal_event(
        Header(space, 0, keys.public, c.identity.device_id, tip + 1, c_lamport, prev or ZERO_ID),
        "journal.entry.create",
        0,
        {"title": "", "body": "from the unlinked device", "mood": None, "tags": []},
        keys.seed,
        old_key,
    )
    result = b.log.ingest([late.envelope])
    assert result.rejected == ["the author may not write this event in this space"]
    assert b.journal.search("unlinked") == []


def _forge_next(c: Session, lamport: int, body: str) -> bytes:
    """An event c writes next in its chain, with the clock it is given (c cannot know it was
    unlinked, so it still writes at the old epoch)."""
    keys = c.identity.signing_keys(c.identity.primary().persona_id)
    space = c.journal.space_id
    tip = c.log.chain_tips(space)[(keys.public, c.identity.device_id)]
    with c.vault.read() as conn:
        prev = conn.execute(
            "SELECT id FROM events WHERE space_id=? AND device=? AND seq=?",
            (space, c.identity.device_id, tip),
        ).fetchone()[0]
        old_key = ids.get_epoch_key(conn, space, 0)
    assert old_key is not None
    return seal_event(
        Header(space, 0, keys.public, c.identity.device_id, tip + 1, lamport, prev),
        "journal.entry.create",
        0,
        {"title": "", "body": body, "mood": None, "tags": []},
        keys.seed,
        old_key,
    ).envelope


def test_an_unlink_in_the_middle_of_a_batch_applies_to_the_rest_of_it(
    three: list[Session],
) -> None:
    """Ingest remembers per transaction what it looked up about devices: an unlink earlier
    in the same batch must still stop the unlinked device's later events."""
    a, b, c = three
    space = a.journal.space_id
    before = c.journal.add("c wrote this before it was unlinked")
    early = c.log.envelopes_after(space, b.log.chain_tips(space), 100)
    a.log.ingest(early)
    a.devices.unlink(c.identity.device_id)
    unlink = a.log.envelopes_after(space, b.log.chain_tips(space), 100)
    unlink = [e for e in unlink if e not in early]
    late = _forge_next(c, a.log.count() + 50, "c writes after its unlink")
    result = b.log.ingest([*early, *unlink, late])
    assert result.rejected == ["the author may not write this event in this space"]
    assert b.journal.get(before).body == "c wrote this before it was unlinked"
    assert b.journal.search("after its unlink") == []


def test_events_accepted_before_the_unlink_arrived_are_undone(three: list[Session]) -> None:
    """c writes entries a never saw, so in Lamport order they come after a's unlink of c.
    b accepts them first (it has not heard of the unlink), then drops them when the unlink
    arrives; a rejects them outright. Both end the same."""
    a, b, c = three
    space = a.journal.space_id
    kept = c.journal.add("c wrote this and everyone synced it")
    sync(a, c)
    sync(b, c)
    late = [c.journal.add(f"c writes unseen {i}") for i in range(5)]
    a.devices.unlink(c.identity.device_id)
    b.log.ingest(c.log.envelopes_after(space, b.log.chain_tips(space), 100))
    assert all(b.journal.get(e) for e in late)  # b did not know yet
    b.log.ingest(a.log.envelopes_after(space, b.log.chain_tips(space), 100))
    result = a.log.ingest(c.log.envelopes_after(space, a.log.chain_tips(space), 100))
    assert len(result.rejected) == len(late)
    for s in (a, b):
        visible = {e.entry_id for e in s.journal.list()}
        assert kept in visible
        assert visible.isdisjoint(late)
    assert a.journal.list() == b.journal.list()


def test_unlink_errors(three: list[Session]) -> None:
    a, _, c = three
    with pytest.raises(InvalidInput):
        a.devices.unlink(a.identity.device_id)
    with pytest.raises(NotFound):
        a.devices.unlink(b"\x00" * 16)
    a.devices.unlink(c.identity.device_id)
    with pytest.raises(InvalidInput):
        a.devices.unlink(c.identity.device_id)
    assert a.devices.resolve(c.identity.device_id.hex()[:6]) == c.identity.device_id
    with pytest.raises(NotFound):
        a.devices.resolve("zzzz")
