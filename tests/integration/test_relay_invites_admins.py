"""A relay invite answered by another admin's device, for real: the `haven-relay` process on
127.0.0.1 and `haven` CLI subprocesses, each alone (nobody is online with anyone else). Ari
invites and goes offline; Bea asks; Dee, a second admin, approves from her own device; Bea's
next sync brings the whole space; Ari and Bea then talk through the relay."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from haven.core.spaces.model import Role
from tests.helpers import PASSPHRASE, new_session
from tests.integration.cli_support import HAVEN, fails, haven
from tests.integration.relay_sync_support import NO_LAN, Relay, cli, feed, sync
from tests.integration.test_relay_invites import GUIDELINES, invite, join, requests, vault
from tests.space_helpers import join as join_in_process
from tests.space_helpers import sync as sync_in_process

WAIT_S = 30.0
#: Each journey starts some twenty `haven` processes; the suite's 120 s guard against hangs
#: is too short for that on a loaded machine (as for the relay abuse tests).
pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[Relay]:
    r = Relay(tmp_path / "relay")
    yield r
    r.stop()


def two_admins(tmp_path: Path, relay: Relay) -> tuple[Path, Path, str]:
    """Ari (the owner) and Dee (an admin), each on their own device, sharing a space that
    uses the relay; built in-process, then locked."""
    ari_dir, dee_dir = tmp_path / "ari", tmp_path / "dee"
    ari, dee = new_session(ari_dir, "Ari"), new_session(dee_dir, "Dee")
    sid = ari.spaces.create_space(
        "Trans elders", "a support circle", guidelines=GUIDELINES, display_name="Ari"
    )
    ari.relays.add_relay(sid, relay.url)
    dee_pk = join_in_process(ari, dee, sid, "Dee")
    ari.spaces.set_role(sid, dee_pk, Role.ADMIN)
    sync_in_process(sid, ari, dee)
    ari.lock()
    dee.lock()
    return ari_dir, dee_dir, sid.hex()


def test_a_second_admin_approves_while_the_inviter_is_offline(tmp_path: Path, relay: Relay) -> None:
    ari, dee, sid = two_admins(tmp_path, relay)
    bea = vault(tmp_path / "bea", "Bea")
    cli(ari, "space", "post", sid, "Welcome, whoever comes")
    code = invite(ari, sid)  # sends the invite (sealed to Dee's device too) and the post
    # Ari is offline from here on. Bea asks.
    assert "waiting for an admin of Trans elders" in join(bea, code)
    # Dee's next sync brings the invite and Bea's request; she approves from her device.
    assert "1 new join request(s)" in sync(dee)
    [request] = requests(dee, sid)
    assert (request["name"], request["status"]) == ("Bea", "pending")
    cli(dee, "space", "approve", sid, str(request["id"])[:8])
    assert "1 answer(s) sent" in sync(dee)
    # Bea's next sync brings the whole space.
    out = sync(bea)
    assert "approved — fetching the space" in out and "joined Trans elders" in out, out
    posts = feed(bea, sid[:8])
    assert [p["body"] for p in posts] == ["Welcome, whoever comes"]
    cli(bea, "space", "reply", sid[:8], str(posts[0]["id"])[:8], "Thank you, glad to be here")
    sync(bea)
    # Ari comes back: Bea's reply, and Dee's approval as a space event (nothing to send).
    out = sync(ari)
    assert "answer(s) sent" not in out and "new join request" not in out, out
    [post] = feed(ari, sid)
    assert [r["body"] for r in post["replies"]] == ["Thank you, glad to be here"]
    assert [(r["name"], r["status"]) for r in requests(ari, sid)] == [("Bea", "approved")]
    [info] = json.loads(cli(ari, "space", "invites", sid, "--all", "--json"))
    assert (info["uses"], info["state"]) == (1, "used up")
    cli(ari, "space", "reply", sid, str(post["id"])[:8], "Glad you found us, Bea")
    sync(ari)
    sync(bea)
    replies = feed(bea, sid[:8])[0]["replies"]
    assert [r["body"] for r in replies] == [
        "Thank you, glad to be here",
        "Glad you found us, Bea",
    ]
    # Used up on every device: a second guest is turned away.
    cai = vault(tmp_path / "cai", "Cai")
    fails(haven(cai, "space", "join", code, "--accept-guidelines", extra_env=NO_LAN), 2, "used up")


def test_revoked_from_another_admin_device(tmp_path: Path, relay: Relay) -> None:
    ari, dee, sid = two_admins(tmp_path, relay)
    bea, cai = vault(tmp_path / "bea", "Bea"), vault(tmp_path / "cai", "Cai")
    code = invite(ari, sid, "--uses", "5")
    join(bea, code)
    sync(dee)  # Dee's device holds the invite and Bea's request now
    invite_id = json.loads(cli(dee, "space", "invites", sid, "--json"))[0]["id"]
    cli(dee, "space", "revoke-invite", sid, invite_id[:8])
    sync(dee)
    fails(haven(cai, "space", "join", code, "--accept-guidelines", extra_env=NO_LAN), 2, "revoked")
    out = haven(bea, "sync", extra_env=NO_LAN)
    assert "declined" in out.stderr or "withdrawn" in out.stderr, out.stderr
    sync(ari)  # Ari's device hears of it: the invite is revoked there too
    [info] = json.loads(cli(ari, "space", "invites", sid, "--all", "--json"))
    assert info["state"] == "revoked"


class Serving:
    """`haven serve` looking at invite mailboxes every second; its lines read by a thread
    (a pipe's buffered lines would hide from select)."""

    def __init__(self, data_dir: Path) -> None:
        env = {**os.environ, "HAVEN_PASSPHRASE": PASSPHRASE, **NO_LAN}
        args = ["serve", "--lan", "off", "--invite-interval", "1"]
        self.proc = subprocess.Popen(
            [str(HAVEN), "--data-dir", str(data_dir), *args],
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, words: str) -> list[str]:
        """The lines printed up to and including one containing `words`."""
        seen: list[str] = []
        deadline = time.monotonic() + WAIT_S
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            seen.append(line)
            if words in line:
                return seen
        raise AssertionError(f"never printed {words!r}; printed {seen!r}")

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        assert self.proc.stderr is not None
        self.proc.wait(timeout=WAIT_S)
        err = self.proc.stderr.read()
        assert self.proc.returncode == 0, err
        assert "Traceback" not in err and "destroyed" not in err, err


@contextmanager
def serving(data_dir: Path) -> Iterator[Serving]:
    server = Serving(data_dir)
    try:
        yield server
    finally:
        server.stop()


def test_haven_serve_takes_requests_sends_answers_and_joins(tmp_path: Path, relay: Relay) -> None:
    ari, dee, sid = two_admins(tmp_path, relay)
    bea = vault(tmp_path / "bea", "Bea")
    cli(ari, "space", "post", sid, "Welcome, whoever comes")
    code = invite(ari, sid)
    join(bea, code)
    with serving(dee) as server:  # Dee's device runs `haven serve`: it picks the request up
        server.wait_for("1 new join request(s)")
    [request] = requests(dee, sid)
    cli(dee, "space", "approve", sid, str(request["id"])[:8])
    with serving(dee) as dee_serve, serving(bea) as bea_serve:
        dee_serve.wait_for("1 answer(s) sent")
        lines = bea_serve.wait_for("joined Trans elders")
        assert any("approved — fetching the space" in line for line in lines), lines
    assert [p["body"] for p in feed(bea, sid[:8])] == ["Welcome, whoever comes"]


def test_an_admin_made_after_the_invite_approves_through_the_relay(
    tmp_path: Path, relay: Relay
) -> None:
    """Dee is a plain member when Ari invites; Ari makes her an admin and goes offline. Her
    next sync brings the invite's keys (sealed to her device by Ari's), Bea's request, and
    she lets Bea in."""
    ari, dee, sid = two_admins(tmp_path, relay)
    cli(ari, "space", "role", sid, "Dee", "member")
    sync(ari)
    sync(dee)
    bea = vault(tmp_path / "bea", "Bea")
    code = invite(ari, sid)  # sealed to Ari's device only: Dee is not an admin now
    join(bea, code)
    assert "new join request" not in sync(dee)  # Dee's device cannot read it
    cli(ari, "space", "role", sid, "Dee", "admin")  # Ari's device seals it to Dee
    sync(ari)  # …and Ari goes offline
    assert "1 new join request(s)" in sync(dee)
    [request] = requests(dee, sid)
    cli(dee, "space", "approve", sid, str(request["id"])[:8])
    assert "1 answer(s) sent" in sync(dee)
    assert "joined Trans elders" in sync(bea)


def test_a_decline_and_an_approval_at_once_let_the_guest_in(tmp_path: Path, relay: Relay) -> None:
    """Ari declines Bea's request while Dee, not yet aware, approves it. Bea's next sync
    reads only the denial: it keeps her keys. Dee's sync sends the welcome (approval wins on
    every device), and Bea's next sync joins."""
    ari, dee, sid = two_admins(tmp_path, relay)
    bea = vault(tmp_path / "bea", "Bea")
    code = invite(ari, sid, "--uses", "2")
    join(bea, code)
    sync(ari)
    sync(dee)
    [ari_request], [dee_request] = requests(ari, sid), requests(dee, sid)
    cli(dee, "space", "approve", sid, str(dee_request["id"])[:8])  # not sent yet
    cli(ari, "space", "deny", sid, str(ari_request["id"])[:8])
    sync(ari)
    out = sync(bea)
    assert "declined for now" in out, out
    assert "1 answer(s) sent" in sync(dee)  # Ari's denial is an event here now; approval wins
    assert "joined Trans elders" in sync(bea)
    sync(ari)
    assert [(r["name"], r["status"]) for r in requests(ari, sid)] == [("Bea", "approved")]
