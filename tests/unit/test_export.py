"""Plaintext export at core level: content, permissions, refusals, and that a failure half
way (an error, a full disk) leaves neither the destination nor a temporary file."""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.cli.main import main as cli_main
from haven.core import export
from haven.core import session as session_module
from haven.core.journal import JournalEntry
from haven.core.session import Session
from haven.errors import HavenError, InvalidInput, VaultFull
from tests.helpers import PASSPHRASE, new_session


@pytest.fixture
def session(data_dir: Path) -> Iterator[Session]:
    s = new_session(data_dir)
    s.journal.add(
        "First entry\nwith two lines", title='A "quoted" title', mood=3, tags=["hope", "family"]
    )
    s.journal.add("نص عربي قصير", tags=["عربي"])
    yield s
    s.lock()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".haven-export-")]


def test_json_export_holds_every_entry(session: Session, tmp_path: Path) -> None:
    dest = tmp_path / "out.json"
    assert export.export_json(session.journal.list(), dest, now_ms=1_700_000_000_000) == 2
    doc = json.loads(dest.read_text(encoding="utf-8"))
    assert doc["format"] == "haven-journal-export" and doc["version"] == 1
    assert doc["exported_at"] == "2023-11-14T22:13:20.000Z"
    by_body = {e["body"]: e for e in doc["entries"]}
    first = by_body["First entry\nwith two lines"]
    assert first["title"] == 'A "quoted" title' and first["mood"] == 3
    assert first["tags"] == ["family", "hope"]
    assert by_body["نص عربي قصير"]["tags"] == ["عربي"]
    assert "نص عربي" in dest.read_text(encoding="utf-8")  # not \u-escaped
    assert _mode(dest) == 0o600 and _leftovers(tmp_path) == []


def test_markdown_export_writes_front_matter_per_entry(session: Session, tmp_path: Path) -> None:
    dest = tmp_path / "md"
    assert export.export_markdown(session.journal.list(), dest) == 2
    files = sorted(dest.iterdir())
    assert _mode(dest) == 0o700 and all(_mode(f) == 0o600 for f in files)
    entries = {e.entry_id.hex()[:12]: e for e in session.journal.list()}
    for path in files:
        short = path.stem[-12:]
        entry = entries[short]
        text = path.read_text(encoding="utf-8")
        head, _, rest = text[4:].partition("\n---\n")
        fields = dict(line.split(": ", 1) for line in head.splitlines())
        assert fields["id"] == entry.entry_id.hex()
        assert json.loads(fields["title"]) == entry.title
        assert json.loads(fields["tags"]) == list(entry.tags)
        assert fields["created"] == export.iso_utc(entry.created_ms)
        assert rest.rstrip("\n").endswith(entry.body)
    assert _leftovers(tmp_path) == []


def test_an_existing_destination_is_never_overwritten(session: Session, tmp_path: Path) -> None:
    full = tmp_path / "full"
    full.mkdir()
    (full / "mine.txt").write_text("keep")
    existing = tmp_path / "existing.json"
    existing.write_text("{}")
    with pytest.raises(InvalidInput, match="not empty"):
        export.export_markdown(session.journal.list(), full)
    with pytest.raises(InvalidInput, match="already exists"):
        export.export_json(session.journal.list(), existing, 0)
    with pytest.raises(InvalidInput, match="folder"):
        export.export_json(session.journal.list(), full, 0)
    with pytest.raises(InvalidInput, match="does not exist"):
        export.export_json(session.journal.list(), tmp_path / "no" / "x.json", 0)
    assert (full / "mine.txt").read_text() == "keep" and existing.read_text() == "{}"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert export.export_markdown(session.journal.list(), empty) == 2
    assert _leftovers(tmp_path) == []


def test_a_failure_half_way_leaves_nothing(session: Session, tmp_path: Path) -> None:
    entries = session.journal.list()

    def failing() -> Iterator[JournalEntry]:
        yield entries[0]
        raise RuntimeError("stopped half way")

    with pytest.raises(RuntimeError):
        export.export_markdown(failing(), tmp_path / "md")
    assert not (tmp_path / "md").exists() and _leftovers(tmp_path) == []


def test_a_full_disk_is_reported_and_leaves_nothing(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write
    calls = {"n": 0}

    def write(fd: int, data: bytes | memoryview) -> int:
        calls["n"] += 1
        if calls["n"] >= 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(VaultFull, match="disk is full"):
        export.export_markdown(session.journal.list(), tmp_path / "md")
    calls["n"] = 1
    with pytest.raises(VaultFull):
        export.export_json(session.journal.list(), tmp_path / "out.json", 0)
    monkeypatch.setattr(os, "write", real_write)
    assert not (tmp_path / "md").exists() and not (tmp_path / "out.json").exists()
    assert _leftovers(tmp_path) == []


def test_other_os_errors_become_one_line_errors(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(export.tempfile, "mkstemp", refused)
    monkeypatch.setattr(export.tempfile, "mkdtemp", refused)
    with pytest.raises(HavenError, match=r"writing the export failed \(Permission denied\)"):
        export.export_json(session.journal.list(), tmp_path / "x.json", 0)
    with pytest.raises(HavenError, match="writing the export failed"):
        export.export_markdown(session.journal.list(), tmp_path / "md")
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "md").exists()


def test_the_cli_counts_one_entry_in_the_singular(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`haven export` said "Exported 1 entries" (issue 17: the plurals a person reads)."""
    s = new_session(data_dir)
    s.journal.add("Only one so far")
    s.lock()
    monkeypatch.setenv("HAVEN_PASSPHRASE", PASSPHRASE)
    one = tmp_path / "one.json"
    assert cli_main(["--data-dir", str(data_dir), "export", "--format", "json", str(one)]) == 0
    assert capsys.readouterr().out == f"Exported 1 entry to {one}.\n"
    s = session_module.unlock(data_dir, PASSPHRASE)
    s.journal.add("And a second")
    s.lock()
    two = tmp_path / "two"
    assert cli_main(["--data-dir", str(data_dir), "export", "--format", "md", str(two)]) == 0
    assert capsys.readouterr().out == f"Exported 2 entries to {two}.\n"
