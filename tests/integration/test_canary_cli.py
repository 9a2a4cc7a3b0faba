"""Canary: drive every journal, backup and passphrase command of the real CLI with unique
strings, then prove none of them appears in plaintext (UTF-8 or UTF-16-LE) in any file
under the data folders, $TMPDIR or the XDG config/cache/state folders."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

from tests.integration.cli_support import haven, ok

NEW_PASSPHRASE = "an entirely different long passphrase 64"


def _canary(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex}word"


def _files_under(folders: list[Path]) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


def _hits(files: list[Path], secrets: list[str]) -> list[tuple[str, str]]:
    needles = [(s, s.encode("utf-8")) for s in secrets]
    needles += [(s, s.encode("utf-16-le")) for s in secrets]
    found = []
    for path in files:
        data = path.read_bytes()
        found += [(secret, str(path)) for secret, needle in needles if needle in data]
    return found


def test_no_plaintext_leaves_the_vault(isolated_dirs: Path, tmp_path: Path) -> None:
    home = isolated_dirs
    first, second = home / "data" / "first", home / "data" / "second"
    body, edited_body = _canary("Body"), _canary("Edited")
    title, edited_title = _canary("Title"), _canary("Retitled")
    tag, edited_tag = _canary("tag"), _canary("tagb")
    name, pronouns = _canary("Name"), f"x{uuid.uuid4().hex[:24]}/y"
    secrets = [body, edited_body, title, edited_title, tag, edited_tag, name, pronouns]

    ok(haven(first, "init", "--name", name, "--pronouns", pronouns))
    entry_id = ok(
        haven(
            first,
            "journal",
            "add",
            "--title",
            title,
            "--tag",
            tag,
            "--mood",
            "3",
            f"Today {body} happened",
        )
    ).strip()
    kept_id = ok(haven(first, "journal", "add", "-", stdin=f"Stdin {body} text\n")).strip()
    ok(
        haven(
            first,
            "journal",
            "edit",
            entry_id,
            f"Now {edited_body}",
            "--title",
            edited_title,
            "--tag",
            edited_tag,
        )
    )
    assert edited_title in ok(haven(first, "journal", "list"))
    assert [
        e["id"] for e in json.loads(ok(haven(first, "journal", "search", edited_body, "--json")))
    ] == [entry_id]
    assert edited_body in ok(haven(first, "journal", "show", entry_id[:10]))

    backup = home / "data" / "haven.backup"
    ok(haven(first, "backup", str(backup)))
    ok(haven(second, "restore", str(backup)))
    assert body in ok(haven(second, "journal", "show", kept_id))
    ok(haven(first, "passphrase", "change", extra_env={"HAVEN_NEW_PASSPHRASE": NEW_PASSPHRASE}))
    ok(haven(first, "journal", "delete", "--yes", entry_id, passphrase=NEW_PASSPHRASE))
    ok(haven(second, "journal", "delete", "--yes", entry_id))

    searched = [
        first,
        second,
        backup.parent,
        Path(os.environ["TMPDIR"]),
        home / "config",
        home / "cache",
        home / "state",
    ]
    files = _files_under(searched)
    names = {p.name for p in files}
    assert {"vault.db", "vault.header", "haven.backup"} <= names
    assert _hits(files, secrets) == []

    # Positive control: the same search does find the strings in a (plaintext) export,
    # written outside the searched folders.
    export = tmp_path / "plaintext-export.json"
    ok(haven(second, "export", "--format", "json", str(export)))
    assert {s for s, _ in _hits([export], secrets)} == {body}
