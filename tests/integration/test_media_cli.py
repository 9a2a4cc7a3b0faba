"""Through the real command: `haven space settings --disappear` and `space post --disappear`
(the space's timer binds every post, each post says when it disappears on this device, bad
timers are one-line errors), and `haven journal share` (never without a confirmation; only
the confirmed words go)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import new_session
from tests.integration.cli_support import fails, haven, ok


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    data = tmp_path / "ari"
    new_session(data, "Ari").lock()
    return data


def test_timers_from_the_command_line(vault: Path) -> None:
    sid = ok(haven(vault, "space", "create", "Circle")).strip()
    assert "posts disappear: off" in ok(haven(vault, "space", "settings", sid))
    assert "posts disappear: after 1d" in ok(
        haven(vault, "space", "settings", sid, "--disappear", "1d")
    )
    ok(haven(vault, "space", "post", sid, "an hour only", "--disappear", "1h"))
    ok(haven(vault, "space", "post", sid, "a day"))
    fails(haven(vault, "space", "post", sid, "a week", "--disappear", "1w"), 2, "sooner")
    fails(haven(vault, "space", "post", sid, "soon", "--disappear", "5m"), 2, "1 hour to 4 weeks")
    fails(haven(vault, "space", "settings", sid, "--disappear", "soon"), 2, "like 1h")
    posts = json.loads(ok(haven(vault, "space", "read", sid, "--json")))
    by_body = {p["body"]: p["disappears_ms"] for p in posts}
    assert by_body["a day"] - by_body["an hour only"] == pytest.approx(23 * 3_600_000, abs=60_000)
    assert "[disappears " in ok(haven(vault, "space", "read", sid))


def test_sharing_a_journal_entry_asks_first(vault: Path) -> None:
    sid = ok(haven(vault, "space", "create", "Circle")).strip()
    entry = ok(haven(vault, "journal", "add", "I told my sister today.", "--tag", "qzprivate"))
    entry = entry.strip()
    fails(haven(vault, "journal", "share", entry, sid), 2, "--yes")
    assert json.loads(ok(haven(vault, "space", "read", sid, "--json"))) == []
    ok(haven(vault, "journal", "share", entry, sid, "--text", "I told my sister.", "--yes"))
    (post,) = json.loads(ok(haven(vault, "space", "read", sid, "--json")))
    assert post["body"] == "I told my sister." and "qzprivate" not in json.dumps(post)
    assert "I told my sister today." in ok(haven(vault, "journal", "show", entry))
    # --channel: the copy goes into that channel as one message (title first), not the feed.
    ok(haven(vault, "channel", "create", sid, "art"))
    ok(haven(vault, "channel", "create", sid, "old"))
    ok(haven(vault, "channel", "archive", sid, "old"))
    fails(haven(vault, "journal", "share", entry, sid, "--channel", "old", "--yes"), 2, "cannot")
    ok(haven(vault, "journal", "share", entry, sid, "--channel", "#art", "--title", "T", "--yes"))
    assert len(json.loads(ok(haven(vault, "space", "read", sid, "--json")))) == 1
    (message,) = json.loads(ok(haven(vault, "channel", "read", sid, "art", "--json")))["messages"]
    assert message["body"] == "T\n\nI told my sister today."
