"""Issue 11: "admins approve from any of their devices" — with the real linking. Ari's desk
owns a space; a laptop linked afterwards (the real link bundle, core/spaces/device_join.py)
holds the keys of a relay invite the desk makes, and answers a guest while the desk is
offline. (An invite made before a device is announced reaches it by healing:
test_invite_keys_heal.py.) Real vaults; the
relay is the dict of mailboxes of test_relay_invites.py."""

from __future__ import annotations

from pathlib import Path

from haven.core.session import Session
from haven.core.spaces.invites.relay_code import RelayInviteCode
from tests.space_helpers import make_session
from tests.unit.spaces.test_linked_device_spaces import World, world
from tests.unit.spaces.test_relay_invites import FakeRelay, answer, ask, host_pass, invite

__all__ = ["world"]  # the fixture, imported for pytest


def admitted_by_the_laptop(
    w: World, guest: Session, code: RelayInviteCode, relay: FakeRelay
) -> None:
    offer = ask(guest, code, relay)
    assert host_pass(w.laptop, relay) == 1  # the desk is offline: the laptop takes it
    [request] = w.laptop.invites.requests(w.mine)
    w.laptop.invites.approve(w.mine, request.request_id)
    host_pass(w.laptop, relay)  # the laptop sends the welcome
    reply = answer(guest, code, offer, relay)
    assert reply is not None and reply.kind == "approved" and reply.welcome is not None
    assert guest.invites.complete(code, reply.welcome) == w.mine


def test_a_laptop_linked_later_answers_a_relay_invite_while_the_desk_is_offline(
    world: World, tmp_path: Path
) -> None:
    w, relay = world, FakeRelay()
    w.sync(w.desk, w.laptop)  # the laptop's announcement in the space reaches both
    after = invite(w.desk, w.mine, relay)  # made once the laptop is listed
    w.sync(w.desk, w.laptop)
    cai = make_session(tmp_path, "cai")
    admitted_by_the_laptop(w, cai, after, relay)
    # The desk comes back: the laptop's approval is a space event there too.
    w.sync(w.desk, w.laptop)
    assert host_pass(w.desk, relay) == 0
    assert [r.status for r in w.desk.invites.requests(w.mine, include_decided=True)] == ["approved"]
    cai.lock()
