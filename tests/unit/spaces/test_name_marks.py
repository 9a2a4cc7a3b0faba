"""What the app says next to a name: a fingerprint from the key, the role from the authority
rules, and marks for look-alike names and role words — whatever the name claims."""

from __future__ import annotations

from pathlib import Path

import nacl.utils
import pytest

from haven.core.spaces.model import Member, Role, Status
from haven.core.spaces.name_marks import (
    PALETTE,
    fingerprint,
    mark_members,
    name_keys,
    uses_role_word,
)
from haven.core.wordlist import WORDS


def member(name: str, role: Role = Role.MEMBER, status: Status = Status.ACTIVE) -> Member:
    return Member(nacl.utils.random(32), name, "", "", role, status)


def test_fingerprint_is_stable_and_from_the_key_alone() -> None:
    key = bytes(range(32))
    # A fixed vector: the fingerprint people compare must not change between versions.
    assert (fingerprint(key).colour, fingerprint(key).words) == ("#f032e6", ("daisy", "swan"))
    assert fingerprint(key) == fingerprint(bytes(range(32)))
    seen = {fingerprint(nacl.utils.random(32)) for _ in range(200)}
    assert len(seen) > 190  # ~1 million fingerprints: 200 keys rarely share one
    assert all(f.colour in PALETTE and set(f.words) <= set(WORDS) for f in seen)


def alike(first: str, second: str) -> bool:
    return bool(name_keys(first) & name_keys(second))


def test_names_that_look_alike_meet() -> None:
    """Case, accents, spacing, invisible characters and Unicode confusables (UTS #39 over
    Unicode's table) — in Latin, Cyrillic, Greek, Armenian, Arabic and Persian."""
    same = [
        "Ari", "ARI", "\u0410ri", "A\u200bri", "A\u200dri", "Ári", "ArI", "A r i", "Ari!",
        "\uff21ri", "\u0391ri",
    ]  # fmt: skip
    assert all(alike("Ari", n) for n in same)
    assert alike("Ar1", "Arl") and alike("Al", "AI")  # 1, I and l draw alike
    assert alike("Modern", "Modem")  # rn draws like m
    assert alike("hope", "\u0570\u0585pe")  # Armenian հ and օ
    assert alike("علي", "علی") and alike("كمال", "کمال")  # Arabic and Persian yeh, kaf
    assert not any(alike("Ari", n) for n in ("Avi", "Ali", "Aria", "Ira", "Kari"))


def test_distinct_names_are_not_marked() -> None:
    """The control: a circle of ordinary, different names raises no look-alike mark (a mark
    on everyone would teach people to ignore it)."""
    names = [
        "Ari", "Avi", "Dana", "Dina", "Omar", "Amar", "Lina", "Nina", "Sam", "Sami", "Noor",
        "Nour", "Layla", "Leila", "Jo", "Joe", "Alex", "Alexa", "Kim", "Tim", "River", "Sky",
        "عمر", "عامر", "ليلى", "لينا", "نور", "سامي", "رنا", "دانا", "مريم", "يوسف",
        "Мария", "Ελένη", "Արամ",
    ]  # fmt: skip
    marks = mark_members(member(n) for n in names)
    assert not [m for m in marks.values() if m.lookalike]


def test_empty_forms_do_not_make_names_alike() -> None:
    assert not alike("!!!", "???")  # only punctuation: no loose form to share
    assert name_keys("\u200b") == frozenset()


def test_role_words_in_english_arabic_and_persian() -> None:
    flagged = [
        "Ari (moderator)", "AriModerator", "\u0391dmin Bo", "owner", "m0derat0r", "Mod Squad",
        "مشرف المجموعة", "المشرف", "مدير", "المالك",
        "مدیر گروه", "مالک", "ادمین", "ناظر",  # Persian spellings
    ]  # fmt: skip
    plain = ["Ari", "Badminton", "Modern", "Bowner", "عمر", "ليلى", "سارا", "نگار", "مدیا"]
    assert all(uses_role_word(n) for n in flagged)
    assert not any(uses_role_word(n) for n in plain)


def test_marks_come_from_roles_and_keys_never_from_names() -> None:
    owner = member("Dana", Role.OWNER)
    impostor = member("D\u0430na")  # Cyrillic а
    greek = member("\u0394ana")  # Greek capital delta: not a Latin D, so not marked
    jo, armenian = member("Jo"), member("J\u0585")  # Armenian օ draws like o
    claims = member("Owner of this space")
    gone = member("Sam", Role.MODERATOR, Status.REMOVED)
    marks = mark_members([owner, impostor, greek, jo, armenian, claims, gone])
    assert marks[owner.member_pk].role is Role.OWNER
    assert marks[claims.member_pk].role is Role.MEMBER and marks[claims.member_pk].role_word
    assert marks[gone.member_pk].role is None  # a former member has no role to show
    assert marks[owner.member_pk].lookalike and marks[impostor.member_pk].lookalike
    assert not marks[claims.member_pk].lookalike and not marks[greek.member_pk].lookalike
    assert marks[armenian.member_pk].lookalike and marks[jo.member_pk].lookalike
    assert not marks[gone.member_pk].lookalike
    assert marks[owner.member_pk].fingerprint != marks[impostor.member_pk].fingerprint


def test_fingerprint_words_per_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """English is built in; another language's list is a resource file of 256 distinct
    words (the hook for translators); a missing or damaged list gives None (numbers)."""
    from haven.core.spaces import name_marks

    fp = fingerprint(b"\x01" * 32)
    assert name_marks.fingerprint_words("en") is WORDS
    assert fp.words == (WORDS[fp.indices[0]], WORDS[fp.indices[1]])
    folder = tmp_path / "fingerprint_words"
    folder.mkdir()
    (folder / "xx.txt").write_text("\n".join(f"w{i}" for i in range(256)) + "\n")
    (folder / "yy.txt").write_text("\n".join("same" for _ in range(256)))
    monkeypatch.setattr(name_marks, "resource_dir", lambda kind: folder)
    name_marks.fingerprint_words.cache_clear()
    try:
        assert name_marks.fingerprint_words("xx") == tuple(f"w{i}" for i in range(256))
        assert name_marks.fingerprint_words("yy") is None  # two keys could read alike
        assert name_marks.fingerprint_words("zz") is None
        assert name_marks.fingerprint_words("../x") is None
    finally:
        name_marks.fingerprint_words.cache_clear()
