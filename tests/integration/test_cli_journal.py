"""The journal commands through the real `haven` executable: every action, filters, dates,
JSON output, and every kind of bad input (clear one-line error, exit code, nothing lost)."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from haven.core import session
from haven.store import journal_tables as jt
from tests.helpers import PASSPHRASE
from tests.integration.cli_support import fails, haven, init_vault, ok, snapshot


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    data = tmp_path / "vault"
    init_vault(data)
    return data


def _entries(vault: Path, *args: str) -> list[dict[str, object]]:
    result = json.loads(ok(haven(vault, "journal", "list", "--json", *args)))
    assert isinstance(result, list)
    return result


def test_init_prints_a_confirmation_without_the_passphrase(tmp_path: Path) -> None:
    data = tmp_path / "new" / "vault"
    proc = haven(data, "init", "--name", "Sam", "--pronouns", "she/her")
    out = ok(proc)
    assert "Created" in out and str(data) in out
    assert PASSPHRASE not in proc.stdout + proc.stderr
    assert {p.name for p in data.iterdir()} >= {"vault.db", "vault.header"}
    assert oct(data.stat().st_mode & 0o777) == oct(0o700)


def test_add_list_show_search_edit_delete(vault: Path) -> None:
    first = ok(
        haven(
            vault,
            "journal",
            "add",
            "--title",
            "First  day",
            "--mood",
            "4",
            "--tag",
            "Hope",
            "--tag",
            "coming out",
            "Hello world\nsecond line",
        )
    )
    first_id = first.strip()
    assert re.fullmatch(r"[0-9a-f]{64}", first_id)
    second_id = ok(haven(vault, "journal", "add", "-", stdin="مرحبا — written on stdin\n")).strip()
    third_id = ok(haven(vault, "journal", "add", "--mood", "2", "a quiet evening")).strip()

    # Human list: newest first, short id, mood, title or first line, tags.
    lines = ok(haven(vault, "journal", "list")).splitlines()
    assert [ln[:12] for ln in lines] == [third_id[:12], second_id[:12], first_id[:12]]
    assert "mood 4" in lines[2] and "First day" in lines[2]
    assert "#coming-out #hope" in lines[2]
    assert "مرحبا — written on stdin" in lines[1]

    # JSON list: the documented fields, ISO-8601 UTC times.
    items = _entries(vault)
    assert [i["id"] for i in items] == [third_id, second_id, first_id]
    by_id = {i["id"]: i for i in items}
    assert by_id[first_id]["title"] == "First day"
    assert by_id[first_id]["body"] == "Hello world\nsecond line"
    assert by_id[first_id]["mood"] == 4
    assert by_id[first_id]["tags"] == ["coming-out", "hope"]
    assert by_id[second_id]["body"] == "مرحبا — written on stdin"
    assert by_id[second_id]["mood"] is None
    for item in items:
        for key in ("created_at", "updated_at"):
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", str(item[key]))

    # Filters.
    assert [i["id"] for i in _entries(vault, "--tag", "hope")] == [first_id]
    assert [i["id"] for i in _entries(vault, "--tag", "#Hope", "--tag", "coming-out")] == [first_id]
    assert _entries(vault, "--tag", "hope", "--tag", "other") == []
    assert [i["id"] for i in _entries(vault, "--mood", "2")] == [third_id]
    assert [i["id"] for i in _entries(vault, "--limit", "2")] == [third_id, second_id]

    # Show by an unambiguous prefix, human and JSON.
    shown = ok(haven(vault, "journal", "show", first_id[:8]))
    assert first_id in shown and "Hello world\nsecond line" in shown and "mood:    4" in shown
    assert json.loads(ok(haven(vault, "journal", "show", first_id, "--json"))) == by_id[first_id]

    # Search: every word, as a prefix; JSON too.
    assert ok(haven(vault, "journal", "search", "hel wor")).startswith(first_id[:12])
    found = json.loads(ok(haven(vault, "journal", "search", "quiet", "--json")))
    assert [f["id"] for f in found] == [third_id]
    assert json.loads(ok(haven(vault, "journal", "search", "nothing-like-this", "--json"))) == []

    # Edit: text from stdin, title, mood, tags; untouched fields keep their values.
    ok(
        haven(
            vault,
            "journal",
            "edit",
            first_id[:10],
            "-",
            "--mood",
            "5",
            "--tag",
            "joy",
            stdin="Rewritten text",
        )
    )
    edited = json.loads(ok(haven(vault, "journal", "show", first_id, "--json")))
    assert (edited["body"], edited["title"], edited["mood"], edited["tags"]) == (
        "Rewritten text",
        "First day",
        5,
        ["joy"],
    )
    assert edited["created_at"] == by_id[first_id]["created_at"]
    ok(haven(vault, "journal", "edit", first_id, "--title", "", "--clear-mood", "--clear-tags"))
    cleared = json.loads(ok(haven(vault, "journal", "show", first_id, "--json")))
    assert (cleared["title"], cleared["mood"], cleared["tags"]) == ("", None, [])
    assert [
        f["id"] for f in json.loads(ok(haven(vault, "journal", "search", "rewritten", "--json")))
    ] == [first_id]
    assert json.loads(ok(haven(vault, "journal", "search", "hello", "--json"))) == []

    # Delete: gone from list, show and search.
    ok(haven(vault, "journal", "delete", "--yes", first_id[:12]))
    assert [i["id"] for i in _entries(vault)] == [third_id, second_id]
    fails(haven(vault, "journal", "show", first_id), 9, "no journal entry")
    fails(haven(vault, "journal", "delete", "--yes", first_id), 9)
    assert json.loads(ok(haven(vault, "journal", "search", "rewritten", "--json"))) == []


def test_since_and_until_take_local_days_and_iso_date_times(vault: Path) -> None:
    entry_id = ok(haven(vault, "journal", "add", "dated entry")).strip()
    today = datetime.date.today()
    yesterday, tomorrow = today - datetime.timedelta(1), today + datetime.timedelta(1)
    now = datetime.datetime.now(datetime.UTC)

    def ids(*args: str) -> list[object]:
        return [i["id"] for i in _entries(vault, *args)]

    assert ids("--since", today.isoformat(), "--until", today.isoformat()) == [entry_id]
    assert ids("--since", tomorrow.isoformat()) == []
    assert ids("--until", yesterday.isoformat()) == []
    before = (now - datetime.timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
    after = (now + datetime.timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
    assert ids("--since", before, "--until", after) == [entry_id]
    assert ids("--until", before) == []
    local_after = (datetime.datetime.now() + datetime.timedelta(minutes=5)).strftime(
        "%Y-%m-%dT%H:%M"
    )
    assert ids("--since", local_after) == []

    fails(haven(vault, "journal", "list", "--since", "2026-02-30"), 2, "not a valid date")
    fails(haven(vault, "journal", "list", "--until", "yesterday"), 2, "--until")
    fails(
        haven(
            vault,
            "journal",
            "list",
            "--since",
            tomorrow.isoformat(),
            "--until",
            yesterday.isoformat(),
        ),
        2,
        "before",
    )


def test_bad_input_gets_a_clear_error_and_changes_nothing(vault: Path) -> None:
    entry_id = ok(haven(vault, "journal", "add", "--tag", "keep", "the one entry")).strip()
    before = snapshot(vault)

    fails(haven(vault, "journal", "add", "--mood", "7", "text"), 2, "mood is a whole number")
    fails(haven(vault, "journal", "add", "--mood", "two", "text"), 2, "mood")
    fails(haven(vault, "journal", "add", "   "), 2, "needs some text")
    fails(haven(vault, "journal", "add", "-", stdin=b"\xff\xfe not utf-8"), 2, "UTF-8")
    fails(haven(vault, "journal", "add", "--tag", "x" * 41, "text"), 2, "tag")
    fails(haven(vault, "journal", "list", "--mood", "0"), 2, "mood")
    fails(haven(vault, "journal", "list", "--limit", "0"), 2, "--limit")
    fails(haven(vault, "journal", "search", "  "), 2, "words")
    fails(haven(vault, "journal", "edit", entry_id), 2, "nothing to change")
    fails(haven(vault, "journal", "edit", entry_id, "--mood", "9"), 2, "mood")
    fails(haven(vault, "journal", "edit", entry_id, "--mood", "3", "--clear-mood"), 2)
    fails(haven(vault, "journal", "show", "0" * 64), 9, "no journal entry")
    fails(haven(vault, "journal", "edit", "f" * 64, "text"), 9)
    fails(haven(vault, "journal", "show", entry_id[:4]), 2, "at least 6")
    fails(haven(vault, "journal", "show", "not-hex!"), 2, "hexadecimal")
    assert snapshot(vault) == before
    assert [i["id"] for i in _entries(vault)] == [entry_id]


def test_an_ambiguous_prefix_is_refused(vault: Path) -> None:
    # Two ids sharing 8 hex digits would take ~2^16 real entries, so place two projection
    # rows with chosen ids directly through the store, each with the log row an entry is
    # found through (its creating event's id and time; schema 14).
    s = session.unlock(vault, PASSPHRASE)
    try:
        with s.vault.transaction() as conn:
            for seq, tail in enumerate(("01", "02"), 1):
                entry_id = bytes.fromhex("abcdef12" + tail + "00" * 27)
                conn.execute(
                    "INSERT INTO events (id, space_id, author, device, seq, lamport, epoch,"
                    " type, created_ms, envelope) VALUES (?, ?, x'00', x'00', ?, 0, 0,"
                    " 'journal.create', 1, x'')",
                    (entry_id, s.journal.space_id, seq),
                )
                jt.insert_entry(conn, jt.EntryRow(entry_id, "", "x", None, (), 1, 1))
    finally:
        s.lock()
    fails(haven(vault, "journal", "show", "abcdef12"), 2, "more than one entry")
    shown = json.loads(ok(haven(vault, "journal", "show", "abcdef1201", "--json")))
    assert shown["id"].startswith("abcdef1201")


def test_commands_need_a_vault_and_a_passphrase(tmp_path: Path, vault: Path) -> None:
    fails(haven(tmp_path / "none", "journal", "list"), 4, "no vault")
    fails(haven(vault, "journal", "list", passphrase=None), 2, "HAVEN_PASSPHRASE")
    assert haven(vault, "journal").returncode == 2  # argparse: an action is required


def test_prompt_of_the_day_all_and_categories(tmp_path: Path) -> None:
    today = ok(haven(None, "prompt", passphrase=None)).strip()
    assert re.fullmatch(r"[^:\n]+: .+\?.*|[^:\n]+: .+\.", today)
    assert ok(haven(None, "prompt", passphrase=None)).strip() == today  # same day, same prompt

    everything = ok(haven(None, "prompt", "--all", passphrase=None)).splitlines()
    headings = [ln for ln in everything if ln.endswith(":") and not ln.startswith(" ")]
    assert len(headings) == 9 and "Coming out:" in headings and "Body & health:" in headings
    assert sum(ln.startswith("  - ") for ln in everything) >= 9 * 6

    hope = ok(haven(None, "prompt", "--all", "--category", "HOPE", passphrase=None))
    assert hope.splitlines()[0] == "Hope:" and hope.count("  - ") >= 6
    assert ok(haven(None, "prompt", "--category", "body-health", passphrase=None)).startswith(
        "Body & health: "
    )
    assert ok(
        haven(None, "prompt", "--locale", "xx_YY", "--category", "coming out", passphrase=None)
    ).startswith("Coming out: ")
    fails(haven(None, "prompt", "--category", "nope", passphrase=None), 2, "Self-acceptance")
