"""Frames and the secretstream channel state, wired in memory (no sockets).

Each attack is applied to real libsodium ciphertext; the receiving side must refuse it, stay
failed, and deliver nothing out of order.
"""

from __future__ import annotations

import os

import nacl.bindings as b
import pytest

from haven.sync.channel import READ_AHEAD, TAG_FINAL, TAG_MESSAGE, ChannelClosed, SecretChannel
from haven.sync.framing import (
    FRAME_OVERHEAD,
    MAX_PAYLOAD,
    SEALED_LENGTH_BYTES,
    ChannelError,
    FramingError,
    encode_length,
)


def pair() -> tuple[SecretChannel, SecretChannel]:
    k1, k2 = os.urandom(32), os.urandom(32)
    a, z = SecretChannel(k1, k2), SecretChannel(k2, k1)
    a.feed(z.header())
    z.feed(a.header())
    return a, z


def drain(ch: SecretChannel) -> list[bytes]:
    out = []
    while (m := ch.next_message()) is not None:
        out.append(m)
    return out


# ------------------------------------------------------------------ framing


def test_frames_survive_any_split() -> None:
    a, z = pair()
    payloads = [b"x", b"", os.urandom(300), os.urandom(70_000)]
    wire = b"".join(a.seal(p) for p in payloads)
    assert len(wire) == sum(len(p) + FRAME_OVERHEAD for p in payloads)
    for step in (1, 3, 21, 4096, len(wire)):
        a, z = pair()
        wire = b"".join(a.seal(p) for p in payloads)
        got = []
        for i in range(0, len(wire), step):
            z.feed(wire[i : i + step])
            got += drain(z)
        assert got == payloads
        assert not z.mid_frame


def test_no_length_is_in_clear() -> None:
    """The same payload sizes give unrelated bytes where a length prefix would be."""
    starts = set()
    for _ in range(50):
        a, _ = pair()
        starts.add(a.seal(b"x" * 300)[:4])
    assert len(starts) == 50


def test_oversize_frame_is_refused_from_its_length_alone() -> None:
    a, z = pair()
    z.max_payload = 1000
    frame = a.seal(bytes(1001))
    # Only the sealed length has arrived: refused before any of the payload is buffered.
    z.feed(frame[:SEALED_LENGTH_BYTES])
    with pytest.raises(FramingError, match="exceeds the maximum"):
        z.next_message()
    with pytest.raises(FramingError):
        encode_length(MAX_PAYLOAD + 1)
    a, z = pair()
    z.feed(a.seal(bytes(MAX_PAYLOAD))[: SEALED_LENGTH_BYTES + 1])  # the maximum is fine
    assert z.next_message() is None and z.mid_frame


def test_a_peer_cannot_make_us_buffer_without_limit() -> None:
    _, z = pair()
    with pytest.raises(ChannelError, match="ahead"):
        for _ in range(20):
            z.feed(bytes(READ_AHEAD))
            z.feed(bytes(MAX_PAYLOAD // 8))


def test_partial_frame_is_reported_as_mid_frame() -> None:
    a, z = pair()
    z.feed(a.seal(b"hello")[:6])
    assert z.next_message() is None and z.mid_frame


# --------------------------------------------------------------- secretstream


def test_messages_arrive_in_order_both_ways() -> None:
    a, z = pair()
    msgs = [b"", b"one", os.urandom(MAX_PAYLOAD), b"three"]
    z.feed(b"".join(a.seal(m) for m in msgs))
    assert drain(z) == msgs
    a.feed(z.seal(b"back"))
    assert drain(a) == [b"back"]


def test_ciphertext_differs_from_plaintext_and_between_equal_messages() -> None:
    a, _ = pair()
    f1, f2 = a.seal(b"same secret words"), a.seal(b"same secret words")
    assert b"secret" not in f1 and f1 != f2


def test_oversize_payload_is_refused_by_the_sender() -> None:
    a, _ = pair()
    with pytest.raises(ChannelError, match="exceeds"):
        a.seal(bytes(MAX_PAYLOAD + 1))


@pytest.mark.parametrize("position", [0, 3, 4, 5, 20, 21, 22, -1])
def test_a_flipped_byte_fails_and_the_channel_stays_dead(position: int) -> None:
    """Bytes 0-20 are the sealed length, then the sealed payload (tag, ciphertext, MAC)."""
    a, z = pair()
    good, bad = a.seal(b"first"), bytearray(a.seal(b"second"))
    bad[position] ^= 0x80
    z.feed(good)
    assert drain(z) == [b"first"]
    with pytest.raises(ChannelError):
        z.feed(bytes(bad))
        drain(z)
        z.eof()  # a longer length prefix leaves the frame incomplete: truncated at EOF
    assert z.failed
    with pytest.raises(ChannelError):
        z.feed(a.seal(b"third"))  # nothing more is accepted after a failure
    with pytest.raises(ChannelError):
        z.next_message()


def test_a_replayed_frame_is_refused() -> None:
    a, z = pair()
    f1 = a.seal(b"pay 5")
    z.feed(f1)
    assert drain(z) == [b"pay 5"]
    z.feed(f1)
    with pytest.raises(ChannelError):
        z.next_message()


def test_reordered_frames_deliver_nothing() -> None:
    a, z = pair()
    f1, f2 = a.seal(b"one"), a.seal(b"two")
    z.feed(f2 + f1)
    with pytest.raises(ChannelError):
        z.next_message()
    with pytest.raises(ChannelError):
        z.next_message()


def test_a_dropped_frame_is_detected_at_the_next_one() -> None:
    a, z = pair()
    f1, _dropped, f3 = a.seal(b"one"), a.seal(b"two"), a.seal(b"three")
    z.feed(f1 + f3)
    assert z.next_message() == b"one"
    with pytest.raises(ChannelError):
        z.next_message()


def test_early_final_ends_the_stream_cleanly_and_refuses_anything_after() -> None:
    a, z = pair()
    f1 = a.seal(b"one")
    final = a.seal_final()
    assert a.seal_final() == b""  # idempotent
    with pytest.raises(ChannelClosed):
        a.seal(b"after close")
    z.feed(f1 + final)
    assert z.next_message() == b"one"
    with pytest.raises(ChannelClosed):
        z.next_message()
    with pytest.raises(ChannelClosed):
        z.eof()  # EOF after FINAL is a clean end
    z2_a, z2 = pair()
    z2.feed(z2_a.seal_final() + b"trailing bytes after the final frame")
    with pytest.raises(ChannelError, match="after the end"):
        z2.next_message()


def test_eof_without_final_is_truncation() -> None:
    a, z = pair()
    z.feed(a.seal(b"one"))
    assert drain(z) == [b"one"]
    with pytest.raises(ChannelError, match="truncated"):
        z.eof()
    a2, z2 = pair()
    z2.feed(a2.seal(b"partial")[:10])
    assert z2.next_message() is None
    with pytest.raises(ChannelError, match="truncated"):
        z2.eof()


def raw_sender(key: bytes) -> tuple[b.crypto_secretstream_xchacha20poly1305_state, bytes]:
    state = b.crypto_secretstream_xchacha20poly1305_state()
    header = b.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    return state, bytes(header)


def raw_frame(
    state: b.crypto_secretstream_xchacha20poly1305_state,
    payload: bytes,
    tag: int,
    length_tag: int = TAG_MESSAGE,
) -> bytes:
    push = b.crypto_secretstream_xchacha20poly1305_push
    return push(state, encode_length(len(payload)), tag=length_tag) + push(state, payload, tag=tag)


@pytest.mark.parametrize(
    "tag",
    [
        b.crypto_secretstream_xchacha20poly1305_TAG_PUSH,
        b.crypto_secretstream_xchacha20poly1305_TAG_REKEY,
    ],
)
def test_tags_other_than_message_and_final_are_refused(tag: int) -> None:
    key = os.urandom(32)
    z = SecretChannel(os.urandom(32), key)
    state, header = raw_sender(key)
    z.feed(header + raw_frame(state, b"x", tag))
    with pytest.raises(ChannelError, match="unexpected"):
        z.next_message()
    z = SecretChannel(os.urandom(32), key)  # and on the sealed length too
    state, header = raw_sender(key)
    z.feed(header + raw_frame(state, b"x", TAG_MESSAGE, length_tag=tag))
    with pytest.raises(ChannelError, match="unexpected"):
        z.next_message()


def test_a_final_frame_carrying_data_is_refused() -> None:
    key = os.urandom(32)
    z = SecretChannel(os.urandom(32), key)
    state, header = raw_sender(key)
    z.feed(header + raw_frame(state, b"smuggled", TAG_FINAL))
    with pytest.raises(ChannelError, match="final frame carried data"):
        z.next_message()


def test_a_frame_under_the_wrong_key_fails() -> None:
    a, _ = pair()
    stranger_view = SecretChannel(os.urandom(32), os.urandom(32))
    stranger_view.feed(a.header() + a.seal(b"hello"))
    with pytest.raises(ChannelError, match="failed authentication"):
        stranger_view.next_message()
