"""The offline help data: its shape, both languages for every text, and no entry presented
as checked unless it says when it was checked at its source."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from haven.core import help_lines

DATA = Path(__file__).resolve().parents[2] / "resources" / "help" / "services.json"
ARABIC = re.compile("[\u0600-\u06ff]")
URL = re.compile(r"https://\S+")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def test_every_entry_is_in_both_languages_and_honest_about_checking() -> None:
    """No entry without a source, the day it was last checked and how far: a cited entry
    names the page it was read in; none is shown as confirmed with the service unless it
    was (none is, from a machine with no live web)."""
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    services = [s for c in doc["countries"] for s in c["services"]] + doc["international"]
    assert services
    for item in [*doc["countries"], *services]:
        assert item["name"]["en"].strip() and ARABIC.search(item["name"]["ar"]), item
        assert ARABIC.search(item["name"]["fa"]), item  # Persian, in the same script
    for country in doc["countries"]:
        assert URL.fullmatch(country["emergency_cited_at"]), country["code"]
        assert DAY.fullmatch(country["emergency_checked"]), country["code"]
    for service in services:
        assert URL.fullmatch(service["source"]), service
        assert DAY.fullmatch(service["checked"]), service
        assert service["status"] in ("cited", "unverified"), service  # no live check was made
        if service["status"] == "cited":
            assert URL.fullmatch(service["cited_at"]), service
    for language in ("en", "ar", "fa"):
        assert "%1" in doc["cited_label"][language]
        for key in ("safety_note", "unverified_label", "check_note"):
            assert doc[key][language].strip()
            assert language == "en" or ARABIC.search(doc[key][language])


def test_books_in_english_and_arabic() -> None:
    english, arabic = help_lines.load("en_GB"), help_lines.load("ar_EG")
    assert (english.language, arabic.language) == ("en", "ar")
    assert help_lines.load("fr").language == "en"  # no French names: English
    uk = english.country("gb")
    assert uk is not None and uk.emergency == "999"
    assert any(s.phone == "116 123" and s.status == "cited" for s in uk.services)
    assert arabic.country("LB") is not None and ARABIC.search(arabic.country("LB").name)  # type: ignore[union-attr]
    persian = help_lines.load("fa_IR")
    assert persian.language == "fa" and persian.country("de").name == "آلمان"  # type: ignore[union-attr]
    assert persian.unverified_label.startswith("در هیچ منبعی")
    assert "shared" in english.safety_note or "share" in english.safety_note
    assert english.country("ZZ") is None


@pytest.mark.parametrize(
    "breakage",
    ["number", "arabic", "verified", "duplicate", "no day", "cited nowhere", "no source",
     "emergency unsourced", "status"],
)  # fmt: skip
def test_a_malformed_file_is_refused(breakage: str) -> None:
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    first = doc["countries"][0]
    if breakage == "number":
        first["services"][0]["phone"] = "call me maybe"
    elif breakage == "arabic":
        del first["name"]["ar"]
    elif breakage == "verified":
        first["services"][0]["status"] = "verified"
        first["services"][0]["checked"] = "recently"  # not a day
    elif breakage == "no day":
        del first["services"][0]["checked"]
    elif breakage == "cited nowhere":
        del first["services"][0]["cited_at"]
    elif breakage == "no source":
        first["services"][0]["source"] = "public emergency number"
    elif breakage == "emergency unsourced":
        del first["emergency_cited_at"]
    elif breakage == "status":
        first["services"][0]["status"] = "probably fine"
    else:
        doc["countries"].append(first)
    with pytest.raises((ValueError, KeyError, TypeError)):
        help_lines._parse(doc, "en")
