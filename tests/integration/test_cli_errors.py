"""What the CLI does when something is wrong with the vault or the passphrase: the documented
exit code, one clear line on stderr, and the data folder byte-for-byte unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, vault_db
from tests.integration.cli_support import fails, haven, init_vault, ok, snapshot

WRONG = "definitely not the right passphrase"


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    data = tmp_path / "vault"
    init_vault(data)
    ok(haven(data, "journal", "add", "--title", "kept", "an entry that must survive"))
    return data


def test_wrong_passphrase_exits_3_and_touches_nothing(vault: Path, tmp_path: Path) -> None:
    before = snapshot(vault)
    for args in (
        ["journal", "list"],
        ["journal", "add", "new text"],
        ["journal", "search", "entry"],
        ["backup", str(tmp_path / "b.haven")],
        ["export", "--format", "json", str(tmp_path / "e.json")],
    ):
        proc = haven(vault, *args, passphrase=WRONG)
        fails(proc, 3, "wrong passphrase")
        assert WRONG not in proc.stderr + proc.stdout
    fails(
        haven(
            vault,
            "passphrase",
            "change",
            passphrase=WRONG,
            extra_env={"HAVEN_NEW_PASSPHRASE": "a brand new long passphrase 19"},
        ),
        3,
    )
    assert snapshot(vault) == before
    assert not (tmp_path / "b.haven").exists() and not (tmp_path / "e.json").exists()
    assert "an entry that must survive" in ok(haven(vault, "journal", "list", "--json"))


@pytest.mark.parametrize("damage", ["garbage", "truncated-json", "wrong-format", "empty"])
def test_a_damaged_header_exits_7_and_is_not_overwritten(vault: Path, damage: str) -> None:
    header = vault / "vault.header"
    good = header.read_bytes()
    header.write_bytes(
        {
            "garbage": os.urandom(300),
            "truncated-json": good[: len(good) // 2],
            "wrong-format": good.replace(b"haven-vault", b"other-thing"),
            "empty": b"",
        }[damage]
    )
    before = snapshot(vault)
    fails(haven(vault, "journal", "list"), 7, "header")
    fails(haven(vault, "backup", str(vault.parent / "b.haven")), 7)
    assert snapshot(vault) == before
    assert not (vault.parent / "b.haven").exists()


@pytest.mark.parametrize("damage", ["truncated", "garbage", "missing"])
def test_a_damaged_database_exits_7_and_is_not_overwritten(vault: Path, damage: str) -> None:
    db = vault_db(vault)
    if damage == "truncated":
        db.write_bytes(db.read_bytes()[:5000])
    elif damage == "garbage":
        db.write_bytes(os.urandom(len(db.read_bytes())))
    else:
        db.unlink()
    before = snapshot(vault)
    fails(haven(vault, "journal", "list"), 7, "damaged" if damage != "missing" else "missing")
    fails(haven(vault, "journal", "add", "more text"), 7)
    assert snapshot(vault) == before


def test_init_refuses_an_existing_vault_and_needs_a_name(vault: Path, tmp_path: Path) -> None:
    before = snapshot(vault)
    fails(haven(vault, "init", "--name", "Other"), 5, "already exists")
    fails(haven(vault, "init", "--name", "Other", passphrase="another strong passphrase 77"), 5)
    assert snapshot(vault) == before
    fresh = tmp_path / "fresh"
    fails(haven(fresh, "init"), 2, "--name")
    fails(haven(fresh, "init", "--name", "   "), 2, "display name")
    fails(haven(fresh, "init", "--name", "Sam", "--pronouns", "x" * 40), 2, "pronouns")
    assert not (fresh / "vault.header").exists()


@pytest.mark.parametrize(
    ("weak", "reason"),
    [
        ("", "empty"),
        ("short1!", "too short"),
        ("password123", "too easy to guess"),
        ("passwordpassword", "too easy to guess"),
        ("Robin Robin Robin", "too easy to guess"),
    ],
)
def test_init_refuses_a_weak_passphrase_with_a_reason(
    tmp_path: Path, weak: str, reason: str
) -> None:
    data = tmp_path / "weak"
    fails(haven(data, "init", "--name", "Robin", passphrase=weak), 2, reason)
    assert not data.exists() or not any(data.iterdir())


@pytest.fixture
def holder(vault: Path) -> Iterator[subprocess.Popen[str]]:
    """A second process that holds the vault open until its stdin closes."""
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from haven.core import session\n"
        "s = session.unlock(Path(sys.argv[1]), os.environ['HAVEN_PASSPHRASE'])\n"
        "print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
        "s.lock()\n"
    )
    env = {**os.environ, "HAVEN_PASSPHRASE": PASSPHRASE}
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(vault)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=30)


def test_a_vault_held_by_another_process_exits_6(
    vault: Path, holder: subprocess.Popen[str]
) -> None:
    before = snapshot(vault)
    fails(haven(vault, "journal", "list"), 6, "in use")
    fails(haven(vault, "journal", "add", "text"), 6)
    fails(
        haven(
            vault,
            "passphrase",
            "change",
            extra_env={"HAVEN_NEW_PASSPHRASE": "a brand new long passphrase 19"},
        ),
        6,
    )
    assert snapshot(vault) == before


def test_no_vault_is_said_before_any_passphrase_is_asked(tmp_path: Path) -> None:
    """A new user's first `haven journal list` learns there is no vault yet, not that a
    passphrase is missing, and nothing is created."""
    empty = tmp_path / "nothing-here"
    fails(haven(empty, "journal", "list", passphrase=None), 4, "no vault", "haven init")
    assert not empty.exists()
