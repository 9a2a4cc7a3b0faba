"""Frame encoding/decoding and mailbox authorisation, without sockets."""

from __future__ import annotations

import os

import msgpack
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haven.relay import protocol
from haven.relay.protocol import ProtocolError

MESSAGES: list[protocol.ClientMessage | protocol.ServerMessage] = [
    protocol.Challenge(challenge=bytes(32), blob_max=65536),
    protocol.Auth(mailbox=bytes(32), key=bytes(32), nonce=bytes(16), sig=bytes(64)),
    protocol.Welcome(head=7, claim_bits=18),
    protocol.Claim(id=4, nonce=b"n" * 16),
    protocol.Claimed(id=4, bits=0),
    protocol.Append(id=1, blob=b"\x00ciphertext"),
    protocol.Append(id=1, blob=b"\x00ciphertext", vf=b"v" * 32),
    protocol.Erase(id=5, token=b"t" * 32, blob=b"copy"),
    protocol.Erase(id=5, token=b"t" * 32, blob=b""),
    protocol.Erased(id=5, count=1),
    protocol.Acks(
        acks=[
            protocol.Appended(id=1, cursor=9, dup=True),
            protocol.Appended(id=2, cursor=10, dup=False),
        ]
    ),
    protocol.Fetch(id=2, after=0, limit=100),
    protocol.Blobs(id=2, items=[(1, b"a"), (2, b"b")], more=False, head=2),
    protocol.Subscribe(id=3, after=5),
    protocol.Subscribed(id=3, head=5),
    protocol.Push(cursor=6, blob=b"c"),
    protocol.Error(id=0, code="busy", message="full", retry_ms=30000),
]


@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: type(m).__name__)
def test_every_frame_round_trips_on_its_side_only(
    message: protocol.ClientMessage | protocol.ServerMessage,
) -> None:
    data = protocol.encode(message)
    from_client = isinstance(
        message,
        protocol.Auth
        | protocol.Append
        | protocol.Fetch
        | protocol.Subscribe
        | protocol.Claim
        | protocol.Erase,
    )
    decode, other = (
        (protocol.decode_client, protocol.decode_server)
        if from_client
        else (protocol.decode_server, protocol.decode_client)
    )
    assert decode(data) == message
    with pytest.raises(ProtocolError) as err:
        other(data)  # a server frame is never accepted from a client, and the reverse
    assert err.value.code == "malformed"


def _frame(**fields: object) -> bytes:
    return msgpack.packb({"v": 1, **fields}, use_bin_type=True)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "malformed"),
        (b"\xc1", "malformed"),
        (msgpack.packb([1, "append"]), "malformed"),
        (msgpack.packb({"t": "append", "id": 1, "blob": b"x"}), "unsupported_version"),
        (msgpack.packb({"v": 2, "t": "append", "id": 1, "blob": b"x"}), "unsupported_version"),
        (msgpack.packb({"v": True, "t": "append", "id": 1, "blob": b"x"}), "unsupported_version"),
        (_frame(t="append", id=1), "malformed"),
        (_frame(t="append", id=1, blob=b"x", extra=1), "malformed"),
        (_frame(t="append", id=1, blob="text not bytes"), "malformed"),
        (_frame(t="append", id=True, blob=b"x"), "malformed"),
        (_frame(t="append", id=2**64 - 1, blob=b"x"), "malformed"),
        (_frame(t="fetch", id=1, after=-1, limit=1), "malformed"),
        (
            _frame(t="auth", mailbox=bytes(31), key=bytes(32), nonce=bytes(16), sig=bytes(64)),
            "malformed",
        ),
        (_frame(t="teleport", id=1), "malformed"),
        (_frame(t="append", id=1, blob=b"x", vf=b""), "malformed"),  # empty: left out instead
        (_frame(t="append", id=1, blob=b"x", vf=bytes(31)), "malformed"),
        (_frame(t="append", id=1, blob=b"x", vf=bytes(33)), "malformed"),
        (_frame(t="append", id=1, blob=b"x", vf="v" * 32), "malformed"),
        (_frame(t="append", id=-1, blob=b"x"), "malformed"),
        (_frame(t="append", id=1.0, blob=b"x"), "malformed"),
        (_frame(t="append", id=1, blob=[1]), "malformed"),
        (msgpack.packb({"v": 1.0, "t": "append", "id": 1, "blob": b"x"}), "unsupported_version"),
        (_frame(t="erase", id=1, token=bytes(32)), "malformed"),
        (_frame(t="erase", id=1, token=bytes(33), blob=b""), "malformed"),
        (_frame(t="erase", id=1, blob=b"", token=bytes(32), vf=bytes(32)), "malformed"),
        (msgpack.packb({1: 1}), "malformed"),
        # id 1 written as a 2-byte int: decodes fine but is not the canonical encoding
        (b"\x84\xa1v\x01\xa1t\xa6append\xa2id\xd1\x00\x01\xa4blob\xc4\x01x", "malformed"),
        (b"\x00" * (protocol.MAX_FRAME_BYTES + 1), "too_large"),
    ],
)
def test_malformed_client_frames_are_refused_with_a_code(data: bytes, code: str) -> None:
    with pytest.raises(ProtocolError) as err:
        protocol.decode_client(data)
    assert err.value.code == code


@pytest.mark.parametrize(
    "data",
    [
        _frame(t="acks", acks=[]),
        _frame(t="acks", acks=[[1, 2, 0]]),  # dup must be a bool
        _frame(t="acks", acks=[[1, -2, False]]),
        _frame(t="blobs", id=1, items=[[1, "x"]], more=False, head=1),
        _frame(t="blobs", id=1, items=[], more=0, head=1),
        _frame(t="error", id=0, code="x", message="m" * 1001, retry_ms=0),
        _frame(t="challenge", challenge=bytes(33), blob_max=1),
    ],
)
def test_malformed_server_frames_are_refused(data: bytes) -> None:
    with pytest.raises(ProtocolError) as err:
        protocol.decode_server(data)
    assert err.value.code == "malformed"


def test_the_relays_acks_encoder_writes_the_acks_frame() -> None:
    triples = [(1, 9, True), (2, 10, False)]
    data = protocol.encode_acks(triples)
    expected = protocol.Acks(acks=[protocol.Appended(*t) for t in triples])
    assert data == protocol.encode(expected)
    assert protocol.decode_server(data) == expected


def test_non_string_map_keys_are_refused() -> None:
    with pytest.raises(ProtocolError):
        protocol.decode_client(msgpack.packb({"v": 1, "t": "append", 5: 1}))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_only_ever_raise_protocol_error(data: bytes) -> None:
    try:
        protocol.decode_client(data)
        protocol.decode_server(data)
    except ProtocolError:
        pass


def test_credentials_are_deterministic_and_self_certifying() -> None:
    key = os.urandom(32)
    a = protocol.MailboxCredentials.from_space_key(key)
    b = protocol.MailboxCredentials.from_space_key(key)
    other = protocol.MailboxCredentials.from_space_key(os.urandom(32))
    assert a.mailbox_id == b.mailbox_id != other.mailbox_id
    assert a.mailbox_id == protocol.mailbox_id_for(a.signer.public)
    assert key.hex() not in repr(a) and a.signer.seed.hex() not in repr(a)


def test_auth_accepts_only_a_fresh_answer_from_the_mailbox_key() -> None:
    creds = protocol.MailboxCredentials.from_space_key(os.urandom(32))
    stranger = protocol.MailboxCredentials.from_space_key(os.urandom(32))
    challenge = os.urandom(32)
    answer = creds.answer(challenge, os.urandom(16))
    assert protocol.verify_auth(challenge, answer) == creds.mailbox_id
    cases = [
        (os.urandom(32), answer),  # replayed on another connection (another challenge)
        (
            challenge,
            protocol.Auth(
                creds.mailbox_id,
                stranger.signer.public,
                answer.nonce,
                stranger.answer(challenge, answer.nonce).sig,
            ),
        ),
        (challenge, protocol.Auth(creds.mailbox_id, answer.key, os.urandom(16), answer.sig)),
        (challenge, protocol.Auth(creds.mailbox_id, answer.key, answer.nonce, bytes(64))),
    ]
    for untrusted_challenge, untrusted in cases:
        with pytest.raises(ProtocolError) as err:
            protocol.verify_auth(untrusted_challenge, untrusted)
        assert err.value.code == "unauthorized"


def test_auth_signature_is_domain_separated() -> None:
    """A signature made with the mailbox key for any other purpose does not authenticate."""
    creds = protocol.MailboxCredentials.from_space_key(os.urandom(32))
    challenge, nonce = os.urandom(32), os.urandom(16)
    other_domain = creds.signer.sign(b"haven/event/v1", challenge + creds.mailbox_id + nonce)
    with pytest.raises(ProtocolError):
        protocol.verify_auth(
            challenge, protocol.Auth(creds.mailbox_id, creds.signer.public, nonce, other_domain)
        )
