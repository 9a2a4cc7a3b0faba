"""What the app itself says about a member next to their name, so a chosen name cannot pass
for someone else:

- a **fingerprint** — a colour and a pair of words derived from the member's persona key for
  this space (a BLAKE2b hash with its own personalisation; nothing a member can choose short
  of making keys until one matches, about a million tries for a given fingerprint);
- their **role**, read from the authority rules (`Member.role`, decided by the log), never
  from the name;
- a **look-alike** mark when two different keys carry names that look alike: the same name,
  or names that differ only in case, accents, spacing, invisible characters or Unicode
  confusables (UTS #39 skeletons over Unicode's own confusables.txt, `haven.core.confusables`:
  Cyrillic "а" for Latin "a", the digit "0" for "O", "rn" for "m", Persian "ی" for Arabic
  "ي", Arabic-Indic "٠" for "۰");
- a **role word** mark when a name contains "owner", "moderator", "admin" or their Arabic
  and Persian forms (compared in the same look-alike forms, so "Αdmin" and "m0derat0r"
  count), since a name such as "Ari (moderator)" claims what only the role column may say.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from haven.core import confusables
from haven.core.resource_files import resource_dir
from haven.core.spaces.model import Member, Role
from haven.core.wordlist import WORDS

#: Sixteen colours far apart in hue and lightness (a fingerprint is compared by eye).
PALETTE: tuple[str, ...] = (
    "#e6194b", "#3cb44b", "#ffe119", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6",
    "#bcf60c", "#fabebe", "#008080", "#e6beff", "#9a6324", "#800000", "#aaffc3", "#000075",
)  # fmt: skip
_PERSON = b"haven-face-v1"

# Dropped before comparing: anything that does not draw or only changes layout (format and
# control characters, such as zero-width joiners and bidi controls).
_INVISIBLE = frozenset(("Cf", "Cc"))
_NOT_LETTER = re.compile(r"[\W_]+")

#: Words a name must not use to claim a role (compared in `name_keys` forms: "Αdmin" counts).
RESERVED: frozenset[str] = frozenset(
    {
        "owner", "moderator", "mod", "admin", "administrator", "staff", "haven",
        "مالك", "مشرف", "مدير", "المالك", "المشرف", "المدير", "صاحب", "ادمن", "أدمن",
        "ادمین", "ناظر", "گرداننده",  # Persian (مدیر and مالک meet the Arabic forms)
    }
)  # fmt: skip
# Words are split at anything not a letter and where lower case turns upper ("AriModerator").
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True)
class Fingerprint:
    colour: str  # "#rrggbb"
    words: tuple[str, str]  # in English (the CLI); the app words it in its own language
    indices: tuple[int, int] = (0, 0)  # the two bytes the words stand for

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class NameMarks:
    fingerprint: Fingerprint
    role: Role | None  # from the authority rules; None for a former member
    lookalike: bool  # another key carries a name that looks alike (`name_keys`)
    role_word: bool  # the name uses a reserved word


def fingerprint(persona_pk: bytes) -> Fingerprint:
    digest = hashlib.blake2b(persona_pk, digest_size=8, person=_PERSON).digest()
    return Fingerprint(
        PALETTE[digest[0] % len(PALETTE)],
        (WORDS[digest[1]], WORDS[digest[2]]),
        (digest[1], digest[2]),
    )


@functools.cache
def fingerprint_words(language: str) -> tuple[str, ...] | None:
    """The 256 fingerprint words of a language: English built in, any other from
    `resources/fingerprint_words/<language>.txt` (256 distinct lines, one word per byte —
    the hook for a translator). None when there is no list: the app then shows the two
    numbers in the language's own digits, which read the same to everyone."""
    if language == "en":
        return WORDS
    folder = resource_dir("fingerprint_words")
    if folder is None or not re.fullmatch(r"[a-z]{2,3}", language):
        return None
    try:
        lines = (folder / f"{language}.txt").read_text(encoding="utf-8").split("\n")
    except OSError:
        return None
    words = tuple(w.strip() for w in lines if w.strip())
    if len(words) != len(WORDS) or len(set(words)) != len(words):
        return None  # a damaged list must not make two keys read alike
    return words


def name_keys(name: str) -> frozenset[str]:
    """The forms under which two names count as looking alike (equal in any one of them):

    - the UTS #39 skeleton of the name as drawn (invisible characters dropped), so "Аri" with
      a Cyrillic А, "Al" and "AI", or "Modem" and "Modern" meet;
    - a looser form: case folded and skeletonised until stable, then accents and everything
      that is not a letter or digit dropped, so "ARI", "Ári", "A r i" and "Ari!" meet "Ari".

    Empty forms are left out, so names made only of punctuation do not all look alike."""
    drawn = "".join(c for c in name if unicodedata.category(c) not in _INVISIBLE)
    strict = confusables.skeleton(drawn)
    loose = confusables.skeleton(confusables.skeleton(drawn.casefold()).casefold()).casefold()
    loose = "".join(c for c in loose if not unicodedata.combining(c))
    loose = _NOT_LETTER.sub("", loose)
    return frozenset(key for key in (strict, loose) if key)


def uses_role_word(name: str) -> bool:
    words = _NOT_LETTER.split(_CAMEL.sub(" ", unicodedata.normalize("NFKC", name)))
    reserved = _reserved_keys()
    return any(name_keys(w) & reserved for w in words if w)


@functools.cache
def _reserved_keys() -> frozenset[str]:
    return frozenset(key for word in RESERVED for key in name_keys(word))


def mark_members(members: Iterable[Member]) -> dict[bytes, NameMarks]:
    """Marks for every member, keyed by persona key."""
    listed = list(members)
    keys = {m.member_pk: name_keys(m.display_name) for m in listed}
    holders: dict[str, set[bytes]] = defaultdict(set)
    for pk, forms in keys.items():
        for key in forms:
            holders[key].add(pk)
    return {
        m.member_pk: NameMarks(
            fingerprint(m.member_pk),
            m.role if m.status == "active" else None,
            any(holders[key] - {m.member_pk} for key in keys[m.member_pk]),
            uses_role_word(m.display_name),
        )
        for m in listed
    }
