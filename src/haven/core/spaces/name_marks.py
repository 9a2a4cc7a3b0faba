"""What the app itself says about a member next to their name, so a chosen name cannot pass
for someone else:

- a **fingerprint** — a colour and a pair of words derived from the member's persona key for
  this space (a BLAKE2b hash with its own personalisation; nothing a member can choose short
  of making keys until one matches, about a million tries for a given fingerprint);
- their **role**, read from the authority rules (`Member.role`, decided by the log), never
  from the name;
- a **look-alike** mark when two different keys carry names with the same *skeleton* (the
  same name, or names that differ only in case, accents, invisible characters or Unicode
  confusables such as Cyrillic "а" for Latin "a", or Persian "ی" for Arabic "ي");
- a **role word** mark when a name contains "owner", "moderator", "admin" or their Arabic
  forms (after the same skeleton), since a name such as "Ari (moderator)" claims what only
  the role column may say.

The skeleton is a small, explicit version of Unicode's UTS #39 idea (NFKC, case folding,
marks removed, then a table of look-alikes); it covers the Latin, Cyrillic, Greek, digit and
Arabic/Persian confusions people actually use, not the whole confusables.txt.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from haven.core.resource_files import resource_dir
from haven.core.spaces.model import Member, Role
from haven.core.wordlist import WORDS

#: Sixteen colours far apart in hue and lightness (a fingerprint is compared by eye).
PALETTE: tuple[str, ...] = (
    "#e6194b", "#3cb44b", "#ffe119", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6",
    "#bcf60c", "#fabebe", "#008080", "#e6beff", "#9a6324", "#800000", "#aaffc3", "#000075",
)  # fmt: skip
_PERSON = b"haven-face-v1"

# Look-alikes → the Latin or Arabic letter they pass for. Applied after NFKC and casefold.
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
        "ј": "j", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ո": "n", "ց": "g", "օ": "o",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w", "μ": "u",
        # Digits and Latin look-alikes
        "0": "o", "1": "i", "l": "i", "3": "e", "5": "s", "|": "i", "ı": "i", "ł": "i", "ø": "o",
        "ß": "ss", "æ": "ae", "œ": "oe", "ð": "d", "þ": "p",
        # Arabic and Persian letters that draw the same
        "ی": "ي", "ى": "ي", "ې": "ي", "ک": "ك", "ڪ": "ك", "ە": "ه", "ھ": "ه", "ۀ": "ه",
        "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ـ": "",
        "٠": "o", "١": "i", "۰": "o", "۱": "i",
    }
)  # fmt: skip
# After single letters: pairs that draw like one letter in most fonts.
_PAIRS = (("rn", "m"), ("vv", "w"), ("ci", "d"))
_NOT_LETTER = re.compile(r"[\W_]+")

#: Words a name must not use to claim a role (after the skeleton, so "Αdmin" counts).
RESERVED: frozenset[str] = frozenset(
    {
        "owner", "moderator", "mod", "admin", "administrator", "staff", "haven",
        "مالك", "مشرف", "مدير", "المالك", "المشرف", "المدير", "صاحب", "ادمن", "أدمن",
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
    lookalike: bool  # another key carries a name with the same skeleton
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


def skeleton(name: str) -> str:
    """A form under which names that look alike are equal."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc", "Mn"))
    text = _NOT_LETTER.sub("", text.translate(_CONFUSABLES))
    for pair, letter in _PAIRS:
        text = text.replace(pair, letter)
    return text


def uses_role_word(name: str) -> bool:
    words = _NOT_LETTER.split(_CAMEL.sub(" ", unicodedata.normalize("NFKC", name)))
    return any(skeleton(w) in _RESERVED_SKELETONS for w in words if w)


_RESERVED_SKELETONS = frozenset(skeleton(word) for word in RESERVED)


def mark_members(members: Iterable[Member]) -> dict[bytes, NameMarks]:
    """Marks for every member, keyed by persona key."""
    listed = list(members)
    holders: dict[str, set[bytes]] = defaultdict(set)
    for m in listed:
        holders[skeleton(m.display_name)].add(m.member_pk)
    return {
        m.member_pk: NameMarks(
            fingerprint(m.member_pk),
            m.role if m.status == "active" else None,
            len(holders[skeleton(m.display_name)]) > 1,
            uses_role_word(m.display_name),
        )
        for m in listed
    }
