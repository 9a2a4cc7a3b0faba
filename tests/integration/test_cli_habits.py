"""CLI habits a person expects (issue 17), through the real `haven` command: a backup never
overwrites by surprise, a delete never happens without a yes, tags can be added and removed
one at a time, an edit says what it changed, `journal add` opens the editor and leaves no
plaintext draft behind, three tries at the passphrase, a weak passphrase is refused before
the repeat, and the help names the commands in order with the exit codes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE
from tests.integration.cli_support import fails, haven, init_vault, ok
from tests.integration.test_cli_interactive import Terminal


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    data = tmp_path / "vault"
    init_vault(data)
    return data


def test_delete_without_yes_refuses_when_it_cannot_ask(vault: Path) -> None:
    entry = ok(haven(vault, "journal", "add", "keep me")).strip()
    fails(haven(vault, "journal", "delete", entry[:8]), 2, "--yes")
    assert entry[:12] in ok(haven(vault, "journal", "list"))
    ok(haven(vault, "journal", "delete", "--yes", entry[:8]))
    assert entry[:12] not in ok(haven(vault, "journal", "list"))


def test_edit_adds_and_removes_tags_and_says_what_changed(vault: Path) -> None:
    entry = ok(haven(vault, "journal", "add", "text", "--tag", "a", "--tag", "b")).strip()
    done = haven(vault, "journal", "edit", entry, "--add-tag", "c", "--remove-tag", "a")
    assert done.returncode == 0 and "Changed the tags." in done.stderr, done.stderr
    shown = ok(haven(vault, "journal", "show", entry, "--json"))
    assert '"b"' in shown and '"c"' in shown and '"a"' not in shown
    done = haven(vault, "journal", "edit", entry, "new text", "--title", "T", "--mood", "3")
    assert "Changed the text, the title and the mood." in done.stderr, done.stderr
    done = haven(vault, "journal", "edit", entry, "new text")
    assert done.returncode == 0 and "Nothing changed" in done.stderr
    fails(haven(vault, "journal", "edit", entry, "--tag", "x", "--add-tag", "y"), 2, "not a mix")
    fails(haven(vault, "journal", "edit", entry, "--add-tag", "y", "--remove-tag", "y"), 2)


EDITOR = """\
import os, sys
path = sys.argv[1]
mode = os.stat(os.path.dirname(path)).st_mode & 0o777
with open(os.environ["EDITOR_LOG"], "w") as log:
    log.write(f"{path}\\n{oct(mode)}\\n")
with open(path, "w") as fh:
    fh.write(os.environ["EDITOR_TEXT"])
with open(path + ".swp", "w") as fh:  # as vim would leave beside it
    fh.write("swap copy")
"""


def _editor(tmp_path: Path, text: str) -> dict[str, str]:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    log = tmp_path / "editor.log"
    return {"EDITOR": f"{sys.executable} {script}", "EDITOR_LOG": str(log), "EDITOR_TEXT": text}


def test_add_with_no_text_opens_the_editor_and_leaves_no_draft(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = _editor(tmp_path, "written in my editor at the harbour\n")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("VISUAL", raising=False)
    term = Terminal("--data-dir", str(vault), "journal", "add", "--tag", "edited")
    term.expect("Passphrase: ")
    term.send(PASSPHRASE)
    code, screen = term.finish()
    assert code == 0, screen
    draft, mode = Path(env["EDITOR_LOG"]).read_text().split()
    assert mode == "0o700"
    assert not Path(draft).exists() and not Path(draft).parent.exists()
    assert "harbour" in ok(haven(vault, "journal", "search", "harbour"))
    # An empty draft saves nothing.
    monkeypatch.setenv("EDITOR_TEXT", "  \n")
    term = Terminal("--data-dir", str(vault), "journal", "add")
    code, screen = term.finish()
    assert code == 1 and "Nothing was saved" in screen
    # Without a terminal there is no editor to open: say how to give the text.
    fails(haven(vault, "journal", "add", extra_env=env), 2, "TEXT")


def test_the_passphrase_prompt_gives_three_tries(vault: Path) -> None:
    # Each answer is sent only once its prompt shows: getpass flushes typed-ahead input.
    term = Terminal("--data-dir", str(vault), "journal", "list")
    term.expect("Passphrase: ")
    term.seen = b""
    term.send("typo one")
    term.expect("try again")
    term.expect("Passphrase: ")
    term.send(PASSPHRASE)
    code, screen = term.finish()
    assert code == 0, screen

    term = Terminal("--data-dir", str(vault), "journal", "list")
    for _ in range(3):
        term.expect("Passphrase: ")
        term.seen = b""
        term.send("wrong again")
    code, screen = term.finish()
    assert code == 3 and "wrong passphrase" in screen
    # From HAVEN_PASSPHRASE, one try: a script does not get it right by repeating.
    fails(haven(vault, "journal", "list", passphrase="wrong"), 3)


def test_init_refuses_a_weak_passphrase_before_asking_for_the_repeat(tmp_path: Path) -> None:
    data = tmp_path / "vault"
    term = Terminal("--data-dir", str(data), "init", "--name", "Robin")
    for attempt in range(1, 4):  # three tries, each refused before the repeat is asked
        term.expect("New passphrase: ", attempt)
        term.send("robin")
    code, screen = term.finish()
    assert code == 2 and "Repeat" not in screen and screen.count("try again") == 2, screen
    assert not data.exists() or not any(data.iterdir())


def test_help_lists_commands_in_order_and_names_exit_codes_and_the_variable() -> None:
    out = ok(haven(None, "--help", passphrase=None))
    order = [
        out.index(f"    {name} ") for name in ("init", "journal", "space", "backup", "help-now")
    ]
    assert order == sorted(order)
    assert "HAVEN_PASSPHRASE" in out and "Exit codes" in out
    assert "  3  wrong passphrase" in out and "130  interrupted" in out
    add_help = " ".join(ok(haven(None, "journal", "add", "--help", passphrase=None)).split())
    assert "may keep copies" in add_help


def test_prompt_says_when_it_falls_back_to_english() -> None:
    arabic = haven(None, "prompt", "--locale", "ar", passphrase=None)
    assert arabic.returncode == 0 and arabic.stderr == ""
    assert any("\u0600" <= ch <= "\u06ff" for ch in arabic.stdout)  # in Arabic, not English
    persian = haven(None, "prompt", "--locale", "fa", passphrase=None)
    assert persian.returncode == 0 and persian.stderr == ""
    assert any("\u0600" <= ch <= "\u06ff" for ch in persian.stdout)  # in Persian now
    other = haven(None, "prompt", "--locale", "de", passphrase=None)
    assert other.returncode == 0 and "showing English" in other.stderr
