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
    skeleton,
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


def test_skeletons_equal_for_look_alikes() -> None:
    same = [
        "Ari", "ARI", "\u0410ri", "A\u200bri", "Ári", "Ar\u0456", "Ar1", "ArI", "A r i", "Ari!",
    ]  # fmt: skip
    assert {skeleton(n) for n in same} == {"ari"}
    assert skeleton("علي") == skeleton("علی")  # Arabic and Persian yeh
    assert skeleton("Modern") == skeleton("Modem")  # rn draws like m
    assert skeleton("Ari") != skeleton("Avi")


def test_role_words_in_english_and_arabic() -> None:
    flagged = [
        "Ari (moderator)", "AriModerator", "\u0391dmin Bo", "owner", "m0derat0r", "Mod Squad",
        "مشرف المجموعة", "المشرف", "مدير", "المالك",
    ]  # fmt: skip
    plain = ["Ari", "Badminton", "Modern", "Bowner", "عمر", "ليلى"]
    assert all(uses_role_word(n) for n in flagged)
    assert not any(uses_role_word(n) for n in plain)


def test_marks_come_from_roles_and_keys_never_from_names() -> None:
    owner = member("Dana", Role.OWNER)
    impostor = member("D\u0430na")  # Cyrillic а
    claims = member("Owner of this space")
    gone = member("Sam", Role.MODERATOR, Status.REMOVED)
    marks = mark_members([owner, impostor, claims, gone])
    assert marks[owner.member_pk].role is Role.OWNER
    assert marks[claims.member_pk].role is Role.MEMBER and marks[claims.member_pk].role_word
    assert marks[gone.member_pk].role is None  # a former member has no role to show
    assert marks[owner.member_pk].lookalike and marks[impostor.member_pk].lookalike
    assert not marks[claims.member_pk].lookalike
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
