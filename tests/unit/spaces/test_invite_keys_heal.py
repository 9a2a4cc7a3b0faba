"""An open relay invite reaches admins who came after it — a member made admin, an admin's
newly announced device — and never a demoted or removed admin (core/spaces/invite_events.py,
`heal`). Real vaults; the relay is the dict of mailboxes of test_relay_invites.py and space
events travel the way sync carries them (tests/space_helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.invite_keys import open_invite_keys
from haven.core.spaces.invites import invite_id_of
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.core.spaces.model import Role
from haven.crypto.sealing import BoxKeyPair
from haven.store import invites_table as it
from haven.store import log_table as lt
from tests.space_helpers import join, make_session, sync
from tests.unit.spaces.test_invites_every_admin import ask_as
from tests.unit.spaces.test_relay_invites import FakeRelay, answer, ask, host_pass, invite


@dataclass
class Circle:
    sid: bytes
    ari: Session  # the owner, who makes the invites
    dee: Session  # an admin
    cai: Session  # a member
    pk: dict[str, bytes]

    def sync(self) -> None:
        sync(self.sid, self.ari, self.dee, self.cai)

    def box(self, s: Session) -> bytes:
        return s.spaces.devices(self.sid, s.spaces.space_info(self.sid).my_persona)[0][1]


def circle_of(tmp_path: Path) -> Iterator[Circle]:
    """Ari the owner, Dee an admin, Cai a member, in step (locked afterwards)."""
    ari, dee, cai = (make_session(tmp_path, n) for n in ("ari", "dee", "cai"))
    sid = ari.spaces.create_space("Circle", "a support circle", [], display_name="Ari")
    pk = {"dee": join(ari, dee, sid, "Dee"), "cai": join(ari, cai, sid, "Cai")}
    ari.spaces.set_role(sid, pk["dee"], Role.ADMIN)
    c = Circle(sid, ari, dee, cai, pk)
    c.sync()
    yield c
    for s in (ari, dee, cai):
        s.lock()


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[Circle]:
    yield from circle_of(tmp_path)


def invite_contents(s: Session, sid: bytes) -> list[dict]:
    """Every `space.invite` event's content in the space, in log order."""
    with s.vault.read() as conn:
        stored = list(lt.events_in_order(conn, sid, ev.INVITE))
        events = [s.log.open_stored(conn, e) for e in stored]
    return [e.content for e in events if e.type == ev.INVITE]


def holders(s: Session, sid: bytes, code: RelayInviteCode) -> set[bytes]:
    with s.vault.read() as conn:
        return it.recipients(conn, sid, invite_id_of(code.secret))


def test_a_member_made_admin_later_answers_the_invite(circle: Circle, tmp_path: Path) -> None:
    c, relay = circle, FakeRelay()
    code = invite(c.ari, c.sid, relay, uses=2)
    c.sync()
    assert c.cai.invites.relay_host.jobs() == []  # a member holds no invite keys
    # Bea asks and Ari approves her before Cai is an admin.
    bea = make_session(tmp_path, "bea")
    ask(bea, code, relay)
    host_pass(c.ari, relay)
    c.ari.invites.approve(c.sid, c.ari.invites.requests(c.sid)[0].request_id)
    c.ari.spaces.set_role(c.sid, c.pk["cai"], Role.ADMIN)  # Ari's device seals it to Cai
    sync(c.sid, c.ari, c.dee)  # …and goes offline: Dee carries the events to Cai
    sync(c.sid, c.dee, c.cai)
    [job] = c.cai.invites.relay_host.jobs()
    assert job.keys.code_secret == code.secret
    # Cai's device knows the answers given before: Bea approved, one use of two spent.
    assert [r.status for r in c.cai.invites.requests(c.sid, True)] == ["approved"]
    assert c.cai.invites.invites(c.sid)[0].uses == 1
    # Cal asks; Cai alone answers, and Cal gets in.
    cal = make_session(tmp_path, "cal")
    offer = ask_as(cal, code, relay, "Cal")
    assert host_pass(c.cai, relay) == 1  # Cal's request is new; Bea's only fills in her name
    assert sorted((r.display_name, r.status) for r in c.cai.invites.requests(c.sid, True)) == [
        ("Bea", "approved"),
        ("Cal", "pending"),
    ]
    pending = [r for r in c.cai.invites.requests(c.sid) if r.status == "pending"]
    c.cai.invites.approve(c.sid, pending[0].request_id)
    host_pass(c.cai, relay)
    reply = answer(cal, code, offer, relay)
    assert reply is not None and reply.kind == "approved" and reply.welcome is not None
    assert cal.invites.complete(code, reply.welcome) == c.sid
    bea.lock()
    cal.lock()


def test_an_admins_new_device_gets_the_open_invite_once(circle: Circle) -> None:
    c, relay = circle, FakeRelay()
    code = invite(c.ari, c.sid, relay)
    c.sync()
    laptop = BoxKeyPair.generate()
    c.dee.spaces.add_device(c.sid, b"L" * 16, laptop.public)  # Dee links a laptop
    c.sync()
    latest = invite_contents(c.ari, c.sid)[-1]
    invite_id = invite_id_of(code.secret)
    assert open_invite_keys(laptop, latest["keys"], c.sid, invite_id) is not None
    assert laptop.public in holders(c.cai, c.sid, code)  # every replica agrees
    # Idempotent and bounded: more commits and syncs seal nothing more.
    count = len(invite_contents(c.ari, c.sid))
    c.ari.spaces.post(c.sid, "hello")
    c.dee.spaces.post(c.sid, "hi")
    c.sync()
    assert len(invite_contents(c.ari, c.sid)) == count
    # A revoked invite is sealed to nobody new.
    c.ari.invites.revoke(c.sid, invite_id)
    c.sync()
    c.ari.spaces.set_role(c.sid, c.pk["cai"], Role.ADMIN)
    c.sync()
    assert c.box(c.cai) not in holders(c.ari, c.sid, code)
    assert c.cai.invites.relay_host.jobs() == []


def test_a_demoted_admin_forgets_the_keys_and_gets_no_new_ones(circle: Circle) -> None:
    """The invite is void from the demotion on (test_invite_void.py): nobody, Dee included,
    is sealed its keys again."""
    c, relay = circle, FakeRelay()
    code = invite(c.ari, c.sid, relay, uses=3)
    c.sync()
    assert len(c.dee.invites.relay_host.jobs()) == 1
    dee_box = c.box(c.dee)
    c.ari.spaces.set_role(c.sid, c.pk["dee"], Role.MEMBER)
    c.sync()
    assert c.dee.invites.relay_host.jobs() == []  # Dee's device dropped the keys
    c.ari.spaces.set_role(c.sid, c.pk["cai"], Role.ADMIN)
    c.sync()
    assert c.cai.invites.relay_host.jobs() == [] and c.dee.invites.relay_host.jobs() == []
    assert holders(c.ari, c.sid, code) == {c.box(c.ari), dee_box}


def test_a_removed_admin_gets_no_new_keys(circle: Circle) -> None:
    c, relay = circle, FakeRelay()
    code = invite(c.ari, c.sid, relay)
    c.sync()
    dee_box = c.box(c.dee)
    c.ari.spaces.remove_member(c.sid, c.pk["dee"])
    c.ari.spaces.set_role(c.sid, c.pk["cai"], Role.ADMIN)
    c.sync()
    later = invite_contents(c.ari, c.sid)[1:]
    assert all(dee_box not in [k[0] for k in e["keys"]] for e in later)
    assert holders(c.ari, c.sid, code) == {c.box(c.ari), dee_box}  # void: sealed to nobody
    assert [j.offer_state for j in c.ari.invites.relay_host.jobs()] == ["void"]


def test_a_reseal_cannot_reopen_a_revoked_invite(circle: Circle) -> None:
    """Ari revokes the invite while Dee, not yet aware, makes Cai an admin: Dee's device seals
    the invite to Cai. Cai's device knows the revocation from the log (ordered before the
    seal) and never serves the invite."""
    c, relay = circle, FakeRelay()
    code = invite(c.ari, c.sid, relay)
    c.sync()
    c.ari.invites.revoke(c.sid, invite_id_of(code.secret))
    c.dee.spaces.set_role(c.sid, c.pk["cai"], Role.ADMIN)
    assert c.box(c.cai) in holders(c.dee, c.sid, code)  # Dee's device sealed it to Cai
    c.sync()
    assert c.box(c.cai) in holders(c.cai, c.sid, code)
    assert [j.offer_state for j in c.cai.invites.relay_host.jobs()] == ["revoked"]
    assert c.cai.invites.invites(c.sid) == []


def test_a_demoted_admin_forgets_closed_invites_too(circle: Circle) -> None:
    """A revoked invite's mailbox is still served until it expires: not by a former admin."""
    c, relay = circle, FakeRelay()
    code = invite(c.ari, c.sid, relay)
    c.ari.invites.revoke(c.sid, invite_id_of(code.secret))
    c.sync()
    assert [j.offer_state for j in c.dee.invites.relay_host.jobs()] == ["revoked"]
    c.ari.spaces.set_role(c.sid, c.pk["dee"], Role.MEMBER)
    c.sync()
    assert c.dee.invites.relay_host.jobs() == []
