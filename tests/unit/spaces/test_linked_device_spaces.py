"""A device linked later joins its person's group spaces (under the primary persona and
under a space's own persona), and an unlink cuts it off in all of them (core/spaces/
device_join.py, PROTOCOL §4 "Group spaces in the link bundle"). Real vaults, the real
linking functions (make_bundle with the new device's request, create_linked)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from haven.core.linking import MAX_EPOCHS, LinkBundle
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.device_join import MAX_LINK_SPACES, MAX_SPACE_KEYS, SpaceGrant
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store.spaces import groups as groups_db
from haven.store.spaces import keys as keys_db
from haven.store.spaces import membership as membership_db
from haven.sync.pairing import MAX_MESSAGE
from tests.device_thief import link
from tests.helpers import new_session
from tests.space_helpers import join, sync
from tests.sync_helpers import tcp_sync
from tests.unit.spaces.conftest import journal_sync
from tests.unit.spaces.test_space_device_keys import bodies, persona_of


@dataclass
class World:
    desk: Session
    laptop: Session
    bea: Session
    mine: bytes  # Ari (desk) owns it, under the primary persona; Bea is a member
    hers: bytes  # Bea owns it; Ari joined it under a space persona of its own

    def sync(self, *sessions: Session) -> None:
        for space in (self.mine, self.hers):
            sync(space, *(sessions or (self.desk, self.laptop, self.bea)))


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    desk, bea = new_session(tmp_path / "desk", "Ari"), new_session(tmp_path / "bea", "Bea")
    primary = desk.identity.primary().persona_id
    mine = desk.spaces.create_space("Mine", display_name="Ari", persona_id=primary)
    join(desk, bea, mine, "Bea")
    hers = bea.spaces.create_space("Hers", display_name="Bea")
    join(bea, desk, hers, "Ari in hers")
    sync(mine, desk, bea)
    sync(hers, desk, bea)
    bea.spaces.post(mine, "Bea before the link, mine")
    bea.spaces.post(hers, "Bea before the link, hers")
    sync(mine, desk, bea)
    sync(hers, desk, bea)
    laptop = link(desk, tmp_path / "laptop", "laptop")
    journal_sync(desk, laptop)
    journal_sync(laptop, desk)  # the desk learns the laptop's link event
    w = World(desk, laptop, bea, mine, hers)
    yield w
    for s in (desk, laptop, bea):
        if s.is_open:
            s.lock()


def missing_events(src: Session, dst: Session, space: bytes) -> int:
    return len(src.log.envelopes_after(space, dst.log.chain_tips(space), 100_000))


def box_of(s: Session, space: bytes) -> bytes:
    with s.vault.read() as conn:
        group = groups_db.get_group(conn, space)
    assert group is not None
    return group.box_public


def inforce_recipients(s: Session, space: bytes) -> set[bytes]:
    with s.vault.read() as conn:
        state = groups_db.get_state(conn, space)
        assert state is not None
        return keys_db.recipients(conn, space, state.inforce_epoch)


def test_a_linked_laptop_reads_and_posts_as_its_person_in_both_spaces(world: World) -> None:
    w = world
    tcp_sync(w.desk, w.laptop)  # a real sync round over TCP brings both spaces' logs
    for space in (w.mine, w.hers):
        assert not missing_events(w.desk, w.laptop, space)
    w.sync()
    for space, before in (
        (w.mine, "Bea before the link, mine"),
        (w.hers, "Bea before the link, hers"),
    ):
        assert before in bodies(w.laptop, space)  # the old epoch keys came in the bundle
        assert persona_of(w.laptop, space) == persona_of(w.desk, space)
        # Bea's replica lists the laptop as one of Ari's devices, with its own key there.
        listed = dict(w.bea.spaces.devices(space, persona_of(w.desk, space)))
        assert listed[w.laptop.identity.device_id_for(persona_of(w.laptop, space))] == box_of(
            w.laptop, space
        )
    assert persona_of(w.laptop, w.hers) != w.laptop.identity.primary().persona_id
    w.laptop.spaces.post(w.mine, "from the laptop, mine")
    w.laptop.spaces.post(w.hers, "from the laptop, hers")
    w.sync()
    for space, body in ((w.mine, "from the laptop, mine"), (w.hers, "from the laptop, hers")):
        for s in (w.desk, w.bea):
            feed = {p.body: p for p in s.spaces.read_feed(space)}
            assert feed[body].author == persona_of(w.desk, space)
    # A rotation after the link is sealed to the laptop too, and it reads what follows.
    w.bea.spaces.rotate(w.hers)
    w.bea.spaces.post(w.hers, "after a rotation")
    w.sync()
    assert box_of(w.laptop, w.hers) in inforce_recipients(w.bea, w.hers)
    assert "after a rotation" in bodies(w.laptop, w.hers)


def test_after_the_unlink_the_laptop_counts_nowhere_and_no_rotation_is_sealed_to_it(
    world: World,
) -> None:
    w = world
    w.sync()
    w.laptop.spaces.post(w.mine, "laptop before the unlink")
    w.laptop.spaces.post(w.hers, "laptop before the unlink, hers")
    w.sync()
    w.desk.devices.unlink(w.laptop.identity.device_id)
    w.sync(w.desk, w.bea)  # Bea heals "hers": the dropped laptop held the key in force
    for space in (w.mine, w.hers):
        w.laptop.spaces.post(space, "the stolen laptop writes")
        w.sync(w.desk, w.bea, w.laptop)
        for s in (w.desk, w.bea):
            assert "the stolen laptop writes" not in bodies(s, space)
            assert box_of(w.laptop, space) not in inforce_recipients(s, space)
            listed = dict(s.spaces.devices(space, persona_of(w.desk, space)))
            assert w.laptop.identity.device_id_for(persona_of(w.laptop, space)) not in listed
        assert "laptop before the unlink" in bodies(w.bea, w.mine)
    w.bea.spaces.rotate(w.hers)
    w.desk.spaces.rotate(w.mine)
    w.sync(w.desk, w.bea)
    for space in (w.mine, w.hers):
        assert box_of(w.laptop, space) not in inforce_recipients(w.bea, space)


def test_only_its_person_announces_a_device_into_a_space(world: World) -> None:
    """Bea, the owner of "hers", writes Ari's device list with a device of her own added
    (an admin may only drop a member's device): no replica takes it."""
    w = world
    ari = persona_of(w.desk, w.hers)
    devices = [list(d) for d in w.bea.spaces.devices(w.hers, ari)]
    planted = [os.urandom(16), os.urandom(32)]
    w.bea.log.append(w.hers, ev.DEVICES, {"member": ari, "devices": [*devices, planted]})
    sync(w.hers, w.bea, w.desk)
    for s in (w.bea, w.desk):
        assert planted[1] not in {b for _, b in s.spaces.devices(w.hers, ari)}
        # a swapped key for a device Ari has is no better
    w.bea.log.append(w.hers, ev.DEVICES, {"member": ari, "devices": [[devices[0][0], planted[1]]]})
    sync(w.hers, w.bea, w.desk)
    for s in (w.bea, w.desk):
        assert planted[1] not in {b for _, b in s.spaces.devices(w.hers, ari)}


def test_a_removed_members_link_brings_no_device_into_the_space(tmp_path: Path) -> None:
    desk, bea = new_session(tmp_path / "desk", "Ari"), new_session(tmp_path / "bea", "Bea")
    space = desk.spaces.create_space("Circle", display_name="Ari")
    bea_pk = join(desk, bea, space, "Bea")
    sync(space, desk, bea)
    desk.spaces.remove_member(space, bea_pk)
    sync(space, desk, bea)
    before = bea.spaces.devices(space, bea_pk)
    bea_laptop = link(bea, tmp_path / "bea-laptop", "laptop")
    with bea_laptop.vault.read() as conn:
        assert ids.get_space(conn, space) is None
    # Its best move: its old device writes the device list itself, naming the laptop.
    planted = [bea_laptop.identity.device_id_for(bea_pk), os.urandom(32)]
    bea.log.append(space, ev.DEVICES, {"member": bea_pk, "devices": [*map(list, before), planted]})
    sync(space, desk, bea)
    with desk.vault.read() as conn:
        assert membership_db.member_devices(conn, space, bea_pk) == before
    for s in (desk, bea, bea_laptop):
        s.lock()


def test_a_device_linked_after_an_unlink_still_writes_in_both_spaces(
    world: World, tmp_path: Path
) -> None:
    """The unlink retired the persona key in both spaces, so it roots no new device there:
    the linking device certifies the new one itself (an issued certificate)."""
    w = world
    w.sync()
    w.desk.devices.unlink(w.laptop.identity.device_id)
    w.sync(w.desk, w.bea)
    phone = link(w.desk, tmp_path / "phone", "phone")
    journal_sync(w.desk, phone)
    for space in (w.mine, w.hers):
        sync(space, w.desk, w.bea, phone)
        phone.spaces.post(space, "from the phone")
        sync(space, w.desk, w.bea, phone)
        feed = {p.body: p for p in w.bea.spaces.read_feed(space)}
        assert feed["from the phone"].author == persona_of(w.desk, space)
    phone.lock()


def _grant(space: bytes, n_keys: int) -> SpaceGrant:
    keys = {2**62 - i: os.urandom(32) for i in range(n_keys)}
    return SpaceGrant(
        space, os.urandom(32), "N" * 64, "p" * 32, 2**62, "S" * 64, os.urandom(32), "#ffffff",
        os.urandom(32), os.urandom(32), next(iter(keys)), keys,
    )  # fmt: skip


def test_the_largest_bundle_fits_one_linking_message_and_larger_ones_are_refused() -> None:
    journal = {2**62 - i: os.urandom(32) for i in range(MAX_EPOCHS)}
    grants = tuple(_grant(os.urandom(16), MAX_SPACE_KEYS) for _ in range(MAX_LINK_SPACES))
    bundle = LinkBundle(
        os.urandom(32), "N" * 64, "p" * 32, 0, os.urandom(16), 2**62, journal, grants
    )
    encoded = bundle.encode()
    assert len(encoded) + 64 < MAX_MESSAGE  # with the message's own framing
    assert LinkBundle.decode(encoded).spaces[-1].epoch_keys == grants[-1].epoch_keys
    too_many = replace(bundle, spaces=(*grants, _grant(os.urandom(16), 1)))
    too_long = replace(bundle, spaces=(_grant(os.urandom(16), MAX_SPACE_KEYS + 1),))
    twice = replace(bundle, spaces=(grants[0], grants[0]))
    for bad in (too_many, too_long, twice):
        with pytest.raises(InvalidInput):
            LinkBundle.decode(bad.encode())
