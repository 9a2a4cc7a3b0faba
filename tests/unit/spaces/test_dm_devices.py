"""A direct conversation on all of both people's devices (PROTOCOL §5.12 "Every device",
§4 "Group spaces in the link bundle"): Ari (desk + laptop, linked) opens one with Bea from
the desk; the laptop gets the offer too and reads and writes there; a device Bea links later
is carried into it by the link bundle; the unlinked laptop reads nothing written after. And
a block is final for both sides (§5.12 "A block is final"). Real vaults, the real linking
functions, real sync between the stores."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.spaces import device_join
from haven.core.spaces.device_join import SpaceGrant
from haven.crypto.sealing import BoxKeyPair
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store.spaces import dms as dms_db
from tests.device_thief import link
from tests.space_helpers import sync, three_members
from tests.unit.spaces.conftest import journal_sync
from tests.unit.spaces.test_linked_device_spaces import World, box_of, inforce_recipients
from tests.unit.spaces.test_linked_device_spaces import world as world
from tests.unit.spaces.test_space_device_keys import persona_of


def _bodies(s: Session, dm: bytes) -> list[str]:
    return [p.body for p in s.spaces.dms.read(dm)]


def _record(s: Session, dm: bytes) -> tuple[bytes, ...] | None:
    """The conversation's record without the local time it was written."""
    with s.vault.read() as conn:
        row = dms_db.get_dm(conn, dm)
    return None if row is None else (row.parent_id, row.opener, row.partner, row.genesis_id)


def test_a_conversation_reaches_every_device_of_both_people(world: World, tmp_path: Path) -> None:
    w = world
    w.sync()  # the laptop holds both spaces; "hers" is under a persona of Ari's own
    bea_pk = persona_of(w.bea, w.hers)
    dm = w.desk.spaces.dms.open(w.hers, bea_pk)
    w.desk.spaces.dms.send(dm, "from the desk")
    sync(w.hers, w.desk, w.laptop, w.bea)  # the offer: sealed to Bea's device and the laptop
    sync(dm, w.desk, w.laptop, w.bea)
    assert _record(w.laptop, dm) == _record(w.desk, dm) is not None
    assert w.laptop.spaces.space_info(dm).my_persona == persona_of(w.desk, w.hers)
    assert _bodies(w.laptop, dm) == ["from the desk"]
    assert w.laptop.spaces.dms.summary(dm).partner_pk == bea_pk
    w.laptop.spaces.dms.send(dm, "from the laptop")
    sync(dm, w.desk, w.laptop, w.bea)
    assert _bodies(w.bea, dm) == ["from the desk", "from the laptop"]
    assert {p.author for p in w.bea.spaces.dms.read(dm)} == {persona_of(w.desk, w.hers)}

    # Bea links a phone later: the bundle carries the conversation with its record.
    phone = link(w.bea, tmp_path / "bea-phone", "phone")
    journal_sync(w.bea, phone)
    assert _record(phone, dm) == _record(w.desk, dm)
    sync(dm, w.desk, w.laptop, w.bea, phone)
    assert _bodies(phone, dm) == ["from the desk", "from the laptop"]
    phone.spaces.dms.send(dm, "from Bea's phone")
    sync(dm, w.desk, w.laptop, w.bea, phone)
    assert "from Bea's phone" in _bodies(w.desk, dm)

    # Ari unlinks the laptop: the desk (an admin of the conversation) rotates at once.
    w.desk.devices.unlink(w.laptop.identity.device_id)
    sync(dm, w.desk, w.bea, phone)
    w.desk.spaces.dms.send(dm, "after the unlink")
    sync(dm, w.desk, w.laptop, w.bea, phone)
    assert "after the unlink" in _bodies(phone, dm)
    assert "after the unlink" not in _bodies(w.laptop, dm)
    assert box_of(w.laptop, dm) not in inforce_recipients(w.bea, dm)
    phone.lock()


def test_a_grant_carries_a_conversations_record_and_refuses_a_malformed_one(
    world: World,
) -> None:
    w = world
    w.sync()
    dm = w.desk.spaces.dms.open(w.hers, persona_of(w.bea, w.hers))
    with w.desk.vault.read() as conn:
        row = ids.get_space(conn, dm)
        assert row is not None
        encoded = device_join.grant(conn, row, BoxKeyPair.generate(), b"\x01" * 32).encode()
    assert SpaceGrant.decode(encoded).dm is not None
    for bad in ([], [b"x"] * 4, [dm, *encoded[-1][1:]]):  # malformed, or its own parent
        with pytest.raises(InvalidInput):
            SpaceGrant.decode([*encoded[:-1], bad])
    # A record that is not this persona's, or not opened by the space's owner, is refused
    # when installed, and nothing of the bundle is kept.
    good = SpaceGrant.decode(encoded)
    assert good.dm is not None
    stranger, elsewhere = os.urandom(32), os.urandom(16)
    for grant in (
        replace(good, space_id=elsewhere, persona_seed=os.urandom(32)),  # not its persona's
        replace(  # its persona's, but not opened by the owner
            good, space_id=elsewhere, dm=replace(good.dm, opener=stranger, partner=good.dm.opener)
        ),
    ):
        with pytest.raises(InvalidInput):
            device_join.install(w.bea.vault, [grant], persona_of(w.bea, w.mine), os.urandom(16), 0)
        with w.bea.vault.read() as conn:
            assert ids.get_space(conn, elsewhere) is None
    # Nor a second signing key for a device id that has one (one per persona on a device).
    laptop = w.laptop.identity
    other_key = replace(good, space_id=elsewhere, dm=None, sign_seed=os.urandom(32))
    with pytest.raises(InvalidInput):
        device_join.install(
            w.laptop.vault, [other_key], laptop.primary().persona_id, laptop.device_id, 0
        )


def test_a_block_is_final_for_both_sides(tmp_path: Path) -> None:
    """Bea blocks Ari: Ari's new offer is refused (the existing test), and so is one Bea's
    own client makes later — pressed to unblock, she has nothing to undo, and a new
    conversation between the two from that space does not open on Ari's side either."""
    ari, bea, cai, space = three_members(tmp_path)
    dm = ari.spaces.dms.open(space, persona_of(bea, space))
    sync(space, ari, bea, cai)
    sync(dm, ari, bea)
    bea.spaces.dms.block(dm)
    sync(dm, ari, bea)
    assert not hasattr(bea.spaces.dms, "unblock")
    again = bea.spaces.dms.open(space, persona_of(ari, space))
    assert again != dm  # her client makes a new one; Ari's device does not take it
    sync(space, ari, bea, cai)
    assert [d.dm_id for d in ari.spaces.dms.list_dms()] == [dm]
    assert ari.spaces.dms.summary(dm).state == "blocked"
    for s in (ari, bea, cai):
        s.lock()


def test_conversations_never_push_a_space_out_of_the_bundle(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With room for two grants, the desk's two spaces are carried and its two
    conversations (one from each) are not, whatever their ids."""
    w = world
    w.sync()
    for space in (w.mine, w.hers):
        w.desk.spaces.dms.open(space, persona_of(w.bea, space))
    monkeypatch.setattr(device_join, "MAX_LINK_SPACES", 2)
    with w.desk.vault.read() as conn:
        carried = {s.space_id for s in device_join.member_spaces(conn)}
    assert carried == {w.mine, w.hers}
