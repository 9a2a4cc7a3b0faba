"""Crisis lines and LGBTQ+ support services per country, from `resources/help/services.json`.

No vault, no network: the file ships with Haven (see resources/help/README.md for where the
entries come from). Every entry, and every country's emergency number, says where the service
publishes itself (`source`), the day it was last checked, and how far: `verified` (read at the
service itself that day), `cited` (read that day in a public page, `cited_at`, which may be
older) or `unverified` (found in no page we could read). Nothing is shown as more certain
than that. Names and notes are given in English, Arabic and Persian; any other language falls
back to English.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from haven.core.resource_files import resource_dir
from haven.errors import HavenError

FORMAT = "haven-help"
VERSION = 2
LANGUAGES = ("en", "ar", "fa")
_CODE = re.compile(r"^[A-Z]{2}$")
_NUMBER = re.compile(r"^[0-9][0-9 \-]{1,19}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL = re.compile(r"^https://[^\s]+$")
STATUSES = ("verified", "cited", "unverified")


class HelpDataDamaged(HavenError):
    """The shipped help file is malformed: a packaging bug, not the user's fault."""


@dataclass(frozen=True)
class Service:
    kind: str  # crisis | lgbtq | emergency | directory
    name: str
    phone: str
    sms: str
    web: str
    hours: str
    source: str  # where the service publishes itself
    status: str  # verified | cited | unverified
    checked: str  # "YYYY-MM-DD": the day it was last looked for
    cited_at: str  # the page the number was read in, for "cited"

    @property
    def verified(self) -> bool:
        return self.status == "verified"


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    emergency: str
    services: tuple[Service, ...]
    emergency_cited_at: str = ""  # the page the emergency number was read in
    emergency_checked: str = ""


@dataclass(frozen=True)
class HelpBook:
    language: str
    compiled: str
    safety_note: str
    check_note: str  # said kindly above the list: numbers change, check them
    cited_label: str  # "%1" is the day
    unverified_label: str
    countries: tuple[Country, ...]
    international: tuple[Service, ...]

    def country(self, code: str) -> Country | None:
        wanted = code.strip().upper()
        return next((c for c in self.countries if c.code == wanted), None)


def language_of(locale: str) -> str:
    """ "ar_EG" -> "ar"; anything without a translation -> "en"."""
    language = re.split(r"[_\-.@]", locale or "")[0].lower()
    return language if language in LANGUAGES else "en"


def load(locale: str = "en") -> HelpBook:
    return _load(language_of(locale))


@functools.lru_cache(maxsize=4)
def _load(language: str) -> HelpBook:
    folder = resource_dir("help")
    try:
        if folder is None:
            raise OSError("no help folder in this installation")
        doc = json.loads((folder / "services.json").read_text(encoding="utf-8"))
        return _parse(doc, language)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise HelpDataDamaged(f"the help data is missing or malformed ({exc})") from exc


def _text(value: Any, language: str) -> str:
    if not isinstance(value, dict) or not all(isinstance(value.get(k), str) for k in LANGUAGES):
        raise ValueError("a text needs English and Arabic")
    return str(value[language]).strip()


def _service(item: Any, language: str) -> Service:
    phone, sms = str(item.get("phone", "")), str(item.get("sms", ""))
    for number in (phone, sms):
        if number and not _NUMBER.match(number):
            raise ValueError(f"not a phone number: {number!r}")
    status = item["status"]
    if status not in STATUSES:
        raise ValueError(f"status is one of {', '.join(STATUSES)}")
    checked, cited_at = str(item["checked"]), str(item.get("cited_at", ""))
    if not _DAY.match(checked):
        raise ValueError("every entry says the day it was last checked")
    if status == "cited" and not _URL.match(cited_at):
        raise ValueError("a cited entry names the page it was read in")
    if not (phone or sms or item.get("web")) or not _URL.match(str(item["source"])):
        raise ValueError("an entry needs a way to reach it and a source")
    return Service(
        kind=str(item["kind"]),
        name=_text(item["name"], language),
        phone=phone,
        sms=sms,
        web=str(item.get("web", "")),
        hours=str(item.get("hours", "")),
        source=str(item["source"]),
        status=status,
        checked=checked,
        cited_at=cited_at,
    )


def _parse(doc: Any, language: str) -> HelpBook:
    if doc["format"] != FORMAT or doc["version"] != VERSION:
        raise ValueError("unknown help file format")
    countries = []
    for entry in doc["countries"]:
        code = str(entry["code"])
        if not _CODE.match(code) or not _NUMBER.match(str(entry["emergency"])):
            raise ValueError(f"bad country entry {code!r}")
        services = tuple(_service(s, language) for s in entry["services"])
        cited_at, checked = str(entry["emergency_cited_at"]), str(entry["emergency_checked"])
        if not _URL.match(cited_at) or not _DAY.match(checked):
            raise ValueError(f"{code}: the emergency number needs a source and a day")
        name = _text(entry["name"], language)
        countries.append(Country(code, name, entry["emergency"], services, cited_at, checked))
    codes = [c.code for c in countries]
    if len(set(codes)) != len(codes):
        raise ValueError("a country is listed twice")
    return HelpBook(
        language=language,
        compiled=str(doc["compiled"]),
        safety_note=_text(doc["safety_note"], language),
        check_note=_text(doc["check_note"], language),
        cited_label=_text(doc["cited_label"], language),
        unverified_label=_text(doc["unverified_label"], language),
        countries=tuple(sorted(countries, key=lambda c: c.name)),
        international=tuple(_service(s, language) for s in doc["international"]),
    )


def status_text(book: HelpBook, service: Service, verified_text: str) -> str:
    """How sure an entry is, in the book's language; `verified_text` is the caller's
    translated "checked %1"."""
    if service.status == "verified":
        return verified_text.replace("%1", service.checked)
    if service.status == "cited":
        return book.cited_label.replace("%1", service.checked)
    return book.unverified_label


def as_dict(book: HelpBook, country: Country | None) -> dict[str, Any]:
    """What `haven help-now --json` prints."""

    def service(s: Service) -> dict[str, Any]:
        return {
            "kind": s.kind, "name": s.name, "phone": s.phone, "sms": s.sms, "web": s.web,
            "hours": s.hours, "source": s.source, "status": s.status, "checked": s.checked,
            "cited_at": s.cited_at, "verified": s.verified,
        }  # fmt: skip

    chosen = [country] if country is not None else list(book.countries)
    return {
        "language": book.language,
        "compiled": book.compiled,
        "safety_note": book.safety_note,
        "check_note": book.check_note,
        "countries": [
            {
                "code": c.code,
                "name": c.name,
                "emergency": c.emergency,
                "emergency_cited_at": c.emergency_cited_at,
                "emergency_checked": c.emergency_checked,
                "services": [service(s) for s in c.services],
            }
            for c in chosen
        ],
        "international": [service(s) for s in book.international],
    }
