"""The CLI as a person uses it: in a real pseudo-terminal, with hidden passphrase prompts
(no HAVEN_PASSPHRASE), the display name asked for, and a confirmation before deleting."""

from __future__ import annotations

import os
import pty
import select
import time
from pathlib import Path

from tests.helpers import PASSPHRASE
from tests.integration.cli_support import HAVEN, haven, ok

DEADLINE_S = 30


class Terminal:
    """`haven` running on its own pseudo-terminal (so getpass and isatty behave as for a
    person at a keyboard)."""

    def __init__(self, *args: str, stdin: bytes | None = None) -> None:
        """With `stdin`, standard input is a pipe carrying those bytes instead (as in
        `echo … | haven journal add -` typed at a terminal)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("HAVEN_PASSPHRASE")}
        piped = os.pipe() if stdin is not None else None
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become haven, and never return into pytest
            try:
                if piped is not None:
                    os.dup2(piped[0], 0)
                    os.close(piped[1])
                os.execve(str(HAVEN), [str(HAVEN), *args], env)
            finally:
                os._exit(127)
        if piped is not None and stdin is not None:
            os.close(piped[0])
            os.write(piped[1], stdin)
            os.close(piped[1])
        self.seen = b""

    def expect(self, text: str, times: int = 1) -> None:
        """Wait until `text` has been shown `times` times in all."""
        needle = text.encode("utf-8")
        end = time.monotonic() + DEADLINE_S
        while self.seen.count(needle) < times:
            remaining = end - time.monotonic()
            assert remaining > 0, f"waited for {text!r}; got {self.seen!r}"
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                assert chunk, f"haven exited before {text!r}; got {self.seen!r}"
                self.seen += chunk

    def send(self, line: str) -> None:
        os.write(self.fd, line.encode("utf-8") + b"\n")

    def finish(self) -> tuple[int, str]:
        end = time.monotonic() + DEADLINE_S
        while time.monotonic() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    break
                self.seen += chunk
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status), self.seen.decode("utf-8", "replace")


def test_init_asks_for_a_name_and_the_passphrase_twice(tmp_path: Path) -> None:
    data = str(tmp_path / "vault")
    term = Terminal("--data-dir", data, "init", "--pronouns", "they/them")
    term.expect("Display name")
    term.send("Robin")
    term.expect("New passphrase: ")
    term.send(PASSPHRASE)
    term.expect("Repeat the passphrase: ")
    term.send(PASSPHRASE)
    code, screen = term.finish()
    assert code == 0, screen
    assert "Created your encrypted vault" in screen
    assert PASSPHRASE not in screen  # never echoed
    assert ok(haven(Path(data), "journal", "list")) == ""


def test_mismatched_passphrases_create_nothing(tmp_path: Path) -> None:
    data = tmp_path / "vault"
    term = Terminal("--data-dir", str(data), "init", "--name", "Robin")
    for attempt in range(1, 4):  # three tries, as at the unlock prompt
        term.expect("New passphrase: ", attempt)
        term.send(PASSPHRASE)
        term.expect("Repeat the passphrase: ", attempt)
        term.send(PASSPHRASE + " typo")
    code, screen = term.finish()
    assert code == 2 and "do not match" in screen and screen.count("try again") == 2
    assert not data.exists() or not any(data.iterdir())


def test_delete_asks_first_and_passphrase_change_asks_three_times(tmp_path: Path) -> None:
    data = tmp_path / "vault"
    ok(haven(data, "init", "--name", "Robin"))
    entry_id = ok(haven(data, "journal", "add", "please keep me")).strip()

    term = Terminal("--data-dir", str(data), "journal", "delete", entry_id[:8])
    term.expect("Passphrase: ")
    term.send(PASSPHRASE)
    term.expect("Delete the entry of ")
    term.send("n")
    code, screen = term.finish()
    assert code == 1 and "Nothing was deleted" in screen
    assert entry_id[:12] in ok(haven(data, "journal", "list"))

    new = "seven quiet harbours under moonlight"
    term = Terminal("--data-dir", str(data), "passphrase", "change")
    term.expect("Passphrase: ")
    term.send(PASSPHRASE)
    term.expect("New passphrase: ")
    term.send(new)
    term.expect("Repeat the passphrase: ")
    term.send(new)
    code, screen = term.finish()
    assert code == 0 and "Passphrase changed" in screen, screen
    assert new not in screen and PASSPHRASE not in screen
    assert entry_id[:12] in ok(haven(data, "journal", "list", passphrase=new))


def test_the_passphrase_is_asked_on_the_terminal_when_stdin_carries_the_entry(
    tmp_path: Path,
) -> None:
    """`echo … | haven journal add -` at a terminal: the text comes from the pipe, the
    passphrase from the keyboard, and neither is mistaken for the other."""
    data = tmp_path / "vault"
    ok(haven(data, "init", "--name", "Robin"))
    text = "written through a pipe at the harbour"
    term = Terminal("--data-dir", str(data), "journal", "add", "-", stdin=text.encode())
    term.expect("Passphrase: ")
    term.send(PASSPHRASE)
    code, screen = term.finish()
    assert code == 0, screen
    assert PASSPHRASE not in screen
    listed = ok(haven(data, "journal", "search", "harbour"))
    assert "written through a pipe" in listed


def test_without_a_terminal_a_piped_command_says_how_to_give_the_passphrase(
    tmp_path: Path,
) -> None:
    data = tmp_path / "vault"
    ok(haven(data, "init", "--name", "Robin"))
    done = haven(data, "journal", "add", "-", stdin="no terminal here", passphrase=None)
    assert done.returncode != 0
    assert "no passphrase" in done.stderr and "HAVEN_PASSPHRASE" in done.stderr


def test_duress_passphrase_asked_twice_and_the_wipe_confirmed(tmp_path: Path) -> None:
    data = tmp_path / "vault"
    ok(haven(data, "init", "--name", "Robin"))
    duress = "quiet meadow ferry window 77"
    term = Terminal("--data-dir", str(data), "passphrase", "duress", "--wipe-vault-on-use")
    term.expect("Passphrase: ")
    term.send(PASSPHRASE)
    term.expect('Type "destroy" to choose this: ')
    term.send("destroy")
    term.expect("New duress passphrase: ")
    term.send(duress)
    term.expect("Repeat the duress passphrase: ")
    term.send(duress)
    code, screen = term.finish()
    assert code == 0 and "never be opened" in screen and "destroy this vault" in screen

    term = Terminal("--data-dir", str(data), "passphrase", "duress", "--wipe-vault-on-use")
    term.expect("Passphrase: ")
    term.send(PASSPHRASE)
    term.expect('Type "destroy" to choose this: ')
    term.send("no")
    code, screen = term.finish()
    assert code == 1 and "Nothing was changed" in screen
