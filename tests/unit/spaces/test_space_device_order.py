"""A stolen device that is still linked cannot erase its person's history in a group space
(core/spaces/founding.py, PROTOCOL §5.11 "Founding devices"). Ari made the space on the
desk; the laptop, certified in the space before it was stolen, is not a founding device.
The thief's best moves before the person's revocation reaches a replica — revoke the desk
with an empty cut or a cut keeping only the laptop's chain, root a fresh device with a
backdated clock and revoke from it, revoke then post, revoke some other device with an
empty cut, drop the desk from Ari's device list, leave the space as Ari with an empty cut,
write a second backdated genesis — in both delivery orders: on every replica
the genesis and Ari's history survive, the desk's revocation of the laptop stands, and the
desk writes on."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from haven.core import envelope as env
from haven.core.device_certs import DeviceRequest
from haven.core.session import Session
from haven.core.spaces import device_keys, founding, own_device_keys
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role
from haven.crypto.signing import SigningKeyPair
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import device_keys as sdk
from tests.device_thief import Chain, Thief
from tests.space_helpers import join, make_session, sync, three_members
from tests.sync_helpers import tcp_sync
from tests.unit.spaces.test_space_device_keys import _laptop_thief, bodies, persona_of, post

Move = Callable[[Thief, bytes], list[bytes]]


def _empty_cut(thief: Thief, desk: bytes) -> list[bytes]:
    return [thief.next(ev.DEVICE_REVOKE, {"device": desk, "cut": []})]


def _narrow_cut(thief: Thief, desk: bytes) -> list[bytes]:
    cut = [[thief.own.device, thief.own.seq + 1]]  # only the laptop's own chain
    return [thief.next(ev.DEVICE_REVOKE, {"device": desk, "cut": cut})]


def _backdated_root(thief: Thief, desk: bytes) -> list[bytes]:
    """A fresh device rooted with the persona key at clock 1 (older than anything), which
    then revokes the desk."""
    chain, key = thief.fresh(persona_signed=True)
    content = DeviceRequest.make(chain.device, key).content()
    root = thief.next(ev.DEVICE_CERT, content, chain, lamport=1)
    chain.key = key
    cut = [[chain.device, chain.seq + 1]]
    return [root, thief.next(ev.DEVICE_REVOKE, {"device": desk, "cut": cut}, chain)]


def _revoke_then_post(thief: Thief, desk: bytes) -> list[bytes]:
    return [*_narrow_cut(thief, desk), thief.next(ev.POST, post("the thief, after revoking"))]


def _revoke_another(thief: Thief, desk: bytes) -> list[bytes]:
    """Revoke some device that is not the desk, with an empty cut: without the rule, its
    retirement of the persona key would void the desk's persona-signed genesis."""
    other, _ = thief.fresh()
    return [thief.next(ev.DEVICE_REVOKE, {"device": other.device, "cut": []})]


def _drop_the_desk(thief: Thief, desk: bytes) -> list[bytes]:
    """Ari's device list without the desk, its cut naming none of the desk's chain."""
    listed = [[thief.own.device, os.urandom(32)]]
    content = {"member": thief.author, "devices": listed, "cut": [[desk, 0, bytes(32)]]}
    return [thief.next(ev.DEVICES, content)]


MOVES: dict[str, Move] = {
    "empty-cut": _empty_cut,
    "narrow-cut": _narrow_cut,
    "backdated-root": _backdated_root,
    "revoke-then-post": _revoke_then_post,
    "revoke-another": _revoke_another,
    "drop-the-desk": _drop_the_desk,
}


def _history_survives(s: Session, space: bytes, genesis_id: bytes) -> None:
    """The genesis is in the log and the projection's (name, owner); Ari's post from
    before the theft and after the revocation are shown."""
    with s.vault.read() as conn:
        assert lt.get_event(conn, genesis_id) is not None
    assert s.spaces.space_info(space).name == "Circle"
    assert {"Ari's history", "still Ari"} <= bodies(s, space)
    owners = [m.display_name for m in s.spaces.members(space) if m.role == Role.OWNER]
    assert owners == ["Ari"]


def _revocations_in_force(s: Session, space: bytes, ari: bytes) -> list[bytes]:
    with s.vault.read() as conn:
        return [r.target for r in device_keys.load_rules(conn, space, ari).revocations]


@pytest.mark.parametrize("thief_first", [True, False], ids=["thief-first", "unlink-first"])
@pytest.mark.parametrize("move", list(MOVES))
def test_a_stolen_linked_laptop_cannot_erase_the_owners_history(
    desk_laptop_bea: tuple[Session, Session, Session, bytes], move: str, thief_first: bool
) -> None:
    desk, laptop, bea, space = desk_laptop_bea
    ari = persona_of(desk, space)
    desk.spaces.post(space, "Ari's history")
    sync(space, desk, bea)
    with desk.vault.read() as conn:
        genesis = founding.genesis(conn, space, ari)
    assert genesis is not None and genesis.device == desk.identity.device_id
    thief = _laptop_thief(desk, laptop, space)
    laptop_key = SigningKeyPair.generate()  # certified in the space before the theft
    before = [thief.certify(thief.own, thief.own.device, laptop_key, ev.DEVICE_CERT)]
    thief.own.key = laptop_key
    for s in (desk, bea):
        assert len(s.log.ingest(before).accepted) == 1
    moves = MOVES[move](thief, desk.identity.device_id)
    if thief_first:  # both replicas take the thief's moves before the person's revocation
        for s in (desk, bea):
            assert s.log.ingest(moves).accepted
    desk.devices.unlink(laptop.identity.device_id)
    tcp_sync(desk, bea)
    if not thief_first:
        for s in (desk, bea):
            s.log.ingest(moves)
    desk.spaces.post(space, "still Ari")
    tcp_sync(desk, bea)
    for s in (desk, bea):
        _history_survives(s, space, genesis.id)
        assert _revocations_in_force(s, space, ari) == [laptop.identity.device_id]
        if not thief_first:
            assert "the thief, after revoking" not in bodies(s, space)


def test_a_second_backdated_genesis_is_refused(
    desk_laptop_bea: tuple[Session, Session, Session, bytes],
) -> None:
    """The owner's persona key on the stolen laptop writes another genesis — clock 1, its
    own name and device — on a fresh chain: no replica takes it, so the projection keeps
    the real one, and it cannot make the laptop's chain the owner's founding device."""
    desk, laptop, bea, space = desk_laptop_bea
    thief = _laptop_thief(desk, laptop, space)
    with desk.vault.read() as conn:
        real = founding.genesis(conn, space, thief.author)
        assert real is not None
        content = dict(desk.log.open_stored(conn, real).content)
    content["name"] = "Taken"
    content["devices"] = [[thief.own.device, content["devices"][0][1]]]
    for _ in range(8):  # whatever its id, smaller or larger than the real one's
        chain, _ = thief.fresh(persona_signed=True)
        forged = thief.next(ev.GENESIS, content, chain, lamport=1)
        for s in (desk, bea):
            assert s.log.ingest([forged]).rejected
    for s in (desk, bea):
        assert s.spaces.space_info(space).name == "Circle"
        with s.vault.read() as conn:
            found = founding.genesis(conn, space, real.author)
            assert found is not None and found.id == real.id
            assert founding.founding_devices(conn, space, real.author) == {real.device}


@pytest.mark.parametrize("thief_first", [True, False], ids=["thief-first", "revoke-first"])
def test_a_members_later_device_cannot_revoke_the_device_an_admin_added(
    tmp_path: Path, thief_first: bool
) -> None:
    """Bea joined on her desk (Ari's add names it); her second device, certified in the
    space before it was stolen, revokes the desk with a cut that keeps only its own chain.
    Whichever reaches each replica first — Bea's desk included — Bea's history stays and
    her revocation of the stolen device stands."""
    ari, bea, cai, space = three_members(tmp_path)
    bea_pk = persona_of(bea, space)
    bea.spaces.post(space, "Bea's history")
    second = os.urandom(16)
    bea.spaces.add_device(space, second, os.urandom(32))
    sync(space, ari, bea, cai)
    thief = Thief.in_space_of(bea, space)
    key = SigningKeyPair.generate()
    stolen = Chain(second, None)
    before = [thief.certify(stolen, second, key, ev.DEVICE_CERT)]
    stolen.key = key
    before.append(thief.next(ev.POST, post("the second device, before it was stolen"), stolen))
    for s in (ari, bea, cai):
        assert len(s.log.ingest(before).accepted) == 2
    cut = [[second, stolen.seq + 1]]  # its own chain only (an empty cut voids itself too)
    revoke_desk = thief.next(ev.DEVICE_REVOKE, {"device": thief.own.device, "cut": cut}, stolen)
    if thief_first:  # every replica, Bea's desk included, takes it first
        for s in (ari, bea, cai):
            assert s.log.ingest([revoke_desk]).accepted
    bea.spaces.remove_device(space, bea_pk, second)
    sync(space, ari, bea, cai)
    if not thief_first:
        for s in (ari, cai):
            s.log.ingest([revoke_desk])
    bea.spaces.post(space, "Bea writes on")
    sync(space, ari, bea, cai)
    for s in (ari, bea, cai):
        assert _revocations_in_force(s, space, bea_pk) == [second]
        assert {"Bea's history", "Bea writes on"} <= bodies(s, space)


def test_a_later_device_is_told_it_cannot_revoke_the_founding_one(
    desk_laptop_bea: tuple[Session, Session, Session, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What this device's own revocation would be: the desk (founding) may revoke any
    other device of Ari's; another device may not revoke the desk (the app then writes no
    revocation, which would revoke nothing, and `haven device unlink` names the spaces)."""
    desk, laptop, _, space = desk_laptop_bea
    later = laptop.identity.device_id
    assert desk.spaces.device_keys.kept_by_founding(later) == []
    with monkeypatch.context() as m:  # as if the laptop had made the space
        m.setattr(founding, "founding_devices", lambda *_: frozenset([later]))
        assert desk.spaces.device_keys.kept_by_founding(later) == ["Circle"]
        desk.devices.unlink(later)
    with desk.vault.read() as conn:
        assert not sdk.revocations(conn, space, persona_of(desk, space))
    with desk.vault.read() as conn:
        row = ids.get_space(conn, space)
        assert row is not None
        assert own_device_keys.may_revoke(conn, row, desk.identity.device_id, os.urandom(16))
        assert not own_device_keys.may_revoke(conn, row, later, desk.identity.device_id)
        assert own_device_keys.may_revoke(conn, row, later, os.urandom(16))


def test_a_leave_from_a_stolen_later_device_keeps_the_owners_history(
    desk_laptop_bea: tuple[Session, Session, Session, bytes],
) -> None:
    """The laptop leaves the space as Ari with an empty cut, and the desk itself takes that
    before the person unlinks the laptop (so the leave is inside the desk's cut and counts:
    Ari has left). Its cut does not reach the founding desk's chain: the genesis and Ari's
    posts stay on every replica, and the space keeps its name (core/spaces/finality.py)."""
    desk, laptop, bea, space = desk_laptop_bea
    desk.spaces.post(space, "Ari's history")
    sync(space, desk, bea)
    thief = _laptop_thief(desk, laptop, space)
    key = SigningKeyPair.generate()
    moves = [thief.certify(thief.own, thief.own.device, key, ev.DEVICE_CERT)]
    thief.own.key = key
    moves.append(thief.next(ev.LEAVE, {"cut": []}))
    for s in (desk, bea):
        assert len(s.log.ingest(moves).accepted) == 2
    desk.devices.unlink(laptop.identity.device_id)
    tcp_sync(desk, bea)
    for s in (desk, bea):
        assert s.spaces.space_info(space).name == "Circle"
        assert "Ari's history" in bodies(s, space)
        assert [m.display_name for m in s.spaces.members(space, include_former=True)] == [
            "Ari",
            "Bea",
        ]


def test_a_later_devices_cut_reaches_a_founding_chain_only_above_its_anchor() -> None:
    """The rule itself (SpaceDeviceRules): a founding chain's persona-signed history up to
    its anchor (its root certificate, or the genesis for an owner's device not rooted yet)
    stays whatever a later device's revocation says; above the anchor of a chain not rooted
    yet, that revocation still retires the persona key, so a thief it revoked cannot go on
    writing the founding device's chain with it. A founding device's own revocation reaches
    everything outside its cut."""
    desk, laptop, phone = os.urandom(16), os.urandom(16), os.urandom(16)
    laptop_key = os.urandom(32)

    def header(device: bytes, seq: int, signer: bytes | None = None) -> env.Header:
        version = env.VERSION if signer is None else env.VERSION_3
        return env.Header(bytes(16), 0, bytes(32), device, seq, seq, bytes(32), version, signer)

    certs = {laptop: sdk.CertRow(laptop, laptop_key, os.urandom(32), 1)}
    by_laptop = sdk.RevocationRow(os.urandom(32), laptop, phone, {laptop: 5})
    unrooted = device_keys.SpaceDeviceRules(certs, [by_laptop], {desk: 1})  # the genesis
    assert unrooted.verdict(header(desk, 1)) == device_keys.OK
    assert unrooted.verdict(header(desk, 2)) == device_keys.NO  # a continuation, retired
    assert unrooted.verdict(header(laptop, 5, laptop_key)) == device_keys.OK
    revoke_desk = sdk.RevocationRow(os.urandom(32), laptop, desk, {laptop: 5})
    void = device_keys.SpaceDeviceRules(certs, [revoke_desk], {desk: 1})
    assert void.revocations == [] and void.verdict(header(desk, 2)) == device_keys.OK
    by_desk = sdk.RevocationRow(os.urandom(32), desk, laptop, {desk: 9, laptop: 3})
    standing = device_keys.SpaceDeviceRules(certs, [by_desk, revoke_desk], {desk: 1})
    assert standing.verdict(header(laptop, 4, laptop_key)) == device_keys.NO
    assert standing.verdict(header(desk, 9)) == device_keys.OK
    # A cut that leaves out its writer's own root certificate would uncertify its writer.
    empty = sdk.RevocationRow(os.urandom(32), laptop, phone, {})
    assert device_keys.SpaceDeviceRules(certs, [empty], {desk: 1}).revocations == []


def _status(s: Session, space: bytes, pk: bytes) -> tuple[str, str]:
    members = s.spaces.members(space, include_former=True)
    return {m.member_pk: (m.role.value, m.status.value) for m in members}[pk]


def test_a_self_demotion_from_a_stolen_later_device_leaves_the_founding_devices_acts(
    tmp_path: Path,
) -> None:
    """Bea, an admin, removes Cai from her founding desk. A thief holding her second
    device writes Bea's own demotion with a cut naming only that device: it would judge
    everything the desk did as admin since her promotion as a member's act, and Cai would
    come back. The demotion's window spares the founding chain (found in review)."""
    ari, bea, cai, space = three_members(tmp_path)
    bea_pk, cai_pk = persona_of(bea, space), persona_of(cai, space)
    second = os.urandom(16)
    bea.spaces.add_device(space, second, os.urandom(32))
    sync(space, ari, bea, cai)
    ari.spaces.set_role(space, bea_pk, Role.ADMIN)
    sync(space, ari, bea, cai)
    bea.spaces.remove_member(space, cai_pk)  # on Bea's founding desk
    sync(space, ari, bea)
    thief = Thief.in_space_of(bea, space)
    key = SigningKeyPair.generate()
    stolen = Chain(second, None)
    moves = [thief.certify(stolen, second, key, ev.DEVICE_CERT)]
    stolen.key = key
    cut = [[second, stolen.seq + 1, bytes(32)]]
    moves.append(thief.next(ev.ROLE, {"member": bea_pk, "role": "member", "cut": cut}, stolen))
    for s in (ari, bea):
        s.log.ingest(moves)
    for s in (ari, bea):
        assert _status(s, space, cai_pk)[1] == "removed"


def test_a_members_founding_device_outlasts_the_admin_who_added_them(tmp_path: Path) -> None:
    """Cai's founding device is the one Bea's add named while Bea was an admin. When Bea is
    later removed, that add still counted where it stands in the log, so Cai's founding
    device does not vanish (found in review: it was judged by the adder's role now)."""
    ari, bea, cai = (make_session(tmp_path, n) for n in ("ari", "bea", "cai"))
    space = ari.spaces.create_space("Circle", display_name="Ari")
    join(ari, bea, space, "Bea")
    bea_pk = persona_of(bea, space)
    ari.spaces.set_role(space, bea_pk, Role.ADMIN)
    sync(space, ari, bea)
    join(bea, cai, space, "Cai")
    sync(space, ari, bea, cai)
    cai_pk = persona_of(cai, space)
    with ari.vault.read() as conn:
        before = founding.founding_devices(conn, space, cai_pk)
    assert before == {cai.identity.device_id_for(cai_pk)}
    ari.spaces.remove_member(space, bea_pk)
    sync(space, ari, cai)
    for s in (ari, cai):
        with s.vault.read() as conn:
            assert founding.founding_devices(conn, space, cai_pk) == before
