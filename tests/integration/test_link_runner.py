"""LinkOffer / LinkAccept: pairing through plain methods and callbacks, over real TCP on
127.0.0.1 with two real vaults. Callbacks arrive on the runners' threads; the test collects
them in queues and answers the words from the test thread, as the UI does."""

from __future__ import annotations

import os
import queue
import time
from pathlib import Path

import pytest

from haven.core import session as sessions
from haven.sync.link_runner import LinkAccept, LinkOffer, LinkProblem, ProblemKind, parse_code
from haven.sync.pairing import PairingCode
from tests.helpers import PASSPHRASE, new_session

WAIT_S = 30.0


class Calls:
    def __init__(self) -> None:
        self.q: queue.Queue[tuple[str, object]] = queue.Queue()

    def cb(self, name: str):  # type: ignore[no-untyped-def]
        return lambda *args: self.q.put((name, args[0] if len(args) == 1 else args))

    def next(self, name: str) -> object:
        deadline = time.monotonic() + WAIT_S
        while (left := deadline - time.monotonic()) > 0:
            kind, value = self.q.get(timeout=left)
            if kind == name:
                return value
            if kind == "failed" and name != "failed":
                raise AssertionError(f"failed instead of {name}: {value!r}")
        raise AssertionError(f"no {name}")


def offer(session: sessions.Session, calls: Calls) -> LinkOffer:
    runner = LinkOffer(
        session,
        listen_host="127.0.0.1",
        advertise_host="127.0.0.1",
        on_code=calls.cb("code"),
        on_words=calls.cb("words"),
        on_done=calls.cb("done"),
        on_failed=calls.cb("failed"),
    )
    runner.start()
    return runner


def accept(code: str, folder: Path, calls: Calls) -> LinkAccept:
    runner = LinkAccept(
        parse_code(code),
        folder,
        PASSPHRASE,
        label="laptop",
        on_words=calls.cb("words"),
        on_done=calls.cb("done"),
        on_failed=calls.cb("failed"),
    )
    runner.start()
    return runner


def test_both_confirm_links_the_new_device(data_dir: Path, tmp_path: Path) -> None:
    existing = new_session(data_dir)
    existing.journal.add("written before linking")
    a, b = Calls(), Calls()
    offering = offer(existing, a)
    code = str(a.next("code")[0])  # type: ignore[index]
    accepting = accept(code, tmp_path / "new", b)
    words_a, words_b = a.next("words"), b.next("words")
    assert words_a == words_b and len(words_a) == 4  # type: ignore[arg-type]
    offering.answer(True)
    accepting.answer(True)
    linked = b.next("done")
    assert a.next("done") == "laptop"
    assert isinstance(linked, sessions.Session)
    try:
        assert [e.body for e in linked.journal.list()] == ["written before linking"]
        labels = {d.label for d in existing.devices.list()}
        assert "laptop" in labels
    finally:
        linked.lock()
        existing.lock()
    assert offering.join() and accepting.join()


def test_words_rejected_on_the_existing_device_links_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    existing = new_session(data_dir)
    a, b = Calls(), Calls()
    offering = offer(existing, a)
    code = str(a.next("code")[0])  # type: ignore[index]
    accepting = accept(code, tmp_path / "new", b)
    a.next("words")
    b.next("words")
    offering.answer(False)
    accepting.answer(True)
    here = a.next("failed")
    there = b.next("failed")
    assert isinstance(here, LinkProblem) and here.kind is ProblemKind.REJECTED_HERE
    assert isinstance(there, LinkProblem) and there.kind is ProblemKind.REJECTED_THERE
    assert not sessions.exists(tmp_path / "new")
    assert len(existing.devices.list()) == 1
    existing.lock()
    assert offering.join() and accepting.join()


def test_cancel_before_anyone_connects_closes_the_port(data_dir: Path) -> None:
    existing = new_session(data_dir)
    a = Calls()
    offering = offer(existing, a)
    a.next("code")
    offering.cancel()
    problem = a.next("failed")
    assert isinstance(problem, LinkProblem) and problem.kind is ProblemKind.CANCELLED
    assert offering.join()
    existing.lock()


def test_other_device_gone_is_unreachable_and_makes_no_vault(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nobody listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = PairingCode("127.0.0.1", port, os.urandom(32), int(time.time()) + 60).encode()
    b = Calls()
    accepting = accept(code, tmp_path / "new", b)
    problem = b.next("failed")
    assert isinstance(problem, LinkProblem) and problem.kind is ProblemKind.UNREACHABLE
    assert not (tmp_path / "new").exists() or not any((tmp_path / "new").iterdir())
    assert accepting.join()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hello there", ProblemKind.NOT_A_CODE),
        ("", ProblemKind.NOT_A_CODE),
        ("hvn1-aaaaa-bbbbb-ccccc", ProblemKind.MISTYPED),
    ],
)
def test_bad_codes_are_named(text: str, kind: ProblemKind) -> None:
    with pytest.raises(LinkProblem) as err:
        parse_code(text)
    assert err.value.kind is kind


def test_expired_and_mistyped_codes_differ() -> None:
    good = PairingCode("127.0.0.1", 4000, os.urandom(32), 1_000).encode()
    with pytest.raises(LinkProblem) as err:
        parse_code(good, now_s=2_000)
    assert err.value.kind is ProblemKind.EXPIRED
    assert parse_code(good, now_s=500).port == 4000
    # Change one letter in the middle (the last one may carry only padding bits).
    i = next(j for j in range(len(good) // 2, len(good)) if good[j] != "-")
    typo = good[:i] + ("a" if good[i] != "a" else "b") + good[i + 1 :]
    with pytest.raises(LinkProblem) as err:
        parse_code(typo, now_s=500)
    assert err.value.kind is ProblemKind.MISTYPED
