"""Signature checks handed to the verifier process: the same answers as in-process, and a
helper that dies, stalls or talks nonsense only moves the checks back in-process."""

from __future__ import annotations

import gc
import io
import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core import verifier
from haven.core.envelope import ZERO_ID, Header, seal_event
from haven.core.session import Session
from haven.crypto.signing import SigningKeyPair
from tests.helpers import new_session, replica_of, verifier_checks
from tests.sync_helpers import epoch_key


@pytest.fixture(autouse=True)
def fresh_helper(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts without a helper and stops the one it made."""
    monkeypatch.setattr(verifier, "_helper", None)
    yield
    verifier.stop_helper()


def _helper_pid() -> int | None:
    helper = verifier._helper
    return None if helper is None or helper._proc is None else helper._proc.pid


@pytest.mark.parametrize("share", [True, False])
def test_the_helper_gives_the_same_answers_as_in_process(share: bool) -> None:
    items, truth = verifier_checks(200)
    assert verifier.verify_many(items, share=share) == truth
    assert _helper_pid() is not None  # it really went to the process
    assert [verifier.check(item) for item in items] == truth


def test_short_runs_stay_in_process() -> None:
    items, truth = verifier_checks(verifier.MIN_HANDOFF - 1)
    assert verifier.verify_many(items) == truth
    assert _helper_pid() is None


def test_the_helper_is_given_no_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAVEN_PASSPHRASE", "never to be copied anywhere")
    verifier.warm_up()
    pid = _helper_pid()
    assert pid is not None
    environ = Path(f"/proc/{pid}/environ").read_bytes()
    assert b"HAVEN_" not in environ and b"never to be copied" not in environ


def test_a_helper_that_dies_moves_checks_back_in_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    items, truth = verifier_checks(100)
    assert verifier.verify_many(items, share=False) == truth
    helper = verifier._helper
    assert helper is not None and helper._proc is not None
    helper._proc.kill()
    helper._proc.wait()
    with caplog.at_level(logging.WARNING, logger="haven.core.verifier"):
        assert verifier.verify_many(items, share=False) == truth
    assert not helper.usable and _helper_pid() is None
    assert "in-process" in caplog.text
    assert verifier.verify_many(items) == truth  # and it stays in-process


@pytest.mark.parametrize(
    "script",
    [
        # answers with bytes that are not 0 or 1
        "import sys; sys.stdin.buffer.read(8); sys.stdout.buffer.write(bytes([7]) * 500);"
        " sys.stdout.buffer.flush(); sys.stdin.buffer.read()",
        # says every signature is good, then ends before finishing the answer
        "import sys; sys.stdin.buffer.read(8); sys.stdout.buffer.write(bytes([1]) * 10)",
        # never answers
        "import time; time.sleep(30)",
    ],
    ids=["nonsense", "cut-short", "silent"],
)
def test_a_helper_that_misbehaves_decides_nothing(
    monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    monkeypatch.setattr(verifier, "ANSWER_TIMEOUT", 1.0)

    def impostor(self: verifier._Helper) -> subprocess.Popen[bytes]:
        if self._proc is None:
            self._proc = subprocess.Popen(
                [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
        return self._proc

    monkeypatch.setattr(verifier._Helper, "_ensure", impostor)
    items, truth = verifier_checks(120)
    assert verifier.verify_many(items, share=False) == truth
    helper = verifier._helper
    assert helper is not None and not helper.usable


def test_switched_off_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAVEN_VERIFY_PROCESS", "0")
    items, truth = verifier_checks(100)
    assert verifier.verify_many(items) == truth
    assert _helper_pid() is None


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"",
        b"\x00\x00",
        (10).to_bytes(4, "big") + b"\x00" * 3,
        (8).to_bytes(4, "big") + (5000).to_bytes(4, "big") + b"\x00" * 4,
        (6).to_bytes(4, "big") + (1).to_bytes(4, "big") + b"\xff\xff",
    ],
)
def test_the_helper_loop_ends_on_malformed_requests(request_bytes: bytes) -> None:
    out = io.BytesIO()
    verifier.serve(io.BytesIO(request_bytes), out)
    assert out.getvalue() == b""


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    yield a, b
    a.lock()
    b.lock()


@pytest.mark.parametrize("pipelined", [False, True])
def test_a_forgery_in_a_long_batch_is_caught_by_the_helper(
    pair: tuple[Session, Session], pipelined: bool
) -> None:
    a, b = pair
    space = a.journal.space_id
    for i in range(100):
        a.journal.add(f"entry {i}")
    envelopes = a.log.envelopes_after(space, b.log.chain_tips(space), 1000)
    mallory = SigningKeyPair.generate()
    persona = a.identity.primary().persona_id
    forged = seal_event(
        Header(space, 0, persona, os.urandom(16), 1, 1, ZERO_ID),
        "journal.entry.create",
        0,
        {"title": "", "body": "forged in a crowd", "mood": None, "tags": []},
        mallory.seed,
        epoch_key(a),
    )
    batch = [*envelopes[:50], forged.envelope, *envelopes[50:]]
    opened = b.log.open_envelopes(batch, parallel=not pipelined)
    assert _helper_pid() is not None
    (result,) = b.log.ingest_opened([opened])
    assert result.rejected == ["event signature does not verify"]
    assert len(result.accepted) == len(envelopes)
    assert b.journal.search("crowd") == []


def test_requests_in_flight_are_answered_to_their_owners() -> None:
    """Several requests outstanding at once (the sync pipeline's way), collected in any
    order; a request lost with a stopped helper is checked in-process."""
    runs = [verifier_checks(40 + 10 * i) for i in range(4)]
    pending = [verifier.verify_later(items) for items, _ in runs]
    assert _helper_pid() is not None
    for (_, truth), waiting in reversed(list(zip(runs, pending, strict=True))):
        assert waiting.result() == truth
    lost = verifier.verify_later(runs[0][0])
    verifier.stop_helper()
    assert lost.result() == runs[0][1]  # its process is gone: checked here
    again = verifier.verify_later(runs[1][0])  # and a new process takes the next
    assert _helper_pid() is not None and again.result() == runs[1][1]


def test_the_helper_does_not_outlive_a_killed_parent(tmp_path: Path) -> None:
    """Quick exit or a crash kills Haven without cleanup: the helper sees its input close
    and ends too, leaving no process behind."""
    script = (
        "import sys, time\n"
        "from haven.core import verifier\n"
        "verifier.warm_up()\n"
        "print(verifier._helper._proc.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    assert Path(f"/proc/{pid}").exists()
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.05)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for its (dead) parent's reaper."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_answers_nobody_asks_for_are_not_kept() -> None:
    """A round that ends while batches are still being prepared drops their requests; the
    helper's answers to them are read past and thrown away, not kept for ever."""
    items, truth = verifier_checks(64)
    dropped = [verifier.verify_later(items) for _ in range(3)]
    del dropped
    gc.collect()
    assert verifier.verify_later(items).result() == truth
    helper = verifier._helper
    assert helper is not None
    assert helper._answers == {} and helper._abandoned == set()
