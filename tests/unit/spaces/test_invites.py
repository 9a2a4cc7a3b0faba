"""Invite codes (both forms, every way of getting them wrong) and the request/approval state
machine of core/spaces/invites.py on real vaults, with no network: the joiner's signed
fields go straight to the inviter's service, with a fixed stand-in for the channel's
transcript hash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from haven.core.session import Session
from haven.core.spaces.invites import (
    Answer,
    CodeError,
    InviteCode,
    InviteService,
    channel_secret,
    invite_id_of,
    parse_address,
    parse_duration,
)
from haven.core.spaces.invites.host import ANSWER_GRACE_MS, MAX_REQUESTS_PER_INVITE
from haven.core.spaces.model import JoinRequest
from haven.core.wordlist import WORDS
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store import invites_table as it
from haven.store.spaces import joining as joining_db
from tests.helpers import new_session

NOW = 1_800_000_000
T = b"t" * 32  # stands for the channel's transcript hash


def code(host: str = "127.0.0.1", port: int = 7654, expires: int = NOW + 3600) -> InviteCode:
    return InviteCode(host, port, os.urandom(32), expires)


# ----------------------------------------------------------------- the code


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "fe80::1", "haven-box.local"])
def test_both_forms_round_trip(host: str) -> None:
    c = code(host)
    for text in (c.encode_words(), c.encode_compact()):
        back = InviteCode.decode(text, now_s=NOW)
        assert (back.host, back.port, back.secret, back.expires_s) == (
            host,
            7654,
            c.secret,
            NOW + 3600,
        )


def test_word_form_has_one_word_per_byte_plus_two_check_words() -> None:
    c = code()
    words = c.encode_words().split()
    assert len(words) == len(c.payload()) + 2 == 46  # IPv4: 44 payload bytes
    assert set(words) <= set(WORDS)
    assert c.secret.hex() not in repr(c)
    # case, extra spaces, line breaks and hyphens are forgiven
    loose = "\n  ".join(w.upper() for w in words[:10]) + " - " + " ".join(words[10:])
    assert InviteCode.decode(loose, now_s=NOW).secret == c.secret
    assert c.encode_compact().startswith("hvi1-")


def test_a_typo_in_the_compact_forms_unused_bits_is_detected() -> None:
    """base32 leaves up to 4 unused bits in the last letter: letters that differ only there
    decode to the same bytes, so the code must re-encode to what was typed."""
    alphabet = "abcdefghijklmnopqrstuvwxyz234567"
    tried = 0
    for host in ("127.0.0.1", "::1", "haven-box.local"):
        c = code(host)
        text = c.encode_compact()
        unused = (-(len(c.payload()) + 4) * 8) % 5  # payload and its 4 check bytes
        last = alphabet.index(text[-1])
        for flip in range(1, 2**unused):
            typo = text[:-1] + alphabet[last ^ flip]
            with pytest.raises(CodeError):
                InviteCode.decode(typo, now_s=NOW)
            tried += 1
    assert tried > 0


def test_every_single_mistyped_word_is_detected() -> None:
    c = code()
    words = c.encode_words().split()
    for i, word in enumerate(words):
        other = WORDS[(WORDS.index(word) + 1 + i) % 256]
        bad = [*words[:i], other, *words[i + 1 :]]
        with pytest.raises(CodeError, match="mistyped"):
            InviteCode.decode(" ".join(bad), now_s=NOW)


def test_bad_words_and_codes_give_one_clear_reason() -> None:
    c = code()
    words = c.encode_words().split()
    cases = {
        " ".join(words[:-1]): "mistyped",  # a word left out
        " ".join([words[1], words[0], *words[2:]]): "mistyped",  # two swapped
        " ".join(["zzzz", *words[1:]]): "not in Haven's list",
        "": "empty",
        "hvi1-!!!!": "letters a code never has",
        c.encode_compact()[:-3]: "mistyped",
        c.encode_compact()[:12]
        + ("a" if c.encode_compact()[12] != "a" else "b")
        + c.encode_compact()[13:]: "mistyped",
    }
    for text, reason in cases.items():
        with pytest.raises(CodeError, match=reason):
            InviteCode.decode(text, now_s=NOW)


def test_expired_codes_are_refused_unless_asked_for_status() -> None:
    c = code(expires=NOW)
    with pytest.raises(CodeError, match="expired"):
        InviteCode.decode(c.encode_words(), now_s=NOW)
    assert InviteCode.decode(c.encode_words(), now_s=NOW, allow_expired=True).expired(NOW)


def test_codes_that_could_not_be_made_are_refused() -> None:
    with pytest.raises(InvalidInput):
        InviteCode("127.0.0.1", 7654, b"short", NOW)
    with pytest.raises(InvalidInput):
        InviteCode("127.0.0.1", 0, os.urandom(32), NOW)
    with pytest.raises(InvalidInput):
        InviteCode("bad host!", 7654, os.urandom(32), NOW)


def test_durations_and_addresses() -> None:
    assert [parse_duration(t) for t in ("30m", "2h", "7d", " 90S ")] == [1800, 7200, 604800, 90]
    for bad in ("", "10", "2w", "-1h", "30s", "31d", "1.5h"):
        with pytest.raises(InvalidInput):
            parse_duration(bad)
    assert parse_address("127.0.0.1:7654") == ("127.0.0.1", 7654)
    assert parse_address("[::1]:80") == ("::1", 80)
    for bad in ("127.0.0.1", "127.0.0.1:0", ":80", "127.0.0.1:99999", "a b:1"):
        with pytest.raises(InvalidInput):
            parse_address(bad)


def test_channel_secret_is_derived_and_reserved() -> None:
    secret = os.urandom(32)
    s = channel_secret(secret)
    assert s.space_id.startswith(b"hvi1") and s.space_id[4:] == invite_id_of(secret)[:12]
    assert s.auth_key != secret and channel_secret(secret) == s
    assert channel_secret(os.urandom(32)).space_id != s.space_id


# ----------------------------------------------------------------- the state machine


class Clock:
    def __init__(self) -> None:
        self.ms = NOW * 1000

    def __call__(self) -> int:
        return self.ms


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def owner(tmp_path: Path) -> Session:
    return new_session(tmp_path / "owner", "Ari")


def service(s: Session, clock: Clock | None = None) -> InviteService:
    return InviteService(s.vault, s.spaces, s.identity, clock or (lambda: NOW * 1000))


def ask(
    inviter: InviteService, joiner: InviteService, c: InviteCode, name: str = "Bea"
) -> tuple[JoinRequest, Answer]:
    request = joiner.begin(c, "Circle", name, "she/her")
    return request, inviter.receive_request(
        invite_id_of(c.secret), joiner.request_fields(request, T), T
    )


def test_request_approve_welcome_and_delivery(owner: Session, tmp_path: Path, clock: Clock) -> None:
    sid = owner.spaces.create_space("Circle", guidelines="be kind", display_name="Ari")
    inv = service(owner, clock)
    c = inv.create(sid, "127.0.0.1", 7654, uses=1, ttl_s=3600)
    iid = invite_id_of(c.secret)
    assert [s.space_id for s in inv.offered_secrets()] == [channel_secret(c.secret).space_id]
    assert inv.match([channel_secret(c.secret).space_id]) == iid
    assert inv.public_info(iid).guidelines == "be kind"
    bea = new_session(tmp_path / "bea", "Bea")
    joiner = service(bea)
    request, answer = ask(inv, joiner, c)
    assert answer.kind == "pending" and answer.welcome is None
    # asking again (the same persona) gives the same request, not a second one
    again = inv.receive_request(iid, joiner.request_fields(request, T), T)
    assert again.request_id == answer.request_id
    [req] = inv.requests(sid)
    assert (req.display_name, req.pronouns, req.status) == ("Bea", "she/her", "pending")
    assert inv.status(iid, joiner.status_fields(request.persona_pk, T), T).kind == "pending"
    assert inv.approve(sid, req.request_id) == request.persona_pk
    [info] = inv.invites(sid, include_inactive=True)
    assert (info.uses, info.state) == (1, "used up")
    answer = inv.status(iid, joiner.status_fields(request.persona_pk, T), T)
    assert answer.kind == "approved" and answer.welcome
    # still offered (an answer waits) though used up; a new request is refused
    assert len(inv.offered_secrets()) == 1
    cai = service(new_session(tmp_path / "cai", "Cai"))
    assert ask(inv, cai, c, "Cai")[1].kind == "invalid"
    assert joiner.complete(c, answer.welcome) == sid
    assert joiner.outgoing(c) is None
    inv.delivered(req.request_id)
    assert inv.offered_secrets() == []
    assert "Bea" in [m.display_name for m in owner.spaces.members(sid)]
    assert inv.status(iid, joiner.status_fields(request.persona_pk, T), T).kind == "invalid"


def test_deny_deletes_the_joiners_keys(owner: Session, tmp_path: Path) -> None:
    sid = owner.spaces.create_space("Circle", display_name="Ari")
    inv = service(owner)
    c = inv.create(sid, "127.0.0.1", 7654)
    bea = new_session(tmp_path / "bea", "Bea")
    joiner = service(bea)
    request, answer = ask(inv, joiner, c)
    inv.deny(sid, answer.request_id or b"")
    with pytest.raises(InvalidInput, match="already denied"):
        inv.approve(sid, answer.request_id or b"")
    assert (
        inv.status(invite_id_of(c.secret), joiner.status_fields(request.persona_pk, T), T).kind
        == "denied"
    )
    joiner.abandon(c)
    with bea.vault.read() as conn:
        assert ids.get_persona(conn, request.persona_pk) is None
        assert joining_db.pending_box_keys(conn) == []
        assert it.get_outgoing(conn, invite_id_of(c.secret)) is None
    assert [m.display_name for m in owner.spaces.members(sid)] == ["Ari"]


def test_forged_replayed_and_malformed_requests_store_nothing(
    owner: Session, tmp_path: Path
) -> None:
    sid = owner.spaces.create_space("Circle", display_name="Ari")
    inv = service(owner)
    c = inv.create(sid, "127.0.0.1", 7654)
    iid = invite_id_of(c.secret)
    joiner = service(new_session(tmp_path / "bea", "Bea"))
    request = joiner.begin(c, "Circle", "Bea")
    fields = joiner.request_fields(request, T)
    replayed = inv.receive_request(iid, fields, b"another channel".ljust(32, b"!"))
    renamed = inv.receive_request(iid, [*fields[:3], "Mallory", *fields[4:]], T)
    short = inv.receive_request(iid, fields[:5], T)
    junk = inv.receive_request(iid, [1, 2, 3, 4, 5, 6, 7], T)
    bad_status = inv.status(iid, [request.persona_pk, b"x" * 64], T)
    for answer in (replayed, renamed, short, junk, bad_status):
        assert answer.kind == "invalid"
    assert inv.requests(sid) == []


def test_expired_revoked_and_full_invites(owner: Session, tmp_path: Path, clock: Clock) -> None:
    sid = owner.spaces.create_space("Circle", display_name="Ari")
    inv = service(owner, clock)
    expiring = inv.create(sid, "127.0.0.1", 7654, ttl_s=60)
    revoked = inv.create(sid, "127.0.0.1", 7654)
    joiner = service(new_session(tmp_path / "bea", "Bea"))
    _, waiting = ask(inv, joiner, revoked)
    inv.revoke(sid, inv.resolve_invite(sid, invite_id_of(revoked.secret).hex()[:8]))
    clock.ms += 61_000
    assert inv.offered_secrets() == []  # expired: unused; revoked: never again
    with pytest.raises(InvalidInput, match="no longer valid"):
        inv.public_info(invite_id_of(expiring.secret))
    assert {i.state for i in inv.invites(sid, include_inactive=True)} == {"expired", "revoked"}
    assert inv.invites(sid) == []
    with pytest.raises(InvalidInput, match="already denied"):
        inv.approve(sid, waiting.request_id or b"")  # revoking denied what waited
    many = inv.create(sid, "127.0.0.1", 7654, uses=2)
    requests = [
        ask(inv, service(new_session(tmp_path / f"j{i}", f"J{i}")), many, f"J{i}")[1]
        for i in range(3)
    ]
    inv.approve(sid, requests[0].request_id or b"")
    inv.approve(sid, requests[1].request_id or b"")
    # the invite is used up: the third request was turned down with it
    assert [r.status for r in inv.requests(sid, include_decided=True)][-3:] == [
        "approved",
        "approved",
        "denied",
    ]
    with pytest.raises(NotFound):
        inv.approve(sid, os.urandom(16))
    # an uncollected answer keeps a used-up or expired invite reachable, but not for ever
    assert channel_secret(many.secret) in inv.offered_secrets()
    clock.ms = many.expires_s * 1000 + ANSWER_GRACE_MS
    assert inv.offered_secrets() == []


def test_flooding_one_invite_is_bounded(
    owner: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("haven.core.spaces.invites.host.MAX_REQUESTS_PER_INVITE", 2)
    sid = owner.spaces.create_space("Circle", display_name="Ari")
    inv = service(owner)
    c = inv.create(sid, "127.0.0.1", 7654, uses=5)
    joiner = service(new_session(tmp_path / "bea", "Bea"))
    kinds = []
    for i in range(3):
        kinds.append(ask(inv, joiner, c, f"B{i}")[1].kind)
        joiner.abandon(c)  # a fresh persona each time, as three strangers would have
    assert kinds == ["pending", "pending", "invalid"] and MAX_REQUESTS_PER_INVITE > 2


def test_auto_admit_and_admin_only(owner: Session, tmp_path: Path) -> None:
    sid = owner.spaces.create_space("Circle", display_name="Ari")
    inv = service(owner)
    inv.set_auto_admit(sid, True)
    assert inv.auto_admit(sid)
    c = inv.create(sid, "127.0.0.1", 7654)
    bea = new_session(tmp_path / "bea", "Bea")
    joiner = service(bea)
    _, answer = ask(inv, joiner, c)
    assert answer.kind == "approved" and answer.welcome
    assert joiner.complete(c, answer.welcome) == sid
    # Bea is a plain member: she cannot invite, approve or change admission
    bea_inv = service(bea)
    for call in (
        lambda: bea_inv.create(sid, "127.0.0.1", 1),
        lambda: bea_inv.set_auto_admit(sid, False),
        lambda: bea_inv.requests(sid),
    ):
        with pytest.raises(InvalidInput, match="only admins"):
            call()
    with pytest.raises(InvalidInput, match="1 to 200 uses"):
        inv.create(sid, "127.0.0.1", 7654, uses=0)


def test_begin_twice_with_one_code_is_refused(owner: Session, tmp_path: Path) -> None:
    joiner = service(new_session(tmp_path / "bea", "Bea"))
    c = code()
    joiner.begin(c, "Circle", "Bea")
    with pytest.raises(InvalidInput, match="--status"):
        joiner.begin(c, "Circle", "Bea")
