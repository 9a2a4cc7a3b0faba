"""`haven help-now` works with no vault and no network, in English and Arabic; `haven
prompt --locale ar` gives the Arabic prompt of the day."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from haven.core import prompts
from tests.integration.cli_support import fails, haven, ok


def test_help_now_needs_no_vault(tmp_path: Path) -> None:
    nowhere = tmp_path / "no-vault-here"
    out = ok(haven(nowhere, "help-now", "--country", "lb", passphrase=None))
    assert "1564" in out and "112" in out
    # Cited, not confirmed with the service: said so, with the day and the kind reminder.
    assert "found in a public source on 2026-12-07 — please check before relying on it" in out
    assert "numbers and opening hours change" in out
    assert "shared" in out or "share a phone" in out
    assert not nowhere.exists()  # nothing was created


def test_help_now_json_and_arabic(tmp_path: Path) -> None:
    doc = json.loads(ok(haven(None, "help-now", "--country", "GB", "--json", passphrase=None)))
    (uk,) = doc["countries"]
    assert uk["emergency"] == "999"
    assert {s["phone"] for s in uk["services"]} >= {"116 123"}
    assert all(s["verified"] is False for s in uk["services"])  # none confirmed at the service
    assert {s["status"] for s in uk["services"]} == {"cited", "unverified"}
    assert all(s["checked"] and s["source"].startswith("https://") for s in uk["services"])
    assert uk["emergency_cited_at"].startswith("https://") and uk["emergency_checked"]
    arabic = ok(haven(None, "help-now", "--country", "GB", "--locale", "ar", passphrase=None))
    assert "المملكة المتحدة" in arabic and "لم نجده في أي مصدر" in arabic
    assert "وُجد في مصدر عام بتاريخ 2026-12-07" in arabic


def test_help_now_with_an_unknown_country_says_what_to_do() -> None:
    fails(haven(None, "help-now", "--country", "ZZ", passphrase=None), 2, "emergency number")


def test_prompt_in_arabic() -> None:
    out = ok(haven(None, "prompt", "--locale", "ar", passphrase=None))
    today = prompts.prompt_of_the_day(datetime.date.today(), "ar")
    assert out.strip() == f"{today.category}: {today.text}"
