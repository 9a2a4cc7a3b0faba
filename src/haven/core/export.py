"""Export the journal as PLAINTEXT: Markdown (a folder, one file per entry) or one JSON file.

An export is the one place Haven writes content outside the vault, and only because the
person asked for it; the CLI and the UI warn before doing it. An existing, non-empty
destination is never overwritten. Everything is first written next to the destination and
renamed into place, so a failure (a full disk) leaves no half-written export behind.
Files are 0600 and folders 0700: readable by the person's own account only.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from haven.core.journal import JournalEntry
from haven.errors import HavenError, InvalidInput, VaultFull

FORMAT = "haven-journal-export"
VERSION = 1
FILE_MODE = 0o600
DIR_MODE = 0o700


def iso_utc(ms: int) -> str:
    """Milliseconds since the epoch -> '2026-11-24T11:05:09.123Z'."""
    moment = datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def entry_to_dict(entry: JournalEntry) -> dict[str, Any]:
    """The JSON shape of an entry, shared by `haven journal list --json` and the export."""
    return {
        "id": entry.entry_id.hex(),
        "title": entry.title,
        "body": entry.body,
        "mood": entry.mood,
        "tags": list(entry.tags),
        "created_at": iso_utc(entry.created_ms),
        "updated_at": iso_utc(entry.updated_ms),
    }


def export_json(entries: Iterable[JournalEntry], dest: Path, now_ms: int) -> int:
    """Write every entry to one JSON file; returns how many were written."""
    with disk_errors("writing the export"):
        return _export_json(entries, dest, now_ms)


def export_markdown(entries: Iterable[JournalEntry], dest: Path) -> int:
    """Write a folder with one `.md` file per entry, named by date and short id (titles are
    kept out of file names, which show up in file managers' recent lists)."""
    with disk_errors("writing the export"):
        return _export_markdown(entries, dest)


def _export_json(entries: Iterable[JournalEntry], dest: Path, now_ms: int) -> int:
    items = [entry_to_dict(e) for e in entries]
    doc = {"format": FORMAT, "version": VERSION, "exported_at": iso_utc(now_ms), "entries": items}
    data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if dest.is_dir():
        raise InvalidInput(f"{dest} is a folder; give a file name for the JSON export")
    _refuse_non_empty(dest)
    fd, tmp = tempfile.mkstemp(prefix=".haven-export-", suffix=".tmp", dir=_parent(dest))
    try:
        os.fchmod(fd, FILE_MODE)
        _write_all(fd, data)
        os.fsync(fd)
        os.close(fd)
        fd = -1
        _refuse_non_empty(dest)
        os.replace(tmp, dest)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return len(items)


def _export_markdown(entries: Iterable[JournalEntry], dest: Path) -> int:
    if (dest.exists() or dest.is_symlink()) and not dest.is_dir():
        raise InvalidInput(f"{dest} is a file; the Markdown export needs a folder")
    _refuse_non_empty(dest)
    tmp = Path(tempfile.mkdtemp(prefix=".haven-export-", dir=_parent(dest)))
    try:
        tmp.chmod(DIR_MODE)
        count = 0
        for entry in entries:
            day = datetime.datetime.fromtimestamp(entry.created_ms / 1000).date()
            name = f"{day.isoformat()}-{entry.entry_id.hex()[:12]}.md"
            write_private_file(tmp / name, markdown_of(entry).encode("utf-8"))
            count += 1
        _refuse_non_empty(dest)
        if dest.exists():
            dest.rmdir()  # empty (checked just above)
        os.replace(tmp, dest)
        dest.chmod(DIR_MODE)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return count


def markdown_of(entry: JournalEntry) -> str:
    """A small front-matter block (YAML; strings JSON-quoted, which YAML reads as-is), then
    the entry's text."""
    lines = [
        "---",
        f"id: {entry.entry_id.hex()}",
        f"title: {json.dumps(entry.title, ensure_ascii=False)}",
        f"created: {iso_utc(entry.created_ms)}",
        f"updated: {iso_utc(entry.updated_ms)}",
        f"mood: {'null' if entry.mood is None else entry.mood}",
        f"tags: {json.dumps(list(entry.tags), ensure_ascii=False)}",
        "---",
    ]
    text = "\n".join(lines) + "\n\n"
    if entry.title:
        text += f"# {entry.title}\n\n"
    return text + entry.body.rstrip("\n") + "\n"


def _refuse_non_empty(dest: Path) -> None:
    if dest.is_dir():
        if any(dest.iterdir()):
            raise InvalidInput(f"{dest} is a folder that is not empty; nothing was written")
    elif dest.is_symlink() or (dest.exists() and dest.stat().st_size > 0):
        raise InvalidInput(f"{dest} already exists; nothing was written")


def _parent(dest: Path) -> Path:
    parent = dest.absolute().parent
    if not parent.is_dir():
        raise InvalidInput(f"the folder {parent} does not exist")
    return parent


def write_private_file(path: Path, data: bytes) -> None:
    """A new file only this user may read (0600, never over an existing one), synced."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


@contextlib.contextmanager
def disk_errors(what: str) -> Iterator[None]:
    """Turn an OSError into a one-line HavenError naming `what` (never a path's content)."""
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise VaultFull(f"the disk is full while {what}; nothing was kept") from exc
        raise HavenError(f"{what} failed ({exc.strerror})") from exc
