"""Reflection prompts for the journal, shipped as JSON in `resources/prompts/<locale>.json`.

A translation (say `ar.json`) copies `en.json`, translates every category `name` and prompt
`text`, sets `locale` and `direction` ("rtl" for Arabic), and keeps the category `key`s and
prompt `id`s unchanged, so a prompt is the same prompt in every language and the prompt of the
day is the same on every device whatever its language. A locale with no file falls back to
English. Prompts are warm and open-ended: none assumes a family, a faith or a coming-out.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from haven.core.resource_files import resource_dir
from haven.errors import HavenError

DEFAULT_LOCALE = "en"
FORMAT = "haven-prompts"
VERSION = 1
_LOCALE_RE = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Prompt:
    id: str
    category: str  # the category's display name in the prompt's language
    text: str


@dataclass(frozen=True)
class _Catalogue:
    locale: str
    prompts: tuple[Prompt, ...]
    categories: tuple[str, ...]  # display names, in file order
    keys: dict[str, str]  # category key ("coming-out") -> display name


class PromptsDamaged(HavenError):
    """A shipped prompt file is malformed: a packaging bug, not the user's fault."""


def load(locale: str = DEFAULT_LOCALE) -> list[Prompt]:
    """Every prompt of the locale (or English when there is no such translation), grouped
    by category in file order."""
    return list(_catalogue(locale).prompts)


def language_of(locale: str) -> str:
    """The language the prompts for `locale` come in ("ar" for "ar_EG"; "en" when there
    are none in that language yet)."""
    return re.split(r"[_-]", _catalogue(locale).locale)[0]


def categories(locale: str = DEFAULT_LOCALE) -> list[str]:
    return list(_catalogue(locale).categories)


def category_name(key_or_name: str, locale: str = DEFAULT_LOCALE) -> str | None:
    """The display name for a category given as its key ("body-health") or its name in any
    letter case ("body & health"); None when there is no such category."""
    cat = _catalogue(locale)
    wanted = key_or_name.strip().casefold()
    for key, name in cat.keys.items():
        if wanted in (key.casefold(), name.casefold()):
            return name
    return None


def prompt_of_the_day(day: datetime.date, locale: str = DEFAULT_LOCALE) -> Prompt:
    """Deterministic per date. Consecutive days walk a fixed order that takes one prompt
    from each category in turn, so every prompt comes up once per cycle and the same
    category does not repeat day after day."""
    order = _daily_order(_catalogue(locale))
    return order[day.toordinal() % len(order)]


def _daily_order(cat: _Catalogue) -> list[Prompt]:
    by_category: dict[str, list[Prompt]] = {name: [] for name in cat.categories}
    for prompt in cat.prompts:
        by_category[prompt.category].append(prompt)
    order: list[Prompt] = []
    for round_ in range(max(len(v) for v in by_category.values())):
        for name in cat.categories:
            if round_ < len(by_category[name]):
                order.append(by_category[name][round_])
    return order


def _candidates(locale: str) -> list[str]:
    """ "pt_BR" -> ["pt_BR", "pt", "en"]; anything that is not a locale tag -> ["en"]."""
    out: list[str] = []
    if _LOCALE_RE.match(locale or ""):
        out.append(locale)
        language = re.split(r"[_-]", locale)[0]
        if language != locale:
            out.append(language)
    if DEFAULT_LOCALE not in out:
        out.append(DEFAULT_LOCALE)
    return out


@functools.lru_cache(maxsize=8)
def _catalogue(locale: str) -> _Catalogue:
    folder = resource_dir("prompts")
    for candidate in _candidates(locale):
        resource = None if folder is None else folder / f"{candidate}.json"
        if resource is not None and resource.is_file():
            return _parse(json.loads(resource.read_text(encoding="utf-8")), candidate)
    raise PromptsDamaged("the reflection prompts are missing from this installation")


def _parse(doc: Any, locale: str) -> _Catalogue:
    try:
        if doc["format"] != FORMAT or doc["version"] != VERSION:
            raise ValueError("unknown prompt file format")
        prompts: list[Prompt] = []
        names: list[str] = []
        keys: dict[str, str] = {}
        for category in doc["categories"]:
            key, name = str(category["key"]), str(category["name"]).strip()
            if not name or key in keys or not category["prompts"]:
                raise ValueError("empty or repeated category")
            keys[key] = name
            names.append(name)
            for item in category["prompts"]:
                prompts.append(Prompt(str(item["id"]), name, str(item["text"]).strip()))
        ids = [p.id for p in prompts]
        if not prompts or len(set(ids)) != len(ids) or not all(p.text for p in prompts):
            raise ValueError("empty prompt or repeated prompt id")
    except (KeyError, TypeError, ValueError) as exc:
        raise PromptsDamaged(f"the {locale} prompt file is malformed ({exc})") from exc
    return _Catalogue(locale, tuple(prompts), tuple(names), keys)
