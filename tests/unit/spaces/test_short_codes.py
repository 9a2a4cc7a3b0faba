"""Short spoken codes: parsing, and the SPAKE2 exchange wired in memory (real `spake2`)."""

from __future__ import annotations

import pytest

from haven.core.spaces.invites.short_code import (
    PakeSide,
    ShortCode,
    ShortCodeError,
    looks_short,
    nameplate_key,
)
from haven.core.wordlist import WORDS


def exchange(host_code: ShortCode, guest_code: ShortCode) -> tuple[list[bytes], PakeSide]:
    host, guest = PakeSide(host_code, host=True), PakeSide(guest_code, host=False)
    box = [host.first_blob()]
    assert guest.take_peer(box)
    box.append(guest.first_blob())
    assert host.take_peer(box)
    box.append(host.payload_blob("hvr1-the-long-code"))
    try:
        assert guest.open_payload(box) == "hvr1-the-long-code"
    finally:
        box.append(guest.confirm_blob())
    return box, host


def test_codes_parse_forgivingly_and_refuse_clearly() -> None:
    code = ShortCode.new()
    assert 1 <= code.nameplate <= 999 and len(code.words) == 2
    assert set(code.words) <= set(WORDS) and code.words[0] not in repr(code)
    assert ShortCode.parse(code.text) == code
    assert ShortCode.parse(f"  {code.nameplate} {code.words[0].upper()}-{code.words[1]} ") == code
    assert looks_short("7-purple-sausages") and not looks_short("hvr1-abcde-fghij")
    for bad, reason in [
        ("7-purple", "a number and 2 words"),
        ("purple-7-sausages", "a number and 2 words"),
        ("0-" + WORDS[0] + "-" + WORDS[1], "from 1 to 999"),
        (f"7-{WORDS[0]}-zzzzqq", "not a word"),
    ]:
        with pytest.raises(ShortCodeError, match=reason):
            ShortCode.parse(bad)


def test_the_right_code_hands_the_long_code_over() -> None:
    code = ShortCode.new()
    box, host = exchange(code, ShortCode.parse(code.text))
    assert host.confirmed(box) is True
    assert all(b"hvr1-the-long-code" not in blob for blob in box)


def test_a_wrong_code_fails_on_both_sides_and_shows_nothing() -> None:
    code = ShortCode.new()
    other_word = WORDS[(WORDS.index(code.words[1]) + 1) % 256]
    wrong = ShortCode(code.nameplate, (code.words[0], other_word))
    host, guest = PakeSide(code, host=True), PakeSide(wrong, host=False)
    box = [host.first_blob()]
    guest.take_peer(box)
    box.append(guest.first_blob())
    host.take_peer(box)
    box.append(host.payload_blob("hvr1-the-long-code"))
    with pytest.raises(ShortCodeError, match="did not match"):
        guest.open_payload(box)
    box.append(guest.confirm_blob())
    assert host.confirmed(box) is False
    # An eavesdropper who knows the right code but was not a party cannot open anything:
    # the key came from the two sides' secret scalars, not from the code alone.
    observer = PakeSide(code, host=False)
    observer.take_peer(box)
    observer.peer = host.side
    with pytest.raises(ShortCodeError):
        observer.open_payload(box)


def test_the_host_answers_only_the_first_guest() -> None:
    code = ShortCode.new()
    host = PakeSide(code, host=True)
    first, second = PakeSide(code, host=False), PakeSide(code, host=False)
    box = [host.first_blob()]
    first.take_peer(box)
    second.take_peer(box)
    box += [first.first_blob(), second.first_blob()]
    host.take_peer(box)
    box.append(host.payload_blob("hvr1-x"))
    assert first.open_payload(box) == "hvr1-x"
    with pytest.raises(ShortCodeError):
        second.open_payload(box)


def test_messages_are_fresh_for_the_same_code() -> None:
    code = ShortCode.new()
    a, b = PakeSide(code, host=True).first_blob(), PakeSide(code, host=True).first_blob()
    assert a != b
    assert nameplate_key("wss://r/", 7, 1) != nameplate_key("wss://r/", 7, 2)
    assert nameplate_key("wss://r/", 7, 1) != nameplate_key("wss://s/", 7, 1)


def test_a_link_code_never_matches_an_invite_code() -> None:
    """The right words, typed where an invite is expected: the SPAKE2 identities differ, so
    the keys differ and nothing opens; nor do the two purposes meet in one mailbox."""
    code = ShortCode.new()
    host, guest = PakeSide(code, host=True, purpose="link"), PakeSide(code, host=False)
    box = [host.first_blob()]
    guest.take_peer(box)
    box.append(guest.first_blob())
    host.take_peer(box)
    box.append(host.payload_blob("hvn1-a-pairing-code"))
    with pytest.raises(ShortCodeError, match="did not match"):
        guest.open_payload(box)
    url = "wss://relay.example.org/"
    assert nameplate_key(url, 7, 1, "link") != nameplate_key(url, 7, 1)
