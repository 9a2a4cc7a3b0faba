"""Relay invites run by every admin device: the invite, its revocation and each answer are
space events; any admin device with the invite's keys reads its requests and answers them.
Real vaults; the relay is the dict of mailboxes of test_relay_invites.py and space events
travel the way sync carries them (tests/space_helpers.py). The real relay and CLI:
tests/integration/test_relay_invites_admins.py."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.invite_keys import InviteHostKeys, open_invite_keys, seal_invite_keys
from haven.core.spaces.invites import invite_id_of
from haven.core.spaces.invites import relay_wire as rw
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.core.spaces.model import Role
from haven.crypto.sealing import BoxKeyPair
from haven.errors import InvalidInput
from tests.space_helpers import join, make_session, sync
from tests.unit.spaces.test_relay_invites import FakeRelay, answer, ask, host_pass, invite


@dataclass
class Admins:
    sid: bytes
    ari: Session  # the owner, who makes the invites
    dee: Session  # a second admin
    cai: Session  # a member, not an admin

    def sync(self) -> None:
        sync(self.sid, self.ari, self.dee, self.cai)


@pytest.fixture
def admins(tmp_path: Path) -> Iterator[Admins]:
    ari, dee, cai = (make_session(tmp_path, n) for n in ("ari", "dee", "cai"))
    sid = ari.spaces.create_space("Circle", "a support circle", [], display_name="Ari")
    dee_pk = join(ari, dee, sid, "Dee")
    join(ari, cai, sid, "Cai")
    ari.spaces.set_role(sid, dee_pk, Role.ADMIN)
    group = Admins(sid, ari, dee, cai)
    group.sync()
    yield group
    for s in (ari, dee, cai):
        s.lock()


def guest(tmp_path: Path, name: str) -> Session:
    return make_session(tmp_path, name)


def ask_as(s: Session, code: RelayInviteCode, relay: FakeRelay, name: str) -> rw.Offer:
    offer = rw.latest_offer(code.secret, relay.read(rw.request_mailbox_key(code.secret)))
    assert offer is not None and offer.state == "open"
    request = s.invites.begin(code, offer.name, name, "")
    relay.append(
        rw.request_mailbox_key(code.secret),
        s.invites.relay_guest.request_blob(code, offer, request),
    )
    return offer


def status(s: Session, sid: bytes) -> list[tuple[str, str]]:
    return [(r.display_name, r.status) for r in s.invites.requests(sid, include_decided=True)]


def uses(s: Session, sid: bytes) -> int:
    [info] = s.invites.invites(sid, include_inactive=True)
    return info.uses


def test_another_admin_device_answers_while_the_inviter_is_offline(
    admins: Admins, tmp_path: Path
) -> None:
    a, relay = admins, FakeRelay()
    code = invite(a.ari, a.sid, relay)  # Ari invites and goes offline
    a.sync()  # the invite event reaches the others (the relay round of Ari's `invite`)
    bea = guest(tmp_path, "bea")
    offer = ask(bea, code, relay)
    assert host_pass(a.dee, relay) == 1  # Dee's device picks the request up
    [request] = a.dee.invites.requests(a.sid)
    assert request.display_name == "Bea"
    a.dee.invites.approve(a.sid, request.request_id)
    host_pass(a.dee, relay)  # Dee's device sends the welcome
    reply = answer(bea, code, offer, relay)
    assert reply is not None and reply.kind == "approved" and reply.welcome is not None
    assert bea.invites.complete(code, reply.welcome) == a.sid
    # Ari comes back: the approval is a space event; Ari's device has nothing to send.
    a.sync()
    assert host_pass(a.ari, relay) == 0
    assert status(a.ari, a.sid) == [("Bea", "approved")]
    assert uses(a.ari, a.sid) == 1 and uses(a.dee, a.sid) == 1
    assert all(a.ari.invites.relay_host.replies(j) == [] for j in a.ari.invites.relay_host.jobs())
    bea.lock()


def test_a_member_who_is_not_an_admin_gets_no_invite_keys(admins: Admins) -> None:
    a, relay = admins, FakeRelay()
    code = invite(a.ari, a.sid, relay)
    a.sync()
    assert a.cai.invites.relay_host.jobs() == []
    [dee_job] = a.dee.invites.relay_host.jobs()
    [ari_job] = a.ari.invites.relay_host.jobs()
    # Every admin device holds the same host keys: the code's commitment is theirs.
    assert dee_job.keys.code_secret == code.secret
    assert dee_job.keys.box.public == ari_job.keys.box.public


def test_approved_on_two_devices_at_once_admits_once(admins: Admins, tmp_path: Path) -> None:
    a, relay = admins, FakeRelay()
    code = invite(a.ari, a.sid, relay, uses=2)
    a.sync()
    bea = guest(tmp_path, "bea")
    offer = ask(bea, code, relay)
    host_pass(a.ari, relay)
    host_pass(a.dee, relay)
    # Both admins approve before either has heard of the other's answer.
    a.ari.invites.approve(a.sid, a.ari.invites.requests(a.sid)[0].request_id)
    a.dee.invites.approve(a.sid, a.dee.invites.requests(a.sid)[0].request_id)
    host_pass(a.ari, relay)
    host_pass(a.dee, relay)
    reply = answer(bea, code, offer, relay)  # two welcomes in one mailbox: one is taken whole
    assert reply is not None and reply.welcome is not None
    assert bea.invites.complete(code, reply.welcome) == a.sid
    a.sync()
    sync(a.sid, a.ari, a.dee, a.cai, bea)
    bea_pk = bea.spaces.space_info(a.sid).my_persona
    for s in (a.ari, a.dee, a.cai, bea):
        assert [m.member_pk for m in s.spaces.members(a.sid)].count(bea_pk) == 1
    assert uses(a.ari, a.sid) == 1 and uses(a.dee, a.sid) == 1  # one person, one use
    # …so the second use is still there for someone else.
    cal = guest(tmp_path, "cal")
    ask_as(cal, code, relay, "Cal")
    host_pass(a.dee, relay)
    assert ("Cal", "pending") in status(a.dee, a.sid)
    bea.lock()
    cal.lock()


def test_revoked_on_one_device_stops_on_every_device(admins: Admins, tmp_path: Path) -> None:
    a, relay = admins, FakeRelay()
    code = invite(a.ari, a.sid, relay, uses=3)
    a.sync()
    bea = guest(tmp_path, "bea")
    ask(bea, code, relay)
    host_pass(a.dee, relay)
    [info] = a.ari.invites.invites(a.sid)
    a.ari.invites.revoke(a.sid, info.invite_id)
    a.sync()
    assert a.dee.invites.invites(a.sid) == []  # no longer active on Dee's device
    assert status(a.dee, a.sid) == [("Bea", "denied")]
    with pytest.raises(InvalidInput):
        a.dee.invites.approve(a.sid, a.dee.invites.requests(a.sid, True)[0].request_id)
    [job] = a.dee.invites.relay_host.jobs()
    assert job.offer_state == "revoked"
    bea.lock()


def test_used_up_on_one_device_declines_the_rest_on_the_others(
    admins: Admins, tmp_path: Path
) -> None:
    a, relay = admins, FakeRelay()
    code = invite(a.ari, a.sid, relay, uses=1)
    a.sync()
    bea, cal = guest(tmp_path, "bea"), guest(tmp_path, "cal")
    ask(bea, code, relay)
    ask_as(cal, code, relay, "Cal")
    host_pass(a.ari, relay)
    host_pass(a.dee, relay)
    bea_request = next(r for r in a.ari.invites.requests(a.sid) if r.display_name == "Bea")
    a.ari.invites.approve(a.sid, bea_request.request_id)
    a.sync()
    assert sorted(status(a.dee, a.sid)) == [("Bea", "approved"), ("Cal", "denied")]
    [job] = a.dee.invites.relay_host.jobs()
    assert job.offer_state == "used up"
    bea.lock()
    cal.lock()


def test_an_answer_seen_before_the_request_is_kept(admins: Admins, tmp_path: Path) -> None:
    """Dee's device hears of Ari's denial before it reads the request from the relay: the
    request is stored as denied, and Dee's device sends no answer of its own."""
    a, relay = admins, FakeRelay()
    code = invite(a.ari, a.sid, relay, uses=2)
    a.sync()
    bea = guest(tmp_path, "bea")
    ask(bea, code, relay)
    host_pass(a.ari, relay)
    a.ari.invites.deny(a.sid, a.ari.invites.requests(a.sid)[0].request_id)
    a.sync()
    host_pass(a.dee, relay)
    assert status(a.dee, a.sid) == [("Bea", "denied")]
    assert all(a.dee.invites.relay_host.replies(j) == [] for j in a.dee.invites.relay_host.jobs())
    bea.lock()


def test_invite_events_from_a_member_who_is_not_an_admin_count_for_nothing(
    admins: Admins, tmp_path: Path
) -> None:
    """Cai crafts what her keys allow: an invite whose keys she seals to Dee's device, and
    answers for an invite of Ari's. Dee's device takes neither."""
    a, relay = admins, FakeRelay()
    code = invite(a.ari, a.sid, relay, uses=2)
    a.sync()
    dee_box = a.dee.spaces.devices(a.sid, a.dee.spaces.space_info(a.sid).my_persona)[0][1]
    forged = RelayInviteCode("ws://127.0.0.1:9/", bytes(range(32)))
    a.cai.log.append(
        a.sid,
        ev.INVITE,
        {
            "invite": invite_id_of(forged.secret),
            "uses": 5,
            "expires": 2_000_000_000,
            "keys": seal_invite_keys([dee_box], a.sid, forged.secret, bytes(32)),
        },
    )
    bea = guest(tmp_path, "bea")
    ask(bea, code, relay)
    host_pass(a.dee, relay)
    bea_pk = a.dee.invites.requests(a.sid)[0].persona_pk
    a.cai.log.append(
        a.sid,
        ev.INVITE_ANSWER,
        {"invite": invite_id_of(code.secret), "member": bea_pk, "answer": "denied"},
    )
    a.sync()
    assert len(a.dee.invites.relay_host.jobs()) == 1  # only Ari's invite
    assert status(a.dee, a.sid) == [("Bea", "pending")]
    bea.lock()


def test_the_reply_parts_of_two_welcomes_never_mix() -> None:
    keys = rw.ReplyKeys(bytes(32), bytes(range(32)))
    one = rw.seal_reply(keys, "approved", b"a" * (rw.PART_BYTES + 5))
    two = rw.seal_reply(keys, "approved", b"b" * (rw.PART_BYTES + 9))
    reply = rw.open_reply(keys, [one[0], two[1]])
    assert reply is None  # a part of each: neither is whole
    reply = rw.open_reply(keys, [one[0], two[1], two[0]])
    assert reply is not None and reply.welcome == b"b" * (rw.PART_BYTES + 9)
    denied = rw.seal_reply(keys, "denied", None)
    reply = rw.open_reply(keys, [*denied, *one])
    assert reply is not None and reply.kind == "approved"


def test_sealed_invite_keys_open_only_for_their_device_space_and_invite() -> None:
    seed = bytes(range(32))
    secret = InviteHostKeys.from_seed(seed).code_secret
    me, other = BoxKeyPair.generate(), BoxKeyPair.generate()
    space = bytes(16)
    keys = seal_invite_keys([me.public, other.public], space, secret, seed)
    invite = invite_id_of(secret)
    assert open_invite_keys(me, keys, space, invite) == (secret, seed)
    assert open_invite_keys(BoxKeyPair.generate(), keys, space, invite) is None
    assert open_invite_keys(me, keys, bytes([1]) * 16, invite) is None  # another space
    assert open_invite_keys(me, keys, space, bytes(16)) is None  # another invite
    # A seed that does not answer the code's secret is refused.
    mismatched = seal_invite_keys([me.public], space, secret, bytes(32))
    assert open_invite_keys(me, mismatched, space, invite) is None
    # Another recipient's entry moved into this device's slot does not open.
    theirs = next(sealed for pk, sealed in keys if pk == other.public)
    assert open_invite_keys(me, [[me.public, theirs]], space, invite) is None
