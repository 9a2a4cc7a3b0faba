"""Relay-route invites against the real `haven-relay` when things go wrong: the relay loses
its whole database between steps, a code expires with the request unanswered. The sessions
run in this process (the CLI journey is in test_relay_invites.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.spaces.invites import relay_wire as rw
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.sync import relay_invites as ri
from tests.helpers import new_session
from tests.integration.relay_sync_support import Relay


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[Relay, Session, Session, bytes]]:
    relay = Relay(tmp_path / "relay")
    host, guest = new_session(tmp_path / "host", "Ari"), new_session(tmp_path / "guest", "Bea")
    sid = host.spaces.create_space("Circle", "a support circle", [], display_name="Ari")
    host.relays.set_relays(sid, [relay.url])
    try:
        yield relay, host, guest, sid
    finally:
        host.lock()
        guest.lock()
        relay.stop()


def wipe(relay: Relay) -> None:
    """The relay loses everything it held (a disk failure, a volunteer starting over)."""
    relay.stop()
    for path in relay.tmp.glob("relay.db*"):
        path.unlink()
    relay.start()


def make_invite(host: Session, sid: bytes, url: str) -> RelayInviteCode:
    code, offer = host.invites.relay_host.create(sid, url, 1, 3600)
    ri.run(ri.publish_offer(url, code.secret, offer, proxy=None))
    return code


def request(guest: Session, code: RelayInviteCode) -> ri.GuestStatus:
    return ri.run(ri.async_request(guest, code, lambda _offer: True, "Bea", "she/her"))


def test_a_relay_that_loses_everything_between_steps_only_delays(
    setup: tuple[Relay, Session, Session, bytes],
) -> None:
    relay, host, guest, sid = setup
    code = make_invite(host, sid, relay.url)
    assert request(guest, code).kind == "waiting"
    wipe(relay)  # the request and the offer are gone
    assert ri.run(ri.async_host_pass(host)).new_requests == 0  # puts the offer back
    assert ri.run(ri.async_status(guest, code)).kind == "waiting"  # sends the request again
    assert ri.run(ri.async_host_pass(host)).new_requests == 1
    [req] = host.invites.requests(sid)
    host.invites.approve(sid, req.request_id)
    assert ri.run(ri.async_host_pass(host)).replies_sent == 1
    wipe(relay)  # the welcome is gone too
    assert ri.run(ri.async_status(guest, code)).kind == "waiting"
    report = ri.run(ri.async_host_pass(host))
    assert report.replies_sent == 1 and report.collected == 0  # sent again: not collected
    status = ri.run(ri.async_status(guest, code))
    assert status.kind == "approved"
    settled = ri.run(ri.async_settle(guest, code, status))
    assert settled.space_id == sid and guest.invites.relay_guest.waiting() == []
    assert ri.run(ri.async_host_pass(host)).collected == 1  # the host forgets the welcome
    assert host.invites.relay_host.replies(host.invites.relay_host.jobs()[0]) == []


def test_an_unanswered_request_expires_with_its_code(
    setup: tuple[Relay, Session, Session, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    relay, host, guest, sid = setup
    code = make_invite(host, sid, relay.url)
    request(guest, code)
    after = time.time() + 31 * 24 * 3600  # after the expiry the signed offer states
    monkeypatch.setattr(rw.time, "time", lambda: after)
    status = ri.run(ri.async_status(guest, code))
    assert status.kind == "expired"
    assert ri.run(ri.async_settle(guest, code, status)).kind == "expired"
    assert guest.invites.outgoing(code) is None and guest.invites.relay_guest.waiting() == []
    assert guest.spaces.list_spaces() == []
