"""Per-device signing keys through real sync: vaults on disk, direct TCP on 127.0.0.1
(SyncEngine.serve and async_sync_once, as `haven serve` / `haven sync --peer` run them),
and a real relay process.
A linked device's own-key events verify on the others; a stolen, unlinked laptop's later
entries and its attempts to list itself again as a new device are not shown on any of them,
whichever reaches a device first, the thief or the unlink; forks of a device-signed chain
are still found."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core import envelope as env
from haven.core.devices import DeviceService
from haven.core.linking import create_linked, make_bundle
from haven.core.session import Session
from haven.relay.client import RelayClient
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.sync.engine import SyncEngine, async_sync_once
from haven.sync.reconcile import SyncReport
from haven.sync.relay_sync import open_blob, seal_blob, sync_relays
from tests.device_thief import Thief
from tests.helpers import PASSPHRASE, new_session
from tests.integration.cli_support import haven, ok
from tests.integration.relay_sync_support import Relay
from tests.unit.test_device_keys import bodies, link

WAIT_S = 60.0


def tcp_sync(server: Session, client: Session) -> SyncReport:
    """One round over TCP on 127.0.0.1: `server` listens, `client` connects."""
    engine = SyncEngine(server)
    engine.start()
    try:
        port = engine.serve("127.0.0.1", 0)
        report = asyncio.run(asyncio.wait_for(async_sync_once(client, "127.0.0.1", port), WAIT_S))
    finally:
        engine.stop()
    assert report.complete
    return report


@pytest.fixture
def devices(tmp_path: Path) -> Iterator[tuple[Session, Session, Session]]:
    desk = new_session(tmp_path / "desk")
    phone = link(desk, tmp_path / "phone", "phone")
    laptop = link(desk, tmp_path / "laptop", "laptop")
    tcp_sync(desk, phone)
    tcp_sync(desk, laptop)
    tcp_sync(phone, laptop)
    yield desk, phone, laptop
    for s in (desk, phone, laptop):
        if s.is_open:
            s.lock()


def test_a_linked_devices_own_key_events_verify_over_tcp(
    devices: tuple[Session, Session, Session],
) -> None:
    desk, phone, laptop = devices
    phone.journal.add("written on the phone")
    report = tcp_sync(desk, phone)
    assert report.rejected == 0
    assert "written on the phone" in bodies(desk)
    tcp_sync(laptop, desk)
    assert "written on the phone" in bodies(laptop)
    space = desk.journal.space_id
    persona = desk.identity.primary().persona_id
    phone_chain = desk.log.envelopes_after(space, {(persona, phone.identity.device_id): 0}, 10_000)
    headers = [
        env.read_header(e)[0] for e in phone_chain
    ]  # the phone's chain as the desk holds it: all signed by the phone's key
    phone_headers = [h for h in headers if h.device == phone.identity.device_id]
    assert phone_headers and all(h.version == env.VERSION_3 for h in phone_headers)
    with desk.vault.read() as conn:
        cert = dt.get_cert(conn, phone.identity.device_id)
    assert cert is not None and {h.signer for h in phone_headers} == {cert.device_key}


def _thief_moves(laptop: Session) -> tuple[list[bytes], bytes]:
    """The stolen laptop's best moves, written into its own vault (so that it offers them
    in sync): an entry on its own chain, a certificate of a brand-new device, that device's
    entry; and a second brand-new device rooted with the persona key. Returns them and the
    first new device's id."""
    thief = Thief.of(laptop)
    new_device, new_key = thief.fresh()
    rooted, rooted_key = thief.fresh(persona_signed=True)
    moves = [thief.entry("posted from the stolen laptop")]
    moves.append(thief.certify(thief.own, new_device.device, new_key))
    moves.append(thief.link(new_device, bytes(32), "my new laptop"))
    moves.append(thief.entry("posted as a brand-new device", new_device))
    moves.append(thief.certify(rooted, rooted.device, rooted_key))
    rooted.key = rooted_key
    moves.append(thief.entry("posted as a persona-rooted device", rooted))
    result = laptop.log.ingest(moves)
    assert len(result.accepted) == len(moves)  # its own vault takes them
    return moves, new_device.device


STOLEN = {
    "posted from the stolen laptop",
    "posted as a brand-new device",
    "posted as a persona-rooted device",
}


@pytest.mark.parametrize("first", ["unlink first", "thief first"])
def test_a_revoked_laptops_posts_and_relisting_are_not_shown(
    devices: tuple[Session, Session, Session], first: str
) -> None:
    desk, phone, laptop = devices
    laptop.journal.add("written on the laptop before it was stolen")
    tcp_sync(desk, laptop)
    tcp_sync(phone, desk)
    desk.devices.unlink(laptop.identity.device_id)
    _, new_device = _thief_moves(laptop)
    if first == "unlink first":
        tcp_sync(desk, phone)
        tcp_sync(phone, laptop)  # the thief syncs with the phone: refused
    else:
        tcp_sync(phone, laptop)  # the thief reaches the phone before the unlink does
        assert set(bodies(phone)) >= STOLEN
        tcp_sync(desk, phone)  # the unlink arrives: what it cut off is taken back
        tcp_sync(phone, laptop)  # and offered again, refused
    tcp_sync(desk, laptop)
    for s in (desk, phone):
        shown = set(bodies(s))
        assert "written on the laptop before it was stolen" in shown  # inside the cut
        assert not (STOLEN & shown)
        assert new_device not in {d.device_id for d in s.devices.list()}
    assert desk.log.chain_heads(desk.journal.space_id) == phone.log.chain_heads(
        phone.journal.space_id
    )


def test_a_fork_of_a_device_signed_chain_is_found_over_tcp(
    devices: tuple[Session, Session, Session],
) -> None:
    desk, phone, laptop = devices
    thief = Thief.of(laptop)
    seq, prev, lamport = thief.own.seq, thief.own.prev, thief.lamport
    to_desk = thief.entry("the desk's version")
    thief.own.seq, thief.own.prev, thief.lamport = seq, prev, lamport
    to_phone = thief.entry("the phone's version")
    assert len(desk.log.ingest([to_desk]).accepted) == 1
    assert len(phone.log.ingest([to_phone]).accepted) == 1
    report = tcp_sync(desk, phone)
    assert report.equivocations == 1
    for s in (desk, phone):
        assert [device for _, device, _ in s.log.equivocations(s.journal.space_id)] == [
            laptop.identity.device_id
        ]


async def _upload(url: str, epoch_key: bytes, envelopes: list[bytes]) -> None:
    """What a modified client holding the old epoch key does: put envelopes in its mailbox."""
    async with await RelayClient.connect(url, epoch_key) as mailbox:
        await mailbox.append_many([seal_blob(epoch_key, e) for e in envelopes])


async def _devices_on_relay(url: str, epoch_key: bytes) -> set[bytes]:
    """The device ids of every blob in an epoch's mailbox, read with the real client."""
    async with await RelayClient.connect(url, epoch_key) as mailbox:
        found = set()
        for _, blob in await mailbox.fetch_all(0):
            envelope = open_blob(epoch_key, blob)
            assert envelope is not None
            found.add(env.read_header(envelope)[0].device)
        return found


def test_through_a_relay_the_revoked_laptop_reaches_nobody(tmp_path: Path) -> None:
    """The stolen laptop still holds the old epoch's key, so it can put its moves in that
    epoch's relay mailbox, which the phone reads: none of them shows."""
    relay = Relay(tmp_path / "relay")
    desk = new_session(tmp_path / "desk")
    phone, laptop = link(desk, tmp_path / "phone", "phone"), link(desk, tmp_path / "laptop", "l")
    try:
        space = desk.journal.space_id
        for s in (desk, phone, laptop):
            s.relays.set_relays(space, [relay.url])
        laptop.journal.add("written on the laptop before it was stolen")
        for s in (desk, phone, laptop, desk, phone):
            assert sync_relays(s)[0].spaces[0].error is None
        desk.devices.unlink(laptop.identity.device_id)
        assert sync_relays(desk)[0].spaces[0].error is None
        moves, new_device = _thief_moves(laptop)
        with desk.vault.read() as conn:
            old_key = ids.get_epoch_key(conn, space, 0)
        assert old_key is not None
        asyncio.run(_upload(relay.url, old_key, moves))
        assert new_device in asyncio.run(_devices_on_relay(relay.url, old_key))  # it is there
        assert sync_relays(phone)[0].spaces[0].error is None
        shown = set(bodies(phone))
        assert "written on the laptop before it was stolen" in shown
        assert not (STOLEN & shown)
        assert new_device not in {d.device_id for d in phone.devices.list()}
    finally:
        relay.stop()
        for s in (desk, phone, laptop):
            s.lock()


def test_unlink_says_which_device_would_have_to_be_linked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three devices linked before device keys; the phone updates but has not synced since:
    an unlink from the desk would leave its key outside the cut. `haven device unlink`
    says so and changes nothing, unless --anyway."""
    with monkeypatch.context() as old_code:
        old_code.setattr(DeviceService, "ensure_device_key", lambda self: None)
        desk = new_session(tmp_path / "desk")
        phone = create_linked(tmp_path / "phone", PASSPHRASE, make_bundle(desk), "phone")
        laptop = create_linked(tmp_path / "laptop", PASSPHRASE, make_bundle(desk), "laptop")
        tcp_sync(desk, phone)
        tcp_sync(desk, laptop)
    for s in (desk, phone, laptop):
        s.devices.ensure_device_key()  # each updated; only the laptop syncs with the desk
    tcp_sync(desk, laptop)
    laptop_id = laptop.identity.device_id.hex()
    assert [d.label for d in desk.devices.without_key(besides=laptop.identity.device_id)] == [
        "phone"
    ]
    folder = desk.data_dir
    for s in (desk, phone, laptop):
        s.lock()
    refused = haven(folder, "device", "unlink", laptop_id[:12])
    assert refused.returncode == 2 and "phone has not synced" in refused.stderr
    assert "Traceback" not in refused.stderr
    listed = json.loads(ok(haven(folder, "device", "list", "--json")))
    assert not any(d["unlinked"] for d in listed)  # nothing changed
    ok(haven(folder, "device", "unlink", laptop_id[:12], "--anyway"))
    listed = json.loads(ok(haven(folder, "device", "list", "--json")))
    assert [d["name"] for d in listed if d["unlinked"]] == ["laptop"]
