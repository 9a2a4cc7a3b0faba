"""The fingerprint word lists people compare: English built in, the others in
`resources/fingerprint_words/`. Every shipped list keeps the rules in that folder's README, so
two different keys never read alike to someone comparing them by eye or aloud."""

from __future__ import annotations

import itertools
import unicodedata

import pytest

from haven.core.resource_files import resource_dir
from haven.core.spaces.name_marks import fingerprint, fingerprint_words, name_keys
from haven.core.wordlist import WORDS

FOLDER = resource_dir("fingerprint_words")
SHIPPED = sorted(p.stem for p in FOLDER.glob("*.txt")) if FOLDER is not None else []

# The letters without their dots (the rasm), so that words differing only in dots meet.
_RASM = str.maketrans(
    {
        "ب": "ٮ", "ت": "ٮ", "ث": "ٮ", "ن": "ٮ", "ي": "ى", "ئ": "ى", "ج": "ح", "خ": "ح",
        "ذ": "د", "ز": "ر", "ش": "س", "ض": "ص", "ظ": "ط", "غ": "ع", "ق": "ف", "ة": "ه",
        "أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و",
        # Persian letters: پ چ ژ differ from ب ح ر by dots, گ from ک by a stroke.
        "پ": "ٮ", "چ": "ح", "ژ": "ر", "ی": "ى", "گ": "ک", "ك": "ک",
    }
)  # fmt: skip
# Animal names used as insults in Arabic, kept out of the list (see the README).
_HURTFUL_AR = {"كلب", "خنزير", "حمار", "بقرة", "تيس", "قرد", "خروف", "بومة", "دجاجة", "جحش"}
_HURTFUL_FA = {"سگ", "خوک", "خر", "الاغ", "گاو", "گوساله", "میمون", "شغال", "بز", "جغد"}


def _letters_of(language: str, word: str) -> bool:
    """Only the letters of the language's alphabet (no harakat, ZWNJ or Arabic-only forms)."""
    if language == "fa":
        persian = set("آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی")
        return all(c in persian for c in word)
    return all("\u0621" <= c <= "\u064a" for c in word)


def test_arabic_and_persian_are_shipped() -> None:
    assert {"ar", "fa"} <= set(SHIPPED)
    arabic, persian = fingerprint_words("ar"), fingerprint_words("fa")
    assert arabic is not None and persian is not None
    assert not set(arabic) & _HURTFUL_AR and not set(persian) & _HURTFUL_FA


@pytest.mark.parametrize("language", ["en", *SHIPPED])
def test_a_list_keeps_the_rules(language: str) -> None:
    words = fingerprint_words(language)
    assert words is not None, "the loader refused the list (count or duplicates)"
    assert len(words) == 256 and len(set(words)) == 256
    for word in words:
        assert 2 <= len(word) <= 7, word
        assert unicodedata.normalize("NFC", word) == word, word
        assert all(unicodedata.category(c) == "Lo" or (c.isascii() and c.isalpha()) for c in word)
    for first, second in itertools.combinations(words, 2):
        assert not name_keys(first) & name_keys(second), (first, second)


@pytest.mark.parametrize("language", [lang for lang in SHIPPED if lang in ("ar", "fa")])
def test_arabic_script_words_differ_in_more_than_dots(language: str) -> None:
    words = fingerprint_words(language)
    assert words is not None
    assert all(_letters_of(language, w) for w in words), language
    for first, second in itertools.combinations(words, 2):
        short, long = sorted((first.translate(_RASM), second.translate(_RASM)), key=len)
        assert short != long, (first, second)  # only dots apart
        assert short not in long, (first, second)  # one holds the other


def test_a_fingerprint_reads_in_arabic() -> None:
    words = fingerprint_words("ar")
    assert words is not None
    fp = fingerprint(bytes(range(32)))
    assert fp.words == ("daisy", "swan")  # the English words are unchanged
    # A fixed vector: the list's order is part of what people compare.
    assert (words[fp.indices[0]], words[fp.indices[1]]) == ("رسام", "نحلة")
    persian = fingerprint_words("fa")
    assert persian is not None
    assert (persian[fp.indices[0]], persian[fp.indices[1]]) == ("ریحان", "کلاه")


def test_the_shipped_list_is_the_file() -> None:
    assert FOLDER is not None
    for language in ("ar", "fa"):
        lines = (FOLDER / f"{language}.txt").read_text(encoding="utf-8").splitlines()
        assert tuple(lines) == fingerprint_words(language)  # no blank or padded lines
    assert fingerprint_words("en") == WORDS
