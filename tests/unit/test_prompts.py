"""Reflection prompts: the shipped English set, the daily rotation, locale fallback and the
shape a translation file must have."""

from __future__ import annotations

import copy
import datetime
import itertools
import json
from typing import Any

import pytest

from haven.core import prompts
from haven.core.prompts import Prompt, PromptsDamaged
from haven.core.resource_files import resource_dir

EXPECTED_CATEGORIES = [
    "Self-acceptance",
    "Coming out",
    "Relationships",
    "Family",
    "Gratitude",
    "Identity",
    "Body & health",
    "Community",
    "Hope",
]


def _english_doc() -> Any:
    folder = resource_dir("prompts")
    assert folder is not None
    path = folder / "en.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_english_set_has_every_category_with_enough_prompts() -> None:
    loaded = prompts.load()
    assert prompts.categories() == EXPECTED_CATEGORIES
    assert all(isinstance(p, Prompt) for p in loaded)
    for name in EXPECTED_CATEGORIES:
        texts = [p.text for p in loaded if p.category == name]
        assert 6 <= len(texts) <= 10, name
        assert all(t.endswith(("?", ".")) and len(t) > 20 for t in texts)
    ids = [p.id for p in loaded]
    assert len(ids) == len(set(ids))
    assert len({p.text for p in loaded}) == len(loaded)


def test_prompt_of_the_day_is_deterministic_and_cycles_through_all() -> None:
    loaded = prompts.load()
    start = datetime.date(2026, 1, 1)
    days = [start + datetime.timedelta(days=i) for i in range(len(loaded))]
    picked = [prompts.prompt_of_the_day(d) for d in days]
    assert {p.id for p in picked} == {p.id for p in loaded}  # every prompt once per cycle
    assert prompts.prompt_of_the_day(start) == picked[0]
    assert prompts.prompt_of_the_day(start + datetime.timedelta(len(loaded))) == picked[0]
    # Neighbouring days come from different categories.
    assert all(a.category != b.category for a, b in itertools.pairwise(picked))


@pytest.mark.parametrize("locale", ["fr", "pt_BR", "en_GB", "", "../../etc/passwd", "C"])
def test_a_locale_without_a_file_falls_back_to_english(locale: str) -> None:
    assert prompts.load(locale) == prompts.load("en")
    assert prompts.categories(locale) == EXPECTED_CATEGORIES
    day = datetime.date(2026, 6, 28)
    assert prompts.prompt_of_the_day(day, locale) == prompts.prompt_of_the_day(day)


def test_category_lookup_by_key_or_name() -> None:
    assert prompts.category_name("coming-out") == "Coming out"
    assert prompts.category_name("  BODY & HEALTH ") == "Body & health"
    assert prompts.category_name("sports") is None


def test_a_translation_keeps_ids_and_keys_and_may_be_right_to_left() -> None:
    doc = _english_doc()
    arabic = copy.deepcopy(doc)
    arabic["locale"], arabic["direction"] = "ar", "rtl"
    for category in arabic["categories"]:
        category["name"] = "فئة " + category["key"]
        for item in category["prompts"]:
            item["text"] = "ما الذي تشعر به اليوم؟ " + item["id"]
    catalogue = prompts._parse(arabic, "ar")
    english = prompts._parse(doc, "en")
    assert [p.id for p in catalogue.prompts] == [p.id for p in english.prompts]
    day = datetime.date(2026, 3, 31)
    ar_order, en_order = prompts._daily_order(catalogue), prompts._daily_order(english)
    index = day.toordinal() % len(en_order)
    assert ar_order[index].id == en_order[index].id  # the same prompt of the day


@pytest.mark.parametrize(
    "breakage", ["format", "duplicate-id", "empty-text", "no-prompts", "missing-key"]
)
def test_a_malformed_prompt_file_is_reported(breakage: str) -> None:
    doc = _english_doc()
    first = doc["categories"][0]
    if breakage == "format":
        doc["format"] = "something-else"
    elif breakage == "duplicate-id":
        first["prompts"][1]["id"] = first["prompts"][0]["id"]
    elif breakage == "empty-text":
        first["prompts"][0]["text"] = "   "
    elif breakage == "no-prompts":
        first["prompts"] = []
    else:
        del first["name"]
    with pytest.raises(PromptsDamaged):
        prompts._parse(doc, "en")


@pytest.mark.parametrize("locale", ["ar_EG", "fa_IR"])
def test_the_arabic_and_persian_prompts_are_complete_and_the_same_prompts(locale: str) -> None:
    """Every English prompt has its Arabic and its Persian translation under the same id, so
    the prompt of the day is the same prompt in every language."""
    english, translated = prompts.load("en"), prompts.load(locale)
    language = locale.split("_")[0]
    assert prompts.language_of(locale) == language
    assert [p.id for p in translated] == [p.id for p in english]
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in p.text) for p in translated)
    assert len(set(prompts.categories(language))) == len(prompts.categories("en"))
    day = datetime.date(2026, 12, 7)
    assert prompts.prompt_of_the_day(day, language).id == prompts.prompt_of_the_day(day, "en").id
