"""The handshake machines wired to each other in memory: no sockets, real libsodium."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haven.core.space_secrets import (
    PAIRING_SPACE_ID,
    SpaceSecret,
    new_pairing_secret,
    pairing_secret,
    secret_for,
)
from haven.crypto import padding
from haven.errors import InvalidInput, SyncError
from haven.sync import handshake
from haven.sync.channel import ChannelClosed, SecretChannel
from haven.sync.framing import MAX_PAYLOAD, ChannelError, FramingError
from haven.sync.handshake import (
    HANDSHAKE_MAX_PAYLOAD,
    MARK_BYTES,
    MAX_OFFERS,
    MAX_PREKEY_PAD,
    MIN_OFFERS,
    Handshake,
    HandshakeError,
    HandshakeResult,
    Role,
    decode_answers,
    decode_offers,
    encode_answers,
    encode_offers,
    space_proof,
    space_tag,
    verification_words,
)
from haven.sync.space_proofs import HELLO_MAX
from haven.sync.words import WORDS


@pytest.fixture
def no_padding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Zero-length padding everywhere, for tests that compare sizes or need fixed bytes."""
    monkeypatch.setattr(handshake, "pad_length", lambda limit: 0)


def space(epoch: int = 0) -> SpaceSecret:
    return secret_for(os.urandom(16), epoch, os.urandom(32))


class Wire:
    """Pumps bytes between two machines and records what each side sent."""

    def __init__(self, initiator: Handshake, responder: Handshake) -> None:
        self.i, self.r = initiator, responder
        self.to_responder: list[bytes] = []
        self.to_initiator: list[bytes] = []

    def run(self) -> tuple[HandshakeResult, HandshakeResult]:
        return self.run_from(self.i.start())

    def run_from(self, out: bytes) -> tuple[HandshakeResult, HandshakeResult]:
        for _ in range(10):
            if self.i.done and self.r.done:
                break
            self.to_responder.append(out)
            out = self.r.receive(out)
            self.to_initiator.append(out)
            if self.i.done:
                break
            out = self.i.receive(out)
        assert self.i.done and self.r.done
        return self.i.result, self.r.result


def run(
    mine: list[SpaceSecret], theirs: list[SpaceSecret]
) -> tuple[HandshakeResult, HandshakeResult]:
    return Wire(Handshake(Role.INITIATOR, mine), Handshake(Role.RESPONDER, theirs)).run()


def exchange(a: SecretChannel, z: SecretChannel, payload: bytes) -> bytes:
    z.feed(a.seal(payload))
    message = z.next_message()
    assert message is not None
    return message


def test_happy_path_shares_the_space_and_opens_a_working_channel() -> None:
    s = space()
    ri, rr = run([s], [s])
    assert ri.shared == rr.shared == (s,)
    assert ri.transcript_hash == rr.transcript_hash and len(ri.transcript_hash) == 32
    assert ri.version == rr.version == 2
    assert ri.channel.max_payload == rr.channel.max_payload == MAX_PAYLOAD
    assert exchange(ri.channel, rr.channel, b"hello") == b"hello"
    assert exchange(rr.channel, ri.channel, b"and back") == b"and back"


def test_no_shared_space_finishes_with_nothing_shared() -> None:
    ri, rr = run([space(), space()], [space()])
    assert ri.shared == () and rr.shared == ()


def test_one_of_several_shared_spaces_is_found_on_both_sides() -> None:
    common = space(epoch=3)
    ri, rr = run([space(), common, space()], [space(), common])
    assert ri.shared == rr.shared == (common,)
    assert ri.shared_space_ids == frozenset({common.space_id})


def test_several_epochs_of_one_space_match_only_where_both_hold_the_key() -> None:
    sid, k0, k1 = os.urandom(16), os.urandom(32), os.urandom(32)
    old, new = secret_for(sid, 0, k0), secret_for(sid, 1, k1)
    ri, rr = run([new, old], [old])  # the responder has not seen the rotation yet
    assert ri.shared == rr.shared == (old,)


def test_same_space_id_with_a_different_key_is_not_shared() -> None:
    sid = os.urandom(16)
    ri, rr = run([secret_for(sid, 0, os.urandom(32))], [secret_for(sid, 0, os.urandom(32))])
    assert ri.shared == () and rr.shared == ()


class ForgingInitiator(Handshake):
    """Sends the right tag for its space but a wrong proof (as if it had the tag only)."""

    def _offers(self) -> bytes:
        secret = self._secrets[0]
        self._offered = [secret]
        return encode_offers([(space_tag(secret, self._h), os.urandom(32))])


class StrangerInitiator(Handshake):
    """Sends one random tag: a peer that holds no key of ours."""

    def _offers(self) -> bytes:
        self._offered = [None]
        return encode_offers([(os.urandom(32), os.urandom(32))])


def test_a_wrong_proof_gets_the_same_answer_as_an_unknown_tag() -> None:
    s = space()
    forged = Wire(ForgingInitiator(Role.INITIATOR, [s]), Handshake(Role.RESPONDER, [s]))
    ri, rr = forged.run()
    assert ri.shared == () and rr.shared == ()
    stranger = Wire(StrangerInitiator(Role.INITIATOR, [s]), Handshake(Role.RESPONDER, [s]))
    stranger.run()
    # The responder's last flight (the encrypted answer) has the same size either way.
    assert len(forged.to_initiator[-1]) == len(stranger.to_initiator[-1])


class LyingResponder(Handshake):
    """Answers a tag it matched with a wrong responder proof."""

    def _on_offers(self, untrusted: bytes) -> bytes:
        offers = decode_offers(untrusted)
        mine = {space_tag(s, self._h) for s in self._secrets}
        answers = [(i, os.urandom(32)) for i, (t, _) in enumerate(offers) if t in mine]
        assert self._channel is not None
        return self._channel.seal(encode_answers(answers))


def test_a_wrong_responder_proof_fails_the_initiator() -> None:
    s = space()
    i, r = Handshake(Role.INITIATOR, [s]), LyingResponder(Role.RESPONDER, [s])
    flight = r.receive(i.start())
    flight = r.receive(i.receive(flight))
    with pytest.raises(HandshakeError, match="did not verify"):
        i.receive(flight)
    with pytest.raises(HandshakeError, match="already failed"):
        i.receive(b"")


class RelayInitiator(Handshake):
    """A man in the middle's side towards Bob: it sends Alice's offers as its own."""

    relayed = b""

    def _offers(self) -> bytes:
        self._offered = [None] * len(decode_offers(self.relayed))
        return self.relayed


def test_a_relaying_man_in_the_middle_gets_no_space() -> None:
    """M runs one handshake with each side and relays Alice's decrypted offers to Bob. The
    proofs are bound to each session's transcript, so Bob matches nothing; reflecting
    Alice's own proofs back to her as answers fails too."""
    s = space()
    alice, bob = Handshake(Role.INITIATOR, [s]), Handshake(Role.RESPONDER, [s])
    m_resp = Handshake(Role.RESPONDER, [])
    from_alice = alice.receive(m_resp.receive(alice.start()))  # mark, hello, offers for M
    m_alice = m_resp._channel
    assert m_alice is not None
    m_alice.feed(from_alice[MARK_BYTES:])
    assert m_alice.next_message() is not None  # Alice's hello
    alice_offers = m_alice.next_message()
    assert alice_offers is not None

    m_init = RelayInitiator(Role.INITIATOR, [])
    m_init.relayed = alice_offers
    bob_answer = bob.receive(m_init.receive(bob.receive(m_init.start())))
    assert bob.done and bob.result.shared == ()
    m_init.receive(bob_answer)
    assert m_init.done and m_init.result.shared == ()
    assert m_init.result.transcript_hash != alice.transcript_hash

    offers = decode_offers(alice_offers)
    reflected = encode_answers([(i, proof) for i, (_, proof) in enumerate(offers)])
    with pytest.raises(HandshakeError, match="did not verify"):
        alice.receive(m_alice.seal(reflected))
    assert not alice.done


def test_highest_common_version_is_chosen() -> None:
    s = space()
    ri, rr = Wire(
        Handshake(Role.INITIATOR, [s], versions=(1, 2, 5)),
        Handshake(Role.RESPONDER, [s], versions=(3, 2, 1)),
    ).run()
    assert ri.version == rr.version == 2


def test_version_mismatch_fails_both_sides_with_a_clear_reason() -> None:
    i = Handshake(Role.INITIATOR, [space()], versions=(2,))
    r = Handshake(Role.RESPONDER, [space()], versions=(1,))
    flight = r.receive(i.start())
    with pytest.raises(HandshakeError, match=r"ours \[2\], theirs \[1\]") as caught:
        i.receive(flight)
    assert caught.value.reply  # its hello still goes out, encrypted, so the peer can say why
    with pytest.raises(HandshakeError, match=r"no common protocol version \(ours \[1\], the"):
        r.receive(caught.value.reply)


@pytest.mark.parametrize(
    "hello, reason",
    [
        (b"", "bad length"),
        (b"\x00", "bad length"),
        (b"\x02\x02", "bad length"),
        (b"\x02\x02\x02", "bad version list"),
        (b"\x01\x00", "bad version list"),
        (b"\x01\x02\x00\x01", "bad padding"),
        (b"\x01\x02" + bytes(HELLO_MAX - 1), "bad length"),
    ],
)
def test_malformed_hellos_are_refused(hello: bytes, reason: str) -> None:
    """A peer that holds the session keys but sends a malformed hello inside them."""
    i, r = Handshake(Role.INITIATOR, [space()]), Handshake(Role.RESPONDER, [space()])
    i._hello = hello
    flight = i.receive(r.receive(i.start()))
    with pytest.raises(HandshakeError, match=reason):
        r.receive(flight)
    assert not r.done
    i2, r2 = Handshake(Role.INITIATOR, [space()]), Handshake(Role.RESPONDER, [space()])
    r2._hello = hello
    with pytest.raises(HandshakeError, match=reason):
        i2.receive(r2.receive(i2.start()))


def test_a_low_order_ephemeral_key_is_refused() -> None:
    r = Handshake(Role.RESPONDER, [space()])
    with pytest.raises(HandshakeError, match="ephemeral key is unusable"):
        r.receive(bytes(32))


def test_garbage_is_refused_once_no_mark_can_come() -> None:
    """Another protocol's bytes (or a prober's) get our random-looking flight, then an end
    after at most key + padding + mark bytes; a short probe just waits (tcp.py times out)."""
    r = Handshake(Role.RESPONDER, [space()])
    request = b"GET / HTTP/1.1\r\nHost: example.org\r\nUser-Agent: probe\r\n"
    assert r.receive(request[:31]) == b""
    assert r.receive(request[31:]) != b""
    limit = 32 + MAX_PREKEY_PAD + MARK_BYTES
    r.receive(bytes(limit - len(request) - 1))  # one byte short of the limit: still waiting
    with pytest.raises(HandshakeError, match="not speaking our protocol"):
        r.receive(b"\x00")
    assert not r.done


def test_a_truncated_key_waits_and_never_finishes() -> None:
    i, r = Handshake(Role.INITIATOR, [space()]), Handshake(Role.RESPONDER, [space()])
    key = i.start()[:32]
    assert r.receive(key[:-1]) == b""
    assert not r.done
    assert r.receive(key[-1:]) != b""  # the last byte completes it


class OversizeInitiator(Handshake):
    """Raises its own limit and sends an offer list larger than any allowed."""

    def _offers(self) -> bytes:
        assert self._channel is not None
        self._channel.max_payload = MAX_PAYLOAD
        return bytes(HANDSHAKE_MAX_PAYLOAD + 1)


def test_oversize_frames_are_refused_during_the_handshake() -> None:
    i, r = OversizeInitiator(Role.INITIATOR, [space()]), Handshake(Role.RESPONDER, [space()])
    flight = i.receive(r.receive(i.start()))
    # The sealed length alone is enough to refuse it.
    with pytest.raises(FramingError, match="exceeds"):
        r.receive(flight[: -(HANDSHAKE_MAX_PAYLOAD + 1 + 17)])


def test_first_flights_have_no_fixed_length_and_no_fixed_key_bit() -> None:
    firsts = [Handshake(Role.INITIATOR, []).start() for _ in range(200)]
    assert len({len(f) for f in firsts}) > 100
    assert all(32 <= len(f) <= 32 + MAX_PREKEY_PAD for f in firsts)
    assert {f[31] >> 7 for f in firsts} == {0, 1}  # X25519 leaves the top bit 0


def test_tampering_with_the_clear_padding_shares_nothing() -> None:
    """pad_I is in clear but in the transcript: an edit gives the two sides different h."""
    s = space()
    for _ in range(20):
        i, r = Handshake(Role.INITIATOR, [s]), Handshake(Role.RESPONDER, [s])
        first = bytearray(i.start())
        if len(first) > 32:
            break
    first[-1] ^= 0x01
    answer = r.receive(i.receive(r.receive(bytes(first))))
    assert r.done and r.result.shared == ()
    i.receive(answer)
    assert i.done and i.result.shared == ()


def test_flipping_the_key_top_bit_changes_nothing() -> None:
    s = space()
    i, r = Handshake(Role.INITIATOR, [s]), Handshake(Role.RESPONDER, [s])
    first = bytearray(i.start())
    first[31] ^= 0x80
    ri, rr = Wire(i, r).run_from(bytes(first))
    assert ri.shared == rr.shared == (s,)


def test_a_tampered_offer_fails_the_handshake() -> None:
    s = space()
    i, r = Handshake(Role.INITIATOR, [s]), Handshake(Role.RESPONDER, [s])
    flight = bytearray(i.receive(r.receive(i.start())))
    flight[-5] ^= 0x01
    with pytest.raises(ChannelError, match="failed authentication"):
        r.receive(bytes(flight))
    assert not r.done


@pytest.mark.usefixtures("no_padding")
def test_offers_are_padded_so_their_count_is_hidden() -> None:
    few, many = (
        Wire(Handshake(Role.INITIATOR, [space()]), Handshake(Role.RESPONDER, [])),
        Wire(
            Handshake(Role.INITIATOR, [space() for _ in range(MIN_OFFERS)]),
            Handshake(Role.RESPONDER, []),
        ),
    )
    few.run()
    many.run()
    assert len(few.to_responder[1]) == len(many.to_responder[1])
    more = Wire(
        Handshake(Role.INITIATOR, [space() for _ in range(MIN_OFFERS + 1)]),
        Handshake(Role.RESPONDER, []),
    )
    more.run()
    assert len(more.to_responder[1]) > len(many.to_responder[1])


def test_tags_are_unlinkable_across_sessions() -> None:
    s = space()
    h1 = run([s], [s])[0].transcript_hash
    h2 = run([s], [s])[0].transcript_hash
    assert h1 != h2 and space_tag(s, h1) != space_tag(s, h2)
    assert (
        space_tag(s, h1) != space_proof(s, h1, Role.INITIATOR) != space_proof(s, h1, Role.RESPONDER)
    )


@pytest.mark.usefixtures("no_padding")
def test_fixed_ephemeral_keys_give_a_deterministic_transcript() -> None:
    def once() -> bytes:
        i = Handshake(Role.INITIATOR, [], ephemeral_secret=bytes(range(32)))
        r = Handshake(Role.RESPONDER, [], ephemeral_secret=bytes(range(1, 33)))
        return Wire(i, r).run()[0].transcript_hash

    assert once() == once()


def test_verification_words_match_on_both_sides_and_differ_between_sessions() -> None:
    s = space()
    ri, rr = run([s], [s])
    words = verification_words(ri.transcript_hash)
    assert words == verification_words(rr.transcript_hash)
    assert len(words) == 4 and all(w in WORDS for w in words)
    assert len(verification_words(ri.transcript_hash, n=8)) == 8
    other = verification_words(run([s], [s])[0].transcript_hash, n=8)
    assert other != verification_words(ri.transcript_hash, n=8)
    assert len(WORDS) == 256 and len(set(WORDS)) == 256
    for bad in (0, 33):
        with pytest.raises(ValueError):
            verification_words(ri.transcript_hash, n=bad)


def test_pairing_secret_works_as_a_space_secret() -> None:
    code = new_pairing_secret()
    ri, rr = run([pairing_secret(code)], [pairing_secret(code), space()])
    assert len(ri.shared) == 1 and ri.shared[0].is_pairing and rr.shared == ri.shared
    assert ri.shared[0].space_id == PAIRING_SPACE_ID
    assert run([pairing_secret(new_pairing_secret())], [pairing_secret(code)])[0].shared == ()
    with pytest.raises(InvalidInput):
        pairing_secret(b"short")


def test_space_secret_never_shows_its_key() -> None:
    s = space()
    assert s.auth_key.hex() not in repr(s) and s.auth_key.hex()[:8] not in repr(s)
    with pytest.raises(InvalidInput):
        SpaceSecret(b"short", 0, bytes(32))


def test_the_finished_machine_hands_over_early_data() -> None:
    s = space()
    i, r = Handshake(Role.INITIATOR, [s]), Handshake(Role.RESPONDER, [s])
    flight = r.receive(i.receive(r.receive(i.start())))
    assert r.done
    # The responder's first message travels in the same read as its handshake answer.
    i.receive(flight + r.result.channel.seal(b"early") + r.result.channel.seal_final())
    assert i.done
    assert i.result.channel.next_message() == b"early"
    with pytest.raises(ChannelClosed):
        i.result.channel.next_message()
    assert issubclass(ChannelClosed, SyncError) and issubclass(ChannelError, SyncError)


def test_too_many_space_keys_are_refused_with_a_clear_error() -> None:
    many = [space() for _ in range(MAX_OFFERS + 1)]
    with pytest.raises(InvalidInput, match="at most"):
        Handshake(Role.INITIATOR, many)
    ri, rr = run(many[:MAX_OFFERS], many[-2:])  # exactly the limit works
    assert ri.shared == rr.shared == (many[-2],)


def test_a_final_frame_instead_of_the_answer_fails_the_handshake() -> None:
    s = space()
    i, r = Handshake(Role.INITIATOR, [s]), Handshake(Role.RESPONDER, [s])
    flight = r.receive(i.start())
    i.receive(flight)
    assert r._channel is not None
    with pytest.raises(HandshakeError, match="ended the stream during the handshake"):
        i.receive(r._channel.seal_final())  # the responder closes instead of answering
    assert not i.done


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_before_the_hello_only_ever_raise_channel_errors(data: bytes) -> None:
    r = Handshake(Role.RESPONDER, [space()])
    try:
        r.receive(data)
    except ChannelError:
        return
    assert not r.done


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600), st.integers(min_value=0, max_value=1024))
def test_arbitrary_offer_and_answer_plaintexts_are_parsed_or_refused(
    data: bytes, offered: int
) -> None:
    """Only HandshakeError escapes, and whatever parses keeps the invariants relied on."""
    for candidate in (data, padding.pad(data)):
        try:
            offers = decode_offers(candidate)
        except HandshakeError:
            pass
        else:
            assert len(offers) <= MAX_OFFERS and len({t for t, _ in offers}) == len(offers)
            assert all(len(t) == len(p) == 32 for t, p in offers)
        try:
            answers = decode_answers(candidate, offered)
        except HandshakeError:
            pass
        else:
            indices = [i for i, _ in answers]
            assert indices == sorted(set(indices)) and all(i < offered for i in indices)
