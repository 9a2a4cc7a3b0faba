"""Direct messages with real vaults: the offer in the shared space, the two-person space it
opens, what the third member learns, blocking, and the insider's moves against it (a forged
offer, a removed member's offer, an offer's box lifted into another offer)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.dm import offer as dm_offer
from haven.core.spaces.dm.rules import OFFER_SLOTS
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import dms as dms_db
from haven.store.spaces import groups as groups_db
from haven.store.spaces import membership as membership_db
from tests.device_thief import Thief
from tests.space_helpers import sync, three_members
from tests.sync_helpers import tcp_sync
from tests.unit.spaces.test_space_device_keys import post


def _pk(s: Session, space: bytes) -> bytes:
    return s.spaces.space_info(space).my_persona


def _offers(s: Session, space: bytes) -> list[lt.StoredEvent]:
    with s.vault.read() as conn:
        return [e for e in lt.events_in_order(conn, space, ev.PREFIX) if e.type == ev.DM_OFFER]


def _content(s: Session, stored: lt.StoredEvent) -> dict[str, object]:
    with s.vault.read() as conn:
        return s.log.open_stored(conn, stored).content


@pytest.fixture
def circle(tmp_path: Path) -> tuple[Session, Session, Session, bytes]:
    return three_members(tmp_path)


def test_a_conversation_reaches_only_its_partner(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    ari, bea, cai, space = circle
    dm = ari.spaces.dms.open(space, _pk(bea, space))
    assert ari.spaces.dms.open(space, _pk(bea, space)) == dm  # the open one, not a second
    ari.spaces.dms.send(dm, "just between us")
    sync(space, ari, bea, cai)
    assert [d.dm_id for d in bea.spaces.dms.list_dms()] == [dm]
    assert cai.spaces.dms.list_dms() == []
    sync(dm, ari, bea)
    assert [p.body for p in bea.spaces.dms.read(dm)] == ["just between us"]
    summary = bea.spaces.dms.list_dms()[0]
    assert (summary.partner_name, summary.state, summary.unread) == ("Ari", "open", 1)
    # the conversation is under the personas of the shared space, and is no "space"
    assert bea.spaces.space_info(dm).my_persona == _pk(bea, space)
    assert dm not in [s.space_id for s in bea.spaces.list_spaces()]
    # Cai (a member of the shared space) sees one offer event with padded boxes that name
    # nobody, none of which opens for Cai, and knows nothing of the conversation
    (stored,) = _offers(cai, space)
    boxes = _content(cai, stored)["boxes"]
    assert isinstance(boxes, list) and len(boxes) == OFFER_SLOTS
    assert set(_content(cai, stored)) == {"boxes"}
    with cai.vault.read() as conn:
        assert groups_db.get_group(conn, dm) is None
    bea.spaces.dms.send(dm, "thank you")
    sync(dm, ari, bea)
    assert [p.body for p in ari.spaces.dms.read(dm)] == ["just between us", "thank you"]


def test_a_block_closes_the_conversation_on_every_replica(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    ari, bea, cai, space = circle
    dm = ari.spaces.dms.open(space, _pk(bea, space))
    sync(space, ari, bea, cai)
    sync(dm, ari, bea)
    bea.spaces.dms.block(dm)
    # Concurrent: Bea had not seen it. The block carries a cut, as a removal does, so it
    # counts for nothing either.
    ari.spaces.dms.send(dm, "written before the block arrived")
    sync(dm, ari, bea)
    assert ari.spaces.dms.summary(dm).state == "blocked"
    with pytest.raises(InvalidInput, match="blocked"):
        ari.spaces.dms.send(dm, "after")
    # a modified client writes anyway: refused by the rules on both replicas
    ari.log.append(dm, ev.POST, ev.post_to_content(ev.post_content("", "after the block", "")))
    bea.log.append(dm, ev.POST, ev.post_to_content(ev.post_content("", "blocker's too", "")))
    sync(dm, ari, bea)
    for s in (ari, bea):
        bodies = [p.body for p in s.spaces.dms.read(dm)]
        assert bodies == []
    # a new offer from the person Bea blocked is not taken
    ari_pk = _pk(ari, space)
    assert bea.spaces.dms.list_dms()[0].partner_pk == ari_pk
    second = ari.spaces.dms.open(space, _pk(bea, space))
    assert second != dm
    sync(space, ari, bea, cai)
    assert [d.dm_id for d in bea.spaces.dms.list_dms()] == [dm]


def test_a_removed_member_cannot_open_a_conversation(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    ari, bea, cai, space = circle
    ari.spaces.remove_member(space, _pk(cai, space))
    # Cai's device has not seen the removal: it writes an offer to Bea
    cai.spaces.dms.open(space, _pk(bea, space))
    sync(space, ari, bea, cai)
    with pytest.raises(InvalidInput):
        cai.spaces.dms.open(space, _pk(bea, space))
    # a modified client writes one after the removal, under the key it still holds
    with cai.vault.read() as conn:
        bea_group = groups_db.get_group(conn, space)
        assert bea_group is not None
    with bea.vault.read() as conn:
        bea_box = groups_db.get_group(conn, space)
        assert bea_box is not None
    late = dm_offer.Offer(os.urandom(16), bytes(32), _pk(cai, space), _pk(bea, space), 1, bytes(32))
    boxes = dm_offer.seal_offer([bea_box.box_public], space, late)
    cai.log.append(space, ev.DM_OFFER, {"boxes": boxes})
    sync(space, ari, bea, cai)
    assert bea.spaces.dms.list_dms() == []
    for s in (ari, bea):  # neither offer counts, on every replica
        with s.vault.read() as conn:
            sql = "SELECT count(*) FROM space_dm_offers WHERE space_id = ?"
            assert conn.execute(sql, (space,)).fetchone()[0] == 0


def test_an_offer_forged_as_another_member_is_refused(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    """Cai seals an offer to Bea's device naming Ari as its opener (Cai can seal anything
    to a public key): the event is Cai's, so Bea refuses it."""
    ari, bea, cai, space = circle
    cai.spaces.dms.open(space, _pk(bea, space))  # a real conversation Cai made
    with bea.vault.read() as conn:
        bea_box = groups_db.get_group(conn, space)
        assert bea_box is not None
    for opener, partner in ((ari, bea), (cai, ari)):  # as Ari; to Bea's device for Ari
        forged = dm_offer.Offer(
            os.urandom(16), bytes(32), _pk(opener, space), _pk(partner, space), 1, bytes(32)
        )
        boxes = dm_offer.seal_offer([bea_box.box_public], space, forged)
        cai.log.append(space, ev.DM_OFFER, {"boxes": boxes})
    sync(space, ari, bea, cai)
    with bea.vault.read() as conn:  # each looked at once, and left
        assert dms_db.unhandled_offers(conn, space) == []
    ari.spaces.dms.open(space, _pk(bea, space))  # a real offer after the forged ones
    sync(space, ari, bea, cai)
    assert sorted(d.partner_pk for d in bea.spaces.dms.list_dms()) == sorted(
        [_pk(cai, space), _pk(ari, space)]
    )


def test_an_offer_lifted_to_another_member_is_refused(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    """Ari offers Bea a conversation; Bea, holding the key, re-offers the same conversation
    to Cai as her own: its genesis is Ari's, so Cai's device takes nothing (and Bea cannot
    name Ari as the opener: the event would be hers)."""
    ari, bea, cai, space = circle
    dm = ari.spaces.dms.open(space, _pk(bea, space))
    sync(space, ari, bea, cai)
    sync(dm, ari, bea)
    with bea.vault.read() as conn:
        row = ids.get_space(conn, dm)
        assert row is not None
        key = ids.get_epoch_key(conn, dm, row.current_epoch)
        genesis = groups_db.get_state(conn, dm)
        assert key is not None and genesis is not None and genesis.genesis_id is not None
    with cai.vault.read() as conn:
        cai_box = groups_db.get_group(conn, space)
        assert cai_box is not None
    for opener in (_pk(ari, space), _pk(bea, space)):
        lifted = dm_offer.Offer(
            dm, genesis.genesis_id, opener, _pk(cai, space), row.current_epoch, key
        )
        bea.log.append(
            space, ev.DM_OFFER, {"boxes": dm_offer.seal_offer([cai_box.box_public], space, lifted)}
        )
        sync(space, ari, bea, cai)
        if opener == _pk(ari, space):  # Bea's event naming Ari: not taken at all
            assert cai.spaces.dms.list_dms() == []
    (taken,) = cai.spaces.dms.list_dms()  # taken as Bea's; Ari's genesis never counts there
    sync(dm, ari, bea, cai)
    assert taken.partner_pk == _pk(bea, space)
    assert cai.spaces.dms.summary(dm).state == "waiting"
    assert cai.spaces.dms.read(dm) == []


def test_a_conversation_travels_over_direct_sync(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    """Over a real TCP connection on 127.0.0.1: the first round brings the offer, and the
    next one the conversation, which Bea's device now holds the key to prove (the app and
    `haven serve` run rounds on a schedule: no step of the person's)."""
    ari, bea, _cai, space = circle
    dm = ari.spaces.dms.open(space, _pk(bea, space))
    ari.spaces.dms.send(dm, "over the wire")
    tcp_sync(ari, bea)
    assert bea.spaces.dms.summary(dm).state == "waiting"
    tcp_sync(ari, bea)
    assert [p.body for p in bea.spaces.dms.read(dm)] == ["over the wire"]
    # its relays are its space's, never a list of its own
    ari.relays.set_relays(space, ["wss://relay.example.org"])
    assert ari.relays.urls(dm) == ari.relays.urls(space) != []
    with pytest.raises(InvalidInput, match="relays of its space"):
        ari.relays.set_relays(dm, ["wss://other.example.org"])


def test_the_opener_cannot_bring_a_third_person_in(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    """Ari (admin of the conversation, as its opener) adds Cai, makes him an admin, and
    writes a relay list and a pin: none of it counts, on either replica."""
    ari, bea, cai, space = circle
    dm = ari.spaces.dms.open(space, _pk(bea, space))
    sync(space, ari, bea, cai)
    with ari.vault.read() as conn:
        devices = membership_db.member_devices(conn, space, _pk(cai, space))
    cai_pk = _pk(cai, space)
    profile = {"name": "Cai", "pronouns": "", "colour": ""}
    ari.log.append(
        dm,
        ev.ADD,
        {"member": cai_pk, "profile": profile, "devices": [list(d) for d in devices]},
    )
    ari.log.append(dm, ev.ROLE, {"member": cai_pk, "role": "admin"})
    ari.log.append(dm, ev.RELAYS, {"relays": ["wss://relay.example.org"]})
    sync(dm, ari, bea)
    for s in (ari, bea):
        assert sorted(m.display_name for m in s.spaces.members(dm)) == ["Ari", "Bea"]
        with s.vault.read() as conn:
            assert membership_db.member_box_keys(conn, dm, cai_pk) == set()


def test_a_block_holds_against_a_backdated_message(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    """After Bea blocks Ari, a modified client of Ari's writes a message on a fresh chain
    with a clock just above the start: the block carries a cut, so it counts for nothing
    on either side whatever its clock (found in review: it showed)."""
    ari, bea, cai, space = circle
    dm = ari.spaces.dms.open(space, _pk(bea, space))
    sync(space, ari, bea, cai)
    sync(dm, ari, bea)
    bea.spaces.dms.block(dm)
    sync(dm, ari, bea)
    assert ari.spaces.dms.summary(dm).state == "blocked"
    thief = Thief.in_space_of(ari, dm)
    chain, _ = thief.fresh(persona_signed=True)
    late = thief.next("space.post", post("after the block, backdated"), chain, lamport=2)
    for s in (ari, bea):
        s.log.ingest([late])
    for s in (ari, bea):
        assert "after the block, backdated" not in [p.body for p in s.spaces.dms.read(dm)]


def test_the_opener_cannot_drop_the_partners_devices(
    circle: tuple[Session, Session, Session, bytes],
) -> None:
    """The opener owns the two-person space, but lists only its own devices: dropping
    Bea's device with an empty cut would erase her messages and throw out her block."""
    ari, bea, cai, space = circle
    bea.spaces.add_device(space, os.urandom(16), os.urandom(32))
    sync(space, ari, bea, cai)
    dm = ari.spaces.dms.open(space, _pk(bea, space))
    sync(space, ari, bea, cai)
    sync(dm, ari, bea)
    bea.spaces.dms.send(dm, "please stop")
    sync(dm, ari, bea)
    bea_pk = _pk(bea, space)
    with ari.vault.read() as conn:
        devices = membership_db.member_devices(conn, dm, bea_pk)
    real = bea.identity.device_id_for(bea_pk)
    keep = [[d, b] for d, b in devices if d != real]
    empty_cut = [[real, 0, bytes(32)]]
    ari.log.append(dm, ev.DEVICES, {"member": bea_pk, "devices": keep, "cut": empty_cut})
    sync(dm, ari, bea)
    bea.spaces.dms.block(dm)
    sync(dm, ari, bea)
    for s in (ari, bea):
        assert "please stop" in [p.body for p in s.spaces.dms.read(dm)]
        assert s.spaces.dms.summary(dm).state == "blocked"
