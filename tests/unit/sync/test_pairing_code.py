"""Pairing codes: what a person types or scans."""

from __future__ import annotations

import time

import pytest

from haven.sync.pairing import CodeError, PairingCode


def code(expires_in: int = 600) -> PairingCode:
    return PairingCode("192.168.1.20", 7654, bytes(range(32)), int(time.time()) + expires_in)


def test_round_trip_tolerates_case_spaces_and_dashes() -> None:
    c = code()
    text = c.encode()
    assert text.startswith("hvn1-")
    assert PairingCode.decode(text) == c
    assert PairingCode.decode(text.upper().replace("-", " ")) == c
    assert c.secret.hex() not in repr(c)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda t: t[:-1],  # truncated
        lambda t: t[:-2] + ("a" if t[-2] != "a" else "b") + t[-1],  # one letter wrong
        lambda t: t.replace("hvn1", "hvn2", 1),  # not a Haven code
        lambda t: t + "0",  # a character base32 never uses
        lambda t: "",
    ],
)
def test_mistyped_codes_are_refused_clearly(mutate) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CodeError):
        PairingCode.decode(mutate(code().encode()))


def test_expired_code_is_refused() -> None:
    with pytest.raises(CodeError, match="expired"):
        PairingCode.decode(code(expires_in=-1).encode())
    c = code(expires_in=60)
    with pytest.raises(CodeError, match="expired"):
        PairingCode.decode(c.encode(), now_s=c.expires_s + 1)
