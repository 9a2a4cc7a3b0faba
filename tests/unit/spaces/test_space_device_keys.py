"""Per-device signing keys in group spaces (core/spaces/device_keys.py, PROTOCOL §5.11): each
member device signs with its own key, certified in the space by the member's persona; a
member revokes its own device, and an unlink in the journal revokes the unlinked device in
every space the linked devices share. The attackers: the person holding a stolen, unlinked
laptop (tests/device_thief.py), a member forging another member's device, a removed member."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from haven.core import device_certs as dc
from haven.core import envelope as env
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.crypto.signing import SigningKeyPair
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import device_keys as sdk
from tests.canary_scan import epoch_keys
from tests.device_thief import Chain, Thief
from tests.space_helpers import sync, three_members
from tests.sync_helpers import tcp_sync

POST = {"title": "", "body": "", "cw": ""}


def post(body: str) -> dict[str, str]:
    return POST | {"body": body}


def bodies(s: Session, space: bytes) -> set[str]:
    return {p.body for p in s.spaces.read_feed(space, include_hidden=True)}


def header_of(s: Session, event_id: bytes) -> env.Header:
    with s.vault.read() as conn:
        stored = lt.get_event(conn, event_id)
    assert stored is not None
    return env.read_header(stored.envelope)[0]


def device_key(s: Session, space: bytes) -> SigningKeyPair:
    with s.vault.read() as conn:
        row = ids.get_space(conn, space)
        assert row is not None
        seed = dt.get_sign_seed(conn, s.identity.device_id_for(row.persona_id))
    assert seed is not None
    return SigningKeyPair.from_seed(seed)


def persona_of(s: Session, space: bytes) -> bytes:
    with s.vault.read() as conn:
        row = ids.get_space(conn, space)
    assert row is not None
    return row.persona_id


def current(s: Session, space: bytes) -> tuple[int, bytes, int]:
    """(epoch, key, largest clock) a device of this space writes with now."""
    with s.vault.read() as conn:
        row = ids.get_space(conn, space)
        assert row is not None
        return (
            row.current_epoch,
            epoch_keys(s, space)[row.current_epoch],
            lt.max_lamport(conn, space),
        )


def test_members_sign_with_their_own_device_key_certified_in_the_space(tmp_path: Path) -> None:
    ari, bea, cai, space = three_members(tmp_path)
    written = bea.spaces.post(space, "from Bea's own key")
    sync(space, ari, bea, cai)
    header = header_of(cai, written)
    key = device_key(bea, space)
    assert header.version == env.VERSION_3 and header.signer == key.public != header.author
    with cai.vault.read() as conn:  # the certificate Bea published, as every member reads it
        assert sdk.certified_keys(conn, space, header.author) == {header.device: key.public}
    assert "from Bea's own key" in bodies(cai, space)
    # The history written before, signed by the persona key, stays valid: the genesis.
    with cai.vault.read() as conn:
        genesis = next(iter(lt.events_in_order(conn, space, ev.GENESIS)))
    assert env.read_header(genesis.envelope)[0].version == env.VERSION
    assert cai.log.rebuild_projections(space) > 0 and "from Bea's own key" in bodies(cai, space)


def test_a_member_cannot_sign_for_another_members_device(tmp_path: Path) -> None:
    """Bea, a member, signs as Ari with her own certified key (under a new device id and
    under Ari's real one), and with a key she certifies on her own chain for a new device:
    nothing counts, anywhere."""
    ari, bea, cai, space = three_members(tmp_path)
    ari_pk, bea_key = persona_of(ari, space), device_key(bea, space)
    bea_thief = Thief.in_space_of(bea, space)
    puppet, puppet_key = os.urandom(16), SigningKeyPair.generate()
    certificate = bea_thief.certify(bea_thief.own, puppet, puppet_key, ev.DEVICE_CERT)
    bea_thief.author = ari_pk  # from here on, headers name Ari
    ari_device = ari.identity.device_id_for(ari_pk)
    forged = [
        bea_thief.next(ev.POST, post("Bea as Ari"), Chain(os.urandom(16), bea_key)),
        bea_thief.next(ev.POST, post("Bea as Ari's device"), Chain(ari_device, bea_key)),
        bea_thief.next(ev.POST, post("Bea's puppet as Ari"), Chain(puppet, puppet_key)),
    ]
    result = cai.log.ingest([certificate, *forged])
    assert len(result.accepted) == 1  # Bea's certificate, which certifies only for Bea
    assert result.held == 2 and len(result.rejected) == 1  # Ari's device: another key
    with cai.vault.read() as conn:
        assert puppet not in sdk.certified_keys(conn, space, ari_pk)
    sync(space, ari, bea, cai)
    for s in (ari, bea, cai):
        assert not {"Bea as Ari", "Bea as Ari's device", "Bea's puppet as Ari"} & bodies(s, space)


def test_a_removed_members_device_key_signs_nothing_that_counts(tmp_path: Path) -> None:
    ari, bea, cai, space = three_members(tmp_path)
    cai_thief = Thief.in_space_of(cai, space)  # what Cai's device holds before the removal
    ari.spaces.remove_member(space, persona_of(cai, space))
    sync(space, ari, bea)
    after = cai_thief.next(ev.POST, post("signed by my device after my removal"))
    backdated = cai_thief.next(ev.POST, post("backdated"), lamport=cai_thief.lamport - 3)
    for s in (ari, bea):
        s.log.ingest([after, backdated])
        assert not {"signed by my device after my removal", "backdated"} & bodies(s, space)


def _laptop_thief(desk: Session, laptop: Session, space: bytes) -> Thief:
    """The stolen laptop's keys aimed at the space: the primary persona's seed (from the
    link bundle) and the space's epoch key, as one of Ari's devices there would hold."""
    epoch, key, clock = current(desk, space)
    return Thief.of(laptop).in_space(space, epoch, key, clock)


def _best_moves(thief: Thief, bea_post: bytes, desk_device: bytes, epoch: int) -> list[bytes]:
    """Everything the thief can write as Ari, each on its own chain so each is judged alone:
    post with the laptop's key, certified in the space before the unlink; root a
    fresh device and post with it; post, react, moderate Bea's post and add a puppet from
    fresh chains with the persona key, one backdated; revoke the desk."""
    moves = [thief.next(ev.POST, post("the thief with the laptop's key"))]
    rooted, rooted_key = thief.fresh(persona_signed=True)
    moves.append(thief.certify(rooted, rooted.device, rooted_key, ev.DEVICE_CERT))
    rooted.key = rooted_key
    moves.append(thief.next(ev.POST, post("the thief's new device"), rooted))
    puppet = {
        "member": os.urandom(32),
        "profile": {"name": "Puppet", "pronouns": "", "colour": ""},
        "devices": [[os.urandom(16), os.urandom(32)]],
        "key_epoch": epoch,
    }
    for event_type, content, lamport in (
        (ev.POST, post("the thief, backdated"), 2),
        (ev.REACT, {"kind": "me-too", "on": True, "target": bea_post}, None),
        (ev.MODERATE, {"reason": "spam", "target": bea_post}, None),
        (ev.ADD, puppet, None),
        (ev.DEVICE_REVOKE, {"device": desk_device, "cut": []}, None),
    ):
        chain, _ = thief.fresh(persona_signed=True)
        moves.append(thief.next(event_type, content, chain, lamport=lamport))
    return moves


THIEF_POSTS = {
    "the thief with the laptop's key",
    "the thief's new device",
    "the thief, backdated",
}


def _nothing_of_the_thief(s: Session, space: bytes, bea_post: bytes, erased: bool) -> None:
    """No post, reaction, moderation or member of the thief's counts. `erased`: the thief's
    moderation reached this replica before the revocation did, and erased the post's words
    there, for good (PROTOCOL §1.7: an erasure is never undone; §5.11, "Limits")."""
    feed = {p.post_id: p for p in s.spaces.read_feed(space, include_hidden=True)}
    assert not THIEF_POSTS & {p.body for p in feed.values()}
    target = feed[bea_post]
    assert target.state == "visible" and not target.reactions and not target.removed_reason
    assert target.body == ("" if erased else "Bea's post")
    assert "Puppet" not in {m.display_name for m in s.spaces.members(space)}


@pytest.mark.parametrize("thief_first", [True, False], ids=["thief-first", "unlink-first"])
def test_a_stolen_unlinked_laptop_cannot_act_as_its_person_in_a_space(
    desk_laptop_bea: tuple[Session, Session, Session, bytes], thief_first: bool
) -> None:
    """The unlink revokes the laptop in the space (a signed revocation, carried by real
    sync over TCP): whichever reaches Bea first, the thief's moves or the revocation,
    nothing the thief wrote counts there, and the desk still writes."""
    desk, laptop, bea, space = desk_laptop_bea
    bea_post = bea.spaces.post(space, "Bea's post")
    sync(space, desk, bea)
    thief = _laptop_thief(desk, laptop, space)
    # Before it was stolen, the laptop was one of Ari's devices in the space: its key
    # certified there, one post — which the desk and Bea hold (inside the cut).
    laptop_key = SigningKeyPair.generate()
    before = [thief.certify(thief.own, thief.own.device, laptop_key, ev.DEVICE_CERT)]
    thief.own.key = laptop_key
    before.append(thief.next(ev.POST, post("the laptop, before it was stolen")))
    for s in (desk, bea):
        assert len(s.log.ingest(before).accepted) == 2
    desk_device = desk.identity.device_id
    desk.devices.unlink(laptop.identity.device_id)
    with desk.vault.read() as conn:  # the unlink wrote a revocation in the space
        assert [r.target for r in sdk.revocations(conn, space, thief.author)] == [
            laptop.identity.device_id
        ]
    moves = _best_moves(thief, bea_post, desk_device, current(desk, space)[0])
    if thief_first:
        assert bea.log.ingest(moves).accepted  # before the revocation, some count for now
    tcp_sync(desk, bea)
    if not thief_first:
        result = bea.log.ingest(moves)
        assert not [e for e in result.accepted if e.type != ev.DEVICE_CERT or e.redacted]
    _nothing_of_the_thief(bea, space, bea_post, erased=thief_first)
    desk.spaces.post(space, "still Ari")
    tcp_sync(desk, bea)
    assert {"still Ari", "the laptop, before it was stolen"} <= bodies(bea, space)
    _nothing_of_the_thief(bea, space, bea_post, erased=thief_first)


def test_only_a_certified_device_revokes_and_a_chain_signs_with_its_own_key_after_its_root(
    desk_laptop_bea: tuple[Session, Session, Session, bytes],
) -> None:
    """The laptop's thief, before the unlink reached Bea: a revocation of the desk signed
    with the persona key counts for nothing (even one whose cut keeps its own chain), the
    persona key writes nothing on the desk's chain after its root certificate, and no
    certificate from another chain unbinds the desk's key."""
    desk, laptop, bea, space = desk_laptop_bea
    thief = _laptop_thief(desk, laptop, space)
    chain, _ = thief.fresh(persona_signed=True)
    revoke = {"device": desk.identity.device_id, "cut": [[chain.device, 1]]}
    result = bea.log.ingest([thief.next(ev.DEVICE_REVOKE, revoke, chain)])
    assert result.rejected == ["the author may not write this event in this space"]
    with desk.vault.read() as conn:
        seq, prev = lt.chain_tip(conn, space, thief.author, desk.identity.device_id)
    on_desk_chain = Chain(desk.identity.device_id, None, seq, prev or env.ZERO_ID)
    result = bea.log.ingest([thief.next(ev.POST, post("on the desk's chain"), on_desk_chain)])
    assert result.rejected and "on the desk's chain" not in bodies(bea, space)
    # A device the persona key roots certifies another key for the desk: the desk's own
    # root certificate, on its own chain, binds its key for good.
    rooted, rooted_key = thief.fresh(persona_signed=True)
    certs = [thief.certify(rooted, rooted.device, rooted_key, ev.DEVICE_CERT)]
    rooted.key = rooted_key
    certs.append(
        thief.certify(rooted, desk.identity.device_id, SigningKeyPair.generate(), ev.DEVICE_CERT)
    )
    assert len(bea.log.ingest(certs).accepted) == 2
    desk.spaces.post(space, "the desk writes on")
    sync(space, desk, bea)
    assert "the desk writes on" in bodies(bea, space)
    with bea.vault.read() as conn:
        assert not sdk.revocations(conn, space, thief.author)


def test_the_revoked_laptops_key_cannot_revoke_the_desk_afterwards(
    desk_laptop_bea: tuple[Session, Session, Session, bytes],
) -> None:
    """The laptop's key was certified in the space before the theft; after the unlink, a
    revocation of the desk signed with it (its cut keeping the laptop's own chain) is
    refused by a replica that has the unlink, and the desk writes on."""
    desk, laptop, bea, space = desk_laptop_bea
    thief = _laptop_thief(desk, laptop, space)
    laptop_key = SigningKeyPair.generate()
    before = [thief.certify(thief.own, thief.own.device, laptop_key, ev.DEVICE_CERT)]
    thief.own.key = laptop_key
    for s in (desk, bea):
        assert len(s.log.ingest(before).accepted) == 1
    desk.devices.unlink(laptop.identity.device_id)
    tcp_sync(desk, bea)
    cut = [[thief.own.device, thief.own.seq + 1]]
    revoke = thief.next(ev.DEVICE_REVOKE, {"device": desk.identity.device_id, "cut": cut})
    assert bea.log.ingest([revoke]).rejected
    desk.spaces.post(space, "the desk writes on")
    tcp_sync(desk, bea)
    assert "the desk writes on" in bodies(bea, space)


def test_removing_ones_own_other_device_revokes_it_and_retires_the_persona_key(
    tmp_path: Path,
) -> None:
    ari, bea, cai, space = three_members(tmp_path)
    cai_pk = persona_of(cai, space)
    seized = os.urandom(16)
    cai.spaces.add_device(space, seized, os.urandom(32))
    thief = Thief.in_space_of(cai, space)  # the seized device holds the persona key
    cai.spaces.remove_device(space, cai_pk, seized)
    sync(space, ari, bea, cai)
    with ari.vault.read() as conn:
        assert [r.target for r in sdk.revocations(conn, space, cai_pk)] == [seized]
    chain = Chain(seized, None)
    fresh, _ = thief.fresh(persona_signed=True)
    moves = [
        thief.next(ev.POST, post(f"from {n}"), c) for n, c in (("seized", chain), ("fresh", fresh))
    ]
    assert len(ari.log.ingest(moves).rejected) == 2
    cai.spaces.post(space, "Cai writes on")
    sync(space, ari, cai)
    assert "Cai writes on" in bodies(ari, space)


def test_the_uncertified_budget_counts_only_events_waiting_for_a_certificate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bea (a member) floods Ari: events signed by one device key she never certifies are
    held up to MAX_HELD_UNCERTIFIED, then refused, and take no room from gaps; events held
    only for a gap (persona-signed, on chains without a certificate) take none of that
    budget — an honest device's early event, its certificate not yet here, is still held."""
    ari, bea, _, space = three_members(tmp_path)
    monkeypatch.setattr(dc, "MAX_HELD_UNCERTIFIED", 5)
    thief = Thief.in_space_of(bea, space)
    gapped, _ = thief.fresh(persona_signed=True)
    gapped.seq = 1  # its first event never comes: every one after it waits for the gap
    gaps = [thief.next(ev.POST, post(f"after a gap {i}"), gapped) for i in range(8)]
    assert ari.log.ingest(gaps).held == 8
    honest, honest_key = thief.fresh()
    early = thief.next(ev.POST, post("an honest device, its certificate on the way"), honest)
    assert ari.log.ingest([early]).held == 1
    flood_chain, _ = thief.fresh()
    flood = [thief.next(ev.POST, post(f"never certified {i}"), flood_chain) for i in range(8)]
    result = ari.log.ingest(flood)
    assert result.held == 4 and result.rejected_count == 4  # 5 with the honest one
    with ari.vault.read() as conn:
        assert lt.count_held_waiting(conn, space) == 5
        assert lt.count_held(conn, space) == 13
    late_gap = thief.next(ev.POST, post("after a gap, later"), gapped)
    assert ari.log.ingest([late_gap]).held == 1  # gaps have their own room, as before
    cert = thief.certify(thief.own, honest.device, honest_key, ev.DEVICE_CERT)
    assert len(ari.log.ingest([cert]).accepted) == 2  # the certificate releases the early one
    assert "an honest device, its certificate on the way" in bodies(ari, space)
