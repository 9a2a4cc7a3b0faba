"""Invites through a relay, for real: the `haven-relay` process on 127.0.0.1 and `haven` CLI
subprocesses in separate data folders, each run alone (the host and the guest are never
online together). Every command exits before the next one starts."""

from __future__ import annotations

import asyncio
import json
import re
import time
from pathlib import Path

import pytest

from haven.core.session import unlock
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.sync import relay_invites as ri
from tests.helpers import PASSPHRASE, new_session
from tests.integration.cli_support import fails, haven
from tests.integration.relay_sync_support import NO_LAN, Relay, cli, feed, sync

GUIDELINES = "Be kind. What is said here stays here."


@pytest.fixture
def relay(tmp_path: Path) -> Relay:
    r = Relay(tmp_path / "relay")
    yield r
    r.stop()


def vault(folder: Path, name: str) -> Path:
    new_session(folder, name).lock()
    return folder


def space_with_relay(owner: Path, relay: Relay) -> str:
    sid = cli(
        owner,
        "space",
        "create",
        "Trans elders",
        "--description",
        "a support circle",
        "--guidelines",
        GUIDELINES,
        "--as",
        "Ari",
    ).strip()
    cli(owner, "space", "relays", sid, "--add", relay.url)
    return sid


def invite(owner: Path, sid: str, *extra: str) -> str:
    out = cli(owner, "space", "invite", sid, *extra)
    code = re.search(r"code: (hvr2\.\S+)", out)
    assert code is not None, out
    return code.group(1)


def join(guest: Path, code: str) -> str:
    return cli(guest, "space", "join", code, "--accept-guidelines", "--name", "Bea")


def requests(folder: Path, sid: str) -> list[dict[str, object]]:
    return json.loads(cli(folder, "space", "requests", sid, "--all", "--json"))


def test_never_online_together_they_form_a_space_and_talk(tmp_path: Path, relay: Relay) -> None:
    owner, guest = vault(tmp_path / "owner", "Ari"), vault(tmp_path / "guest", "Bea")
    sid = space_with_relay(owner, relay)
    cli(owner, "space", "post", sid, "Welcome, whoever comes")
    code = invite(owner, sid)
    # The owner is offline from here on; the guest asks.
    out = join(guest, code)
    assert "request sent; waiting for an admin of Trans elders" in out
    assert "waiting for an admin" in sync(guest)
    # The owner syncs (picks up the request), approves offline, syncs (sends the welcome).
    assert "1 new join request(s)" in sync(owner)
    [request] = requests(owner, sid)
    assert (request["name"], request["status"]) == ("Bea", "pending")
    cli(owner, "space", "approve", sid, str(request["id"])[:8])
    assert "1 answer(s) sent" in sync(owner)
    # The guest's next sync brings the space.
    out = sync(guest)
    assert "approved — fetching the space" in out and "joined Trans elders" in out, out
    posts = feed(guest, sid[:8])
    assert [p["body"] for p in posts] == ["Welcome, whoever comes"]
    cli(guest, "space", "reply", sid[:8], str(posts[0]["id"])[:8], "Thank you, glad to be here")
    sync(guest)
    sync(owner)
    replies = feed(owner, sid)[0]["replies"]
    assert [r["body"] for r in replies] == ["Thank you, glad to be here"]
    # The guest said it has the answer: the host forgot the welcome; nothing more is sent.
    out = sync(owner)
    assert "answer(s) sent" not in out
    assert requests(owner, sid)[0]["status"] == "approved"
    # The code is used up now: a second guest is turned away before sending anything.
    other = vault(tmp_path / "other", "Cai")
    fails(
        haven(other, "space", "join", code, "--accept-guidelines", extra_env=NO_LAN), 2, "used up"
    )


def test_a_declined_request_keeps_its_keys_until_the_denial_is_final(
    tmp_path: Path, relay: Relay
) -> None:
    """A denial is final a day after the later of when the guest read it and the invite's
    expiry (another admin may have approved at the same moment); then the keys go."""
    owner, guest = vault(tmp_path / "owner", "Ari"), vault(tmp_path / "guest", "Bea")
    sid = space_with_relay(owner, relay)
    code = invite(owner, sid, "--uses", "3", "--expires", "1h")
    join(guest, code)
    sync(owner)
    [request] = requests(owner, sid)
    cli(owner, "space", "deny", sid, str(request["id"])[:8])
    sync(owner)
    out = cli(guest, "space", "join", "--status", code)
    assert "declined for now" in out and "still brings the space" in out, out
    assert "declined for now" in sync(guest)  # still waiting, still asked about
    # A day and an hour later (the guest's own clock): final, and the keys are deleted.
    later = time.time_ns() // 1_000_000 + (25 * 3600 + 60) * 1000
    session = unlock(guest, PASSPHRASE, clock=lambda: later)
    try:
        parsed = RelayInviteCode.decode(code)
        status = asyncio.run(ri.async_status(session, parsed))
        settled = asyncio.run(ri.async_settle(session, parsed, status))
        assert (settled.kind, settled.final) == ("denied", True)
        assert session.invites.outgoing(parsed) is None
        assert session.invites.relay_guest.waiting() == []
    finally:
        session.lock()
    assert json.loads(cli(guest, "space", "list", "--json")) == []
    fails(haven(guest, "space", "join", "--status", code, extra_env=NO_LAN), 2, "has not asked")


def test_revoked_and_expired_codes(tmp_path: Path, relay: Relay) -> None:
    owner = vault(tmp_path / "owner", "Ari")
    early, late = vault(tmp_path / "early", "Bea"), vault(tmp_path / "late", "Cai")
    sid = space_with_relay(owner, relay)
    code = invite(owner, sid, "--uses", "5")
    join(early, code)
    invite_id = json.loads(cli(owner, "space", "invites", sid, "--json"))[0]["id"]
    cli(owner, "space", "revoke-invite", sid, invite_id[:8])
    sync(owner)  # takes the early request (denied by the revocation) and says "revoked"
    fails(haven(late, "space", "join", code, "--accept-guidelines", extra_env=NO_LAN), 2, "revoked")
    out = haven(early, "sync", extra_env=NO_LAN)
    assert "declined" in out.stderr or "withdrawn" in out.stderr, out.stderr


def test_mistyped_and_expired_codes_fail_before_any_network(tmp_path: Path, relay: Relay) -> None:
    owner, guest = vault(tmp_path / "owner", "Ari"), vault(tmp_path / "guest", "Bea")
    sid = space_with_relay(owner, relay)
    code = invite(owner, sid)
    typo = code[:-3] + ("a" if code[-3] != "a" else "b") + code[-2:]
    fails(haven(guest, "space", "join", typo, extra_env=NO_LAN), 2, "mistyped")
    fails(haven(guest, "space", "join", "hvr2.relay.example.org.abc", extra_env=NO_LAN), 2)
    relay.stop()  # nothing of the above needed the relay; a valid code now reports it
    proc = haven(guest, "space", "join", code, "--accept-guidelines", extra_env=NO_LAN)
    assert proc.returncode == 12, proc.stderr
    assert json.loads(cli(guest, "space", "list", "--json")) == []
