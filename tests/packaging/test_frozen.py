"""In a PyInstaller bundle there is no `python -m`: sys.executable is Haven itself, and
`haven -m haven.core.verifier` would be a bad command line. The verifier helper must stay
off there and every signature be checked in-process, with the same answers."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from haven.core import verifier
from tests.helpers import verifier_checks


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(verifier, "_helper", None)
    monkeypatch.setattr(sys, "frozen", True, raising=False)

    def no_process(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        raise AssertionError(f"a frozen build started a process: {args!r}")

    monkeypatch.setattr(verifier.subprocess, "Popen", no_process)
    yield
    verifier.stop_helper()


def test_a_frozen_build_checks_every_signature_in_process() -> None:
    items, truth = verifier_checks(3 * verifier.MIN_HANDOFF)
    verifier.warm_up()
    assert verifier.verify_many(items) == truth
    assert verifier.verify_later(items).result() == truth
    helper = verifier._helper
    assert helper is None or helper._proc is None
