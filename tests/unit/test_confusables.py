"""The UTS #39 skeleton over Unicode's own confusables table: real look-alike pairs from
several scripts meet, different strings do not, and the shipped table is the one recorded."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from haven.core import confusables
from haven.core.resource_files import resource_dir

# Each pair draws the same in common fonts; the first of each is plain Latin or Arabic.
CONFUSABLE = [
    ("Ari", "\u0410ri"),  # Cyrillic А
    ("paypal", "\u0440aypal"),  # Cyrillic р (UTS #39's own example)
    ("scope", "\u0455\u0441\u043e\u0440\u0435"),  # all Cyrillic
    ("Adam", "\u0391dam"),  # Greek Alpha
    ("Oscar", "\u039fscar"),  # Greek Omicron
    ("hope", "\u0570\u0585pe"),  # Armenian հ, օ
    ("no", "\u0578\u0585"),  # Armenian ո, օ
    ("Dana", "D\u0430n\u0430"),  # mixed Latin and Cyrillic
    ("Sam", "\u0405\u0430m"),  # Cyrillic Ѕ, а
    ("Oscar", "0scar"),  # digit zero
    ("lily", "1ily"),  # digit one
    ("Al", "AI"),  # capital I and small l
    ("Modern", "Modem"),  # rn and m
    ("fin", "\ufb01n"),  # the fi ligature
    ("Ari", "\uff21ri"),  # fullwidth A
    ("Bob", "B\u0665b"),  # Arabic-Indic five
    ("\u0660", "\u06f0"),  # Arabic-Indic and Persian zero
    ("1", "\u0661"),  # Arabic-Indic one
    ("علي", "علی"),  # Arabic and Persian yeh
    ("كمال", "کمال"),  # Arabic and Persian kaf
]
DIFFERENT = [
    ("Ari", "Avi"), ("Dana", "Dina"), ("Omar", "Amar"), ("Lina", "Nina"), ("Sam", "Sami"),
    ("عمر", "عامر"), ("نور", "نون"), ("\u0394ana", "Dana"), ("Ari", "ARI"), ("Jo", "Joe"),
]  # fmt: skip


@pytest.mark.parametrize(("plain", "lookalike"), CONFUSABLE)
def test_real_confusables_share_a_skeleton(plain: str, lookalike: str) -> None:
    assert plain != lookalike
    assert confusables.confusable(plain, lookalike)


@pytest.mark.parametrize(("first", "second"), DIFFERENT)
def test_different_strings_do_not(first: str, second: str) -> None:
    assert not confusables.confusable(first, second)


def test_skeleton_is_nfd_map_nfd() -> None:
    # Prototypes from the table, and NFD on both sides: "é" precomposed and decomposed agree,
    # and a mapped letter keeps its accent (UTS #39 does not drop marks).
    assert confusables.skeleton("\u0430") == "a"
    assert confusables.skeleton("m") == "rn"
    assert confusables.skeleton("\u00e9") == confusables.skeleton("e\u0301") == "e\u0301"
    assert confusables.skeleton("\u0430\u0301") == "a\u0301"
    assert confusables.skeleton("") == ""


def test_the_shipped_table_is_the_recorded_one() -> None:
    folder = resource_dir("unicode")
    assert folder is not None
    readme = (folder / "README.md").read_text(encoding="utf-8")
    digest = hashlib.sha256((folder / "confusables.txt").read_bytes()).hexdigest()
    assert f"`{digest}`" in readme
    assert re.search(rf"\| Version \| {re.escape(confusables.version())} ", readme)
    assert len(confusables.table()) == 6712
    assert (folder / "LICENSE-Unicode-3.0.txt").is_file()


def test_a_missing_or_damaged_table_is_an_error_not_a_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no table every name would compare as itself and every impostor would pass."""
    monkeypatch.setattr(confusables, "resource_dir", lambda kind: None)
    confusables.table.cache_clear()
    try:
        with pytest.raises(confusables.ConfusablesMissing):
            confusables.skeleton("Ari")
        (tmp_path / "confusables.txt").write_text("0430 ;\t0061 ;\tMA\t# a\n", encoding="utf-8")
        monkeypatch.setattr(confusables, "resource_dir", lambda kind: tmp_path)
        with pytest.raises(confusables.ConfusablesMissing, match="damaged"):
            confusables.skeleton("Ari")
    finally:
        confusables.table.cache_clear()
