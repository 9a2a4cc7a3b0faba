"""`haven passphrase change --rekey`: the vault moves to a new master key, and a real `haven`
process killed (SIGKILL, from inside, at a named step) at every step of the move leaves a
vault that opens with the old or the new passphrase, with nothing lost and nothing left over.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from haven.store import key_slots, rekey
from haven.store.header import read_header
from tests.helpers import PASSPHRASE
from tests.integration.cli_support import fails, haven, init_vault, ok

NEW = "a brand new lantern orchard 8812"


def master_key(data: Path, passphrase: str) -> bytes:
    (opened,) = key_slots.unseal_all(read_header(data / "vault.header"), passphrase)
    key = bytes(opened.master_key)
    opened.wipe()
    return key


def with_entries(tmp_path: Path) -> Path:
    data = tmp_path / "vault"
    init_vault(data)
    for text in ("first entry", "second entry", "third entry"):
        ok(haven(data, "journal", "add", text))
    return data


def change(data: Path, crash_at: str | None = None) -> int:
    env = {"HAVEN_NEW_PASSPHRASE": NEW}
    if crash_at is not None:
        env[rekey.CRASH_ENV] = crash_at
    return haven(data, "passphrase", "change", "--rekey", extra_env=env).returncode


def entries(data: Path, passphrase: str) -> list[str] | None:
    proc = haven(data, "journal", "list", "--json", passphrase=passphrase)
    if proc.returncode != 0:
        assert proc.returncode == 3, proc.stderr  # only "wrong passphrase" is acceptable
        return None
    return sorted(e["body"] for e in json.loads(proc.stdout))


def test_rekey_moves_the_vault_to_a_new_master_key(tmp_path: Path) -> None:
    data = with_entries(tmp_path)
    old_key = master_key(data, PASSPHRASE)
    assert change(data) == 0
    assert master_key(data, NEW) != old_key
    assert entries(data, NEW) == ["first entry", "second entry", "third entry"]
    fails(haven(data, "journal", "list"), 3, "wrong passphrase")  # the old one is gone
    names = ["vault-b.db", "vault.db", "vault.header", "vault.lock"]
    assert sorted(p.name for p in data.iterdir()) == names


@pytest.mark.parametrize("step", rekey.STEPS)
def test_a_kill_at_any_step_leaves_a_vault_that_opens(tmp_path: Path, step: str) -> None:
    data = with_entries(tmp_path)
    code = change(data, crash_at=step)
    assert code == -9, f"the change was meant to be killed at {step!r} (exit {code})"
    old, new = entries(data, PASSPHRASE), entries(data, NEW)
    opened = [e for e in (old, new) if e is not None]
    assert opened == [["first entry", "second entry", "third entry"]], (step, old, new)
    # Before the database is swapped the old passphrase opens it; after, the new one.
    swapped = rekey.STEPS.index(step) >= rekey.STEPS.index("db-swapped")
    assert (new is not None) == swapped and (old is not None) == (not swapped)
    # Opening finished (or undid) the interrupted change: no leftovers, and it works again.
    assert not (data / rekey.NEXT_HEADER_NAME).exists()
    assert not (data / rekey.REKEY_DB_NAME).exists()
    working = NEW if swapped else PASSPHRASE
    ok(haven(data, "journal", "add", "after the crash", passphrase=working))
    assert "after the crash" in (entries(data, working) or [])


def test_the_crash_switch_is_ignored_outside_the_test_suite(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("HAVEN_TEST_SUITE")
    monkeypatch.setenv(rekey.CRASH_ENV, "next-header")
    rekey.crash_point("next-header")  # returns: this process is still alive


@pytest.mark.parametrize("step", ["exported", "db-swapped"])
def test_a_kill_during_rekey_keeps_the_duress_passphrase(tmp_path: Path, step: str) -> None:
    """The rekey rewrites only the slot of the passphrase in use: before the swap (old
    header) and after it (the next header finishes the change), the decoy still opens."""
    data = with_entries(tmp_path)
    duress = "quiet meadow ferry window 77"
    ok(haven(data, "passphrase", "duress", extra_env={"HAVEN_NEW_PASSPHRASE": duress}))
    ok(haven(data, "journal", "add", "a decoy entry", passphrase=duress))
    assert change(data, crash_at=step) == -9
    assert entries(data, duress) == ["a decoy entry"]
    swapped = step == "db-swapped"
    assert entries(data, NEW if swapped else PASSPHRASE) == [
        "first entry",
        "second entry",
        "third entry",
    ]
