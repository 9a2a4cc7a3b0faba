"""Per-device signing keys (core/device_certs.py): each linked device signs with its own key,
certified by the persona (root) or by a certified device (linking); an unlink's cut revokes
the device's key and retires the persona key. The attacker is the person holding a stolen,
unlinked laptop, with every key its vault holds (tests/device_thief.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core import device_certs as dc
from haven.core import envelope as env
from haven.core import session
from haven.core.devices import DeviceService
from haven.core.linking import NewDevice, create_linked, make_bundle
from haven.core.session import Session
from haven.crypto.signing import SigningKeyPair
from haven.errors import InvalidInput
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.store import migrations
from tests.device_thief import Thief, link
from tests.helpers import PASSPHRASE, new_session
from tests.sync_helpers import sync_pair


def sync(*sessions: Session) -> None:
    for _ in range(2):
        for x in sessions:
            for y in sessions:
                if x is not y:
                    space = x.journal.space_id
                    y.log.ingest(x.log.envelopes_after(space, y.log.chain_tips(space), 10**6))


def bodies(s: Session) -> list[str]:
    return sorted(e.body for e in s.journal.list())


def envelope_of(s: Session, entry: bytes) -> bytes:
    with s.vault.read() as conn:
        row = conn.execute("SELECT envelope FROM events WHERE id = ?", (entry,)).fetchone()
    return bytes(row[0])


@pytest.fixture
def three(tmp_path: Path) -> Iterator[tuple[Session, Session, Session]]:
    """A desk, a phone and a laptop; the laptop is the one that will be stolen."""
    desk = new_session(tmp_path / "desk")
    phone = link(desk, tmp_path / "phone", "phone")
    laptop = link(desk, tmp_path / "laptop", "laptop")
    sync(desk, phone, laptop)
    yield desk, phone, laptop
    for s in (desk, phone, laptop):
        if s.is_open:
            s.lock()


def test_each_device_signs_with_its_own_certified_key(
    three: tuple[Session, Session, Session],
) -> None:
    desk, phone, laptop = three
    entry = phone.journal.add("written on the phone")
    sync(desk, phone, laptop)
    assert "written on the phone" in bodies(desk) and "written on the phone" in bodies(laptop)
    header = env.read_header(envelope_of(desk, entry))[0]
    persona = desk.identity.primary().persona_id
    with phone.vault.read() as conn:
        phone_key = SigningKeyPair.from_seed(
            dt.get_sign_seed(conn, phone.identity.device_id) or b""
        )
    assert header.version == env.VERSION_3 and header.signer == phone_key.public != persona
    with desk.vault.read() as conn:
        desk_cert = dt.get_cert(conn, desk.identity.device_id)
        phone_cert = dt.get_cert(conn, phone.identity.device_id)
    # The desk certified itself with the persona key; it certified the phone with its own.
    assert desk_cert is not None and desk_cert.root
    assert phone_cert is not None and not phone_cert.root
    assert phone_cert.issuer == desk.identity.device_id
    assert phone_cert.device_key == phone_key.public
    with phone.vault.read() as conn:  # the phone's key secret was never on the desk
        assert dt.get_sign_seed(conn, desk.identity.device_id) is None


def test_a_certificate_needs_the_new_keys_own_proof(
    three: tuple[Session, Session, Session],
) -> None:
    desk, _, _ = three
    request = dc.DeviceRequest.decode(NewDevice.generate().request())
    stolen_key = SigningKeyPair.generate().public  # someone else's key, no proof from it
    forged = dc.DeviceRequest(request.device_id, stolen_key, request.proof).encode()
    with pytest.raises(InvalidInput):
        desk.devices.certify(forged)
    with pytest.raises(InvalidInput):
        desk.devices.certify(b"\x94\x01\x02\x03\x04")


def test_a_key_that_is_not_the_devices_is_refused(three: tuple[Session, Session, Session]) -> None:
    desk, _, laptop = three
    thief = Thief.of(laptop)
    thief.own.key = SigningKeyPair.generate()  # the laptop's chain, another key
    result = desk.log.ingest([thief.entry("signed by a key the laptop was never given")])
    assert result.rejected == ["the author may not write this event in this space"]


def test_events_that_arrive_before_their_certificate_wait_for_it(tmp_path: Path) -> None:
    desk = new_session(tmp_path / "desk")
    other = link(desk, tmp_path / "other", "other")
    sync(desk, other)
    laptop = link(desk, tmp_path / "laptop", "laptop")  # certified on the desk's chain
    laptop.journal.add("the laptop's first entry")
    space = desk.journal.space_id
    from_laptop = laptop.log.envelopes_after(space, other.log.chain_tips(space), 100)
    from_desk = desk.log.envelopes_after(space, other.log.chain_tips(space), 100)
    # The laptop's chain first, its certificate (on the desk's chain) last, in one batch.
    result = other.log.ingest(from_laptop + from_desk)
    assert result.rejected == [] and result.held >= 1
    assert "the laptop's first entry" in bodies(other)
    for s in (desk, other, laptop):
        s.lock()


def _unlink_laptop(desk: Session, phone: Session, laptop: Session) -> None:
    laptop.journal.add("written on the laptop before it was stolen")
    sync(desk, phone, laptop)
    desk.devices.unlink(laptop.identity.device_id)
    sync(desk, phone)


def test_the_unlinked_laptops_own_key_writes_nothing_that_counts(
    three: tuple[Session, Session, Session],
) -> None:
    desk, phone, laptop = three
    _unlink_laptop(desk, phone, laptop)
    thief = Thief.of(laptop)
    late = thief.entry("posted from the stolen laptop", lamport=2)  # backdated: no help
    for s in (desk, phone):
        assert s.log.ingest([late]).rejected == [
            "the author may not write this event in this space"
        ]
        assert "written on the laptop before it was stolen" in bodies(s)  # inside the cut
        assert "posted from the stolen laptop" not in bodies(s)
    assert [d.unlinked for d in phone.devices.list() if d.label == "laptop"] == [True]


@pytest.mark.parametrize("move", ["own key certifies", "persona key roots", "persona key writes"])
def test_the_unlinked_laptop_cannot_list_itself_again(
    three: tuple[Session, Session, Session], move: str
) -> None:
    """The attacker's best move: a new device id for the same person, certified with what
    the laptop still holds — its own (revoked) key, or the persona key."""
    desk, phone, laptop = three
    _unlink_laptop(desk, phone, laptop)
    thief = Thief.of(laptop)
    new_device, new_key = thief.fresh(persona_signed=move == "persona key writes")
    sent = []
    if move == "own key certifies":  # a certificate on the laptop's own (revoked) chain
        sent.append(thief.certify(thief.own, new_device.device, new_key))
    elif move == "persona key roots":  # a root certificate, persona-signed, on the new chain
        new_device.key = None
        sent.append(thief.certify(new_device, new_device.device, new_key))
        new_device.key = new_key
    sent.append(thief.link(new_device, bytes(32), "my new laptop"))
    sent.append(thief.entry("posted as a brand-new device", new_device, lamport=3))
    for s in (desk, phone):
        result = s.log.ingest(sent)
        assert not result.accepted
        assert "posted as a brand-new device" not in bodies(s)
        assert new_device.device not in {d.device_id for d in s.devices.list()}
        with s.vault.read() as conn:
            assert dt.get_cert(conn, new_device.device) is None


def test_what_the_laptop_wrote_before_the_unlink_arrived_is_taken_back(
    three: tuple[Session, Session, Session],
) -> None:
    """The stolen laptop reaches the phone first: its post-theft entries and a new device it
    certified are accepted there, until the unlink (whose cut does not hold them) arrives."""
    desk, phone, laptop = three
    laptop.journal.add("written on the laptop before it was stolen")
    sync(desk, phone, laptop)
    desk.devices.unlink(laptop.identity.device_id)  # the desk has not heard from the thief
    thief = Thief.of(laptop)
    new_device, new_key = thief.fresh()
    sent = [
        thief.entry("posted from the stolen laptop"),
        thief.certify(thief.own, new_device.device, new_key),
        thief.entry("posted as a brand-new device", new_device),
    ]
    assert len(phone.log.ingest(sent).accepted) == 3  # the phone has not heard of the unlink
    assert "posted as a brand-new device" in bodies(phone)
    sync(desk, phone)
    for s in (desk, phone):
        assert bodies(s) == ["written on the laptop before it was stolen"]
        with s.vault.read() as conn:
            assert dt.get_cert(conn, new_device.device) is None
    assert phone.log.chain_tips(phone.journal.space_id) == desk.log.chain_tips(
        desk.journal.space_id
    )


def test_the_remaining_devices_go_on_after_an_unlink(
    three: tuple[Session, Session, Session], tmp_path: Path
) -> None:
    desk, phone, laptop = three
    _unlink_laptop(desk, phone, laptop)
    phone.journal.add("the phone after the unlink")
    tablet = link(phone, tmp_path / "tablet", "tablet")  # a certified device certifies
    tablet.journal.add("a new tablet")
    sync(desk, phone, tablet)
    for s in (desk, phone, tablet):
        assert {"the phone after the unlink", "a new tablet"} <= set(bodies(s))
    tablet.lock()


def test_a_group_space_refuses_an_event_signed_by_another_key_than_the_certified_one(
    tmp_path: Path,
) -> None:
    """Group spaces take device-signed events too (core/spaces/device_keys.py), but only
    with the key certified for that member and device: Ari's device certified its own key
    when it made the space, so another key for it is refused (tests/unit/spaces/
    test_space_device_keys.py has the rest)."""
    ari = new_session(tmp_path / "ari")
    space = ari.spaces.create_space("Circle", display_name="Ari")
    twin = ari.log.envelopes_after(space, {}, 10)[0]
    header, _, _ = env.read_header(twin)
    from tests.canary_scan import epoch_keys

    original = env.open_event(twin, epoch_keys(ari, space)[header.epoch])
    device_key = SigningKeyPair.generate()
    forged = env.seal_event(
        env.Header(
            space,
            header.epoch,
            header.author,
            header.device,
            99,
            99,
            env.ZERO_ID,
            env.VERSION_3,
            device_key.public,
        ),
        original.type,
        0,
        {"title": "", "body": "signed by a device key", "cw": ""},
        device_key,
        epoch_keys(ari, space)[header.epoch],
    )
    result = ari.log.ingest([forged.envelope])
    assert result.rejected == ["the author may not write this event in this space"]
    ari.lock()


def test_a_certificate_without_the_new_keys_proof_certifies_nothing(
    three: tuple[Session, Session, Session],
) -> None:
    """A linked device writes certificates only through `certify`, which checks the proof;
    a crafted one without it (the key's owner never agreed) is ignored on receipt, and so
    is a persona-signed certificate written on one chain for another device."""
    desk, _, laptop = three
    thief = Thief.of(laptop)
    new_device, new_key = thief.fresh()
    request = dc.DeviceRequest.make(new_device.device, new_key)
    unproven = dc.DeviceRequest(request.device_id, request.device_key, bytes(64))
    other, _ = thief.fresh(persona_signed=True)
    sent = [
        thief.next(dc.CERT, unproven.content()),
        thief.certify(other, new_device.device, new_key),  # persona root, wrong chain
        thief.entry("posted as the uncertified device", new_device),
    ]
    result = desk.log.ingest(sent)
    assert len(result.accepted) == 2 and result.held == 1
    with desk.vault.read() as conn:
        assert dt.get_cert(conn, new_device.device) is None
    assert "posted as the uncertified device" not in bodies(desk)


def _to_schema_14(s: Session) -> None:
    """What schema 15 adds, taken away again: the vault as the code before device keys
    left it."""
    with s.vault.transaction() as conn:
        for table in (
            "device_sign_keys",
            "device_revocation_cuts",
            "device_revocations",
            "device_certs",
        ):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("PRAGMA user_version = 14")


def test_vaults_from_before_device_keys_migrate_and_keep_their_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as old_code:
        old_code.setattr(DeviceService, "ensure_device_key", lambda self: None)
        desk = new_session(tmp_path / "desk")
        laptop = create_linked(tmp_path / "laptop", PASSPHRASE, make_bundle(desk), "laptop")
        desk.journal.add("an old entry on the desk")
        laptop.journal.add("an old entry on the laptop")
        sync(desk, laptop)
        space = desk.journal.space_id
        old = desk.log.envelopes_after(space, {}, 1000)
        assert {env.read_header(e)[0].version for e in old} == {env.VERSION}  # persona-signed
        for s in (desk, laptop):
            _to_schema_14(s)
            s.lock()
    # Only schema 15 was taken away: the later migrations' changes are still in place, so
    # they run as no-ops here (re-running them would add their columns a second time).
    shipped = migrations.available()
    with monkeypatch.context() as upgrade:
        upgrade.setattr(
            migrations,
            "available",
            lambda: [(n, sql if n <= 15 else "SELECT 1;") for n, sql in shipped],
        )
        desk = session.unlock(tmp_path / "desk", PASSPHRASE)  # each certifies its own key
        laptop = session.unlock(tmp_path / "laptop", PASSPHRASE)
    desk.journal.add("the desk after the upgrade")
    laptop.journal.add("the laptop after the upgrade")
    sync(desk, laptop)
    history = ["an old entry on the desk", "an old entry on the laptop"]
    for s in (desk, laptop):
        assert bodies(s) == sorted(
            [*history, "the desk after the upgrade", "the laptop after the upgrade"]
        )
        with s.vault.read() as conn:
            certs = [dt.get_cert(conn, d.identity.device_id) for d in (desk, laptop)]
        assert all(c is not None and c.root for c in certs)
    newest = desk.log.envelopes_after(space, {}, 1000)[-1]
    assert env.read_header(newest)[0].version == env.VERSION_3
    # The laptop is stolen: the unlink retires the persona key it still holds.
    desk.devices.unlink(laptop.identity.device_id)
    thief = Thief.of(laptop)
    new_device, _ = thief.fresh(persona_signed=True)
    sent = [thief.entry("after the unlink"), thief.entry("a new device", new_device)]
    assert not desk.log.ingest(sent).accepted
    assert "after the unlink" not in bodies(desk) and set(history) <= set(bodies(desk))
    for s in (desk, laptop):
        s.lock()


def test_before_its_certificate_arrives_a_device_still_finds_forks_of_its_chain(
    tmp_path: Path,
) -> None:
    """A freshly linked device holds its own events before its certificate (on the linking
    device's chain) reaches it: a copy of an event is a duplicate, a second event at the
    same place signed by the same key is a fork, and one signed by any other key is refused
    without a fork record (a stranger cannot fill the records)."""
    desk = new_session(tmp_path / "desk")
    laptop = link(desk, tmp_path / "laptop", "laptop")
    thief = Thief.of(laptop)
    chain = thief.own
    space = laptop.journal.space_id
    (held,) = laptop.log.envelopes_after(space, {}, 100)  # its link event, nothing else yet
    assert laptop.log.ingest([held]).duplicates == 1
    header = env.read_header(held)[0]
    chain.seq, chain.prev = header.seq - 1, header.prev
    fork = thief.entry("a second event at the same place")
    result = laptop.log.ingest([fork])
    assert result.equivocations == 1 and not result.accepted
    chain.seq, chain.prev = header.seq - 1, header.prev
    chain.key = SigningKeyPair.generate()
    stranger = laptop.log.ingest([thief.entry("someone else's key")])
    assert stranger.equivocations == 0 and stranger.rejected == [
        "the author may not write this event in this space"
    ]
    for s in (desk, laptop):
        s.lock()


def test_events_for_devices_never_certified_fill_only_their_own_budget(
    three: tuple[Session, Session, Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unlinked laptop writes for brand-new devices that will never be certified: they
    are held up to a budget of their own, then refused, while an honest gap is still held."""
    desk, phone, laptop = three
    monkeypatch.setattr(dc, "MAX_HELD_UNCERTIFIED", 5)
    _unlink_laptop(desk, phone, laptop)
    thief = Thief.of(laptop)
    flood = []
    for i in range(8):
        chain, _ = thief.fresh()
        flood.append(thief.entry(f"for a device never certified {i}", chain))
    result = desk.log.ingest(flood)
    assert result.held == 5 and result.rejected_count == 3
    phone.journal.add("one")
    phone.journal.add("two")
    space = phone.journal.space_id
    second = phone.log.envelopes_after(space, desk.log.chain_tips(space), 100)[-1]
    assert desk.log.ingest([second]).held == 1  # an honest early arrival: room as before


def test_two_devices_unlinking_each_other_end_the_same_on_every_replica(
    three: tuple[Session, Session, Session], tmp_path: Path
) -> None:
    """The stolen laptop (still linked) unlinks the desk while the person, on the desk,
    unlinks the laptop. Each unlink is outside the other's cut; the phone hears the laptop
    first, the tablet the desk first. Both keep the desk's (its key was certified first) and
    drop the laptop's, and the key in force is the desk's rotation's, which the laptop lacks."""
    desk, phone, laptop = three
    tablet = link(desk, tmp_path / "tablet", "tablet")
    sync(desk, phone, laptop, tablet)
    laptop.devices.unlink(desk.identity.device_id)  # the thief's move
    desk.devices.unlink(laptop.identity.device_id)  # the person's, at the same time
    space = desk.journal.space_id
    sync_pair(laptop, phone)  # real sync rounds, in opposite orders
    sync_pair(desk, phone)
    sync_pair(desk, tablet)
    sync_pair(laptop, tablet)
    honest = (desk, phone, tablet)
    for x in honest:
        for y in honest:
            if x is not y:
                sync_pair(x, y)
    for s in honest:
        unlinked = {d.device_id for d in s.devices.list() if d.unlinked}
        assert unlinked == {laptop.identity.device_id}
    assert len({repr(s.log.chain_tips(space)) for s in honest}) == 1
    epochs = set()
    for s in honest:
        with s.vault.read() as conn:
            row = ids.get_space(conn, space)
            assert row is not None
            epochs.add((row.current_epoch, ids.get_epoch_key(conn, space, row.current_epoch)))
    assert len(epochs) == 1  # one key in force everywhere: the desk's rotation's
    ((epoch, _),) = epochs
    with laptop.vault.read() as conn:
        assert ids.get_epoch_key(conn, space, epoch) is None
    phone.journal.add("after the race")
    sync_pair(phone, tablet)
    sync_pair(phone, desk)
    assert "after the race" in bodies(tablet) and "after the race" in bodies(desk)
    tablet.lock()


def test_an_unlink_whose_cut_leaves_out_its_own_certificate_is_void(
    three: tuple[Session, Session, Session],
) -> None:
    """The laptop, still linked (its key certified by the desk, on the desk's chain), unlinks
    the desk with an empty cut — which would also cut off its own certificate — and the desk
    and the phone take it first. It is void on every replica: nothing is removed, the desk
    is not unlinked, and the desk's unlink of the laptop stands."""
    desk, phone, laptop = three
    desk.journal.add("the desk's history")
    phone.journal.add("the phone's history")
    sync(desk, phone, laptop)
    thief = Thief.of(laptop)
    unlink = thief.next(dc.UNLINK, {"target": desk.identity.device_id, "cut": []})
    for s in (desk, phone):
        assert s.log.ingest([unlink]).accepted
        assert {"the desk's history", "the phone's history"} <= set(bodies(s))
        assert not [d for d in s.devices.list() if d.unlinked]
    desk.devices.unlink(laptop.identity.device_id)
    sync(desk, phone)
    desk.journal.add("the desk writes on")
    sync(desk, phone)
    for s in (desk, phone):
        assert {"the desk's history", "the phone's history", "the desk writes on"} <= set(bodies(s))
        assert {d.device_id for d in s.devices.list() if d.unlinked} == {laptop.identity.device_id}
