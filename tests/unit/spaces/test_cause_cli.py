"""`haven fundraiser close|remove` and `haven campaign close|remove` in-process (no
subprocess): the listing's JSON says `closed`, a closed fundraiser refuses a pledge with one
clear line, a removed one leaves the listing, and a removal without a reason is refused
(docs/PROTOCOL.md §5.10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from haven.cli import main
from haven.errors import InvalidInput
from tests.helpers import PASSPHRASE, new_session


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    s = new_session(tmp_path / "ari", "Ari")
    s.spaces.create_space("Circle", display_name="Ari")
    s.lock()
    monkeypatch.setenv("HAVEN_PASSPHRASE", PASSPHRASE)

    def go(*args: str) -> tuple[int, str, str]:
        code = main.main(["--data-dir", str(tmp_path / "ari"), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return go


def test_close_and_remove_from_the_command_line(run) -> None:
    fund = ["fundraiser", "create", "Circle", "--title", "Rent", "--goal", "500"]
    code, out, _ = run(*fund, "--currency", "EUR", "--for", "rent", "--give", "ask Ari")
    fid = out.strip()
    assert code == 0
    assert json.loads(run("fundraiser", "list", "Circle", "--json")[1])[0]["closed"] is False
    assert run("fundraiser", "close", "Circle", fid[:8])[0] == 0
    assert json.loads(run("fundraiser", "list", "Circle", "--json")[1])[0]["closed"] is True
    code, out, err = run("fundraiser", "pledge", "Circle", fid[:8], "10")
    assert code == InvalidInput.exit_code and out == "" and "closed" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    code, out, _ = run("campaign", "create", "Circle", "--title", "March", "--action", "Come")
    cid = out.strip()
    assert run("campaign", "close", "Circle", "March")[0] == 0
    assert json.loads(run("campaign", "list", "Circle", "--json")[1])[0]["closed"] is True
    with pytest.raises(SystemExit):  # argparse: --reason is required
        run("campaign", "remove", "Circle", cid[:8])
    assert run("campaign", "remove", "Circle", cid[:8], "--reason", "spam")[0] == 0
    assert run("fundraiser", "remove", "Circle", fid[:8], "--reason", "a scam")[0] == 0
    assert json.loads(run("campaign", "list", "Circle", "--json")[1]) == []
    assert json.loads(run("fundraiser", "list", "Circle", "--json")[1]) == []
    code, _, err = run("fundraiser", "close", "Circle", fid)
    assert code != 0 and "no fundraiser" in err
