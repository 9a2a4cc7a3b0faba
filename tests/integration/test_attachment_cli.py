"""`haven space post --attach`, `space settings --attach-limit` and `haven attachment save`
through the real command in subprocesses, on real vaults in tmp_path: a photo's metadata is
gone from the saved copy, a hostile picture or an over-limit file is a one-line error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.attachment_helpers import METADATA_WORDS, photo_with_gps, png_claiming
from tests.helpers import new_session
from tests.integration.cli_support import fails, haven, ok


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    data = tmp_path / "ari"
    new_session(data, "Ari").lock()
    return data


def test_attach_read_and_save(vault: Path, tmp_path: Path) -> None:
    sid = ok(haven(vault, "space", "create", "Circle")).strip()
    photo, notes = tmp_path / "march.jpeg", tmp_path / "notes.txt"
    photo.write_bytes(photo_with_gps(200, 100))
    notes.write_text("bring water\n")
    done = haven(
        vault, "space", "post", sid, "photos", "--attach", str(photo), "--alt", "our banner",
        "--attach", str(notes),
    )  # fmt: skip
    ok(done)
    assert "Removed from march.jpg: EXIF, GPS location" in done.stderr
    (post,) = json.loads(ok(haven(vault, "space", "read", sid, "--json")))
    picture, text = post["attachments"]
    assert (picture["name"], picture["alt"], picture["state"]) == ("march.jpg", "our banner", "ok")
    assert (picture["width"], picture["height"]) == (100, 200)  # orientation applied
    assert text["name"] == "notes.txt"
    shown = ok(haven(vault, "space", "read", sid))
    assert "[picture march.jpg" in shown and "— our banner" in shown
    out = tmp_path / "out"
    out.mkdir()
    saved = Path(ok(haven(vault, "attachment", "save", picture["id"][:10], str(out))).strip())
    assert saved == out / "march.jpg"
    data = saved.read_bytes()
    assert b"Exif" not in data and not any(w.encode() in data for w in METADATA_WORDS)
    assert saved.stat().st_mode & 0o077 == 0
    fails(haven(vault, "attachment", "save", picture["id"], str(out)), 2, "exists already")
    ok(haven(vault, "attachment", "save", text["id"], str(out / "plan.txt")))
    assert (out / "plan.txt").read_text() == "bring water\n"


def test_limits_and_hostile_files_are_clear_errors(vault: Path, tmp_path: Path) -> None:
    sid = ok(haven(vault, "space", "create", "Circle")).strip()
    assert "attachment limit: 64 KiB" in ok(
        haven(vault, "space", "settings", sid, "--attach-limit", "64KiB")
    )
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 100_000)
    fails(haven(vault, "space", "post", sid, "hi", "--attach", str(big)), 2, "up to 64 KiB")
    fails(haven(vault, "space", "settings", sid, "--attach-limit", "1GiB"), 2, "a size is")
    fails(haven(vault, "space", "settings", sid, "--attach-limit", "1000MiB"), 2, "64.0 MiB")
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_claiming(60_000, 60_000))
    fails(haven(vault, "space", "post", sid, "hi", "--attach", str(bomb)), 2, "too large")
    fails(
        haven(vault, "space", "post", sid, "hi", "--attach", str(tmp_path / "no")), 2, "cannot read"
    )
    assert json.loads(ok(haven(vault, "space", "read", sid, "--json"))) == []
