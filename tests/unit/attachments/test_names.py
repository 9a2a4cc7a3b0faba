"""File names other members chose are saved only inside the chosen folder, without path
tricks or invisible characters (core/attachments/names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from haven.core.attachments.names import clean_name, safe_filename


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../.bashrc", "bashrc"),
        ("..\\..\\Windows\\evil.exe", "evil.exe"),
        ("/etc/passwd", "passwd"),
        ("photo\u202egpj.exe", "photogpj.exe"),  # right-to-left override dropped
        ("a\u2066b\u2069c\u200b.txt", "abc.txt"),
        ("CON.txt", "attachment.txt"),
        ("..", "attachment"),
        ("", "attachment"),
        ("we:ird|na*me?.png", "we_ird_na_me_.png"),
        ("line\nbreak\x00.txt", "linebreak.txt"),
    ],
)
def test_safe_filename(raw: str, expected: str) -> None:
    assert safe_filename(raw) == expected


def test_a_long_name_keeps_its_extension_and_stays_in_the_folder(tmp_path: Path) -> None:
    name = safe_filename("x" * 500 + ".jpg")
    assert name.endswith(".jpg") and len(name) <= 120
    assert (tmp_path / name).parent == tmp_path


def test_shown_names_lose_controls_and_bidi_overrides() -> None:
    assert clean_name("invoice\u202efdp.exe\n") == "invoicefdp.exe"
