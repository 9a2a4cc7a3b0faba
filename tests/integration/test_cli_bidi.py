"""The CLI prints bidi controls visibly replaced, so a title cannot print reversed in a
terminal that lays text out bidirectionally (as it already did for terminal escapes)."""

from __future__ import annotations

from pathlib import Path

from tests.integration.cli_support import haven, init_vault, ok


def test_bidi_controls_are_shown_not_obeyed(tmp_path: Path) -> None:
    data = tmp_path / "vault"
    init_vault(data)
    ok(haven(data, "journal", "add", "--title", "report\u202etxt.exe", "body \u2066x\u2069"))
    out = ok(haven(data, "journal", "list"))
    assert "report\ufffdtxt.exe" in out
    assert not any(ch in out for ch in "\u202e\u2066\u2069")
