"""An admin who is removed or steps down voids the invites whose keys they held
(core/spaces/rules/invites.py, `void_departed`): every replica agrees from the log, the
honest admin devices decline the waiting requests and say "void" on the mailbox, and the
former admin's best moves — a fresh "open" offer, reading a later request, a forged
approval for a guest who asked before — get them nothing. Real vaults and real space sync;
the relay is the dict of mailboxes of test_relay_invites.py, reached through the guest's
real network code (sync/relay_invites.py) by a stand-in for the relay client."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from haven.cli.main import main as cli_main
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.invite_keys import InviteHostKeys, seal_invite_keys
from haven.core.spaces.invites import relay_wire as rw
from haven.core.spaces.invites.host import ADMIN_LEFT
from haven.core.spaces.invites.relay_host import RelayJob
from haven.core.spaces.model import Role
from haven.errors import InvalidInput
from haven.store import invites_table as it
from haven.sync import relay_invites as ri
from haven.sync.engine import async_start_server, async_sync_once
from haven.sync.invite_background import InvitePass, InvitePoller
from haven.sync.invites import (
    AdmitterLeft,
    InviteRoute,
    async_ask_status,
    async_fetch_info,
    async_send_request,
)
from haven.sync.loop import LoopThread
from tests.helpers import PASSPHRASE
from tests.integration.test_space_invites import HOST, free_port
from tests.space_helpers import join, make_session, sync
from tests.unit.spaces.test_invite_keys_heal import Circle, circle_of
from tests.unit.spaces.test_relay_invites import URL, FakeRelay, ask, host_pass, invite


class _Client:
    """The few calls sync/relay_invites.py makes of a RelayClient, on a FakeRelay."""

    def __init__(self, relay: FakeRelay, key: bytes) -> None:
        self._relay, self._key = relay, key

    async def __aenter__(self) -> _Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    async def fetch_all(self) -> list[tuple[int, bytes]]:
        return list(enumerate(self._relay.read(self._key)))

    async def append(self, blob: bytes) -> None:
        self._relay.append(self._key, blob)


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[Circle]:
    yield from circle_of(tmp_path)


def fake_relay_network(monkeypatch: pytest.MonkeyPatch) -> FakeRelay:
    """sync/relay_invites.py's connections go to a FakeRelay for the rest of the test."""
    fake = FakeRelay()

    async def _open(
        url: str, key: bytes, ssl: Any, timeout: float, proxy: str | None = None
    ) -> _Client:
        return _Client(fake, key)

    monkeypatch.setattr(ri, "_open", _open)
    return fake


@pytest.fixture
def relay(monkeypatch: pytest.MonkeyPatch) -> FakeRelay:
    return fake_relay_network(monkeypatch)


@pytest.fixture
def bea(tmp_path: Path) -> Iterator[Session]:
    s = make_session(tmp_path, "bea")
    yield s
    s.lock()


def kept_job(s: Session) -> RelayJob:
    """What a modified client keeps of the invite before its admin is removed."""
    [job] = s.invites.relay_host.jobs()
    return job


def forge_open_offer(job: RelayJob, relay: FakeRelay) -> None:
    offer = rw.Offer("Circle", "", "", job.keys.box.public, job.keys.signing.public, "open", 2**31)
    relay.append(job.mailbox_key, rw.seal_offer(job.secret, offer, job.keys.signing))


def states(s: Session, sid: bytes) -> list[str]:
    return [i.state for i in s.invites.invites(sid, include_inactive=True)]


def test_a_removed_admin_voids_their_invites_and_gets_nothing_from_them(
    circle: Circle, relay: FakeRelay, bea: Session, tmp_path: Path
) -> None:
    c = circle
    code = invite(c.ari, c.sid, relay, uses=5)
    c.sync()
    ask(bea, code, relay)  # Bea asks before anything happens
    host_pass(c.ari, relay)
    dee = kept_job(c.dee)  # Dee's modified client keeps the invite's keys
    c.ari.spaces.set_role(c.sid, c.pk["cai"], Role.ADMIN)
    c.ari.spaces.remove_member(c.sid, c.pk["dee"])
    sync(c.sid, c.ari, c.cai)
    # Every remaining replica: the invite is void from the removal on; Bea's request declined.
    assert states(c.ari, c.sid) == states(c.cai, c.sid) == ["void"]
    assert [r.status for r in c.ari.invites.requests(c.sid, True)] == ["denied"]
    assert c.ari.invites.invites(c.sid) == [] and c.cai.invites.invites(c.sid) == []
    # Recomputing the projection from the log gives the same answer.
    with c.ari.vault.transaction() as conn:
        c.ari.spaces.projector.recompute(conn, c.sid, c.ari.log)
    assert states(c.ari, c.sid) == ["void"]
    # The honest host says "void" on the mailbox; it answers nobody through the invite.
    host_pass(c.ari, relay)
    assert [j.offer_state for j in c.ari.invites.relay_host.jobs()] == ["void"]
    assert c.ari.invites.relay_host.replies(c.ari.invites.relay_host.jobs()[0]) == []
    # Dee's best moves. A fresh "open" offer after the void: a newcomer is still refused,
    # so no later request (name, message) is ever sealed to the keys Dee kept.
    forge_open_offer(dee, relay)
    before = len(relay.read(dee.mailbox_key))
    cal = make_session(tmp_path, "cal")
    with pytest.raises(ri.InviteRefused, match="an admin who held it is no longer an admin"):
        ri.run(ri.async_request(cal, code, lambda _: True, "Cal", ""))
    assert len(relay.read(dee.mailbox_key)) == before  # Cal left nothing there
    cal.lock()
    # A forged approval for Bea, who asked before (Dee reads her request with the kept
    # keys): her device takes no answer through a void invite.
    [fields] = [
        f for f in (rw.open_request(dee.keys.box, b) for b in relay.read(dee.mailbox_key)) if f
    ]
    forged = rw.reply_keys(dee.keys.box, fields[1])
    for part in rw.seal_reply(forged, "approved", b"a space of Dee's making"):
        relay.append(forged.mailbox_key, part)
    status = ri.run(ri.async_status(bea, code))
    assert status.kind == "void" and status.welcome is None


def test_a_demoted_admin_voids_the_invite_for_good(
    circle: Circle,
    relay: FakeRelay,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Never reopened nor sealed again: a new code has to reach the guest out of band."""
    c = circle
    invite(c.ari, c.sid, relay, uses=3)
    c.sync()
    c.ari.spaces.set_role(c.sid, c.pk["dee"], Role.MEMBER)
    c.sync()
    assert states(c.ari, c.sid) == ["void"]
    assert c.dee.invites.relay_host.jobs() == []  # the honest client forgets the keys
    # Made admin later, Cai gets no keys; Dee made admin again does not revive it either.
    c.ari.spaces.set_role(c.sid, c.pk["cai"], Role.ADMIN)
    c.ari.spaces.set_role(c.sid, c.pk["dee"], Role.ADMIN)
    c.sync()
    assert c.cai.invites.relay_host.jobs() == []
    assert states(c.ari, c.sid) == ["void"] and c.ari.invites.invites(c.sid) == []
    # The CLI tells Ari why the code stopped, so she shares a new one.
    c.ari.lock()
    monkeypatch.setenv("HAVEN_PASSPHRASE", PASSPHRASE)
    assert cli_main(["--data-dir", str(tmp_path / "ari"), "space", "invites", c.sid.hex()]) == 0
    err = capsys.readouterr().err
    assert "1 invite(s) stopped because an admin who held them was removed" in err, err


def test_an_invite_sealed_to_a_non_admin_is_void_on_arrival(
    circle: Circle, relay: FakeRelay
) -> None:
    """A hostile admin (Dee) seals an open invite to a plain member (Cai): from that event on
    the invite is void on every admin device, whatever order the devices saw things in."""
    c = circle
    invite(c.ari, c.sid, relay)
    c.sync()
    job = kept_job(c.dee)
    with c.dee.vault.read() as conn:
        row = it.get_invite(conn, job.invite_id)
    assert row is not None and row.host_seed is not None
    c.dee.log.append(
        c.sid,
        ev.INVITE,
        {
            "invite": job.invite_id,
            "uses": 1,
            "expires": row.expires_ms // 1000,
            "keys": seal_invite_keys([c.box(c.cai)], c.sid, row.secret, row.host_seed),
        },
    )
    c.sync()
    assert states(c.ari, c.sid) == ["void"] and states(c.dee, c.sid) == ["void"]


def test_void_outranks_every_later_offer() -> None:
    """Dee kept the signing key: whatever she appends after "void", the guest reads "void"."""
    keys = InviteHostKeys.from_seed(b"s" * 32)
    secret = keys.invite_secret

    def blob(state: str) -> bytes:
        offer = rw.Offer("C", "", "", keys.box.public, keys.signing.public, state, 2**31)
        return rw.seal_offer(secret, offer, keys.signing)

    for later in ("open", "revoked", "used up"):
        found = rw.latest_offer(secret, [blob("open"), blob("void"), blob(later)])
        assert found is not None and found.state == "void"
    found = rw.latest_offer(secret, [blob("open"), blob("revoked"), blob("open")])
    assert found is not None and found.state == "revoked"


def test_a_demoted_admins_direct_invites_stop_on_their_device_and_say_why(
    circle: Circle, bea: Session, tmp_path: Path
) -> None:
    """A direct (`--address`) invite has no shared seed: it lives on the device that made it
    and is answered by it. Once that device learns, through a real sync round over
    127.0.0.1, that its admin was demoted, it admits nobody through it: a waiting request
    cannot be approved, the guest who asked before hears why (and drops the request), and a
    newcomer is refused with the same reason before anything is stored."""
    c = circle
    port = free_port()
    code = c.dee.invites.create(c.sid, HOST, port, uses=3)
    request = bea.invites.begin(code, "Circle", "Bea")
    eve = make_session(tmp_path, "eve")
    late = eve.invites.begin(code, "Circle", "Eve")

    async def scenario() -> tuple[str, list[str]]:
        server = await async_start_server(c.dee, HOST, port, routes=[InviteRoute(c.dee.invites)])
        try:
            asked = await async_send_request(bea.invites, code, request)
            c.ari.spaces.set_role(c.sid, c.pk["dee"], Role.MEMBER)
            report = await async_sync_once(c.ari, HOST, port)  # Dee's device learns it
            assert report.sent > 0, report
            refusals = []
            for attempt in (
                async_ask_status(bea.invites, code, request.persona_pk),  # asked before
                async_fetch_info(code),  # a newcomer, before asking
                async_send_request(eve.invites, code, late),  # and asking
            ):
                with pytest.raises(AdmitterLeft) as refused:
                    await attempt
                refusals.append(str(refused.value))
            return asked.kind, refusals
        finally:
            await server.close()

    try:
        asked, refusals = asyncio.run(scenario())
        assert asked == "pending"
        assert refusals == [ADMIN_LEFT] * 3
        assert "not about you" in ADMIN_LEFT and "ask an admin" in ADMIN_LEFT
        assert states(c.dee, c.sid) == ["void"] and c.dee.invites.invites(c.sid) == []
        with c.dee.vault.read() as conn:
            [waiting] = it.list_requests(conn, c.sid)  # Eve's was never stored
        with pytest.raises(InvalidInput):
            c.dee.invites.approve(c.sid, waiting.request_id)
        assert waiting.persona_pk == request.persona_pk and waiting.status == "pending"
        members = {m.member_pk for m in c.ari.spaces.members(c.sid)}
        assert request.persona_pk not in members and late.persona_pk not in members
    finally:
        eve.lock()


@pytest.mark.parametrize("dee_ahead", [True, False])
def test_a_stale_admin_devices_add_counts_nowhere_whatever_its_clock(
    circle: Circle, bea: Session, dee_ahead: bool
) -> None:
    """The window THREAT_MODEL and PROTOCOL ("What a guest can check") describe: Dee's
    device has not synced her demotion and admits Bea. The welcome (Dee's view) makes Bea a
    member; the log then decides on every replica alike: an add that sorts after the
    demotion (Dee's clock ahead) counts nowhere, and neither does one that sorts before it,
    since the demotion's cut does not hold it (Ari had not seen it: PROTOCOL §5.3, "Demotion
    finality"), so Bea finds herself outside once she syncs with the others."""
    c = circle
    ahead = c.dee if dee_ahead else c.ari
    for i in range(3):  # whose Lamport clock is ahead decides the order
        ahead.spaces.post(c.sid, f"note {i}")
    c.ari.spaces.set_role(c.sid, c.pk["dee"], Role.MEMBER)
    bea_pk = join(c.dee, bea, c.sid, "Bea")  # Dee's stale device; Bea's welcome accepted
    assert bea.spaces.space_info(c.sid).my_role == Role.MEMBER
    sync(c.sid, c.ari, c.dee, c.cai, bea)
    for s in (c.ari, c.dee, c.cai, bea):
        members = {m.member_pk for m in s.spaces.members(c.sid)}
        assert bea_pk not in members


async def sync_round(client: Session, server: Session) -> None:
    """One real sync round over 127.0.0.1, `client` to `server`'s sync server."""
    port = free_port()
    listening = await async_start_server(server, HOST, port)
    try:
        report = await async_sync_once(client, HOST, port)
        assert report.sent > 0, report
    finally:
        await listening.close()


def test_an_admin_device_says_void_as_soon_as_it_learns_not_at_the_next_interval(
    circle: Circle, relay: FakeRelay
) -> None:
    """The app's invite poller (its interval an hour here) runs a pass as soon as a
    membership change that may void invites reaches the device — synced in from the admin
    who removed Dee through a real sync round, as here, or written on it — so the mailbox
    says "void" then, not up to an interval later: the window before "void" is how long the
    news takes to reach one honest admin device that is online, and from it the relay."""
    c = circle
    c.ari.relays.add_relay(c.sid, URL)
    c.ari.spaces.set_role(c.sid, c.pk["cai"], Role.ADMIN)
    c.sync()
    code = invite(c.ari, c.sid, relay, uses=3)
    c.sync()
    mailbox = rw.request_mailbox_key(code.secret)
    passes: list[InvitePass] = []
    ran = threading.Event()

    def on_report(report: InvitePass) -> None:
        passes.append(report)
        ran.set()

    loop = LoopThread()
    loop.start()
    poller = InvitePoller(c.cai, loop, interval_s=3600, on_report=on_report)
    try:
        poller.start()
        assert ran.wait(30)  # the pass at start
        ran.clear()
        c.ari.spaces.remove_member(c.sid, c.pk["dee"])  # Ari's device runs no poller
        asyncio.run(sync_round(c.ari, c.cai))
        assert ran.wait(30), "no pass after the removal arrived"
        offer = rw.latest_offer(code.secret, relay.read(mailbox))
        assert offer is not None and offer.state == "void" and len(passes) == 2
    finally:
        poller.stop()
        loop.stop()
