"""Inviting and joining through the real `haven` command: `haven serve` on 127.0.0.1 in a
subprocess, five people in separate data folders. The inviter's vault is locked while it
serves, so the admin stops the server to approve and starts it again on the same port, as a
person would; joiners collect their answer then."""

from __future__ import annotations

import asyncio
import json
import os
import select
import signal
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from haven.core import session as sessions
from haven.core.envelope import packb, unpackb
from haven.core.space_secrets import SpaceSecret
from haven.core.spaces.invites import InviteCode, channel_secret
from haven.store import identity_tables as ids
from haven.store import invites_table as it
from haven.store.spaces import groups as groups_db
from haven.store.spaces import joining as joining_db
from haven.sync import tcp
from haven.sync.engine import SyncEngine, async_start_server, async_sync_once
from haven.sync.invites import (
    PART_BYTES,
    InviteRoute,
    JoinOutcome,
    async_fetch_info,
    async_send_request,
)
from haven.sync.reconcile import SyncReport
from tests.helpers import PASSPHRASE, new_session, replica_of
from tests.integration.cli_support import HAVEN, fails, haven, ok

WAIT_S = 30.0
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(data_dir: Path, port: int) -> Iterator[subprocess.Popen[str]]:
    env = {**os.environ, "HAVEN_PASSPHRASE": PASSPHRASE}
    proc = subprocess.Popen(
        [
            str(HAVEN),
            "--data-dir",
            str(data_dir),
            "serve",
            "--host",
            HOST,
            "--port",
            str(port),
            "--lan",
            "off",
        ],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], WAIT_S)
        assert ready, "haven serve did not start"
        assert proc.stdout.readline().strip() == f"listening on {HOST}:{port}"
        yield proc
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=WAIT_S)
        assert proc.returncode == 0, err


def person(tmp_path: Path, name: str) -> Path:
    new_session(tmp_path / name, name.capitalize()).lock()
    return tmp_path / name


def invite(owner: Path, sid: str, port: int, *extra: str) -> dict[str, str]:
    out = ok(haven(owner, "space", "invite", sid, "--address", f"{HOST}:{port}", "--json", *extra))
    return dict(json.loads(out))


def leftovers(data_dir: Path) -> tuple[int, int, int, int]:
    """(personas, pending join keys, outgoing requests, group spaces) in a vault."""
    s = sessions.unlock(data_dir, PASSPHRASE)
    try:
        with s.vault.read() as conn:
            return (
                len(conn.execute("SELECT 1 FROM personas").fetchall()),
                len(joining_db.pending_box_keys(conn)),
                len(conn.execute("SELECT 1 FROM space_outgoing_joins").fetchall()),
                len(groups_db.group_ids(conn)),
            )
    finally:
        s.lock()


def feed(data_dir: Path, sid: str) -> list[dict[str, Any]]:
    return list(json.loads(ok(haven(data_dir, "space", "read", sid, "--json"))))


def sync(data_dir: Path, port: int) -> str:
    return ok(haven(data_dir, "sync", "--peer", f"{HOST}:{port}"))


def test_invite_join_approve_deny_auto_admit_then_talk_and_remove(tmp_path: Path) -> None:
    ari, bea, cai, dan, eli = (person(tmp_path, n) for n in ("ari", "bea", "cai", "dan", "eli"))
    port = free_port()
    sid = ok(
        haven(
            ari,
            "space",
            "create",
            "Circle",
            "--description",
            "a support circle",
            "--guidelines",
            "Be kind. What is said here stays here.",
            "--as",
            "Ari",
        )
    ).strip()
    two = invite(ari, sid, port, "--uses", "2", "--expires", "2h")
    one = invite(ari, sid, port)
    listed = json.loads(ok(haven(ari, "space", "invites", sid, "--json")))
    assert {i["id"] for i in listed} == {two["id"], one["id"]}
    assert all(i["state"] == "active" for i in listed)

    with serving(ari, port):
        # words typed at the prompt and accepted; the compact form with --accept-guidelines
        joined = haven(bea, "space", "join", *two["words"].split(), "--name", "Bea", stdin="y\n")
        out = ok(joined)
        assert "Circle" in out and "a support circle" in out and "Be kind." in out
        assert "request sent; waiting for an admin" in out
        assert "request sent" in ok(
            haven(cai, "space", "join", two["code"], "--name", "Cai", "--accept-guidelines")
        )
        assert "request sent" in ok(
            haven(dan, "space", "join", one["code"], "--name", "Dan", "--accept-guidelines")
        )
        assert "still waiting" in ok(haven(bea, "space", "join", "--status", two["code"]))
    assert leftovers(bea)[1:] == (1, 1, 0)  # a pending key and request, no space yet

    requests = {
        r["name"]: r for r in json.loads(ok(haven(ari, "space", "requests", sid, "--json")))
    }
    assert set(requests) == {"Bea", "Cai", "Dan"}
    assert {r["status"] for r in requests.values()} == {"pending"}
    for name in ("Bea", "Cai"):
        ok(haven(ari, "space", "approve", sid, requests[name]["id"][:8]))
    ok(haven(ari, "space", "deny", sid, requests["Dan"]["id"][:8]))
    fails(haven(ari, "space", "approve", sid, requests["Dan"]["id"][:8]), 2, "already denied")
    assert "auto-admit: on" in ok(haven(ari, "space", "settings", sid, "--auto-admit", "on"))
    auto = invite(ari, sid, port)

    with serving(ari, port):
        out = ok(haven(bea, "space", "join", "--status", *two["words"].split()))
        assert "joined Circle" in out
        out = ok(haven(cai, "space", "join", two["code"]))  # re-running join collects too
        assert "joined Circle" in out
        fails(haven(dan, "space", "join", "--status", one["code"]), 2, "declined")
        out = ok(haven(eli, "space", "join", auto["code"], "--name", "Eli", "--accept-guidelines"))
        assert "joined Circle" in out and "request sent" not in out  # admitted at once

        post = ok(haven(bea, "space", "post", sid, "first time here", "--title", "Hi")).strip()
        sync(bea, port)
        sync(cai, port)
        assert [p["body"] for p in feed(cai, sid)] == ["first time here"]
        reply = ok(haven(cai, "space", "reply", sid, post[:8], "welcome, Bea")).strip()
        ok(haven(cai, "space", "react", sid, post[:8], "sending-care"))
        sync(cai, port)
        sync(bea, port)
        [thread] = feed(bea, sid)
        assert thread["reactions"] == {"sending-care": 1}
        assert [r["id"] for r in thread["replies"]] == [reply]

    assert leftovers(dan) == (1, 0, 0, 0)  # denied: the keys made for it are gone
    members = json.loads(ok(haven(ari, "space", "members", sid, "--json")))
    assert sorted((m["name"], m["role"]) for m in members) == [
        ("Ari", "owner"),
        ("Bea", "member"),
        ("Cai", "member"),
        ("Eli", "member"),
    ]
    ok(haven(ari, "space", "moderate", sid, reply[:8], "--reason", "testing moderation"))
    ok(haven(ari, "space", "remove", sid, "Eli"))

    with serving(ari, port):
        sync(bea, port)
        ok(haven(bea, "space", "post", sid, "said after Eli left"))
        sync(bea, port)
        sync(eli, port)
    first, later = feed(bea, sid)
    assert first["replies"][0]["state"] == "removed"
    assert later["body"] == "said after Eli left"
    eli_feed = json.dumps(feed(eli, sid))
    assert "first time here" in eli_feed and "said after Eli left" not in eli_feed
    eli_members = json.loads(ok(haven(eli, "space", "members", sid, "--json", "--all")))
    assert {m["name"]: m["status"] for m in eli_members}["Eli"] == "removed"


def test_bad_codes_used_up_revoked_and_declined_guidelines(tmp_path: Path) -> None:
    ari, fay = person(tmp_path, "ari"), person(tmp_path, "fay")
    port = free_port()
    sid = ok(haven(ari, "space", "create", "Circle", "--as", "Ari")).strip()
    used = invite(ari, sid, port)
    revoked = invite(ari, sid, port)
    spare = invite(ari, sid, port)
    ok(haven(ari, "space", "revoke-invite", sid, revoked["id"][:8]))
    ok(haven(ari, "space", "settings", sid, "--auto-admit", "on"))
    words = used["words"].split()
    words[5] = "zebra" if words[5] != "zebra" else "acorn"
    expired = InviteCode(HOST, port, os.urandom(32), 1_000_000).encode_compact()
    cases = [
        (["join", *words], "mistyped"),
        (["join", "hello", "world"], "not in Haven's list"),
        (["join", expired], "expired"),
        (["join", "--status", used["code"]], "has not asked"),
        (["join", revoked["code"], "--accept-guidelines"], "no longer accepts"),
    ]
    with serving(ari, port):
        assert "joined" in ok(
            haven(person(tmp_path, "gus"), "space", "join", used["code"], "--accept-guidelines")
        )
        cases.append((["join", used["code"], "--accept-guidelines"], "no longer accepts"))
        for args, reason in cases:
            fails(haven(fay, "space", *args), 2, reason)
        fails(
            haven(fay, "space", "join", spare["code"], "--accept-guidelines", "--name", "x" * 500),
            2,
            "name",
        )
        fails(haven(fay, "space", "join", spare["code"], stdin="n\n"), 2, "did not accept")
        fails(haven(fay, "space", "join", spare["code"]), 2, "did not accept")  # no answer
    assert leftovers(fay) == (1, 0, 0, 0)  # nothing half-stored by any of it
    fails(
        haven(fay, "space", "join", revoked["code"], "--accept-guidelines"),
        12,
        "could not reach the inviter",
    )
    fails(haven(ari, "space", "invite", sid, "--address", "nowhere"), 2, "HOST:PORT")
    fails(
        haven(ari, "space", "invite", sid, "--address", f"{HOST}:{port}", "--expires", "3 weeks"),
        2,
        "duration",
    )
    fails(
        haven(ari, "space", "invite", sid, "--address", f"{HOST}:{port}", "--uses", "0"), 2, "uses"
    )
    fails(haven(ari, "space", "revoke-invite", sid, "ffffffff"), 9, "no invite")
    assert leftovers(fay) == (1, 0, 0, 0)


def test_a_code_alone_reveals_no_member_key_or_post(tmp_path: Path) -> None:
    """A stranger holding a valid code learns the name, description and guidelines (the
    documented choice) and nothing else: no sync round, no key, no post, no member."""
    ari = person(tmp_path, "ari")
    port = free_port()
    sid = ok(
        haven(ari, "space", "create", "Circle", "--guidelines", "be kind", "--as", "Ari")
    ).strip()
    ok(haven(ari, "space", "post", sid, "a private post"))
    code = InviteCode.decode(invite(ari, sid, port)["code"])
    with serving(ari, port):
        info = asyncio.run(async_fetch_info(code))
        assert (info.name, info.guidelines) == ("Circle", "be kind")

        async def probe() -> list[object]:
            secret = channel_secret(code.secret)
            channel = await tcp.connect(HOST, port, [secret])
            try:
                assert [s.space_id for s in channel.shared_spaces] == [secret.space_id]
                await channel.send(packb(["have", sid]))  # anything but the invite messages
                answer = unpackb(await channel.recv())
                with pytest.raises(tcp.ChannelClosed):
                    await channel.recv()
                return list(answer)
            finally:
                await channel.close()

        assert asyncio.run(probe()) == ["invalid", "unexpected message"]
    s = sessions.unlock(ari, PASSPHRASE)
    try:
        with s.vault.read() as conn:
            assert it.list_requests(conn) == []
            assert ids.get_space(conn, bytes.fromhex(sid)) is not None
    finally:
        s.lock()


def test_engine_routes_take_only_the_channels_proven_with_their_secrets(tmp_path: Path) -> None:
    """SyncEngine(routes=…): a channel proven with a route's secret goes to the route; one
    proven with a space's key still gets an ordinary sync round."""
    a = new_session(tmp_path / "a", "Robin")
    b = replica_of(a, tmp_path / "b")
    secret = channel_secret(os.urandom(32))
    taken: list[list[bytes]] = []
    reports: list[SyncReport] = []

    class Route:
        def secrets(self) -> list[SpaceSecret]:
            return [secret]

        async def maybe_handle(self, channel: tcp.Channel) -> bool:
            ids_ = [s.space_id for s in channel.shared_spaces]
            if secret.space_id not in ids_:
                return False
            taken.append(ids_)
            await channel.send(b"routed")
            return True

    reported = threading.Event()

    def on_report(report: SyncReport) -> None:
        reports.append(report)
        reported.set()

    engine = SyncEngine(a, routes=[Route()], on_report=on_report)
    engine.start()
    try:
        port = engine.serve(HOST, 0)

        async def via_route() -> bytes:
            channel = await tcp.connect(HOST, port, [secret])
            try:
                return await channel.recv()
            finally:
                await channel.close()

        assert asyncio.run(via_route()) == b"routed"
        b.journal.add("from b")
        report = asyncio.run(async_sync_once(b, HOST, port))
        assert report.complete and [s.space_id for s in report.spaces] == [a.journal.space_id]
        assert reported.wait(WAIT_S)
    finally:
        engine.stop()
    assert taken == [[secret.space_id]]
    assert len(reports) == 1  # the routed channel ran no round
    assert [e.body for e in a.journal.list()] == ["from b"]


def test_a_welcome_larger_than_one_channel_message_arrives_in_parts(tmp_path: Path) -> None:
    owner = new_session(tmp_path / "owner", "Ari")
    joiner = new_session(tmp_path / "bea", "Bea")
    sid = owner.spaces.create_space("Circle", display_name="Ari")
    bodies = [f"{i} " + os.urandom(15_000).hex() for i in range(24)]  # ~720 KB of posts
    for body in bodies:
        owner.spaces.post(sid, body)
    inviter = owner.invites
    inviter.set_auto_admit(sid, True)
    port = free_port()
    code = inviter.create(sid, HOST, port)
    svc = joiner.invites
    request = svc.begin(code, "Circle", "Bea")

    async def scenario() -> JoinOutcome:
        server = await async_start_server(owner, HOST, port, routes=[InviteRoute(inviter)])
        try:
            outcome = await async_send_request(svc, code, request)
            async with asyncio.timeout(WAIT_S):  # until the inviter has handled the ack
                while not any(r.status == "approved" and r.delivered for r in rows()):
                    await asyncio.sleep(0.01)
            return outcome
        finally:
            await server.close()

    def rows() -> list[it.RequestRow]:
        with owner.vault.read() as conn:
            return it.list_requests(conn, sid)

    outcome = asyncio.run(scenario())
    assert outcome.kind == "approved" and outcome.welcome is not None
    assert len(outcome.welcome) > PART_BYTES
    assert svc.complete(code, outcome.welcome) == sid
    assert sorted(p.body for p in joiner.spaces.read_feed(sid)) == sorted(bodies)
    [row] = rows()  # the joiner acknowledged: the welcome is no longer kept
    assert (row.status, row.delivered, row.welcome) == ("approved", True, None)
