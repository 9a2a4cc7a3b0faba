"""Linking a computer with a short spoken code (7-purple-sausages), for real: the
`haven-relay` process and two `haven` processes on 127.0.0.1. The existing computer says the
short code; the new one types it with `haven init --link CODE --relay URL`; the pairing code
comes through the relay under SPAKE2 (the same construction as spoken invite codes), then
both show the verification words as with the long code. A mistyped code links nothing and
gives nothing away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.relay_sync_support import Relay
from tests.integration.test_device_link import Proc, entries
from tests.integration.test_device_link import first as first
from tests.integration.test_device_link import no_stray_processes as no_stray_processes


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[Relay]:
    r = Relay(tmp_path / "relay")
    yield r
    r.stop()


def offer(first: Path, relay: Relay) -> tuple[Proc, str]:
    a = Proc(
        first,
        "device",
        "link",
        "--host",
        "127.0.0.1",
        "--expires",
        "2",
        "--short",
        "--relay",
        relay.url,
    )
    short = a.read_until("Short code:").split(":", 1)[1].strip()
    return a, short


def test_link_with_a_short_spoken_code(first: Path, tmp_path: Path, relay: Relay) -> None:
    a, short = offer(first, relay)
    assert len(short.split("-")) == 3  # N-word-word
    second = tmp_path / "second"
    b = Proc(second, "init", "--link", short, "--relay", relay.url, "--device-name", "laptop")
    words_b = b.read_until("Verification words:")
    words_a = a.read_until("Verification words:")
    assert words_a == words_b
    b.answer("y")
    a.answer("y")
    (rc_a, _, err_a), (rc_b, _, err_b) = a.finish(), b.finish()
    assert rc_a == 0, err_a
    assert rc_b == 0, err_b
    assert entries(second) == ["written on the first computer"]


def test_a_mistyped_short_code_links_nothing(first: Path, tmp_path: Path, relay: Relay) -> None:
    a, short = offer(first, relay)
    number, one, two = short.split("-")
    wrong = f"{number}-{two}-{one}" if one != two else f"{number}-{one}-{one}x"
    second = tmp_path / "second"
    rc_b, _, err_b = Proc(second, "init", "--link", wrong, "--relay", relay.url).finish()
    assert rc_b == 2 and "did not match" in err_b, err_b
    rc_a, _, err_a = a.finish()
    assert rc_a == 2 and "did not match" in err_a, err_a
    assert (not (second / "vault.db").exists() and not any(second.glob("*"))) or not second.exists()
