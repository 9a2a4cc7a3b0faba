"""`haven passphrase duress` through real `haven` processes: the duress passphrase opens the
decoy in any command, the real one the real vault, a wrong one neither with the very same
error; the wipe; --remove; and a passphrase change that keeps the duress passphrase."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE
from tests.integration.cli_support import fails, haven, init_vault, ok

DURESS = "quiet meadow ferry window 77"
WRONG = "not either of them at all 123"


def journal(data: Path, passphrase: str) -> list[str]:
    out = ok(haven(data, "journal", "list", "--json", passphrase=passphrase))
    return sorted(e["body"] for e in json.loads(out))


def set_duress(data: Path, *flags: str) -> str:
    return ok(
        haven(data, "passphrase", "duress", *flags, extra_env={"HAVEN_NEW_PASSPHRASE": DURESS})
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    init_vault(folder)
    ok(haven(folder, "journal", "add", "the real entry"))
    return folder


def test_each_passphrase_opens_its_vault_in_every_command(data: Path) -> None:
    assert "decoy" in set_duress(data)
    ok(haven(data, "journal", "add", "groceries and a walk", passphrase=DURESS))
    assert journal(data, PASSPHRASE) == ["the real entry"]
    assert journal(data, DURESS) == ["groceries and a walk"]
    exported = data.parent / "decoy.json"
    ok(haven(data, "export", "--format", "json", str(exported), passphrase=DURESS))
    assert "groceries" in exported.read_text() and "the real entry" not in exported.read_text()
    assert ok(haven(data, "space", "list", passphrase=DURESS)).strip() in ("", "No spaces yet.")
    # A wrong passphrase: the same exit code and message as in a vault with no decoy.
    wrong = fails(haven(data, "journal", "list", passphrase=WRONG), 3, "wrong passphrase")
    assert wrong == "haven: error: wrong passphrase"


def test_files_keep_their_names_and_sizes(data: Path) -> None:
    before = {p.name: p.stat().st_size for p in data.iterdir()}
    set_duress(data)
    ok(haven(data, "journal", "add", "a decoy entry", passphrase=DURESS))
    assert {p.name: p.stat().st_size for p in data.iterdir()} == before


def test_the_wipe_makes_the_real_passphrase_fail(data: Path) -> None:
    assert "destroy" in set_duress(data, "--wipe-vault-on-use")
    assert journal(data, DURESS) == []
    fails(haven(data, "journal", "list"), 3, "wrong passphrase")
    assert journal(data, DURESS) == []  # the decoy stays usable


def test_remove(data: Path) -> None:
    set_duress(data)
    assert "removed" in ok(haven(data, "passphrase", "duress", "--remove"))
    fails(haven(data, "journal", "list", passphrase=DURESS), 3, "wrong passphrase")
    assert journal(data, PASSPHRASE) == ["the real entry"]


def test_a_duress_passphrase_like_the_real_one_is_refused(data: Path) -> None:
    proc = haven(data, "passphrase", "duress", extra_env={"HAVEN_NEW_PASSPHRASE": PASSPHRASE})
    fails(proc, 2, "must differ")


@pytest.mark.parametrize("rekey", [[], ["--rekey"]])
def test_a_passphrase_change_keeps_the_duress_passphrase(data: Path, rekey: list[str]) -> None:
    set_duress(data)
    ok(haven(data, "journal", "add", "a decoy entry", passphrase=DURESS))
    new = "a brand new lantern orchard 8812"
    ok(haven(data, "passphrase", "change", *rekey, extra_env={"HAVEN_NEW_PASSPHRASE": new}))
    assert journal(data, DURESS) == ["a decoy entry"]
    assert journal(data, new) == ["the real entry"]
