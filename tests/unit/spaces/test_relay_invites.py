"""Relay-route invites on real vaults with the relay replaced by a dict of mailboxes (the
real relay and CLI are in tests/integration/test_relay_invites.py): what each blob reveals
to whom, and a relay that loses, replays or reorders blobs."""

from __future__ import annotations

import base64
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
import segno

from haven.core.session import Session
from haven.core.spaces.invite_keys import CODE_PREFIX_BYTES, InviteHostKeys, secret_of_prefix
from haven.core.spaces.invites import invite_id_of, wire
from haven.core.spaces.invites import relay_wire as rw
from haven.core.spaces.invites.code import CodeError
from haven.core.spaces.invites.host import MAX_REQUESTS_PER_INVITE
from haven.core.spaces.invites.relay_code import RelayInviteCode, is_relay_code
from haven.core.spaces.invites.relay_host import RelayJob
from haven.crypto.subkeys import derive_subkey
from haven.errors import InvalidInput
from tests.helpers import new_session

URL = "ws://127.0.0.1:9/"
NOW = 1_800_000_000


class FakeRelay:
    """Mailboxes keyed by the mailbox key (the real relay keys them by its hash)."""

    def __init__(self) -> None:
        self.boxes: dict[bytes, list[bytes]] = {}

    def append(self, key: bytes, blob: bytes) -> None:
        self.boxes.setdefault(key, []).append(blob)

    def read(self, key: bytes) -> list[bytes]:
        return list(self.boxes.get(key, []))


@pytest.fixture
def people(tmp_path: Path) -> Iterator[tuple[Session, Session, bytes]]:
    host, guest = new_session(tmp_path / "host", "Ari"), new_session(tmp_path / "guest", "Bea")
    sid = host.spaces.create_space("Circle", "a support circle", [], display_name="Ari")
    yield host, guest, sid
    host.lock()
    guest.lock()


def invite(host: Session, sid: bytes, relay: FakeRelay, uses: int = 1) -> RelayInviteCode:
    code, offer = host.invites.relay_host.create(sid, URL, uses, 3600)
    relay.append(rw.request_mailbox_key(code.secret), offer)
    return code


def host_pass(host: Session, relay: FakeRelay) -> int:
    """What sync/relay_invites.py does at each host sync, against the fake relay."""
    rh = host.invites.relay_host
    new = 0
    for job in rh.jobs():
        blobs = relay.read(job.mailbox_key)
        new += rh.take_requests(job, blobs)
        if rh.needs_offer(job, blobs):
            relay.append(job.mailbox_key, rh.offer_blob(job))
        for reply in rh.replies(job):
            got = relay.read(reply.keys.mailbox_key)
            if not rh.collected(reply, got) and not rh.reply_present(reply, got):
                for blob in reply.blobs:
                    relay.append(reply.keys.mailbox_key, blob)
    return new


def ask(guest: Session, code: RelayInviteCode, relay: FakeRelay) -> rw.Offer:
    offer = rw.latest_offer(code.secret, relay.read(rw.request_mailbox_key(code.secret)))
    assert offer is not None and offer.state == "open"
    request = guest.invites.begin(code, offer.name, "Bea", "she/her")
    blob = guest.invites.relay_guest.request_blob(code, offer, request)
    relay.append(rw.request_mailbox_key(code.secret), blob)
    return offer


def answer(
    guest: Session, code: RelayInviteCode, offer: rw.Offer, relay: FakeRelay
) -> rw.Reply | None:
    keys = guest.invites.relay_guest.reply_keys(code, offer)
    return rw.open_reply(keys, relay.read(keys.mailbox_key))


def typos(text: str, start: int) -> Iterator[str]:
    """Every single-letter typo of `text` after `start` (dots stay)."""
    for i in range(start, len(text)):
        if text[i] != ".":
            yield text[:i] + ("a" if text[i] != "a" else "b") + text[i + 1 :]


@pytest.mark.parametrize("version", ["hvr2", "hvr3"])
def test_the_code_round_trips_and_refuses_every_single_typo(version: str) -> None:
    def make(url: str) -> RelayInviteCode:
        if version == "hvr3":  # an older, 176-bit code: still read
            return RelayInviteCode.from_prefix(url, os.urandom(CODE_PREFIX_BYTES))
        return RelayInviteCode(url, os.urandom(32))

    for url, shown in (
        ("wss://relay.example.org/", "relay.example.org"),
        ("ws://127.0.0.1:9/", "ws://127.0.0.1:9"),
        ("wss://relay.example.org:8443/v1", "wss://relay.example.org:8443/v1"),
    ):
        code = make(url)
        text = code.encode_compact()
        assert text.startswith(f"{version}.{shown}.") and is_relay_code(text)
        assert RelayInviteCode.decode(text) == code
        assert RelayInviteCode.decode(code.qr_text()) == code
        assert RelayInviteCode.decode(f" {text[:30]}\n{text[30:]} ") == code  # wrapped
    code = make("wss://relay.example.org/")
    text = code.encode_compact()
    assert len(text) == (79 if version == "hvr2" else 63)
    assert code.secret.hex() not in repr(code) and not is_relay_code("hvi1-abcde")
    for typo in typos(text, len("hvrN.")):  # a typo in the relay or the letters
        with pytest.raises(CodeError, match="mistyped"):
            RelayInviteCode.decode(typo)
    with pytest.raises(CodeError, match="incomplete"):
        RelayInviteCode.decode(text[:-1])
    with pytest.raises(CodeError, match="letters a code never has"):
        RelayInviteCode.decode(text[:-1] + "1")  # base32 has no 1


def test_a_new_invite_code_carries_the_whole_256_bit_secret(
    people: tuple[Session, Session, bytes],
) -> None:
    """The issue asks for a 256-bit secret in the link-style code: a new invite's code is an
    hvr2 one whose 56 letters are the 32-byte commitment to the host keys and a 3-byte check,
    nothing derived from a shorter part of it."""
    host, _guest, sid = people
    code = invite(host, sid, FakeRelay())
    [job] = host.invites.relay_host.jobs()
    text = code.encode_compact()
    assert text.startswith("hvr2.ws://127.0.0.1:9.") and code.prefix is None
    letters = base64.b32decode(text.rpartition(".")[2].upper())
    assert len(letters) == 35 and letters[:32] == code.secret == job.keys.code_secret
    assert len(RelayInviteCode(URL, code.secret).encode_compact()) == len(text) == 78
    # 62 characters plus the relay's name: a name of up to 18 characters stays within 80.
    assert len(RelayInviteCode("wss://abcdefghij.example/", code.secret).encode_compact()) == 80


def test_the_version_is_part_of_the_check() -> None:
    """An hvr3 code read as hvr2 (or the other way) is refused, never read as another
    invite."""
    code = RelayInviteCode.from_prefix("wss://relay.example.org/", os.urandom(CODE_PREFIX_BYTES))
    with pytest.raises(CodeError):
        RelayInviteCode.decode("hvr2" + code.encode_compact()[4:])
    new = RelayInviteCode("wss://relay.example.org/", os.urandom(32))
    with pytest.raises(CodeError):
        RelayInviteCode.decode("hvr3" + new.encode_compact()[4:])


def test_an_offer_must_answer_the_code(people: tuple[Session, Session, bytes]) -> None:
    """Someone holding the code cannot publish their own offer for it: the keys must hash
    to the code's secret (or, for an older hvr3 code, to its 176-bit prefix), and made-up
    keys do not."""
    host, _guest, sid = people
    relay = FakeRelay()
    code = invite(host, sid, relay)
    [job] = host.invites.relay_host.jobs()
    old = RelayInviteCode.from_prefix(URL, job.keys.code_secret[:CODE_PREFIX_BYTES])
    forged_keys = InviteHostKeys.from_seed(os.urandom(32))
    forged = rw.Offer("Trap", "", "", forged_keys.box.public, forged_keys.signing.public, "open", 0)
    for secret in (code.secret, old.secret):
        blob = rw.seal_offer(secret, forged, forged_keys.signing)
        assert rw.open_offer(secret, blob) is None
        real = rw.seal_offer(secret, forged_offer(job), job.keys.signing)
        assert rw.open_offer(secret, real) is not None
    assert rw.open_offer(code.secret, host.invites.relay_host.offer_blob(job)) is not None


def forged_offer(job: RelayJob) -> rw.Offer:
    return rw.Offer("Circle", "", "", job.keys.box.public, job.keys.signing.public, "open", 0)


def test_the_code_fits_one_low_density_qr_code() -> None:
    code = RelayInviteCode("wss://relay.example.org/", os.urandom(32))
    qr = segno.make_qr(code.qr_text(), error="l")
    assert qr.mode == "alphanumeric" and qr.version <= 4


def test_the_whole_exchange_and_who_can_read_what(people: tuple[Session, Session, bytes]) -> None:
    host, guest, sid = people
    relay = FakeRelay()
    code = invite(host, sid, relay)
    offer = ask(guest, code, relay)
    assert host_pass(host, relay) == 1
    [request] = host.invites.requests(sid)
    # Someone else holding the code reads the offer but not the request.
    stranger = os.urandom(32)
    request_blobs = relay.read(rw.request_mailbox_key(code.secret))
    assert [rw.open_offer(code.secret, b) is not None for b in request_blobs] == [
        True,
        False,
    ]
    assert rw.open_offer(stranger, request_blobs[0]) is None
    host.invites.approve(sid, request.request_id)
    host_pass(host, relay)
    reply = answer(guest, code, offer, relay)
    assert reply is not None and reply.kind == "approved" and reply.welcome
    # The reply mailbox is not derivable from the code: nothing else reads it.
    assert all(
        rw.open_reply(rw.ReplyKeys(k, derive_subkey(code.secret, b"hvinvrsl")), v) is None
        for k, v in relay.boxes.items()
    )
    keys = guest.invites.relay_guest.reply_keys(code, offer)
    assert guest.invites.complete(code, reply.welcome) == sid
    assert host.invites.relay_host.replies(host.invites.relay_host.jobs()[0])  # still kept
    relay.append(keys.mailbox_key, rw.seal_received(keys))
    host_pass(host, relay)
    [job] = host.invites.relay_host.jobs()  # used up: its mailbox must say so until expiry
    assert job.offer_state == "used up" and host.invites.relay_host.replies(job) == []
    latest = rw.latest_offer(code.secret, relay.read(job.mailbox_key))
    assert latest is not None and latest.state == "used up"


def test_a_replaying_relay_admits_once(people: tuple[Session, Session, bytes]) -> None:
    host, guest, sid = people
    relay = FakeRelay()
    code = invite(host, sid, relay, uses=5)
    offer = ask(guest, code, relay)
    box = rw.request_mailbox_key(code.secret)
    relay.boxes[box] *= 3  # every blob three times
    relay.append(box, guest.invites.relay_guest.resend_blob(code, offer))  # and sent again
    assert host_pass(host, relay) == 1
    assert host_pass(host, relay) == 0
    [request] = host.invites.requests(sid)
    host.invites.approve(sid, request.request_id)
    with pytest.raises(InvalidInput, match="already approved"):
        host.invites.approve(sid, request.request_id)
    host_pass(host, relay)
    keys = guest.invites.relay_guest.reply_keys(code, offer)
    parts = relay.read(keys.mailbox_key)
    relay.boxes[keys.mailbox_key] = random.sample(parts * 2, 2 * len(parts))  # replayed, shuffled
    reply = answer(guest, code, offer, relay)
    assert reply is not None and reply.kind == "approved"
    assert [m.member_pk for m in host.spaces.members(sid)].count(request.persona_pk) == 1


def test_a_relay_that_loses_everything_only_delays(people: tuple[Session, Session, bytes]) -> None:
    host, guest, sid = people
    relay = FakeRelay()
    code = invite(host, sid, relay)
    relay.boxes.clear()  # the offer is lost: the host puts it back at its next sync
    host_pass(host, relay)
    offer = ask(guest, code, relay)
    relay.boxes.clear()  # the request is lost: the guest's next check sends it again
    assert host_pass(host, relay) == 0
    relay.append(
        rw.request_mailbox_key(code.secret), guest.invites.relay_guest.resend_blob(code, offer)
    )
    assert host_pass(host, relay) == 1
    host.invites.approve(sid, host.invites.requests(sid)[0].request_id)
    host_pass(host, relay)
    keys = guest.invites.relay_guest.reply_keys(code, offer)
    relay.boxes[keys.mailbox_key] = relay.boxes[keys.mailbox_key][1:]  # a part of the reply lost
    assert answer(guest, code, offer, relay) is None
    relay.boxes.pop(keys.mailbox_key)
    host_pass(host, relay)  # not collected, not present: sent again
    assert answer(guest, code, offer, relay) is not None


def test_a_revoked_invite_says_so_and_a_replayed_open_offer_cannot_reopen_it(
    people: tuple[Session, Session, bytes],
) -> None:
    host, _, sid = people
    relay = FakeRelay()
    code = invite(host, sid, relay)
    box = rw.request_mailbox_key(code.secret)
    first_offer = relay.read(box)[0]
    [info] = host.invites.invites(sid)
    host.invites.revoke(sid, info.invite_id)
    host_pass(host, relay)
    relay.append(box, first_offer)  # a relay replays the open offer after the revocation
    latest = rw.latest_offer(code.secret, relay.read(box))
    assert latest is not None and latest.state == "revoked"


def test_requests_are_capped_per_invite(
    people: tuple[Session, Session, bytes], tmp_path: Path
) -> None:
    host, guest, sid = people
    relay = FakeRelay()
    code = invite(host, sid, relay, uses=200)
    offer = rw.latest_offer(code.secret, relay.read(rw.request_mailbox_key(code.secret)))
    assert offer is not None
    for i in range(MAX_REQUESTS_PER_INVITE + 3):
        request = guest.spaces.prepare_join(f"Guest {i}")
        keys = guest.identity.signing_keys(request.persona_pk)
        fields = wire.request_fields(
            request, keys, rw.binding(code_invite_id(code), offer.host_box_pk)
        )
        relay.append(
            rw.request_mailbox_key(code.secret), rw.seal_request(offer.host_box_pk, fields)
        )
    assert host_pass(host, relay) == MAX_REQUESTS_PER_INVITE
    assert len(host.invites.requests(sid)) == MAX_REQUESTS_PER_INVITE


def test_a_request_signed_for_another_invite_or_host_is_dropped(
    people: tuple[Session, Session, bytes],
) -> None:
    host, guest, sid = people
    relay = FakeRelay()
    code, other = invite(host, sid, relay), invite(host, sid, relay)
    offer = rw.latest_offer(code.secret, relay.read(rw.request_mailbox_key(code.secret)))
    assert offer is not None
    request = guest.spaces.prepare_join("Bea")
    keys = guest.identity.signing_keys(request.persona_pk)
    # Signed for `other`, left on `code`'s mailbox (a relay or another guest moving it).
    fields = wire.request_fields(
        request, keys, rw.binding(code_invite_id(other), offer.host_box_pk)
    )
    relay.append(rw.request_mailbox_key(code.secret), rw.seal_request(offer.host_box_pk, fields))
    relay.append(rw.request_mailbox_key(code.secret), os.urandom(300))  # and garbage
    assert host_pass(host, relay) == 0
    assert host.invites.requests(sid) == []


def code_invite_id(code: RelayInviteCode) -> bytes:
    return invite_id_of(code.secret)


def test_jobs_end_once_nothing_waits(people: tuple[Session, Session, bytes]) -> None:
    host, _, sid = people
    relay = FakeRelay()
    invite(host, sid, relay)
    jobs = host.invites.relay_host.jobs()
    assert len(jobs) == 1 and isinstance(jobs[0], RelayJob) and "secret" not in repr(jobs[0])


def test_another_holder_of_the_code_cannot_pose_as_the_host(
    people: tuple[Session, Session, bytes], tmp_path: Path
) -> None:
    """Mallory got the same multi-use code. Her own offers (her keys, or the host's box key
    with her signature) are ignored, so Bea's request stays sealed to the real host and a
    forged "revoked" cannot turn Bea away."""
    host, guest, sid = people
    mallory = new_session(tmp_path / "mallory", "Mal")
    try:
        relay = FakeRelay()
        code = invite(host, sid, relay, uses=5)
        box = rw.request_mailbox_key(code.secret)
        real = rw.latest_offer(code.secret, relay.read(box))
        assert real is not None
        mal_sid = mallory.spaces.create_space("Circle", "a support circle", [], display_name="M")
        mal_info = mallory.spaces.space_info(mal_sid)
        signer = mallory.identity.signing_keys(mal_info.my_persona)
        for keys in (
            (os.urandom(32), mal_info.my_persona),  # her own keys
            (real.host_box_pk, mal_info.my_persona),  # the host's box key, her persona
            (real.host_box_pk, real.host_persona_pk),  # the host's keys, her signature
        ):
            for state in ("open", "revoked"):
                fake = rw.Offer("Circle", "join me", "", keys[0], keys[1], state, 2**31)
                relay.append(box, rw.seal_offer(code.secret, fake, signer))
        latest = rw.latest_offer(code.secret, relay.read(box))
        assert latest == real
        ask(guest, code, relay)
        assert host_pass(host, relay) == 1
    finally:
        mallory.lock()


def test_an_invite_made_with_an_older_hvr3_code_still_works(
    people: tuple[Session, Session, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An invite an earlier version made (its secret the hash of the commitment's first 176
    bits, its code hvr3) is read, asked, answered and joined as before, for its lifetime."""
    host, guest, sid = people
    relay = FakeRelay()
    with monkeypatch.context() as m:  # the earlier version's secret
        m.setattr(
            InviteHostKeys,
            "invite_secret",
            property(lambda k: secret_of_prefix(k.code_secret[:CODE_PREFIX_BYTES])),
        )
        host.invites.relay_host.create(sid, URL, 1, 3600)
    [job] = host.invites.relay_host.jobs()
    prefix = job.keys.code_secret[:CODE_PREFIX_BYTES]
    text = RelayInviteCode.from_prefix(URL, prefix).encode_compact()
    assert text.startswith("hvr3.") and len(text) == 62
    code = RelayInviteCode.decode(text)
    relay.append(rw.request_mailbox_key(code.secret), host.invites.relay_host.offer_blob(job))
    offer = ask(guest, code, relay)
    assert host_pass(host, relay) == 1
    host.invites.approve(sid, host.invites.requests(sid)[0].request_id)
    host_pass(host, relay)
    reply = answer(guest, code, offer, relay)
    assert reply is not None and reply.welcome is not None
    assert guest.invites.complete(code, reply.welcome) == sid
