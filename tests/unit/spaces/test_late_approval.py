"""A join request answered after the guest's process has gone: the guest's next run (the
app's or `haven serve`'s first invite pass, as `haven sync`'s guest pass) finds the code
still waiting in its vault and collects the welcome (sync/invite_background.py). Real
vaults, the guest's real network code against the dict of mailboxes (test_invite_void.py);
the same through the real CLI and relay is test_relay_invites_admins.py's first journey."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core import session as session_mod
from haven.sync import relay_invites as ri
from haven.sync.invite_background import async_invite_pass
from tests.helpers import PASSPHRASE
from tests.space_helpers import make_session
from tests.unit.spaces.test_invite_keys_heal import Circle, circle_of
from tests.unit.spaces.test_invite_void import fake_relay_network
from tests.unit.spaces.test_relay_invites import host_pass, invite


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[Circle]:
    yield from circle_of(tmp_path)


def test_an_approval_given_after_the_guest_left_is_collected_on_its_next_run(
    circle: Circle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    relay, c = fake_relay_network(monkeypatch), circle
    code = invite(c.ari, c.sid, relay)
    c.sync()
    bea = make_session(tmp_path, "bea")
    status = ri.run(ri.async_request(bea, code, lambda _: True, "Bea", "she/her"))
    assert status.kind == "waiting"
    bea.lock()  # Bea's process is gone
    # Only then does Dee's device read the request and approve it (Ari is offline).
    assert host_pass(c.dee, relay) == 1
    [request] = c.dee.invites.requests(c.sid)
    c.dee.invites.approve(c.sid, request.request_id)
    host_pass(c.dee, relay)
    # Bea's next run: the code is still waiting in her vault; the welcome is collected.
    bea = session_mod.unlock(tmp_path / "bea", PASSPHRASE)
    assert [w.secret for w in bea.invites.relay_guest.waiting()] == [code.secret]
    done = ri.run(async_invite_pass(bea))
    assert [(s.kind, s.space_id) for s in done.settled] == [("approved", c.sid)]
    assert bea.spaces.space_info(c.sid).name == "Circle"
    assert bea.invites.relay_guest.waiting() == []  # nothing left to ask about
    # The guest's "received" note lets Dee's device forget the welcome.
    host_pass(c.dee, relay)
    assert c.dee.invites.relay_host.replies(c.dee.invites.relay_host.jobs()[0]) == []
    bea.lock()
