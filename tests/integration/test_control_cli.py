"""`haven` commands while `haven serve` holds the vault: real processes, the real control
socket. A forwarded command is proved to have run in the server by giving it a WRONG
passphrase: a command that unlocked the vault itself would fail (and, with the vault held,
could not open it at all)."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import struct
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from haven.control import wire
from haven.control.place import Place, place_for
from tests.helpers import PASSPHRASE, new_session
from tests.integration.cli_support import Server, fails, haven, ok, own_runtime_folder
from tests.integration.test_cli_interactive import Terminal

WRONG = "not the passphrase at all"


def person(tmp_path: Path, name: str) -> Path:
    new_session(tmp_path / name, name.capitalize()).lock()
    return tmp_path / name


def held(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """A command that can only succeed if the running Haven ran it."""
    done = haven(data_dir, *args, passphrase=WRONG, stdin=stdin)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def _raw(body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + body


def converse(path: Path, data: bytes) -> tuple[str, int]:
    """Send raw bytes to the control socket: (what came back on stderr, the exit code)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(30)
        sock.connect(str(path))
        sock.sendall(data)
        err, code = b"", -1
        while code < 0:
            kind, payload = wire.read_frame(sock, wire.SERVER_KINDS)
            if kind == wire.STDERR:
                err += payload
            elif kind == wire.EXIT:
                code = int(payload)
        return err.decode(), code


def test_journal_and_space_commands_run_in_the_serving_haven(tmp_path: Path) -> None:
    ari, bea = person(tmp_path, "ari"), person(tmp_path, "bea")
    sid = ok(haven(ari, "space", "create", "Circle", "--as", "Ari")).strip()
    server = Server(ari)
    try:
        entry = ok(held(ari, "journal", "add", "written while serving", "--tag", "cli")).strip()
        piped = ok(held(ari, "journal", "add", "-", "--title", "Piped", stdin="from a pipe\n"))
        # Commands arriving together neither block nor mix: each caller gets its own id, and
        # every entry is there once.
        with ThreadPoolExecutor(max_workers=4) as pool:
            done = list(pool.map(lambda n: held(ari, "journal", "add", f"together {n}"), range(4)))
        together = [ok(d).strip() for d in done]
        listed = json.loads(ok(held(ari, "journal", "list", "--json")))
        assert {e["id"]: e["body"] for e in listed if e["id"] in together} == {
            i: f"together {n}" for n, i in enumerate(together)
        }
        mine = {entry, piped.strip(), *together}
        assert {e["id"] for e in listed} == mine and len(listed) == 6
        assert [e["body"] for e in listed if e["title"] == "Piped"] == ["from a pipe"]
        found = ok(held(ari, "journal", "search", "serving"))
        assert entry[:12] in found and piped.strip()[:12] not in found
        # The same checks as at home: no terminal to confirm in, so no delete without --yes.
        fails(held(ari, "journal", "delete", entry[:8], stdin="y\n"), 2, "--yes")
        fails(held(ari, "journal", "show", "abcdef"), 9)
        usage = held(ari, "journal", "frobnicate")
        assert usage.returncode == 2 and "invalid choice" in usage.stderr

        code = json.loads(
            ok(held(ari, "space", "invite", sid, "--address", f"127.0.0.1:{server.port}", "--json"))
        )["code"]
        asked = haven(bea, "space", "join", code, "--name", "Bea", "--accept-guidelines")
        assert "waiting for an admin" in ok(asked)
        [request] = json.loads(ok(held(ari, "space", "requests", sid, "--json")))
        ok(held(ari, "space", "approve", sid, request["id"][:8]))
        assert "joined Circle" in ok(haven(bea, "space", "join", "--status", code))
        post = ok(held(ari, "space", "post", sid, "welcome, Bea", "--title", "Hello")).strip()
        ok(haven(bea, "sync", "--peer", f"127.0.0.1:{server.port}"))
        assert [p["id"] for p in json.loads(ok(haven(bea, "space", "read", sid, "--json")))] == [
            post
        ]
    finally:
        status, served, err = server.stop()
    assert status == 0, err
    assert "Traceback" not in err
    # serve's own lines stayed in serve's output, and the commands' output stayed with them.
    assert "synced: " in served and entry not in served and post not in served
    # Afterwards, with the vault unlocked here: everything the commands did is in it.
    after = json.loads(ok(haven(ari, "journal", "list", "--json")))
    assert {e["id"] for e in after} == mine
    members = json.loads(ok(haven(ari, "space", "members", sid, "--json")))
    assert sorted(m["name"] for m in members) == ["Ari", "Bea"]
    # ... and with nobody serving, a wrong passphrase is refused again.
    fails(haven(ari, "journal", "list", passphrase=WRONG), 3)


def test_commands_that_need_a_closed_vault_are_refused_clearly(tmp_path: Path) -> None:
    ari = person(tmp_path, "ari")
    server = Server(ari)
    try:
        fails(held(ari, "passphrase", "change"), 6, "Settings")
        fails(held(ari, "init", "--name", "Someone"), 5, "already exists")
    finally:
        assert server.stop()[0] == 0


def test_a_second_serve_is_refused_before_the_passphrase(tmp_path: Path) -> None:
    ari = person(tmp_path, "ari")
    server = Server(ari)
    try:
        # No passphrase at all and no terminal: had it asked, it would fail with exit 2.
        second = haven(ari, "serve", "--port", "0", passphrase=None)
        fails(second, 6, "already open")
        assert "Traceback" not in second.stderr
    finally:
        assert server.stop()[0] == 0
    # Once the first has stopped, the folder is free again.
    again = Server(ari)
    assert again.stop()[0] == 0


def test_the_socket_is_user_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ari = person(tmp_path, "ari")
    with own_runtime_folder(monkeypatch) as runtime:
        place = place_for(ari)
        assert place.folder == runtime / "haven"
        server = Server(ari)
        check_user_only(place, server)
    assert not place.socket.exists()  # removed on a clean exit


def check_user_only(place: Place, server: Server) -> None:
    try:
        folder, sock = os.lstat(place.folder), os.lstat(place.socket)
        assert stat.S_ISDIR(folder.st_mode) and stat.S_IMODE(folder.st_mode) == 0o700
        assert stat.S_ISSOCK(sock.st_mode) and stat.S_IMODE(sock.st_mode) == 0o600
        assert folder.st_uid == sock.st_uid == os.getuid()
        assert len(os.fsencode(str(place.socket))) <= 100
    finally:
        assert server.stop()[0] == 0


def test_a_stale_socket_after_a_crash_is_detected_and_removed(tmp_path: Path) -> None:
    ari = person(tmp_path, "ari")
    crashed = Server(ari)
    crashed.proc.send_signal(signal.SIGKILL)
    crashed.proc.communicate(timeout=30)
    place = place_for(ari)
    assert place.socket.exists()  # left behind
    # Nobody answers there: the command runs here, unlocking the vault itself.
    assert "No entries." in haven(ari, "journal", "list").stderr
    fails(haven(ari, "journal", "list", passphrase=WRONG), 3)
    server = Server(ari)
    try:
        ok(held(ari, "journal", "add", "after the crash"))
    finally:
        status, _, err = server.stop()
    assert status == 0 and "left by a Haven that did not exit cleanly" in err


@pytest.mark.parametrize(
    ("data", "words", "code"),
    [
        (struct.pack(">I", 0xFFFFFFFF), "too large", 2),
        (struct.pack(">I", wire.MAX_REQUEST + 1) + b"{}", "too large", 2),
        (_raw(b"hello"), "not JSON", 2),
        (_raw(b"\xff\xfe{}"), "not JSON", 2),
        (_raw(b"[]"), "version-1", 2),
        (_raw(b'{"v": 2, "argv": [], "cwd": "/", "stdin_tty": false}'), "version-1", 2),
        (_raw(b'{"v": 1, "argv": [1], "cwd": "/", "stdin_tty": false}'), "malformed", 2),
        (_raw(b'{"v": 1, "argv": ["x"], "cwd": "/"}'), "malformed", 2),
        (struct.pack(">I", 100) + b"{}", "closed the connection", 2),
    ],
)
def test_a_malformed_request_gets_an_error_and_the_server_goes_on(
    tmp_path: Path, data: bytes, words: str, code: int
) -> None:
    ari = person(tmp_path, "ari")
    server = Server(ari)
    try:
        sock_path = place_for(ari).socket
        if words == "closed the connection":  # a client that stops half-way
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.connect(str(sock_path))
                sock.sendall(data)
        else:
            err, exit_code = converse(sock_path, data)
            assert exit_code == code and words in err, err
            assert err.startswith("haven: error: ") and err.count("\n") == 1
        ok(held(ari, "journal", "add", "still serving"))
        assert server.proc.poll() is None
    finally:
        status, _, err = server.stop()
    assert status == 0 and "Traceback" not in err


def test_an_answer_that_breaks_the_protocol_stops_only_that_command(tmp_path: Path) -> None:
    ari = person(tmp_path, "ari")
    server = Server(ari)
    try:
        sock_path = place_for(ari).socket
        request = wire.Request(["journal", "add", "-"], str(tmp_path), False)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(30)
            sock.connect(str(sock_path))
            sock.sendall(wire.encode_request(request))
            assert wire.read_frame(sock, wire.SERVER_KINDS)[0] == wire.ASK_STDIN
            sock.sendall(b"Z" + struct.pack(">I", 0))  # not a kind a client may send
            frames = []
            while not frames or frames[-1][0] != wire.EXIT:
                frames.append(wire.read_frame(sock, wire.SERVER_KINDS))
        assert frames[-1] == (wire.EXIT, b"2")
        assert b"no input from the caller" in b"".join(p for k, p in frames if k == wire.STDERR)
        assert json.loads(ok(held(ari, "journal", "list", "--json"))) == []  # nothing saved
    finally:
        assert server.stop()[0] == 0


def test_a_person_at_a_terminal_confirms_and_edits_as_usual(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a real pseudo-terminal, with no passphrase anywhere: the confirmation is asked at
    the caller's terminal, and the editor runs there (with the caller's $VISUAL)."""
    ari = person(tmp_path, "ari")
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "written in the editor" > "$1"\n')
    editor.chmod(0o700)
    monkeypatch.setenv("VISUAL", str(editor))
    server = Server(ari)
    try:
        entry = ok(held(ari, "journal", "add", "to be deleted")).strip()
        term = Terminal("--data-dir", str(ari), "journal", "delete", entry[:8])
        term.expect("Delete the entry of")
        term.send("y")
        code, seen = term.finish()
        assert code == 0 and "Deleted." in seen and "Passphrase" not in seen, seen
        code, seen = Terminal("--data-dir", str(ari), "journal", "add").finish()
        assert code == 0 and "Passphrase" not in seen and "Traceback" not in seen, seen
        [left] = json.loads(ok(held(ari, "journal", "list", "--json")))
        assert left["body"] == "written in the editor" and left["id"] in seen
    finally:
        assert server.stop()[0] == 0


def test_while_serve_waits_for_its_passphrase_commands_are_told_it_is_locked(
    tmp_path: Path,
) -> None:
    ari = person(tmp_path, "ari")
    serve = Terminal("--data-dir", str(ari), "serve", "--port", "0", "--lan", "off")
    try:
        serve.expect("Passphrase")  # holding the folder, not yet the vault
        fails(held(ari, "journal", "list"), 10, "open on this data folder but locked")
        serve.send(PASSPHRASE)
        serve.expect("listening on 127.0.0.1:")
        ok(held(ari, "journal", "add", "after the unlock"))
    finally:
        os.kill(serve.pid, signal.SIGTERM)
        code, seen = serve.finish()
    assert code == 0 and "Traceback" not in seen, seen
